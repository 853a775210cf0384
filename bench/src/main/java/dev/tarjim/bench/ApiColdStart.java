package dev.tarjim.bench;

import dev.tarjim.api.ApiHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start of the API function (see {@link ColdStartRunner}); argument: the API Gateway event file.
 *
 * <p>The function is a stream handler, so Lambda hands it the event's bytes: the "event" phase is only reading them;
 * parsing is the function's own work and counts in its first event.
 */
public final class ApiColdStart {
    private ApiColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long mainEpoch = System.currentTimeMillis();
        long t0 = System.nanoTime();
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        long tEvent = System.nanoTime();
        ApiHandler handler = new ApiHandler();
        long tInit = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new BenchContext("ApiFunction"));
        long tDone = System.nanoTime();
        // Checking the answer is API Gateway's work, not the function's: after the clock stops.
        // (Read as a JSON tree: the zip carries no aws-lambda-java-events classes.)
        com.fasterxml.jackson.databind.JsonNode response = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toByteArray());
        String body = response.path("body").asText("");
        int entries = ColdStartRunner.count(body, "<entry") + ColdStartRunner.count(body, "<item>");
        ColdStartRunner.report(mainEpoch, t0, tEvent, tInit, tDone,
                "status=" + response.path("statusCode").asInt() + " bytes=" + body.length() + " entries=" + entries);
    }
}
