package dev.tarjim.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.tarjim.support.Log;
import dev.tarjim.support.Metrics;
import java.util.Map;

/**
 * Lambda entry point for S3 ObjectCreated / ObjectRemoved events under {@code incoming/}.
 *
 * <p>Maps each record to an {@link ObjectChange} and hands it to the {@link IngestService}. Permanent failures are
 * reported by the service and complete the event; transient ones escape, so Lambda retries the event (and sends
 * it to the dead-letter queue when retries are exhausted).
 */
public class IngestHandler implements RequestHandler<S3Event, Void> {
    static final String PREFIX = "incoming/";
    private static final Log LOG = Log.forFunction("ingest");
    private final IngestService service;
    private final boolean releaseAfterUploads;
    private final WebSub websub;

    /** Run once per cold start: reads the configuration and builds the SDK clients. */
    public IngestHandler() {
        this(System.getenv());
        Priming.register();
    }

    /**
     * Configured from the given variables instead of the process environment: for embedding the real handler where
     * the environment cannot be set (the local stack's end-to-end tests).
     */
    public IngestHandler(Map<String, String> environment) {
        this(IngestConfig.from(environment), WebSub.from(environment, "ingest", LOG));
    }

    private IngestHandler(IngestConfig config, WebSub websub) {
        this(IngestWiring.service(config, LOG, websub.changes()), config.dailyCharacters() > 0, websub);
    }

    IngestHandler(IngestService service) {
        this(service, false, null);
    }

    /**
     * @param releaseAfterUploads whether each event also releases deferred translations (with a daily cap: budget
     *                            may be left; without one, the schedule releases what an earlier cap deferred)
     * @param websub              announces the feeds each event changed, or null
     */
    IngestHandler(IngestService service, boolean releaseAfterUploads, WebSub websub) {
        this.service = service;
        this.releaseAfterUploads = releaseAfterUploads;
        this.websub = websub;
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        try {
            handle(event, context);
        } finally {
            // What was written is announced even when a later record fails (its retry announces what it adds).
            announce();
        }
        return null;
    }

    /** Announces to the WebSub hub the feeds changed since the last announcement (nothing without a hub). */
    void announce() {
        if (websub != null) {
            websub.announce();
        }
    }

    private void handle(S3Event event, Context context) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            String name = record.getEventName();
            boolean removed = name.startsWith("ObjectRemoved");
            if (!removed && !name.startsWith("ObjectCreated")) {
                continue;
            }
            String key = record.getS3().getObject().getUrlDecodedKey();
            if (!key.startsWith(PREFIX)) {
                LOG.warn("ignored key outside " + PREFIX, "requestId", context.getAwsRequestId(), "key", key);
                continue;
            }
            long started = System.nanoTime();
            ObjectChange change = new ObjectChange(record.getS3().getBucket().getName(), key, removed,
                    record.getS3().getObject().getSequencer(),
                    record.getS3().getObject().getSizeAsLong() == null ? 0 : record.getS3().getObject().getSizeAsLong());
            IngestService.Outcome outcome = service.apply(change);
            Metrics.count("ingest", "Uploads", Map.of("Outcome", outcome.name().toLowerCase()));
            LOG.info("ingest", "requestId", context.getAwsRequestId(), "event", name, "key", key,
                    "articleId", IngestService.articleId(key), "outcome", outcome.name().toLowerCase(),
                    "ms", (System.nanoTime() - started) / 1_000_000);
        }
        if (releaseAfterUploads) {
            releaseDeferred(context);
        }
    }

    /**
     * Translates what was deferred for want of budget, when budget is left (after every event when a daily cap is set,
     * and on the schedule of {@link ReleaseDeferredHandler}). Never fails the event: what is not released waits for
     * the next run.
     *
     * @return the articles released
     */
    public int releaseDeferred(Context context) {
        try {
            int released = service.releaseDeferred();
            if (released > 0) {
                LOG.info("deferred translations released", "requestId", context.getAwsRequestId(),
                        "articles", released);
            }
            return released;
        } catch (RuntimeException e) {
            LOG.warn("deferred translations not released; next run", "requestId", context.getAwsRequestId(),
                    "error", e.toString());
            return 0;
        }
    }
}
