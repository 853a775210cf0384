package dev.tarjim.article;

/** The summary rule every language shares: the parser's for originals, the ingest's for translations. */
public final class Summaries {

    static final int SUMMARY_LENGTH = 300;

    private Summaries() {
    }

    /** The first paragraph, cut near {@value #SUMMARY_LENGTH} characters at a word boundary and marked with "…". */
    public static String summaryOf(String firstParagraph) {
        if (firstParagraph.length() <= SUMMARY_LENGTH) {
            return firstParagraph;
        }
        int cut = firstParagraph.lastIndexOf(' ', SUMMARY_LENGTH);
        if (cut < SUMMARY_LENGTH / 2) {
            // Scripts without spaces (Chinese, Japanese) have no word boundary to look for.
            cut = Character.isHighSurrogate(firstParagraph.charAt(SUMMARY_LENGTH - 1))
                    ? SUMMARY_LENGTH - 1 : SUMMARY_LENGTH;
        }
        String head = firstParagraph.substring(0, cut).stripTrailing();
        while (!head.isEmpty() && isTrailingPunctuation(head.charAt(head.length() - 1))) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "…";
    }

    private static boolean isTrailingPunctuation(char c) {
        return c == ',' || c == '،' || c == ';' || c == '؛' || c == ':' || c == '-' || c == '–' || c == '—';
    }
}
