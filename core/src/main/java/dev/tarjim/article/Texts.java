package dev.tarjim.article;

import java.text.Normalizer;

/**
 * The one home of text normalisation. On the way in, every format's text is cleaned the same way (one tidy line per
 * paragraph reaches the store and the translator); on the way out, renderers drop what no escaping can make safe
 * (a C0 control would make an XML writer throw and take a whole feed down; a right-to-left override in a headline
 * can disguise what a reader sees). Escaping itself is the writers' job.
 */
public final class Texts {

    private Texts() {
    }

    /**
     * Removes control characters and the bidi embedding/override/isolate controls, collapses whitespace (no-break
     * spaces included) to single spaces and normalises to NFC.
     *
     * <p>Bidi controls are stripped because an uploaded U+202E can reverse how a title renders in feeds and reports
     * (a spoofing vector); the ordinary marks U+200E/U+200F are kept since Arabic text legitimately uses them.
     */
    public static String clean(String raw) {
        return collapse(raw).strip();
    }

    /**
     * As {@link #clean} but keeps one space where the text began or ended with whitespace: for a text node inside
     * inline markup, whose neighbours it must stay separated from.
     */
    public static String collapse(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = true;
            } else if (!isStripped(c)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        if (pendingSpace) {
            out.append(' ');
        }
        String s = out.toString();
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\u2007' || c == '\u202F'
                || c == '\u3000' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029'
                || c == '\u000B' || c == '\u000C';
    }

    private static boolean isStripped(char c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\uFEFF';
    }


    /** Control characters (newline and tab kept) and bidi controls removed; for verbatim text such as {@code pre}. */
    public static String stripControls(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '\t' || !isStripped(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The text without characters that XML 1.0 forbids; {@code ""} for null. Returns the same string when clean. */
    public static String xmlBody(String text) {
        return filter(text, false);
    }

    /** Like {@link #xmlBody} and also without bidi embedding, override and isolate controls: for titles and names. */
    public static String xmlLine(String text) {
        return filter(text, true);
    }

    private static String filter(String text, boolean stripBidi) {
        if (text == null) {
            return "";
        }
        int length = text.length();
        int i = 0;
        // Fast path over chars: most text is clean, and copying it would cost the feed renderers for nothing.
        while (i < length) {
            char c = text.charAt(i);
            if (plain(c, stripBidi)) {
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))
                    && keep(text.codePointAt(i), stripBidi)) {
                i += 2;
            } else {
                break;
            }
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length);
        out.append(text, 0, i);
        while (i < length) {
            int cp = text.codePointAt(i);
            if (keep(cp, stripBidi)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** A char that is certainly kept on its own: not a control, surrogate, non-character or (maybe) bidi control. */
    private static boolean plain(char c, boolean stripBidi) {
        if (c < 0x20) {
            return c == 0x9 || c == 0xA || c == 0xD;
        }
        if (c < 0x202A) {
            return true;
        }
        return c < 0xD800 ? !(stripBidi && isBidiControl(c)) : c >= 0xE000 && c <= 0xFFFD;
    }

    private static boolean keep(int cp, boolean stripBidi) {
        boolean xml = cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!xml) {
            return false;
        }
        return !(stripBidi && isBidiControl(cp));
    }

    /** LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI; the marks LRM/RLM/ALM stay (harmless). */
    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
