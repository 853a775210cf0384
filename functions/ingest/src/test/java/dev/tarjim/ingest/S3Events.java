package dev.tarjim.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S3 events for tests, made from the real event JSON in {@code events/} and read by the Lambda runtime's own
 * serializer, so the handler sees exactly what it sees in AWS.
 */
final class S3Events {
    private static final PojoSerializer<S3Event> SERIALIZER =
            LambdaEventSerializers.serializerFor(S3Event.class, S3Events.class.getClassLoader());
    private static final AtomicLong SEQUENCE = new AtomicLong(0x0055AED6DCD9000000L);

    private S3Events() {
    }

    /** A fresh, increasing sequencer (16 hex digits, as S3 sends). */
    static String nextSequencer() {
        return String.format("%016X", SEQUENCE.incrementAndGet());
    }

    static S3Event put(String bucket, String key, long size, String sequencer) {
        return event("s3-put.json", bucket, key, size, sequencer);
    }

    static S3Event delete(String bucket, String key, String sequencer) {
        return event("s3-delete.json", bucket, key, 0, sequencer);
    }

    static S3Event event(String template, String bucket, String key, long size, String sequencer) {
        try {
            ObjectNode root = (ObjectNode) Json.mapper().readTree(
                    Files.readString(ProjectPaths.root().resolve("events").resolve(template)));
            ObjectNode s3 = (ObjectNode) root.get("Records").get(0).get("s3");
            ((ObjectNode) s3.get("bucket")).put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
            ObjectNode object = (ObjectNode) s3.get("object");
            // S3 encodes keys as HTML forms do: space as '+', the rest percent-encoded UTF-8, '/' kept.
            object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
            object.put("sequencer", sequencer);
            if (object.has("size")) {
                object.put("size", size);
            }
            return SERIALIZER.fromJson(Json.mapper().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
