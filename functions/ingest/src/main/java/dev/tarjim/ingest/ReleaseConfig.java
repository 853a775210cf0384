package dev.tarjim.ingest;

import dev.tarjim.support.Environment;
import java.util.Map;

/**
 * The embargo release function's configuration: the ingest function's (same table, same lease rules) plus the
 * bucket its reports go to, read once from environment variables.
 *
 * @param ingest the ingest configuration (the translation settings are not used)
 * @param bucket the upload bucket, where reports live ({@code BUCKET_NAME})
 */
public record ReleaseConfig(IngestConfig ingest, String bucket) {

    static ReleaseConfig from(Map<String, String> variables) {
        return new ReleaseConfig(IngestConfig.from(variables),
                new Environment(variables, "release").required("BUCKET_NAME"));
    }
}
