package dev.tarjim.api;

import dev.tarjim.feed.RenderedPage;
import dev.tarjim.feed.RenderedPages;
import dev.tarjim.support.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Public pages served like static files: each version of a page (named by its entity tag, which changes with every
 * change of what it shows) is rendered once, compressed once in gzip and Brotli, kept in the table for every function
 * instance ({@link RenderedPages}) and in this instance's memory, and then served as those bytes. A request for an
 * unchanged page costs the version read its validators need, a lookup and a copy.
 *
 * <p>Only pages that may be cached are kept (the caller says so: a page rendered while the feed index may still lag a
 * change is not). Keeping never fails a request: a store error is logged and the page is served as rendered.
 */
final class PageCache {
    /** Memory kept per function instance, in bytes of text and codings. */
    static final long DEFAULT_MEMORY_BYTES = 48L << 20;
    private static final Log LOG = Log.forFunction("api");

    private final RenderedPages store;
    private final long memoryBudget;
    private final Map<String, Page> memory = new LinkedHashMap<>(64, 0.75f, true);
    private long memoryUsed;
    private final AtomicLong renders = new AtomicLong();
    private final AtomicLong storeHits = new AtomicLong();

    /** @param store where pages are kept across instances, or null for this instance's memory alone */
    PageCache(RenderedPages store, long memoryBudget) {
        this.store = store;
        this.memoryBudget = memoryBudget;
    }

    /**
     * A page in the codings it is served in.
     *
     * @param etag   the opaque value of its identity entity tag
     * @param text   the page itself
     * @param brotli its Brotli coding, or null where no encoder was available
     */
    record Page(String etag, String contentType, String text, byte[] gzip, byte[] brotli) {
        long bytes() {
            return 2L * text.length() + gzip.length + (brotli == null ? 0 : brotli.length) + 128;
        }

        /** A 200 response in the coding asked for (one it has). */
        Response response(ContentCoding coding) {
            return switch (coding) {
                case IDENTITY -> Response.of(200, contentType, text);
                case GZIP -> Response.binary(200, contentType, gzip).header("Content-Encoding", "gzip");
                case BROTLI -> Response.binary(200, contentType, brotli).header("Content-Encoding", "br");
            };
        }
    }

    /**
     * The page under {@code key} at version {@code etag}: from memory, else from the store, else rendered now.
     *
     * @param keep   whether the page may be kept (false: rendered and compressed for this response only)
     * @param render renders the page's text; called only when no kept page has this version
     */
    Page page(String key, String etag, String contentType, boolean keep, Supplier<String> render) {
        if (keep) {
            Page known = remembered(key, etag);
            if (known != null) {
                return known;
            }
            Page stored = stored(key, etag);
            if (stored != null) {
                remember(key, stored);
                return stored;
            }
        }
        renders.incrementAndGet();
        String text = render.get();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // Brotli costs a little more than gzip: made only for pages kept, which are compressed once per version.
        Page page = new Page(etag, contentType, text, gzip(bytes), keep ? BrotliCodec.compress(bytes) : null);
        if (keep) {
            remember(key, page);
            keepInStore(key, page);
        }
        return page;
    }

    /**
     * The response for a versioned page: 304 when the client holds this version (tagged for the coding of the copy
     * it names, else the one it would be sent), or else the page (kept or rendered now) in the coding the client
     * accepts. {@code headers} adds the caller's validators and caching for the coding chosen.
     *
     * @param etag        the identity coding's tag of this version
     * @param notModified whether the request's conditions name this version (and it may be cached)
     */
    Response serve(Request request, EntityTag etag, boolean notModified, String key, String contentType, boolean keep,
            Supplier<String> render, java.util.function.BiFunction<Response, ContentCoding, Response> headers) {
        String accepted = request.header("Accept-Encoding");
        if (notModified) {
            ContentCoding held = ContentCoding.held(etag, request.header("If-None-Match"));
            return headers.apply(new Response(304, Map.of(), ""),
                    held != null ? held : ContentCoding.negotiate(accepted, true));
        }
        Page page = page(key, etag.opaque(), contentType, keep, render);
        ContentCoding coding = ContentCoding.negotiate(accepted, page.brotli() != null);
        return headers.apply(page.response(coding), coding);
    }

    /** How many pages this instance rendered (the rest it served from memory or the store). */
    long renders() {
        return renders.get();
    }

    /** How many pages this instance took from the store. */
    long storeHits() {
        return storeHits.get();
    }

    private synchronized Page remembered(String key, String etag) {
        Page page = memory.get(key);
        return page != null && page.etag().equals(etag) ? page : null;
    }

    private synchronized void remember(String key, Page page) {
        if (page.bytes() > memoryBudget / 4) {
            return;
        }
        Page old = memory.put(key, page);
        memoryUsed += page.bytes() - (old == null ? 0 : old.bytes());
        Iterator<Page> eldest = memory.values().iterator();
        while (memoryUsed > memoryBudget && eldest.hasNext()) {
            memoryUsed -= eldest.next().bytes();
            eldest.remove();
        }
    }

    private Page stored(String key, String etag) {
        if (store == null) {
            return null;
        }
        try {
            RenderedPage kept = store.find(key).filter(p -> p.etag().equals(etag)).orElse(null);
            if (kept == null) {
                return null;
            }
            storeHits.incrementAndGet();
            return new Page(etag, kept.contentType(), new String(gunzip(kept.gzip()), StandardCharsets.UTF_8),
                    kept.gzip(), kept.brotli());
        } catch (RuntimeException e) {
            LOG.warn("reading a kept page failed; rendering it", "key", key, "error", e.toString());
            return null;
        }
    }

    private void keepInStore(String key, Page page) {
        if (store == null) {
            return;
        }
        RenderedPage rendered = new RenderedPage(key, page.etag(), page.contentType(), page.gzip(), page.brotli());
        if (rendered.storedBytes() > store.maxBytes() && page.brotli() != null) {
            rendered = new RenderedPage(key, page.etag(), page.contentType(), page.gzip(), null);
        }
        if (rendered.storedBytes() > store.maxBytes()) {
            LOG.info("page too big to keep in the table; kept in memory only", "key", key,
                    "gzipBytes", page.gzip().length);
            return;
        }
        try {
            store.save(rendered);
        } catch (RuntimeException e) {
            LOG.warn("keeping a rendered page failed; served as rendered", "key", key, "error", e.toString());
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (OutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes), 8192)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
