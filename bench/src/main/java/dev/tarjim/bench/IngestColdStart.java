package dev.tarjim.bench;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.tarjim.ingest.IngestHandler;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** One cold start of the ingest function (see {@link ColdStartRunner}); argument: the S3 event file. */
public final class IngestColdStart {
    private IngestColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long mainEpoch = System.currentTimeMillis();
        long t0 = System.nanoTime();
        S3Event event;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            event = LambdaEventSerializers.serializerFor(S3Event.class, IngestColdStart.class.getClassLoader())
                    .fromJson(in);
        }
        long tEvent = System.nanoTime();
        IngestHandler handler = new IngestHandler();
        long tInit = System.nanoTime();
        handler.handleRequest(event, new BenchContext("IngestFunction"));
        long tDone = System.nanoTime();
        ColdStartRunner.report(mainEpoch, t0, tEvent, tInit, tDone, "status=handled");
    }
}
