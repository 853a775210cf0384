package dev.tarjim.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tarjim.support.Hashes;
import dev.tarjim.support.Json;
import java.nio.charset.StandardCharsets;
import dev.tarjim.support.S3Objects;

/**
 * Writes the editor's report to {@code reports/<upload key>.json} in the upload's bucket.
 *
 * <p>The trigger covers only {@code incoming/}, so reports never trigger the ingest. S3 keys hold at most 1,024
 * bytes: a report whose key would be longer goes to {@code reports/_long/<sha256 of the upload key>.json}. An upload
 * key with {@code .} or {@code ..} segments (S3 keeps them literally, file tools and S3 emulators resolve them, so
 * {@code reports/incoming/../../x} could land outside {@code reports/} once synced to disk) has its report at
 * {@code reports/_unsafe/<sha256 of the upload key>.json}.
 */
public final class S3Reports implements ReportWriter {
    static final String PREFIX = "reports/";
    private static final int MAX_KEY_BYTES = 1024;
    private final S3Objects s3;

    public S3Reports(S3Objects s3) {
        this.s3 = s3;
    }

    /** The key of an upload's report. */
    public static String reportKey(String uploadKey) {
        if (hasDotSegments(uploadKey)) {
            return PREFIX + "_unsafe/" + Hashes.sha256Hex(uploadKey) + ".json";
        }
        String key = PREFIX + uploadKey + ".json";
        if (key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES) {
            return key;
        }
        return PREFIX + "_long/" + Hashes.sha256Hex(uploadKey) + ".json";
    }

    /** Whether a key has a {@code .} or {@code ..} path segment, which tools outside S3 would resolve. */
    public static boolean hasDotSegments(String key) {
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void write(String bucket, String uploadKey, Report report) {
        byte[] json;
        try {
            json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report not serialisable", e);
        }
        s3.put(bucket, reportKey(uploadKey), "application/json; charset=utf-8", "no-cache", json);
    }
}
