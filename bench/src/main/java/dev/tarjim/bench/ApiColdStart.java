package dev.tarjim.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.tarjim.api.ApiHandler;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** One cold start of the API function (see {@link ColdStartRunner}); argument: the API Gateway event file. */
public final class ApiColdStart {
    private ApiColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long mainEpoch = System.currentTimeMillis();
        long t0 = System.nanoTime();
        APIGatewayProxyRequestEvent event;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            event = LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class,
                    ApiColdStart.class.getClassLoader()).fromJson(in);
        }
        long tEvent = System.nanoTime();
        ApiHandler handler = new ApiHandler();
        long tInit = System.nanoTime();
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, new BenchContext("ApiFunction"));
        long tDone = System.nanoTime();
        String body = response.getBody() == null ? "" : response.getBody();
        int entries = ColdStartRunner.count(body, "<entry") + ColdStartRunner.count(body, "<item>");
        ColdStartRunner.report(mainEpoch, t0, tEvent, tInit, tDone,
                "status=" + response.getStatusCode() + " bytes=" + body.length() + " entries=" + entries);
    }
}
