package dev.tarjim.local;

import java.time.Duration;

/**
 * What the local stack knows of a deployed function: its name, memory and timeout, as a {@link LocalContext}
 * reports them. The values mirror {@code template.yaml}.
 */
public record LocalFunction(String name, int memoryMb, Duration timeout) {
    /** The S3-triggered ingest function. */
    public static final LocalFunction INGEST = new LocalFunction("IngestFunction", 1024, Duration.ofMinutes(2));
    /** The API Gateway-triggered function; API Gateway itself gives up after 29 s. */
    public static final LocalFunction API = new LocalFunction("ApiFunction", 1024, Duration.ofSeconds(29));
    /** The embargo release, invoked on a schedule. */
    public static final LocalFunction RELEASE = new LocalFunction("EmbargoReleaseFunction", 512,
            Duration.ofMinutes(1));
}
