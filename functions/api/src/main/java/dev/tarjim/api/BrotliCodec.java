package dev.tarjim.api;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import dev.tarjim.support.Log;
import java.io.IOException;

/**
 * Brotli compression through brotli4j's native library, loaded on first use (never at class initialisation of the
 * handler: a request served from stored bytes never loads it). Where the library cannot load, pages are kept in gzip
 * alone and {@link #compress} answers null.
 */
final class BrotliCodec {
    /** Quality 5 compresses about as fast as gzip's default and some 15-20 % smaller; 11 costs a second per feed. */
    private static final Encoder.Parameters PARAMETERS = new Encoder.Parameters().setQuality(5);
    private static final Log LOG = Log.forFunction("api");

    private BrotliCodec() {
    }

    private static final class Native {
        static final boolean AVAILABLE = load();

        private static boolean load() {
            try {
                if (Brotli4jLoader.isAvailable()) {
                    return true;
                }
                LOG.warn("brotli unavailable; pages are kept in gzip only",
                        "cause", String.valueOf(Brotli4jLoader.getUnavailabilityCause()));
            } catch (LinkageError e) {
                LOG.warn("brotli unavailable; pages are kept in gzip only", "cause", e.toString());
            }
            return false;
        }
    }

    /** The Brotli coding of the bytes, or null when no encoder is available. */
    static byte[] compress(byte[] bytes) {
        if (!Native.AVAILABLE) {
            return null;
        }
        try {
            return Encoder.compress(bytes, PARAMETERS);
        } catch (IOException e) {
            LOG.warn("brotli compression failed; kept in gzip only", "error", e.toString());
            return null;
        }
    }
}
