package dev.tarjim.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The cold-start floor: a stream handler that reads the event and answers one constant API Gateway response.
 *
 * <p>Never deployed. {@code ColdStart} packages it alone (this class at the root, {@code aws-lambda-java-core} in
 * {@code lib/}) and launches it exactly as it launches the functions' zips, so every function's figure can be read
 * as a multiple of what the JVM and the harness cost by themselves.
 */
public final class FloorHandler implements RequestStreamHandler {
    private static final byte[] RESPONSE = ("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"text/plain\"},"
            + "\"body\":\"floor\"}").getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(RESPONSE);
    }
}
