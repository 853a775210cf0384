package dev.tarjim.ingest;

import dev.tarjim.support.AwsClients;
import dev.tarjim.support.Log;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real ingest handler, wired exactly as {@link IngestHandler#IngestHandler(Map)} wires it, but on a DynamoDB
 * client the caller built (the scale probe meters every request with an interceptor on it). Benchmarks only; it
 * lives in this package because the wiring is package-private, and in the bench module so nothing deployed has it.
 */
public final class ScaleProbeWiring {
    private ScaleProbeWiring() {
    }

    /** The handler configured from {@code environment}, its DynamoDB requests sent through {@code dynamo}. */
    public static IngestHandler handler(Map<String, String> environment, DynamoDbClient dynamo) {
        IngestConfig config = IngestConfig.from(environment);
        return new IngestHandler(IngestWiring.service(config,
                dev.tarjim.support.S3Objects.create(config.region(), config.s3Endpoint()),
                dynamo, Log.forFunction("ingest")));
    }
}
