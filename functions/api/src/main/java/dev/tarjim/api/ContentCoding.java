package dev.tarjim.api;

import java.util.Locale;

/**
 * The content codings pages are served in (RFC 9110 section 8.4): Brotli, gzip, or none, chosen from the client's
 * {@code Accept-Encoding} (section 12.5.3). Each coding is its own representation, so its entity tag carries the
 * coding's suffix ({@code "en-rss-v7-gzip"}), as Apache httpd does, and responses say {@code Vary: Accept-Encoding}.
 */
enum ContentCoding {
    IDENTITY(null, ""),
    GZIP("gzip", "-gzip"),
    BROTLI("br", "-br");

    private final String token;
    private final String etagSuffix;

    ContentCoding(String token, String etagSuffix) {
        this.token = token;
        this.etagSuffix = etagSuffix;
    }

    /** The {@code Content-Encoding} value, or null for identity. */
    String token() {
        return token;
    }

    /** The entity tag of this coding of a representation whose identity tag is {@code identity}. */
    EntityTag tag(EntityTag identity) {
        return new EntityTag(identity.opaque() + etagSuffix, identity.weak());
    }

    /** Whether an {@code If-None-Match} header names the representation tagged {@code identity} in any coding. */
    static boolean matchesAny(EntityTag identity, String ifNoneMatch) {
        return held(identity, ifNoneMatch) != null;
    }

    /**
     * The coding of the representation an {@code If-None-Match} header names (the client holds it: a 304 carries its
     * tag), or null when it names none of this version's.
     */
    static ContentCoding held(EntityTag identity, String ifNoneMatch) {
        for (ContentCoding coding : values()) {
            if (coding.tag(identity).matchesIfNoneMatch(ifNoneMatch)) {
                return coding;
            }
        }
        return null;
    }

    /**
     * The coding to send: the acceptable one the client weights highest, Brotli before gzip at equal weight, and
     * identity when neither is acceptable (or the header is absent: RFC 9110 then allows any coding, but clients
     * that send none, such as wrk or old feed readers, often cannot decode one).
     *
     * @param acceptEncoding the request's header, or null
     * @param brotli         whether a Brotli coding of the page exists
     */
    static ContentCoding negotiate(String acceptEncoding, boolean brotli) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return IDENTITY;
        }
        double gzip = weight(acceptEncoding, "gzip");
        double br = brotli ? weight(acceptEncoding, "br") : 0;
        if (br <= 0 && gzip <= 0) {
            return IDENTITY;
        }
        return br >= gzip ? BROTLI : GZIP;
    }

    /** The weight the header gives a coding: its own entry's {@code q}, else {@code *}'s, else 0. */
    private static double weight(String header, String coding) {
        double wildcard = 0;
        for (String part : header.split(",")) {
            String[] fields = part.split(";");
            String name = fields[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < fields.length; i++) {
                String p = fields[i].trim();
                if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                    try {
                        q = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (name.equals(coding) || (coding.equals("gzip") && name.equals("x-gzip"))) {
                return q;
            }
            if (name.equals("*")) {
                wildcard = q;
            }
        }
        return wildcard;
    }
}
