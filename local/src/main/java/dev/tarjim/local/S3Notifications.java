package dev.tarjim.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarjim.emulators.S3Server;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The S3 → Lambda wiring: turns object changes under the trigger prefix into S3 event notifications and invokes
 * the ingest function with them asynchronously, as Lambda's asynchronous invocation does.
 *
 * <p>Like AWS: events are delivered after the S3 request returned, deserialized by the Lambda runtime's own
 * serializer, to at most {@code concurrency} invocations at once (Lambda's reserved concurrency), each in its own
 * handler instance (an execution environment: one event at a time, created when all the others are busy, then kept
 * warm). Unlike Lambda, the events of one object key are never handled at once and start in sequencer order (the
 * ingest's leases and sequencer checks would make any order safe; this keeps the log readable and the work
 * unwasted). A failed invocation is retried twice with growing delays (meanwhile later events of its key go ahead, as
 * in Lambda), then
 * the event goes to the dead-letter folder ({@code <data>/dlq/}) and its destination record to the dead-letter
 * function ({@link DeadLetterDelivery}), which marks the upload failed. Each event is written to
 * {@code <data>/notifications/pending/} until delivered, so a restart (even a crash) of the local stack re-delivers
 * what was not handled: at least once, as S3 promises. An event put back there while the stack runs (a redrive of
 * the dead-letter folder: {@code scripts/redrive-dlq --local}) is delivered within a second.
 */
final class S3Notifications implements S3Server.Listener, AutoCloseable {
    /** Lambda retries a failed asynchronous invocation twice. */
    static final int ATTEMPTS = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bucket;
    private final String prefix;
    private final S3EventMessages messages;
    private final Path pendingDir;
    private final Path dlqDir;
    private final Path reportsDir;
    private final String region;
    private final ConsoleLog console;
    private final PrintStream out;
    private final Duration retryDelay;
    /** Waits out retry delays and looks for redriven events; the invocations run in {@link #invocations}. */
    private final ScheduledThreadPoolExecutor worker;
    private final KeyedPool invocations;
    private final CompletableFuture<Supplier<? extends RequestHandler<S3Event, Void>>> handler =
            new CompletableFuture<>();
    /** Handler instances not invoked at the moment, the most recently used first (the warmest). */
    private final ConcurrentLinkedDeque<RequestHandler<S3Event, Void>> idleInstances = new ConcurrentLinkedDeque<>();
    private final AtomicInteger instances = new AtomicInteger();
    private final PojoSerializer<S3Event> serializer =
            LambdaEventSerializers.serializerFor(S3Event.class, S3Event.class.getClassLoader());
    private final List<Path> leftOver;
    /** Sequencers of the pending events this run delivers (or delivered, until their file is removed). */
    private final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile DeadLetterDelivery deadLetters;
    private final Object idleLock = new Object();
    private int unfinished;
    private volatile boolean closing;

    /**
     * @param dataDir    the data folder: pending events, dead letters and the sequencer live under it
     * @param reportsDir where the bucket's {@code reports/} objects lie on disk, to log an ingest's outcome
     * @param concurrency how many events may be handled at once
     */
    S3Notifications(String bucket, String prefix, S3EventMessages messages, Path dataDir, Path reportsDir,
            String region, PrintStream out, Duration retryDelay, int concurrency) {
        this.bucket = bucket;
        this.prefix = prefix;
        this.messages = messages;
        this.pendingDir = dataDir.resolve("notifications/pending");
        this.dlqDir = dataDir.resolve("dlq");
        this.reportsDir = reportsDir;
        this.region = region;
        this.out = out;
        this.console = new ConsoleLog(out);
        this.retryDelay = retryDelay;
        this.worker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "s3-notifications");
            t.setDaemon(true);
            return t;
        });
        this.worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.invocations = new KeyedPool(concurrency, "ingest");
        // Read before any upload can add to the folder, so that new events are not delivered twice.
        this.leftOver = pendingFiles();
    }

    /**
     * Starts delivering to the handler, the one instance invoked for every event (at once when events of different
     * keys come together): first the events left pending by an earlier run, oldest first.
     */
    void start(RequestHandler<S3Event, Void> ingest) {
        start(ingest, () -> ingest, null);
    }

    /**
     * Starts delivering, each invocation to an instance of its own, and tells the dead-letter function of events
     * given up.
     *
     * @param first      the instance initialised at start, used first
     * @param more       makes another instance when every existing one is busy (at most {@code concurrency})
     * @param deadLetter the dead-letter function, or {@code null} to only keep given-up events in the folder
     */
    void start(RequestHandler<S3Event, Void> first, Supplier<? extends RequestHandler<S3Event, Void>> more,
            DeadLetterDelivery deadLetter) {
        this.deadLetters = deadLetter;
        idleInstances.push(first);
        instances.set(1);
        handler.complete(more);
        for (Path file : leftOver) {
            redeliver(file, "left pending by the last run");
        }
        worker.scheduleWithFixedDelay(this::pickUpRedriven, 1, 1, TimeUnit.SECONDS);
    }

    /** Delivers the events put into the pending folder from outside (a redrive) since the last look. */
    private void pickUpRedriven() {
        if (closing) {
            return;
        }
        try {
            for (Path file : pendingFiles()) {
                if (!known.contains(sequencer(file))) {
                    redeliver(file, "redriven from the dead-letter folder");
                }
            }
        } catch (RuntimeException e) {
            console.log("cannot look for redriven events: %s", e.getMessage());
        }
    }

    private static String sequencer(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    private void redeliver(Path file, String why) {
        String sequencer = sequencer(file);
        if (!known.add(sequencer)) {
            return;
        }
        try {
            String json = Files.readString(file);
            JsonNode record = JSON.readTree(json).path("Records").path(0);
            S3EventMessages.Message message = new S3EventMessages.Message(json,
                    record.path("eventName").asText(), record.path("s3").path("object").path("key").asText(),
                    sequencer);
            console.log("redelivering %s %s %s", message.eventName(), message.key(), why);
            submit(new Delivery(message, 1), Duration.ZERO);
        } catch (java.nio.file.NoSuchFileException gone) {
            known.remove(sequencer);
        } catch (IOException e) {
            console.log("cannot read pending event %s: %s", file, e.getMessage());
        }
    }

    private List<Path> pendingFiles() {
        if (!Files.isDirectory(pendingDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pendingDir)) {
            // File names are sequencers: fixed-width hex, so name order is event order.
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pendingDir, e);
        }
    }

    @Override
    public void created(String bucketName, String key, long size, String eTag) {
        created(bucketName, key, size, eTag, S3Server.Creation.PUT);
    }

    @Override
    public void created(String bucketName, String key, long size, String eTag, S3Server.Creation how) {
        if (triggers(bucketName, key)) {
            accept(() -> messages.created(key, how.eventSuffix(), size, eTag));
        }
    }

    @Override
    public void removed(String bucketName, String key) {
        if (triggers(bucketName, key)) {
            accept(() -> messages.removed(key));
        }
    }

    private boolean triggers(String bucketName, String key) {
        return bucket.equals(bucketName) && key.startsWith(prefix);
    }

    /**
     * Journals the event and queues it; one at a time, so that of two changes of one key made at once, the one with
     * the lower sequencer is queued first.
     */
    private synchronized void accept(Supplier<S3EventMessages.Message> event) {
        S3EventMessages.Message message = event.get();
        Path file = pendingDir.resolve(message.sequencer() + ".json");
        // Known before the file exists, so the look for redriven events never delivers it a second time.
        known.add(message.sequencer());
        try {
            Files.createDirectories(pendingDir);
            Files.writeString(file, message.json(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            console.log("cannot record pending event for %s: %s", message.key(), e.getMessage());
        }
        if (closing) {
            console.log("%s %s queued for the next start: the stack is stopping", message.eventName(),
                    message.key());
            return;
        }
        submit(new Delivery(message, 1), Duration.ZERO);
    }

    private void submit(Delivery delivery, Duration delay) {
        synchronized (idleLock) {
            unfinished++;
        }
        try {
            if (delay.isZero()) {
                enqueue(delivery);
            } else {
                worker.schedule(() -> enqueue(delivery), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            finished();
        }
    }

    /** Queues the invocation behind those of the same key (a retry behind what came for its key meanwhile). */
    private void enqueue(Delivery delivery) {
        try {
            invocations.execute(delivery.message().key(), () -> run(delivery));
        } catch (RejectedExecutionException e) {
            finished();
        }
    }

    private void run(Delivery delivery) {
        try {
            // Waits for start(); close() completes the future with null instead.
            Supplier<? extends RequestHandler<S3Event, Void>> more = handler.join();
            if (!closing && more != null) {
                invoke(more, delivery);
            }
        } finally {
            finished();
        }
    }

    private void invoke(Supplier<? extends RequestHandler<S3Event, Void>> more, Delivery delivery) {
        S3EventMessages.Message message = delivery.message();
        LocalContext context = new LocalContext(LocalFunction.INGEST, region, out);
        long start = System.nanoTime();
        RequestHandler<S3Event, Void> ingest = null;
        try {
            ingest = instance(more);
            ingest.handleRequest(serializer.fromJson(message.json()), context);
            long ms = (System.nanoTime() - start) / 1_000_000;
            console.log("ingest %s %s -> %s (%d ms)", message.eventName(), message.key(), outcome(message.key()),
                    ms);
            if (ms > LocalFunction.INGEST.timeout().toMillis()) {
                console.log("WARNING: that took longer than the function's timeout (%d s): Lambda would have"
                        + " stopped it", LocalFunction.INGEST.timeout().toSeconds());
            }
            forget(message);
        } catch (RuntimeException | Error e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (delivery.attempt() < ATTEMPTS) {
                Duration delay = retryDelay.multipliedBy(delivery.attempt());
                console.log("ingest %s %s -> attempt %d failed, retrying in %d ms (%d ms): %s", message.eventName(),
                        message.key(), delivery.attempt(), delay.toMillis(), ms, e);
                submit(new Delivery(message, delivery.attempt() + 1), delay);
            } else {
                Path dead = deadLetter(message, e, context.getAwsRequestId());
                console.log("ingest %s %s -> failed %d times, event sent to the dead-letter folder %s (%d ms): %s",
                        message.eventName(), message.key(), ATTEMPTS, dead, ms, e);
                forget(message);
                reportDeadLetter(message, e, context.getAwsRequestId());
            }
        } finally {
            if (ingest != null) {
                idleInstances.push(ingest);
            }
        }
    }

    /**
     * An instance not in use, or a new one when all are busy, as Lambda starts another execution environment; a
     * failed initialisation fails the invocation, as it does in Lambda.
     */
    private RequestHandler<S3Event, Void> instance(Supplier<? extends RequestHandler<S3Event, Void>> more) {
        RequestHandler<S3Event, Void> warm = idleInstances.poll();
        if (warm != null) {
            return warm;
        }
        long start = System.nanoTime();
        RequestHandler<S3Event, Void> fresh = more.get();
        console.log("%s: instance %d initialised (%d ms)", LocalFunction.INGEST.name(), instances.incrementAndGet(),
                (System.nanoTime() - start) / 1_000_000);
        return fresh;
    }

    /** What the editor's report says, when the ingest function wrote one where the design says it does. */
    private String outcome(String key) {
        Path report = reportsDir.resolve(key + ".json");
        try {
            if (Files.isRegularFile(report)) {
                JsonNode json = JSON.readTree(report.toFile());
                String status = json.path("status").asText("ok");
                JsonNode errors = json.path("errors");
                return errors.isArray() && !errors.isEmpty() ? status + " " + errors : status;
            }
        } catch (IOException | RuntimeException e) {
            return "ok (report unreadable: " + e.getMessage() + ")";
        }
        return "ok";
    }

    private Path deadLetter(S3EventMessages.Message message, Throwable error, String requestId) {
        try {
            Files.createDirectories(dlqDir);
            Path file = dlqDir.resolve(message.sequencer() + ".json");
            Files.writeString(file, message.json(), StandardCharsets.UTF_8);
            StringWriter trace = new StringWriter();
            try (PrintWriter w = new PrintWriter(trace)) {
                w.println("RequestID: " + requestId);
                w.println("ErrorMessage: " + error);
                error.printStackTrace(w);
            }
            Files.writeString(dlqDir.resolve(message.sequencer() + ".error.txt"), trace.toString(),
                    StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            console.log("cannot write the dead letter for %s: %s", message.key(), e.getMessage());
            return dlqDir;
        }
    }

    private void forget(S3EventMessages.Message message) {
        try {
            Files.deleteIfExists(pendingDir.resolve(message.sequencer() + ".json"));
            known.remove(message.sequencer());
        } catch (IOException e) {
            console.log("cannot clear pending event %s: %s", message.sequencer(), e.getMessage());
        }
    }

    /** Publishes the given-up event's destination record to the dead-letter function, as Lambda and SNS do. */
    private void reportDeadLetter(S3EventMessages.Message message, Throwable error, String requestId) {
        DeadLetterDelivery delivery = deadLetters;
        if (delivery == null) {
            return;
        }
        try {
            delivery.deliver(message.json(), ATTEMPTS, error, requestId);
            console.log("dead letter %s %s -> reported failed (held in %s)", message.eventName(), message.key(),
                    dlqDir);
        } catch (IOException | RuntimeException e) {
            console.log("dead letter %s %s -> the report could not say so: %s", message.eventName(), message.key(),
                    e);
        }
    }

    private void finished() {
        synchronized (idleLock) {
            unfinished--;
            idleLock.notifyAll();
        }
    }

    /** Waits until every event received so far was handled or dead-lettered; false on timeout. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idleLock) {
            while (unfinished > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                idleLock.wait(left);
            }
            return true;
        }
    }


    /**
     * Stops after the invocations in flight; events not yet delivered stay in the pending folder for the next start.
     */
    @Override
    public void close() {
        closing = true;
        handler.complete(null);
        worker.shutdown();
        try {
            if (!invocations.close(LocalFunction.INGEST.timeout().toSeconds(), TimeUnit.SECONDS)) {
                invocations.closeNow();
            }
        } catch (InterruptedException e) {
            invocations.closeNow();
            Thread.currentThread().interrupt();
        }
        int left = pendingFiles().size();
        if (left > 0) {
            console.log("%d S3 event(s) not yet delivered: kept in %s for the next start", left, pendingDir);
        }
    }

    private record Delivery(S3EventMessages.Message message, int attempt) {
    }
}
