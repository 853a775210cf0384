package dev.tarjim.feed;

/**
 * Cleans text from uploads before it is rendered: characters XML cannot carry and bidi overrides.
 *
 * <p>Escaping is the writers' job (Rome, JDOM, jsoup, Jackson); this class only removes what no escaping can
 * make safe: a C0 control would make the XML writer throw and take the whole feed down, and a right-to-left
 * override in a headline can disguise what a reader sees.
 */
final class Texts {

    private Texts() {
    }

    /** The text without characters that XML 1.0 forbids; {@code ""} for null. Returns the same string when clean. */
    static String body(String text) {
        return filter(text, false);
    }

    /** Like {@link #body} and also without bidi embedding, override and isolate controls: for titles and names. */
    static String line(String text) {
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
    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
