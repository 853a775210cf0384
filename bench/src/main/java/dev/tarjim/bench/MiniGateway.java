package dev.tarjim.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tarjim.api.ApiHandler;
import dev.tarjim.ingest.IngestHandler;
import dev.tarjim.support.AwsClients;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A minimal stand-in for the local stack's API gateway, used by {@link GatewayBench} only when the {@code local}
 * module has no {@code LocalStack}: ingests every object under {@code incoming/} of the bucket through the real
 * {@link IngestHandler}, then serves HTTP on 127.0.0.1 by turning each request into an API Gateway proxy event for
 * the real {@link ApiHandler}, as the local gateway does (8 worker threads).
 *
 * <p>Both handlers are built with their public no-arg constructors, so the environment carries the configuration.
 * Arguments: {@code PORT BUCKET}.
 */
public final class MiniGateway {
    private MiniGateway() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        String bucket = args[1];
        IngestHandler ingest = new IngestHandler();
        try (S3Client s3 = AwsClients.s3(Region.of(System.getenv("AWS_REGION")),
                URI.create(System.getenv("AWS_ENDPOINT_URL_S3")))) {
            long sequencer = 0x1000;
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("incoming/")).contents()) {
                S3ObjectEntity entity = new S3ObjectEntity(object.key(), object.size(), object.eTag().replace("\"", ""), null,
                        Long.toHexString(++sequencer).toUpperCase());
                S3EventNotificationRecord record = new S3EventNotificationRecord("us-east-1", "ObjectCreated:Put",
                        "aws:s3", "2026-11-25T01:30:00.000Z", "2.1", null, null,
                        new S3Entity("tarjim-incoming", new S3BucketEntity(bucket, null, "arn:aws:s3:::" + bucket),
                                entity, "1.0"), null);
                ingest.handleRequest(new S3Event(List.of(record)), new BenchContext("IngestFunction"));
            }
        }
        ApiHandler api = new ApiHandler();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            try (exchange) {
                respond(exchange, call(api, event(exchange)));
            }
        });
        server.start();
        System.out.println("READY " + port);
    }

    /** As Lambda calls the function: the event's JSON in, the response's JSON out. */
    private static APIGatewayProxyResponseEvent call(ApiHandler api, APIGatewayProxyRequestEvent event)
            throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        api.handleRequest(new java.io.ByteArrayInputStream(dev.tarjim.support.Json.mapper().writeValueAsBytes(event)),
                out, new BenchContext("ApiFunction"));
        return dev.tarjim.support.Json.mapper().readValue(out.toByteArray(), APIGatewayProxyResponseEvent.class);
    }

    private static APIGatewayProxyRequestEvent event(HttpExchange exchange) {
        URI uri = exchange.getRequestURI();
        Map<String, String> headers = new HashMap<>();
        Map<String, List<String>> multi = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            multi.put(name, values);
        });
        Map<String, String> query = null;
        if (uri.getRawQuery() != null) {
            query = new HashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        RequestIdentity identity = new RequestIdentity();
        identity.setSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
        identity.setApiKey(headers.get("X-api-key"));
        ProxyRequestContext context = new ProxyRequestContext();
        context.setRequestId(UUID.randomUUID().toString());
        context.setStage("local");
        context.setHttpMethod(exchange.getRequestMethod());
        context.setPath(uri.getRawPath());
        context.setIdentity(identity);
        return new APIGatewayProxyRequestEvent().withHttpMethod(exchange.getRequestMethod())
                .withPath(uri.getRawPath()).withResource("/{proxy+}").withHeaders(headers)
                .withMultiValueHeaders(multi).withQueryStringParameters(query).withRequestContext(context)
                .withIsBase64Encoded(false);
    }

    private static void respond(HttpExchange exchange, APIGatewayProxyResponseEvent response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
        }
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        byte[] body = response.getBody() == null ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded())
                        ? java.util.Base64.getDecoder().decode(response.getBody())
                        : response.getBody().getBytes(StandardCharsets.UTF_8);
        boolean empty = status == 304 || status == 204 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
