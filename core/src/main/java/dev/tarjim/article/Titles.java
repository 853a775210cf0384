package dev.tarjim.article;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A headline made up for an article that has none: its first sentence, shortened at a word boundary. */
final class Titles {

    /** Longest made-up title, in characters (the "…" included). */
    static final int MAX_CHARS = 120;

    /**
     * A sentence ends at a full stop, question or exclamation mark (Latin, Arabic or CJK) followed by space or the
     * end; CJK marks end a sentence even without the space, as the script uses none.
     */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟…]+[\"'»”’)\\]]*(?=\\s|$)|[。！？]");

    private Titles() {
    }

    /** The first sentence of {@code text} (a clean, non-empty paragraph), at most {@value #MAX_CHARS} characters. */
    static String fromFirstSentence(String text) {
        String sentence = text;
        Matcher end = SENTENCE_END.matcher(text);
        while (end.find()) {
            // "U.S." or "Dr." near the start is not a sentence: a headline has a few words at least.
            if (end.start() >= 12) {
                sentence = text.substring(0, end.end());
                break;
            }
        }
        sentence = sentence.strip();
        if (sentence.endsWith(".") && !sentence.endsWith("..")) {
            // Headlines carry no final full stop.
            sentence = sentence.substring(0, sentence.length() - 1);
        }
        if (sentence.length() <= MAX_CHARS) {
            return sentence;
        }
        int limit = MAX_CHARS - 1;
        int cut = sentence.lastIndexOf(' ', limit);
        if (cut < MAX_CHARS / 2) {
            // No word boundary (Chinese, Japanese): cut between characters, never inside a surrogate pair.
            cut = Character.isLowSurrogate(sentence.charAt(limit)) ? limit - 1 : limit;
        }
        String head = sentence.substring(0, cut).stripTrailing();
        while (!head.isEmpty() && ",،;؛:-–—".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + "…";
    }
}
