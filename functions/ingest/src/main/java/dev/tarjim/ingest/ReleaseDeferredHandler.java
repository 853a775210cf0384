package dev.tarjim.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Lambda entry point for the EventBridge schedule that releases translations deferred for want of budget
 * ({@code TRANSLATION_DAILY_CHARACTERS}): they are translated as soon as budget returns (a new UTC day, a raised cap).
 * Same code and configuration as the {@link IngestHandler}; the local stack calls the same release on a timer.
 */
public class ReleaseDeferredHandler implements RequestHandler<Map<String, Object>, Integer> {
    private final IngestHandler ingest;

    /** Run once per cold start: reads the configuration and builds the SDK clients. */
    public ReleaseDeferredHandler() {
        this(new IngestHandler());
    }

    /** Configured from the given variables instead of the process environment (embedding, tests). */
    public ReleaseDeferredHandler(Map<String, String> environment) {
        this(new IngestHandler(environment));
    }

    ReleaseDeferredHandler(IngestHandler ingest) {
        this.ingest = ingest;
    }

    /** Answers the number of articles released; the scheduled event's content does not matter. */
    @Override
    public Integer handleRequest(Map<String, Object> event, Context context) {
        try {
            return ingest.releaseDeferred(context);
        } finally {
            ingest.announce();
        }
    }
}
