package dev.tarjim.ingest;

import dev.tarjim.feed.SiteBranding;
import dev.tarjim.support.Environment;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The ingest function's configuration, read once from environment variables; fails fast naming what is missing.
 *
 * @param region             AWS region ({@code AWS_REGION}, set by Lambda)
 * @param tableName          DynamoDB table ({@code TABLE_NAME})
 * @param s3Endpoint         S3 endpoint override ({@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}), or null
 * @param dynamoEndpoint     DynamoDB endpoint override ({@code AWS_ENDPOINT_URL_DYNAMODB} or {@code AWS_ENDPOINT_URL})
 * @param translateEndpoint  Amazon Translate endpoint override ({@code AWS_ENDPOINT_URL_TRANSLATE} or {@code AWS_ENDPOINT_URL})
 * @param maxUploadBytes     size limit of an upload ({@code MAX_UPLOAD_BYTES}, default 5 MiB)
 * @param targets            default target languages ({@code TARGET_LANGUAGES}, comma separated BCP 47)
 * @param engine             translation engine: {@code amazon}, {@code apertium} or {@code none} ({@code TRANSLATION_ENGINE})
 * @param apertiumUrl        APy base URL ({@code APERTIUM_URL}), required for {@code apertium}
 * @param terminology        Amazon Translate custom terminology name ({@code TRANSLATE_TERMINOLOGY}), or null
 * @param formality          Amazon Translate formality, {@code FORMAL} or {@code INFORMAL} ({@code TRANSLATE_FORMALITY}), or null
 * @param leaseWait          how long an event waits for a busy article ({@code LEASE_WAIT_SECONDS}, default 20)
 * @param publicBaseUrl      base of media URLs written into articles ({@code PUBLIC_BASE_URL}), or null: then
 *                           they are site-relative ({@code /media/...})
 * @param dailyCharacters    characters one UTC day may send to the engine ({@code TRANSLATION_DAILY_CHARACTERS}; unset
 *                           or 0: no cap)
 * @param leaseTtl           how long an article's lease holds before a redelivered event may take it over
 *                           ({@code LEASE_TTL_SECONDS}, default {@link #DEFAULT_LEASE_TTL})
 * @param branding           the publisher ({@code SITE_NAME}, {@code SITE_NAME_BY_LANGUAGE}, {@code SITE_URL},
 *                           {@code TAG_AUTHORITY}): the ingest mints new articles' ids from its tag authority
 */
public record IngestConfig(
        Region region,
        String tableName,
        URI s3Endpoint,
        URI dynamoEndpoint,
        URI translateEndpoint,
        long maxUploadBytes,
        List<String> targets,
        String engine,
        URI apertiumUrl,
        String terminology,
        String formality,
        Duration leaseWait,
        String publicBaseUrl,
        long dailyCharacters,
        Duration leaseTtl,
        SiteBranding branding) {

    /**
     * Longer than the function's 120 s timeout (template.yaml), so a live holder never loses its lease; shorter than
     * the ~3 minutes until Lambda's second retry (and the local stack's, see its {@code LocalConfig}), so a crashed
     * holder's lease (or one whose release failed) has expired by then instead of sending the article's events to
     * the dead-letter queue.
     */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(150);

    public static IngestConfig fromEnvironment() {
        return from(System.getenv());
    }

    static IngestConfig from(Map<String, String> variables) {
        Environment env = new Environment(variables, "ingest");
        String engine = env.or("TRANSLATION_ENGINE", "amazon");
        if (!List.of("amazon", "apertium", "none").contains(engine)) {
            throw new IllegalStateException("TRANSLATION_ENGINE must be amazon, apertium or none, not " + engine);
        }
        return new IngestConfig(
                Region.of(env.required("AWS_REGION")),
                env.required("TABLE_NAME"),
                env.endpoint("S3"),
                env.endpoint("DYNAMODB"),
                env.endpoint("TRANSLATE"),
                Long.parseLong(env.or("MAX_UPLOAD_BYTES", Long.toString(5L * 1024 * 1024))),
                Arrays.stream(env.or("TARGET_LANGUAGES", "").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                engine,
                "apertium".equals(engine) ? URI.create(env.required("APERTIUM_URL")) : null,
                env.optional("TRANSLATE_TERMINOLOGY"),
                env.optional("TRANSLATE_FORMALITY"),
                Duration.ofSeconds(Long.parseLong(env.or("LEASE_WAIT_SECONDS", "20"))),
                env.optional("PUBLIC_BASE_URL"),
                dailyCharacters(env.or("TRANSLATION_DAILY_CHARACTERS", "0")),
                Duration.ofSeconds(Long.parseLong(env.or("LEASE_TTL_SECONDS",
                        Long.toString(DEFAULT_LEASE_TTL.toSeconds())))),
                SiteBranding.from(env));
    }

    private static long dailyCharacters(String value) {
        long cap;
        try {
            cap = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            cap = -1;
        }
        if (cap < 0) {
            throw new IllegalStateException("TRANSLATION_DAILY_CHARACTERS must be a whole number of characters (0: no"
                    + " cap), not " + value);
        }
        return cap;
    }
}
