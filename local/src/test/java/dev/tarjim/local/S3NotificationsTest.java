package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarjim.emulators.S3Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3NotificationsTest {
    private static final String BUCKET = "tarjim-articles";

    @TempDir
    Path data;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private S3Notifications notifications() {
        S3EventMessages messages = new S3EventMessages("us-east-1", BUCKET,
                new Sequencer(data.resolve("notifications/sequencer"), Clock.systemUTC()), Clock.systemUTC());
        return new S3Notifications(BUCKET, "incoming/", messages, data, reports(), "us-east-1",
                new PrintStream(log, true, StandardCharsets.UTF_8), Duration.ofMillis(5), 4);
    }

    private Path reports() {
        return data.resolve("s3").resolve(BUCKET).resolve("reports");
    }

    @Test
    void changesUnderPrefix_invokeIngestOnce_otherKeysAndBucketsDoNot() throws Exception {
        RecordingIngest ingest = new RecordingIngest();
        try (S3Notifications n = notifications()) {
            n.start(ingest);
            n.created(BUCKET, "incoming/خبر عاجل.txt", 10, "e1", S3Server.Creation.PUT);
            n.created(BUCKET, "reports/incoming/خبر عاجل.txt.json", 10, "e2", S3Server.Creation.PUT);
            n.created("another-bucket", "incoming/x.txt", 10, "e3", S3Server.Creation.PUT);
            n.created(BUCKET, "incoming/copy.txt", 10, "e4", S3Server.Creation.COPY);
            n.removed(BUCKET, "incoming/خبر عاجل.txt");
            assertThat(n.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }

        // Different keys may be handled at once, in any order; one key's events in the order they happened.
        assertThat(ingest.eventsAndKeys()).containsExactlyInAnyOrder("ObjectCreated:Put incoming/خبر عاجل.txt",
                "ObjectCreated:Copy incoming/copy.txt", "ObjectRemoved:Delete incoming/خبر عاجل.txt");
        assertThat(ingest.eventsAndKeys().stream().filter(e -> e.endsWith("خبر عاجل.txt")))
                .containsExactly("ObjectCreated:Put incoming/خبر عاجل.txt", "ObjectRemoved:Delete incoming/خبر عاجل.txt");
        assertThat(ingest.contexts).allSatisfy(c -> assertThat(c.getFunctionName()).isEqualTo("IngestFunction"));
        assertThat(ingest.contexts.stream().map(c -> c.getAwsRequestId()).distinct()).hasSize(3);
        assertThat(pending()).isEmpty();
    }

    @Test
    void ingest_logsKeyAndReportStatus() throws Exception {
        RecordingIngest ingest = new RecordingIngest();
        ingest.behaviour = (record, n) -> write(reports().resolve("incoming/a.md.json"),
                "{\"status\":\"stored\",\"errors\":[]}");
        try (S3Notifications n = notifications()) {
            n.start(ingest);
            n.created(BUCKET, "incoming/a.md", 10, "e1");
            assertThat(n.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(log.toString(StandardCharsets.UTF_8)).containsPattern(
                "ingest ObjectCreated:Put incoming/a\\.md -> stored \\(\\d+ ms\\)");
    }

    @Test
    void failingIngest_isRetriedTwice_thenTheEventGoesToTheDeadLetterFolder() throws Exception {
        RecordingIngest ingest = new RecordingIngest();
        ingest.behaviour = (record, n) -> {
            throw new IllegalStateException("DynamoDB throttled");
        };
        try (S3Notifications n = notifications()) {
            n.start(ingest);
            n.created(BUCKET, "incoming/a.md", 10, "e1");
            assertThat(n.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(ingest.records).hasSize(3);
        String sequencer = ingest.records.get(0).getS3().getObject().getSequencer();
        assertThat(ingest.records).allSatisfy(r ->
                assertThat(r.getS3().getObject().getSequencer()).isEqualTo(sequencer));
        Path dead = data.resolve("dlq").resolve(sequencer + ".json");
        assertThat(new ObjectMapper().readTree(dead.toFile()).at("/Records/0/s3/object/key").asText())
                .isEqualTo("incoming/a.md");
        assertThat(Files.readString(data.resolve("dlq").resolve(sequencer + ".error.txt")))
                .contains("DynamoDB throttled");
        assertThat(pending()).isEmpty();
    }

    @Test
    void ingestFailingOnce_succeedsOnRetry_withoutDeadLetter() throws Exception {
        RecordingIngest ingest = new RecordingIngest();
        ingest.behaviour = (record, n) -> {
            if (n == 1) {
                throw new IllegalStateException("timeout");
            }
        };
        try (S3Notifications n = notifications()) {
            n.start(ingest);
            n.created(BUCKET, "incoming/a.md", 10, "e1");
            assertThat(n.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(ingest.records).hasSize(2);
        assertThat(data.resolve("dlq")).doesNotExist();
    }

    @Test
    void eventsNotDeliveredBeforeClose_areDeliveredInOrderAfterRestart() throws Exception {
        try (S3Notifications stopped = notifications()) {
            // never started: as if the stack stopped before delivering them
            stopped.created(BUCKET, "incoming/first.md", 1, "e1");
            stopped.removed(BUCKET, "incoming/first.md");
        }
        assertThat(pending()).hasSize(2);

        RecordingIngest ingest = new RecordingIngest();
        try (S3Notifications restarted = notifications()) {
            restarted.start(ingest);
            assertThat(restarted.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(ingest.eventsAndKeys()).containsExactly("ObjectCreated:Put incoming/first.md",
                "ObjectRemoved:Delete incoming/first.md");
        assertThat(pending()).isEmpty();
    }

    private Stream<Path> pending() throws Exception {
        Path dir = data.resolve("notifications/pending");
        return Files.isDirectory(dir) ? Files.list(dir).toList().stream() : Stream.empty();
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
