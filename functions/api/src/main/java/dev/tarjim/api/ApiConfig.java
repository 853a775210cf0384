package dev.tarjim.api;

import dev.tarjim.feed.SiteBranding;
import dev.tarjim.support.Environment;
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
 * @param s3Endpoint     S3 endpoint override ({@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}), for media
 * @param uploadBucket   the bucket editors upload to from the dashboard ({@code BUCKET_NAME}); null: no upload forms
 * @param maxUploadBytes the largest upload a dashboard form allows ({@code MAX_UPLOAD_BYTES}, default 5 MiB)
 * @param branding       the publisher ({@code SITE_NAME}, {@code SITE_NAME_BY_LANGUAGE}, {@code SITE_URL},
 *                       {@code TAG_AUTHORITY}) named in feeds, pages and ninjs
 * @param websubHub      the WebSub hub feeds advertise ({@code WEBSUB_HUB}), or null for none
 * @param versionCacheMillis how long an instance reuses a feed's version item before reading it again
 *                       ({@code FEED_VERSION_CACHE_MS}, default 1000; 0 reads it on every request): a poll within it
 *                       costs no read at all, and a change shows at most this much later (feeds are cached for
 *                       {@code FEED_MAX_AGE_SECONDS} by readers and CloudFront anyway)
 */
public record ApiConfig(
        Region region,
        String tableName,
        URI dynamoEndpoint,
        String publicBaseUrl,
        int feedPageSize,
        int maxAgeSeconds,
        int settleSeconds,
        String cursorSecret,
        URI s3Endpoint,
        String uploadBucket,
        long maxUploadBytes,
        SiteBranding branding,
        String websubHub,
        int versionCacheMillis) {

    public static ApiConfig fromEnvironment() {
        return from(System.getenv());
    }

    static ApiConfig from(Map<String, String> variables) {
        Environment env = new Environment(variables, "API");
        String base = env.optional("PUBLIC_BASE_URL");
        return new ApiConfig(
                Region.of(env.required("AWS_REGION")),
                env.required("TABLE_NAME"),
                env.endpoint("DYNAMODB"),
                base == null ? null : base.replaceAll("/+$", ""),
                Integer.parseInt(env.or("FEED_PAGE_SIZE", "50")),
                Integer.parseInt(env.or("FEED_MAX_AGE_SECONDS", "60")),
                Integer.parseInt(env.or("FEED_SETTLE_SECONDS", "5")),
                env.or("CURSOR_SECRET", ""),
                env.endpoint("S3"),
                env.optional("BUCKET_NAME"),
                Long.parseLong(env.or("MAX_UPLOAD_BYTES", Long.toString(5L * 1024 * 1024))),
                SiteBranding.from(env),
                env.optional("WEBSUB_HUB"),
                Integer.parseInt(env.or("FEED_VERSION_CACHE_MS", "1000")));
    }
}
