package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3EventMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<S3Event> SERIALIZER =
            LambdaEventSerializers.serializerFor(S3Event.class, S3Event.class.getClassLoader());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30.123456Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private S3EventMessages messages() {
        return new S3EventMessages("eu-west-1", "tarjim-articles", new Sequencer(dir.resolve("seq"), CLOCK), CLOCK);
    }

    @Test
    void created_hasExactlyTheFieldsOfAwsPutEvent_exceptVersionIdOfVersionedBuckets() throws IOException {
        JsonNode ours = JSON.readTree(messages().created("incoming/a.txt", "Put", 12, "abc").json());
        Set<String> aws = fieldPaths(sample("s3-put.json"));
        aws.remove("Records[].s3.object.versionId");

        assertThat(fieldPaths(ours)).isEqualTo(aws);
    }

    @Test
    void removed_hasExactlyTheFieldsOfAwsDeleteEvent() throws IOException {
        JsonNode ours = JSON.readTree(messages().removed("incoming/a.txt").json());

        assertThat(fieldPaths(ours)).isEqualTo(fieldPaths(sample("s3-delete.json")));
    }

    @Test
    void created_keyWithSpacesAndArabic_roundTripsThroughLambdaSerializer() {
        String key = "incoming/مقال عن الصين (2).txt";
        S3EventMessages.Message message = messages().created(key, "Put", 4542, "a8c3b8245f79797f64cfc18fe97014e0");

        S3EventNotificationRecord record = SERIALIZER.fromJson(message.json()).getRecords().get(0);

        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo(key);
        assertThat(record.getS3().getObject().getKey())
                .startsWith("incoming/%D9%85%D9%82%D8%A7%D9%84+%D8%B9%D9%86+")
                .endsWith("+%282%29.txt");
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getEventVersion()).isEqualTo("2.1");
        assertThat(record.getEventSource()).isEqualTo("aws:s3");
        assertThat(record.getAwsRegion()).isEqualTo("eu-west-1");
        assertThat(record.getEventTime().getMillis()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z")
                .toEpochMilli());
        assertThat(record.getS3().getBucket().getName()).isEqualTo("tarjim-articles");
        assertThat(record.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::tarjim-articles");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(4542L);
        assertThat(record.getS3().getObject().geteTag()).isEqualTo("a8c3b8245f79797f64cfc18fe97014e0");
        assertThat(record.getS3().getObject().getSequencer()).isEqualTo(message.sequencer());
    }

    @Test
    void removed_roundTripsThroughLambdaSerializer_withoutSizeOrETag() {
        S3EventNotificationRecord record = SERIALIZER.fromJson(messages().removed("incoming/x y.md").json())
                .getRecords().get(0);

        assertThat(record.getEventName()).isEqualTo("ObjectRemoved:Delete");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("incoming/x y.md");
        // The runtime's serializer turns the absent eTag into "" (as it does in AWS), the absent size into 0.
        assertThat(record.getS3().getObject().geteTag()).isEmpty();
        assertThat(record.getS3().getObject().getSizeAsLong()).isZero();
    }

    @Test
    void encodeKey_encodesLikeHtmlForms_butKeepsSlashes() {
        assertThat(S3EventMessages.encodeKey("incoming/red flower.jpg")).isEqualTo("incoming/red+flower.jpg");
        assertThat(S3EventMessages.encodeKey("incoming/a+b=c.txt")).isEqualTo("incoming/a%2Bb%3Dc.txt");
        assertThat(S3EventMessages.encodeKey("incoming/خبر.txt")).isEqualTo("incoming/%D8%AE%D8%A8%D8%B1.txt");
    }

    @Test
    void awsSamples_deserializeWithTheSameSerializer() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/aws/s3-put.json")) {
            assertThat(SERIALIZER.fromJson(in).getRecords().get(0).getS3().getObject().getKey())
                    .isEqualTo("HappyFace.jpg");
        }
    }

    private static JsonNode sample(String name) throws IOException {
        try (InputStream in = S3EventMessagesTest.class.getResourceAsStream("/aws/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** Every field's path, arrays written as {@code []}, so that two documents compare by shape only. */
    static Set<String> fieldPaths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, prefix + "[]", paths));
        }
    }
}
