package dev.tarjim.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads text copied from a web page: the headline, the body, and whatever furniture came along with them.
 *
 * <p>Each line is a paragraph (copying a web page yields one line per paragraph); a block whose lines look
 * hard-wrapped (similar widths, sentences running over the line ends) is joined into one paragraph instead.
 *
 * <p><b>Site name before the headline.</b> Copying a whole page often starts with the site's name or tagline, as in
 * "موقع متخصص بالشؤون الصينية" above the headline. The first line is taken for a site name, and the second for the
 * headline, when all of these hold:
 * <ul>
 *   <li>both lines stand alone (a blank line after each) and a body follows them: a headline on its own is never
 *       skipped;</li>
 *   <li>neither ends like a sentence (headlines and names carry no final full stop; a body paragraph does);</li>
 *   <li>the second line is longer than the first: headlines are sentences, names are a few words;</li>
 *   <li>and either the first line contains a word sites name themselves with ("موقع", "أخبار", "جريدة", "site",
 *       "news", "times", a domain...), or it has at most five words and the second is at least twice as long.</li>
 * </ul>
 * The cost of a mistake is asymmetric: a short real headline followed by a long subtitle without a full stop would
 * lose its headline, so the word-count branch also demands the doubling, which taglines clear easily and
 * headline/subtitle pairs rarely do.
 */
final class PlainTextFormat {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern SITE_WORDS = Pattern.compile(
            "(?:^|[\\s|:·—-])(?:site|website|news|blog|magazine|journal|times|daily|online|portal|network|gazette|tribune"
                    + "|موقع|أخبار|اخبار|بوابة|جريدة|صحيفة|مجلة|شبكة|نيوز|مدونة|وكالة|قناة|منصة)(?:$|[\\s|:·—-])"
                    + "|\\.(?:com|net|org|info|news)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:by|written by|بقلم|كتب|كتبت|إعداد)\\s*[:：]?\\s+(\\S.{1,78})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_SPLIT = Pattern.compile("\\s+");

    private PlainTextFormat() {
    }

    static ParsedArticle parse(String text) throws UnsupportedUploadException {
        List<Line> lines = new ArrayList<>();
        for (Line line : lines(text)) {
            if (!Boilerplate.isFurniture(line.text)) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new UnsupportedUploadException("No title found: the file has no text besides page furniture");
        }
        int titleAt = isSiteName(lines) ? 1 : 0;
        String title = lines.get(titleAt).text;
        List<String> body = new ArrayList<>();
        String author = null;
        for (int i = titleAt + 1; i < lines.size(); i++) {
            String p = lines.get(i).text;
            Matcher byline = BYLINE.matcher(p);
            if (author == null && body.isEmpty() && byline.matches()) {
                author = byline.group(1);
            } else {
                body.add(p);
            }
        }
        return new ParsedArticle("text", title, null, body, author, List.of(), null, null, null, null);
    }

    /** The paragraphs of a plain-text body (used for ninjs {@code body_text} too). */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (Line line : lines(text)) {
            out.add(line.text);
        }
        return out;
    }

    private static boolean isSiteName(List<Line> lines) {
        if (lines.size() < 3) {
            return false;
        }
        Line first = lines.get(0);
        Line second = lines.get(1);
        if (!first.standalone || !second.standalone || endsSentence(first.text) || endsSentence(second.text)
                || second.text.length() <= first.text.length()) {
            return false;
        }
        if (SITE_WORDS.matcher(first.text).find()) {
            return true;
        }
        return WORD_SPLIT.split(first.text).length <= 5 && second.text.length() >= 2 * first.text.length();
    }

    static boolean endsSentence(String s) {
        int i = s.length() - 1;
        while (i > 0 && "\"'»”’)]".indexOf(s.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && ".!?؟。！？…".indexOf(s.charAt(i)) >= 0;
    }

    private static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String raw : LINE_BREAK.split(text, -1)) {
            String line = Texts.clean(raw);
            if (line.isEmpty()) {
                flush(block, out);
            } else {
                block.add(line);
            }
        }
        flush(block, out);
        return out;
    }

    private static void flush(List<String> block, List<Line> out) {
        if (block.isEmpty()) {
            return;
        }
        if (block.size() == 1) {
            out.add(new Line(block.get(0), true));
        } else if (isHardWrapped(block)) {
            out.add(new Line(String.join(" ", block), true));
        } else {
            for (String line : block) {
                out.add(new Line(line, false));
            }
        }
        block.clear();
    }

    /**
     * A block is hard-wrapped when it has three lines or more, its lines but the last have similar widths of 40 to
     * 100 characters, and most of them end mid-sentence: lines of a pasted web page end with their paragraph.
     */
    private static boolean isHardWrapped(List<String> block) {
        if (block.size() < 3) {
            return false;
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        int midSentence = 0;
        for (int i = 0; i < block.size() - 1; i++) {
            String line = block.get(i);
            min = Math.min(min, line.length());
            max = Math.max(max, line.length());
            if (!endsSentence(line)) {
                midSentence++;
            }
        }
        int wrapped = block.size() - 1;
        return min >= 40 && max <= 100 && max - min <= 30 && midSentence * 3 >= wrapped * 2;
    }

    /** A line of text; {@code standalone} when blank lines surround it. */
    private record Line(String text, boolean standalone) {
    }
}
