package dev.tarjim.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.tarjim.support.Log;
import dev.tarjim.support.Metrics;
import java.util.Map;

/**
 * Lambda entry point for ingest events given up after their retries: subscribed to the topic that is the ingest
 * function's on-failure destination (the topic also feeds the dead-letter queue that holds the events for
 * {@code scripts/redrive-dlq}), it marks each upload {@code failed} in its report and state ({@link DeadLetters}).
 * The local stack invokes it the same way when it dead-letters an event.
 *
 * <p>A message that is not a destination record is logged and dropped (a retry would not change it); a busy article
 * fails the invocation, so Lambda retries it.
 */
public class DeadLetterHandler implements RequestHandler<SNSEvent, Void> {
    private static final Log LOG = Log.forFunction("dead-letter");
    private final DeadLetters deadLetters;

    /** Run once per cold start: reads the configuration and builds the SDK clients. */
    public DeadLetterHandler() {
        this(IngestConfig.fromEnvironment());
    }

    /** Configured from the given variables instead of the process environment (the local stack, tests). */
    public DeadLetterHandler(Map<String, String> environment) {
        this(IngestConfig.from(environment));
    }

    private DeadLetterHandler(IngestConfig config) {
        this(IngestWiring.deadLetters(config, LOG));
    }

    DeadLetterHandler(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            DestinationRecord failure;
            try {
                failure = DestinationRecord.parse(record.getSNS().getMessage());
            } catch (IllegalArgumentException e) {
                LOG.warn("not a destination record; dropped", "requestId", context.getAwsRequestId(),
                        "messageId", record.getSNS().getMessageId(), "error", e.getMessage());
                continue;
            }
            for (ObjectChange change : failure.changes()) {
                boolean marked = deadLetters.record(change, failure.attempts(), failure.lastError()).isPresent();
                Metrics.count("dead-letter", "DeadLetters", Map.of("Marked", Boolean.toString(marked)));
                LOG.info("dead letter", "requestId", context.getAwsRequestId(), "key", change.key(),
                        "articleId", IngestService.articleId(change.key()), "attempts", failure.attempts(),
                        "marked", marked);
            }
        }
        return null;
    }
}
