package dev.tarjim.api;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The API function's configuration, read once from environment variables; fails fast naming what is missing.
 *
 * @param region         AWS region ({@code AWS_REGION})
 * @param tableName      DynamoDB table ({@code TABLE_NAME})
 * @param dynamoEndpoint DynamoDB endpoint override ({@code AWS_ENDPOINT_URL_DYNAMODB} or {@code AWS_ENDPOINT_URL})
 * @param publicBaseUrl  base of links in feeds and pages ({@code PUBLIC_BASE_URL}); null: from the request
 * @param feedPageSize   entries per feed page ({@code FEED_PAGE_SIZE}, default 50)
 * @param maxAgeSeconds  {@code Cache-Control: max-age} of feeds ({@code FEED_MAX_AGE_SECONDS}, default 60)
 * @param settleSeconds  how long after a change a feed is served without validators, while the eventually
 *                       consistent feed index catches up ({@code FEED_SETTLE_SECONDS}, default 5; 0 where the index
 *                       is synchronous, as in dynalite)
 * @param cursorSecret   HMAC key of partner cursors ({@code CURSOR_SECRET})
 */
public record ApiConfig(
        Region region,
        String tableName,
        URI dynamoEndpoint,
        String publicBaseUrl,
        int feedPageSize,
        int maxAgeSeconds,
        int settleSeconds,
        String cursorSecret) {

    public static ApiConfig fromEnvironment() {
        return from(System.getenv());
    }

    static ApiConfig from(Map<String, String> env) {
        String common = blankToNull(env.get("AWS_ENDPOINT_URL"));
        String dynamo = blankToNull(env.get("AWS_ENDPOINT_URL_DYNAMODB"));
        String base = blankToNull(env.get("PUBLIC_BASE_URL"));
        return new ApiConfig(
                Region.of(required(env, "AWS_REGION")),
                required(env, "TABLE_NAME"),
                dynamo != null ? URI.create(dynamo) : common != null ? URI.create(common) : null,
                base == null ? null : base.replaceAll("/+$", ""),
                Integer.parseInt(env.getOrDefault("FEED_PAGE_SIZE", "50").trim()),
                Integer.parseInt(env.getOrDefault("FEED_MAX_AGE_SECONDS", "60").trim()),
                Integer.parseInt(env.getOrDefault("FEED_SETTLE_SECONDS", "5").trim()),
                env.getOrDefault("CURSOR_SECRET", ""));
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is required by the API function");
        }
        return v.trim();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
