package dev.tarjim.feed;

import java.util.Optional;

/**
 * Where rendered pages are kept between requests and across function instances (the port; the DynamoDB adapter is
 * {@code dev.tarjim.store.DynamoRenderedPages}). Keeping is an optimisation: a page missing or stale here is rendered
 * again, so neither method may be relied on for correctness.
 */
public interface RenderedPages {
    /** The latest page kept under the key, whatever version it shows; empty when none is. */
    Optional<RenderedPage> find(String key);

    /** Keeps the page under its key in place of the one kept before. */
    void save(RenderedPage page);

    /** The largest page ({@link RenderedPage#storedBytes()}) {@link #save} accepts. */
    int maxBytes();
}
