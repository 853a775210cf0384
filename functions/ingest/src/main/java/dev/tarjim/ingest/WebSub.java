package dev.tarjim.ingest;

import dev.tarjim.feed.FeedChanges;
import dev.tarjim.support.Environment;
import dev.tarjim.support.Log;
import dev.tarjim.websub.WebSubPublisher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The functions' side of WebSub: the feeds an invocation changed (recorded by the store) are announced to the hub
 * ({@code WEBSUB_HUB}) once each when the invocation's work is done. Without a hub nothing is recorded or sent.
 */
final class WebSub {
    private final FeedChanges changes = new FeedChanges();
    private final WebSubPublisher publisher;
    private final Log log;

    private WebSub(WebSubPublisher publisher, Log log) {
        this.publisher = publisher;
        this.log = log;
    }

    /**
     * From {@code WEBSUB_HUB} (an absolute http(s) URL; empty: no hub), {@code PUBLIC_BASE_URL} (required with a hub:
     * the feed URLs announced) and {@code FEED_SETTLE_SECONDS} (as the API reads it, default 5).
     */
    static WebSub from(Map<String, String> variables, String function, Log log) {
        Environment env = new Environment(variables, function);
        String hub = env.optional("WEBSUB_HUB");
        if (hub == null) {
            return new WebSub(null, log);
        }
        URI uri;
        try {
            uri = URI.create(hub.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalStateException("WEBSUB_HUB must be the hub's absolute http(s) URL, not " + hub);
        }
        String base = env.optional("PUBLIC_BASE_URL");
        if (base == null) {
            throw new IllegalStateException("WEBSUB_HUB is set but PUBLIC_BASE_URL is not: the hub must be told the "
                    + "feeds' public URLs");
        }
        Duration settle = Duration.ofSeconds(Long.parseLong(env.or("FEED_SETTLE_SECONDS", "5")));
        return new WebSub(new WebSubPublisher(uri, base, settle, Duration.ofMillis(500), Clock.systemUTC(), log,
                function), log);
    }

    /** Where the store records changed feeds, or null without a hub (nothing to record). */
    FeedChanges changes() {
        return publisher == null ? null : changes;
    }

    /** Announces what changed since the last call; never throws. */
    void announce() {
        if (publisher == null) {
            return;
        }
        try {
            publisher.publish(changes.drain());
        } catch (RuntimeException e) {
            log.warn("websub announce failed; readers still poll", "error", e.toString());
        }
    }
}
