package dev.tarjim.api;

/**
 * The API's one writer and matcher of HTTP entity tags (RFC 9110 section 8.8.3): every route's {@code ETag} is made
 * here from an opaque value, so none is ever quoted twice or left bare.
 *
 * @param opaque the tag's value, without quotes
 * @param weak   whether it is a weak validator ({@code W/"..."})
 */
record EntityTag(String opaque, boolean weak) {

    EntityTag {
        for (int i = 0; i < opaque.length(); i++) {
            char c = opaque.charAt(i);
            // etagc = %x21 / %x23-7E / obs-text: no space, no DQUOTE, no controls.
            if (c == '"' || c <= 0x20 || c == 0x7F) {
                throw new IllegalArgumentException("not a valid entity-tag value: " + opaque);
            }
        }
    }

    static EntityTag strong(String opaque) {
        return new EntityTag(opaque, false);
    }

    static EntityTag weak(String opaque) {
        return new EntityTag(opaque, true);
    }

    /** The header value: {@code "opaque"} or {@code W/"opaque"}. */
    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + opaque + '"';
    }

    /**
     * Whether an {@code If-None-Match} header matches this tag, by the weak comparison RFC 9110 prescribes for it:
     * {@code *}, or any listed tag with the same opaque value, weak or not.
     */
    boolean matchesIfNoneMatch(String header) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String t = candidate.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") && t.substring(1, t.length() - 1)
                    .equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
