package dev.tarjim.feed;

import java.util.Objects;

/**
 * A public page (a feed, a front page, a sitemap) rendered once and kept as compressed bytes with the entity tag of
 * the version it shows: serving it again costs a lookup and a copy, never a render.
 *
 * @param key         which page, e.g. {@code feed/en/rss@site}: one stored page per key, the latest rendered
 * @param etag        the opaque value of the version's entity tag; a stored page is served only for that same tag
 * @param contentType its media type with charset
 * @param gzip        the page, gzip-compressed (RFC 1952)
 * @param brotli      the page, Brotli-compressed (RFC 7932), or null when no Brotli encoder was at hand
 */
public record RenderedPage(String key, String etag, String contentType, byte[] gzip, byte[] brotli) {

    public RenderedPage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(gzip, "gzip");
    }

    /** Bytes it holds in all (what a store's item-size limit is checked against). */
    public int storedBytes() {
        return gzip.length + (brotli == null ? 0 : brotli.length) + key.length() + etag.length()
                + contentType.length();
    }
}
