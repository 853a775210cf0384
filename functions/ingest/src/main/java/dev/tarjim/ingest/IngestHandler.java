package dev.tarjim.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;

/** Lambda entry point for S3 ObjectCreated / ObjectRemoved events under {@code incoming/}. (Being built.) */
public class IngestHandler implements RequestHandler<S3Event, Void> {

    public IngestHandler() {
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        throw new UnsupportedOperationException("ingest is being built");
    }
}
