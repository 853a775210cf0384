package dev.tarjim.bench;

import dev.tarjim.bench.floor.FloorHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start of the floor, {@link FloorHandler} (see {@link ColdStartRunner}), timed exactly as
 * {@link ApiColdStart} times the API function; argument: the API Gateway event file.
 */
public final class FloorColdStart {
    private FloorColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long mainEpoch = System.currentTimeMillis();
        long t0 = System.nanoTime();
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        long tEvent = System.nanoTime();
        FloorHandler handler = new FloorHandler();
        long tInit = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new BenchContext("FloorFunction"));
        long tDone = System.nanoTime();
        // The floor's zip has no aws-lambda-java-events to parse the response with; it is a constant anyway.
        String response = out.toString(StandardCharsets.UTF_8);
        String where = FloorHandler.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        ColdStartRunner.report(mainEpoch, t0, tEvent, tInit, tDone,
                "status=" + (response.startsWith("{\"statusCode\":200,") ? "200" : response) + " from=" + where);
    }
}
