package dev.tarjim.article;

import java.text.Normalizer;

/** Text clean-up shared by every format: what reaches the store and the translator is one tidy line per paragraph. */
final class Texts {

    private Texts() {
    }

    /**
     * Removes control characters and the bidi embedding/override/isolate controls, collapses whitespace (no-break
     * spaces included) to single spaces and normalises to NFC.
     *
     * <p>Bidi controls are stripped because an uploaded U+202E can reverse how a title renders in feeds and reports
     * (a spoofing vector); the ordinary marks U+200E/U+200F are kept since Arabic text legitimately uses them.
     */
    static String clean(String raw) {
        return collapse(raw).strip();
    }

    /**
     * As {@link #clean} but keeps one space where the text began or ended with whitespace: for a text node inside
     * inline markup, whose neighbours it must stay separated from.
     */
    static String collapse(String raw) {
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
    static String stripControls(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '\t' || !isStripped(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
