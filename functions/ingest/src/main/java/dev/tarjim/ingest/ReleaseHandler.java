package dev.tarjim.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tarjim.support.Log;
import dev.tarjim.support.Metrics;
import java.util.Map;

/**
 * Lambda entry point of the embargo release, invoked on a schedule (EventBridge Scheduler in AWS, the local stack's
 * scheduler locally) with any payload: releases every embargoed article whose time has come
 * ({@link EmbargoRelease#releaseDue}). A busy article fails the invocation, and the next run (or the scheduler's
 * retry) releases it.
 */
public class ReleaseHandler implements RequestHandler<Map<String, Object>, Integer> {
    private static final Log LOG = Log.forFunction("release");
    private final EmbargoRelease release;
    private final WebSub websub;

    /** Run once per cold start: reads the configuration and builds the SDK clients. */
    public ReleaseHandler() {
        this(System.getenv());
    }

    /** Configured from the given variables instead of the process environment (the local stack, tests). */
    public ReleaseHandler(Map<String, String> environment) {
        this(ReleaseConfig.from(environment), WebSub.from(environment, "release", LOG));
    }

    private ReleaseHandler(ReleaseConfig config, WebSub websub) {
        this(IngestWiring.release(config, LOG, websub.changes()), websub);
    }

    ReleaseHandler(EmbargoRelease release, WebSub websub) {
        this.release = release;
        this.websub = websub;
    }

    @Override
    public Integer handleRequest(Map<String, Object> event, Context context) {
        // The payload carries nothing: what is due is read from the table, so a late or repeated run is harmless.
        int released;
        try {
            released = release.releaseDue();
        } finally {
            if (websub != null) {
                websub.announce();
            }
        }
        if (released > 0) {
            for (int i = 0; i < released; i++) {
                Metrics.count("release", "EmbargoReleases", Map.of());
            }
            LOG.info("release", "requestId", context.getAwsRequestId(), "released", released);
        }
        return released;
    }
}
