package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FEED_VERSION_CACHE_MS: an instance reuses a feed's version item for the window, then reads it again. */
class VersionCacheTest {
    private static ApiStack stack;
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @BeforeAll
    static void start() {
        stack = new ApiStack(Map.of("FEED_VERSION_CACHE_MS", "600000"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void withinTheWindow_aPollCostsNoRead_andAnotherInstanceSeesTheChange() {
        stack.put("c000000000000001", "ko", "ko", "첫 번째 기사", T0, 1, List.of("첫 문단."));
        APIGatewayProxyResponseEvent first = stack.get("/feeds/ko/rss.xml", Map.of(), Map.of(), null);
        String etag = first.getHeaders().get("ETag");

        stack.requests.set(0);
        APIGatewayProxyResponseEvent poll = stack.get("/feeds/ko/rss.xml", Map.of(), Map.of("If-None-Match", etag), null);
        assertThat(poll.getStatusCode()).isEqualTo(304);
        APIGatewayProxyResponseEvent full = stack.get("/feeds/ko/rss.xml", Map.of(), Map.of(), null);
        assertThat(full.getBody()).isEqualTo(first.getBody());
        assertThat(stack.requests.get()).as("version reused, page from memory").isZero();

        // A change within the window: this instance still answers the version it read; a fresh one reads anew.
        stack.put("c000000000000002", "ko", "ko", "두 번째 기사", T0.plusSeconds(60), 1, List.of("둘째 문단."));
        assertThat(stack.get("/feeds/ko/rss.xml", Map.of(), Map.of("If-None-Match", etag), null).getStatusCode())
                .isEqualTo(304);
        APIGatewayProxyResponseEvent fresh = stack.get(new ApiHandler(stack.newRoutes()), "/feeds/ko/rss.xml",
                Map.of("If-None-Match", etag));
        assertThat(fresh.getStatusCode()).isEqualTo(200);
        assertThat(fresh.getBody()).contains("두 번째 기사");
    }
}
