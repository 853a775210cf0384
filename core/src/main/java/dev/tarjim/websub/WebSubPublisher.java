package dev.tarjim.websub;

import dev.tarjim.feed.FeedChanges;
import dev.tarjim.feed.FeedFormat;
import dev.tarjim.feed.FeedSettings;
import dev.tarjim.feed.SiteLinks;
import dev.tarjim.support.Log;
import dev.tarjim.support.Metrics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tells a WebSub hub (W3C WebSub, section 7's publish request as hubs implement it) that feeds changed:
 * {@code hub.mode=publish&hub.url=<feed URL>}, one request per changed feed, after the change is visible.
 *
 * <p>Visible means what the API means by it: a feed is served with validators (and so fetched as final by the hub)
 * only {@code FEED_SETTLE_SECONDS} after its last change, while the eventually consistent feed index catches up; the
 * publisher waits until then. A ping that fails is retried with backoff, counted, and never fails the event: readers
 * still poll, and the next change pings again.
 */
public final class WebSubPublisher {
    /** Attempts per feed: the first and two retries. */
    static final int ATTEMPTS = 3;

    private final URI hub;
    private final SiteLinks links;
    private final Duration settle;
    private final Duration backoff;
    private final Clock clock;
    private final Log log;
    private final String function;
    private HttpClient http;

    /**
     * @param hub      the hub's publish endpoint ({@code WEBSUB_HUB})
     * @param baseUrl  the public base URL feeds are served under ({@code PUBLIC_BASE_URL})
     * @param settle   how long after a change the API serves the feed as final ({@code FEED_SETTLE_SECONDS})
     * @param backoff  the wait before the first retry (doubled for the next)
     * @param function the function name metrics are counted under
     */
    public WebSubPublisher(URI hub, String baseUrl, Duration settle, Duration backoff, Clock clock, Log log,
            String function) {
        this.hub = hub;
        this.links = new SiteLinks(FeedSettings.of(baseUrl.replaceAll("/+$", "")));
        this.settle = settle;
        this.backoff = backoff;
        this.clock = clock;
        this.log = log;
        this.function = function;
    }

    /** The feed URLs a change of these languages changes: every format of each language's feed, in order. */
    public List<String> feedUrls(Iterable<String> languages) {
        List<String> urls = new ArrayList<>();
        for (String lang : languages) {
            for (FeedFormat format : FeedFormat.values()) {
                urls.add(links.feedUrl(lang, format));
            }
        }
        return urls;
    }

    /**
     * Announces every feed of the batch, once each, after it settled.
     *
     * @return the feeds the hub accepted
     */
    public int publish(FeedChanges.Batch batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        waitUntilSettled(batch.lastChange());
        int accepted = 0;
        for (String feed : feedUrls(batch.languages())) {
            if (publishOne(feed)) {
                accepted++;
                Metrics.count(function, "WebSubPublished", Map.of());
            } else {
                Metrics.count(function, "WebSubFailed", Map.of());
            }
        }
        return accepted;
    }

    private boolean publishOne(String feed) {
        String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(feed, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(hub).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                sleep(backoff.multipliedBy(1L << (attempt - 2)));
            }
            try {
                HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    log.info("websub publish", "feed", feed, "status", response.statusCode(), "attempt", attempt);
                    return true;
                }
                failure = "HTTP " + response.statusCode();
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
                break;
            }
        }
        log.warn("websub publish failed; readers still poll, the next change pings again", "feed", feed,
                "hub", hub.toString(), "error", failure);
        return false;
    }

    private void waitUntilSettled(Instant lastChange) {
        if (lastChange == null) {
            return;
        }
        Duration left = Duration.between(clock.instant(), lastChange.plus(settle).plusMillis(100));
        if (!left.isNegative() && !left.isZero()) {
            sleep(left.compareTo(settle.plusSeconds(1)) > 0 ? settle.plusSeconds(1) : left);
        }
    }

    private synchronized HttpClient client() {
        if (http == null) {
            // Created on the first ping, not at cold start: functions without a hub never load it.
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        }
        return http;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
