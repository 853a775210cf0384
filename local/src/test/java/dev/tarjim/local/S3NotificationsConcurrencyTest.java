package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.tarjim.emulators.S3Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 → ingest wiring delivers events of different keys at once, never more than its concurrency, each
 * invocation in a handler instance of its own, and the events of one key one at a time in sequencer order.
 */
class S3NotificationsConcurrencyTest {
    private static final String BUCKET = "tarjim-articles";

    @TempDir
    Path data;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private S3Notifications notifications(int concurrency, Duration retryDelay) {
        S3EventMessages messages = new S3EventMessages("us-east-1", BUCKET,
                new Sequencer(data.resolve("notifications/sequencer"), Clock.systemUTC()), Clock.systemUTC());
        return new S3Notifications(BUCKET, "incoming/", messages, data, data.resolve("reports"), "us-east-1",
                new PrintStream(log, true, StandardCharsets.UTF_8), retryDelay, concurrency);
    }

    /** Counts the invocations in flight, overall and per key, and remembers the most seen at once. */
    private static final class Gauge {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final Map<String, AtomicInteger> perKey = new ConcurrentHashMap<>();
        final AtomicInteger mostPerKey = new AtomicInteger();
        /** Key and sequencer of each invocation, in the order they started. */
        final List<String[]> started = new CopyOnWriteArrayList<>();
        final AtomicInteger waitedInVain = new AtomicInteger();

        void enter(S3EventNotificationRecord record) {
            String key = record.getS3().getObject().getUrlDecodedKey();
            started.add(new String[] {key, record.getS3().getObject().getSequencer()});
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            mostPerKey.accumulateAndGet(perKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet(),
                    Math::max);
        }

        void leave(S3EventNotificationRecord record) {
            perKey.get(record.getS3().getObject().getUrlDecodedKey()).decrementAndGet();
            inFlight.decrementAndGet();
        }

        /**
         * An ingest that waits (up to 10 s; counted in {@link #waitedInVain} when in vain) until the latch's count of
         * invocations are in flight together, then works for a while.
         */
        BiConsumer<S3EventNotificationRecord, Integer> meeting(CountDownLatch together, long workMillis) {
            return (record, n) -> {
                enter(record);
                try {
                    together.countDown();
                    if (!together.await(10, TimeUnit.SECONDS)) {
                        waitedInVain.incrementAndGet();
                    }
                    Thread.sleep(workMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    leave(record);
                }
            };
        }
    }

    @Test
    void eventsOfDifferentKeys_areHandledAtOnce_neverMoreThanTheConcurrency() throws Exception {
        Gauge gauge = new Gauge();
        RecordingIngest ingest = new RecordingIngest();
        // The first invocations wait until three are in flight together: one at a time, none would get past.
        ingest.behaviour = gauge.meeting(new CountDownLatch(3), 50);
        try (S3Notifications n = notifications(3, Duration.ofMillis(5))) {
            n.start(ingest);
            for (int i = 0; i < 9; i++) {
                n.created(BUCKET, "incoming/article-" + i + ".md", 10, "e" + i, S3Server.Creation.PUT);
            }
            assertThat(n.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }

        assertThat(gauge.waitedInVain).hasValue(0);
        assertThat(gauge.most).hasValue(3);
        assertThat(ingest.records).hasSize(9);
        assertThat(pending()).isEmpty();
    }

    @Test
    void eventsOfOneKey_areHandledOneAtATime_inSequencerOrder_whileOtherKeysRunBeside() throws Exception {
        Gauge gauge = new Gauge();
        RecordingIngest ingest = new RecordingIngest();
        ingest.behaviour = gauge.meeting(new CountDownLatch(0), 10);
        List<String> keys = List.of("incoming/a.md", "incoming/b.md", "incoming/c.md");
        try (S3Notifications n = notifications(4, Duration.ofMillis(5))) {
            n.start(ingest);
            for (int round = 0; round < 10; round++) {
                for (String key : keys) {
                    if (round % 3 == 2) {
                        n.removed(BUCKET, key);
                    } else {
                        n.created(BUCKET, key, 10, "e" + round, S3Server.Creation.PUT);
                    }
                }
            }
            assertThat(n.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }

        assertThat(gauge.started).hasSize(30);
        assertThat(gauge.mostPerKey).as("one key's events never overlap").hasValue(1);
        assertThat(gauge.most.get()).as("different keys ran at once").isGreaterThan(1);
        for (String key : keys) {
            List<String> sequencers = new ArrayList<>();
            gauge.started.stream().filter(s -> s[0].equals(key)).forEach(s -> sequencers.add(s[1]));
            assertThat(sequencers).as(key).hasSize(10).isSorted().doesNotHaveDuplicates();
        }
        List<String> eventsOfA = ingest.eventsAndKeys().stream().filter(e -> e.endsWith("a.md")).toList();
        assertThat(eventsOfA.subList(0, 3)).containsExactly("ObjectCreated:Put incoming/a.md",
                "ObjectCreated:Put incoming/a.md", "ObjectRemoved:Delete incoming/a.md");
    }

    @Test
    void anEventWaitingForItsRetry_holdsNoThread_andTheStackIsNotIdleUntilItIsRetried() throws Exception {
        RecordingIngest ingest = new RecordingIngest();
        ingest.behaviour = (record, n) -> {
            if (n == 1) {
                throw new IllegalStateException("throttled");
            }
        };
        try (S3Notifications n = notifications(1, Duration.ofMillis(700))) {
            n.start(ingest);
            n.created(BUCKET, "incoming/first.md", 10, "e1");
            n.created(BUCKET, "incoming/second.md", 10, "e2");
            n.created(BUCKET, "incoming/first.md", 10, "e3");
            // first.md's retry waits 700 ms: not idle meanwhile, though nothing runs.
            assertThat(n.awaitIdle(Duration.ofMillis(300))).isFalse();
            assertThat(ingest.eventsAndKeys()).containsExactly("ObjectCreated:Put incoming/first.md",
                    "ObjectCreated:Put incoming/second.md", "ObjectCreated:Put incoming/first.md");
            assertThat(n.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(ingest.records).hasSize(4);
        // The retry carries the first upload's sequencer: the ingest's sequencer check makes it harmless.
        assertThat(ingest.records.get(3).getS3().getObject().getSequencer())
                .isEqualTo(ingest.records.get(0).getS3().getObject().getSequencer());
        assertThat(data.resolve("dlq")).doesNotExist();
        assertThat(pending()).isEmpty();
    }

    @Test
    void eachInvocationRunsInAnInstanceOfItsOwn_createdOnlyWhenTheOthersAreBusy() throws Exception {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger overlapping = new AtomicInteger();
        CountDownLatch twoAtOnce = new CountDownLatch(2);
        AtomicInteger handled = new AtomicInteger();
        class Instance implements RequestHandler<S3Event, Void> {
            private final AtomicInteger busy = new AtomicInteger();

            @Override
            public Void handleRequest(S3Event event, Context context) {
                if (busy.incrementAndGet() > 1) {
                    overlapping.incrementAndGet();
                }
                try {
                    twoAtOnce.countDown();
                    twoAtOnce.await(10, TimeUnit.SECONDS);
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    busy.decrementAndGet();
                }
                handled.incrementAndGet();
                return null;
            }
        }
        Instance first = new Instance();
        try (S3Notifications n = notifications(2, Duration.ofMillis(5))) {
            n.start(first, () -> {
                created.incrementAndGet();
                return new Instance();
            }, null);
            for (int i = 0; i < 8; i++) {
                n.created(BUCKET, "incoming/article-" + i + ".md", 10, "e" + i, S3Server.Creation.PUT);
            }
            assertThat(n.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }

        assertThat(handled).hasValue(8);
        assertThat(created).as("instances made beside the first").hasValue(1);
        assertThat(overlapping).as("an instance invoked while busy").hasValue(0);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("IngestFunction: instance 2 initialised");
    }

    @Test
    void leftPendingEvents_areRedeliveredConcurrently_keepingEachKeysOrder() throws Exception {
        try (S3Notifications stopped = notifications(4, Duration.ofMillis(5))) {
            // never started: as if the stack stopped before delivering them
            for (int i = 0; i < 3; i++) {
                stopped.created(BUCKET, "incoming/x.md", 1, "x" + i);
                stopped.created(BUCKET, "incoming/y.md", 1, "y" + i);
            }
            stopped.removed(BUCKET, "incoming/x.md");
        }
        assertThat(pending()).hasSize(7);

        Gauge gauge = new Gauge();
        RecordingIngest ingest = new RecordingIngest();
        ingest.behaviour = gauge.meeting(new CountDownLatch(2), 20);
        try (S3Notifications restarted = notifications(4, Duration.ofMillis(5))) {
            restarted.start(ingest);
            assertThat(restarted.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(gauge.waitedInVain).hasValue(0);
        assertThat(gauge.most.get()).isEqualTo(2);
        assertThat(gauge.mostPerKey).hasValue(1);
        assertThat(ingest.eventsAndKeys().stream().filter(e -> e.endsWith("x.md"))).containsExactly(
                "ObjectCreated:Put incoming/x.md", "ObjectCreated:Put incoming/x.md",
                "ObjectCreated:Put incoming/x.md", "ObjectRemoved:Delete incoming/x.md");
        assertThat(pending()).isEmpty();
    }

    private List<Path> pending() throws Exception {
        Path dir = data.resolve("notifications/pending");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
