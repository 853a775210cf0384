package dev.tarjim.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the REST API in API Gateway: turns each HTTP request into the proxy integration's event
 * ({@code resource /{proxy+}}, stage {@code local}), invokes the API function with it and writes its answer back.
 *
 * <p>As in AWS: the event goes through JSON and the Lambda runtime's serializer both ways; routes under
 * {@code /syndication/} need an {@code x-api-key} header holding a known partner key, else the answer is a bare 403
 * (no content, as the template's gateway response for invalid keys) and the function is not invoked; the editors'
 * routes ({@code /articles/{id}/status}, {@code /editor/api/...}) need {@code Authorization: Bearer <editor token>},
 * else 401 {@code {"message":"Unauthorized"}}, and reach the function with authorizer claims shaped as a Cognito
 * user pool authorizer's; a function that fails, or answers something that is not a proxy response, gives 502
 * {@code {"message": "Internal server error"}}. Every answer carries {@code X-Content-Type-Options: nosniff}.
 *
 * <p>Header names reach the function in lower case, as API Gateway passes them from HTTP/2 clients (browsers,
 * curl over TLS): look headers up without regard to case. Unlike Lambda, one handler instance serves concurrent
 * requests here, so it must be thread-safe.
 */
public final class ApiGateway implements AutoCloseable {
    static final String STAGE = "local";
    static final String KEY_PREFIX = "/syndication/";
    /**
     * The resources the template puts behind the editors' authorizer. The dashboard's page ({@code /editor/}, its
     * script and stylesheet) holds no data and is public: a browser sends no token when it navigates.
     */
    static final java.util.regex.Pattern EDITOR_ROUTES =
            java.util.regex.Pattern.compile("/articles/[^/]+/status|/editor/api(/.*)?");
    /** The principal the local authorizer admits editors as. */
    static final String LOCAL_EDITOR = "local-editor";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private final RequestStreamHandler handler;
    private final PartnerKeys keys;
    private final EditorToken editors;
    private final boolean accessLog;
    private final String region;
    private final ConsoleLog console;
    private final PrintStream out;
    private final HttpServer server;
    private final ExecutorService pool;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * Starts serving on 127.0.0.1:port (0 for any free port).
     *
     * @param handler   any API Gateway proxy handler: the real {@code ApiHandler}, or a test's own
     * @param accessLog whether to log one line per request (method, path, status, time; never headers)
     */
    ApiGateway(int port, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            PartnerKeys keys, EditorToken editors, String region, PrintStream out, boolean accessLog)
            throws IOException {
        this(port, typed(handler), keys, editors, region, out, accessLog);
    }

    /**
     * Starts serving on 127.0.0.1:port (0 for any free port).
     *
     * @param handler   the function as Lambda calls it: event JSON in, response JSON out (the real {@code ApiHandler})
     * @param accessLog whether to log one line per request (method, path, status, time; never headers)
     */
    ApiGateway(int port, RequestStreamHandler handler, PartnerKeys keys, EditorToken editors, String region,
            PrintStream out, boolean accessLog) throws IOException {
        this.handler = handler;
        this.editors = editors;
        this.accessLog = accessLog;
        this.keys = keys;
        this.region = region;
        this.out = out;
        this.console = new ConsoleLog(out);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "gateway-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/", this::serve);
        server.setExecutor(pool);
        server.start();
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) {
        long start = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        int status = 500;
        inFlight.incrementAndGet();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String rawPath = exchange.getRequestURI().getRawPath();
            Optional<PartnerKeys.PartnerKey> key = Optional.empty();
            if (rawPath.startsWith(KEY_PREFIX)) {
                key = keys.match(exchange.getRequestHeaders().getFirst("x-api-key"));
                if (key.isEmpty()) {
                    status = gatewayError(exchange, requestId, 403, null, "ForbiddenException");
                    return;
                }
            }
            boolean editor = EDITOR_ROUTES.matcher(rawPath).matches();
            if (editor && !editors.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"tarjim-editors\"");
                status = gatewayError(exchange, requestId, 401, "Unauthorized", "UnauthorizedException");
                return;
            }
            String eventJson = event(exchange, body, requestId, key, editor).toString();
            JsonNode response;
            try {
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), answer,
                        new LocalContext(LocalFunction.API, region, out));
                // Read once, as API Gateway reads a proxy response: a JSON object with statusCode, headers, body.
                response = JSON.readTree(answer.toByteArray());
            } catch (IOException | RuntimeException | Error e) {
                console.log("gateway %s %s: the function failed (request %s): %s", exchange.getRequestMethod(),
                        rawPath, requestId, e);
                status = gatewayError(exchange, requestId, 502, "Internal server error", null);
                return;
            }
            status = respond(exchange, requestId, response);
        } catch (IOException | RuntimeException e) {
            console.log("gateway %s %s: %s", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    e);
        } finally {
            inFlight.decrementAndGet();
            if (accessLog) {
                console.log("gateway %s %s %d (%d ms)", exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), status, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    /**
     * A typed handler as Lambda's runtime runs one: the event read and the response written by the runtime's own
     * serializer.
     */
    static RequestStreamHandler typed(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> h) {
        PojoSerializer<APIGatewayProxyRequestEvent> in = LambdaEventSerializers.serializerFor(
                APIGatewayProxyRequestEvent.class, APIGatewayProxyRequestEvent.class.getClassLoader());
        PojoSerializer<APIGatewayProxyResponseEvent> out = LambdaEventSerializers.serializerFor(
                APIGatewayProxyResponseEvent.class, APIGatewayProxyResponseEvent.class.getClassLoader());
        return (input, output, context) -> out.toJson(h.handleRequest(in.fromJson(input), context), output);
    }

    /** The proxy integration's event for this request, as API Gateway writes it. */
    private ObjectNode event(HttpExchange exchange, byte[] body, String requestId,
            Optional<PartnerKeys.PartnerKey> key, boolean editor) {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String resource = resource(rawPath);
        ObjectNode e = JSON.createObjectNode();
        e.put("resource", resource);
        e.put("path", rawPath);
        e.put("httpMethod", method);

        Map<String, List<String>> headers = headers(exchange);
        ObjectNode single = e.putObject("headers");
        ObjectNode multi = e.putObject("multiValueHeaders");
        headers.forEach((name, values) -> {
            single.put(name, values.get(values.size() - 1));
            values.forEach(multi.putArray(name)::add);
        });

        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery == null || rawQuery.isEmpty()) {
            e.putNull("queryStringParameters");
            e.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode q = e.putObject("queryStringParameters");
            ObjectNode mq = e.putObject("multiValueQueryStringParameters");
            query(rawQuery).forEach((name, values) -> {
                q.put(name, values.get(values.size() - 1));
                values.forEach(mq.putArray(name)::add);
            });
        }
        if ("/".equals(resource)) {
            e.putNull("pathParameters");
        } else {
            // API Gateway decodes path parameters (but not the path); '+' stays '+' in a path.
            String prefix = resource.substring(0, resource.length() - "{proxy+}".length());
            e.putObject("pathParameters").put("proxy",
                    exchange.getRequestURI().getPath().substring(prefix.length()));
        }
        e.putNull("stageVariables");

        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("accountId", LocalContext.ACCOUNT_ID);
        ctx.put("apiId", "tarjimlocal");
        ctx.put("resourceId", "local1");
        ctx.put("resourcePath", resource);
        ctx.put("httpMethod", method);
        ctx.put("extendedRequestId", requestId);
        ctx.put("requestId", requestId);
        ctx.put("requestTime", REQUEST_TIME.format(now));
        ctx.put("requestTimeEpoch", now.toInstant().toEpochMilli());
        ctx.put("path", "/" + STAGE + rawPath);
        ctx.put("stage", STAGE);
        ctx.put("domainName", "127.0.0.1");
        ctx.put("domainPrefix", "127");
        ctx.put("protocol", exchange.getProtocol());
        if (editor) {
            // As a Cognito user pool authorizer passes the verified ID token's claims.
            ObjectNode claims = ctx.putObject("authorizer").putObject("claims");
            claims.put("sub", LOCAL_EDITOR);
            claims.put("cognito:username", "editor");
            claims.put("token_use", "id");
        }
        ObjectNode identity = ctx.putObject("identity");
        for (String field : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller",
                "accessKey", "cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn", "user")) {
            identity.putNull(field);
        }
        identity.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        identity.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        if (key.isPresent()) {
            identity.put("apiKey", key.get().key());
            identity.put("apiKeyId", key.get().id());
        } else {
            identity.putNull("apiKey");
            identity.putNull("apiKeyId");
        }

        if (body.length == 0) {
            e.putNull("body");
            e.put("isBase64Encoded", false);
        } else {
            Optional<String> text = text(exchange.getRequestHeaders().getFirst("Content-Type"), body);
            e.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(body)));
            e.put("isBase64Encoded", text.isEmpty());
        }
        return e;
    }

    /**
     * The API's resource that matches: {@code /syndication/{proxy+}} (the resource whose methods require an API
     * key), {@code /} or the catch-all {@code /{proxy+}}. Route on {@code path}: it is the same in every case.
     */
    static String resource(String rawPath) {
        if ("/".equals(rawPath)) {
            return "/";
        }
        return rawPath.startsWith(KEY_PREFIX) ? KEY_PREFIX + "{proxy+}" : "/{proxy+}";
    }

    /** Request headers by lower-case name, plus the X-Forwarded-* headers API Gateway adds. */
    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        headers.putIfAbsent("x-forwarded-for",
                List.of(exchange.getRemoteAddress().getAddress().getHostAddress()));
        headers.putIfAbsent("x-forwarded-port", List.of(Integer.toString(exchange.getLocalAddress().getPort())));
        headers.putIfAbsent("x-forwarded-proto", List.of("http"));
        return headers;
    }

    /** Decoded query parameters in order; a name without {@code =} has the empty value, as in API Gateway. */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** The body as text when its media type is textual and it is valid UTF-8; else empty (send it as base64). */
    static Optional<String> text(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean textual = type.isEmpty() || type.startsWith("text/") || type.contains("json")
                || type.contains("xml") || type.contains("x-www-form-urlencoded") || type.contains("javascript")
                || type.contains("yaml") || type.contains("markdown");
        if (!textual) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Writes the function's answer as API Gateway does; 502 when it is not a valid proxy response. */
    private int respond(HttpExchange exchange, String requestId, JsonNode response) throws IOException {
        JsonNode r = response == null || !response.isObject() ? JSON.nullNode() : response;
        int status = r.path("statusCode").asInt(0);
        if (status < 100 || status > 599) {
            console.log("gateway: malformed Lambda proxy response (request %s): statusCode %s", requestId,
                    r.path("statusCode"));
            return gatewayError(exchange, requestId, 502, "Internal server error", null);
        }
        Headers out = exchange.getResponseHeaders();
        // As API Gateway merges them: multiValueHeaders win over headers of the same name.
        r.path("multiValueHeaders").fields().forEachRemaining(h -> h.getValue().forEach(v ->
                out.add(h.getKey(), v.asText())));
        r.path("headers").fields().forEachRemaining(h -> {
            if (!out.containsKey(h.getKey())) {
                out.add(h.getKey(), h.getValue().asText());
            }
        });
        if (!out.containsKey("Content-Type")) {
            out.set("Content-Type", "application/json");
        }
        out.set("x-amzn-RequestId", requestId);
        JsonNode bodyNode = r.path("body");
        String bodyText = bodyNode.isNull() || bodyNode.isMissingNode() ? "" : bodyNode.asText();
        byte[] body = r.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(bodyText)
                : bodyText.getBytes(StandardCharsets.UTF_8);
        send(exchange, status, body);
        return status;
    }

    /** An answer of the gateway itself; {@code message} null for no content. */
    private int gatewayError(HttpExchange exchange, String requestId, int status, String message, String errorType)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("x-amzn-RequestId", requestId);
        headers.set("X-Content-Type-Options", "nosniff");
        if (errorType != null) {
            headers.set("x-amzn-ErrorType", errorType);
        }
        headers.set("Content-Type", "application/json");
        if (message == null) {
            headers.set("Cache-Control", "no-store");
            send(exchange, status, new byte[0]);
            return status;
        }
        ObjectNode body = JSON.createObjectNode().put("message", message);
        send(exchange, status, body.toString().getBytes(StandardCharsets.UTF_8));
        return status;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod()) || status == 204
                || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }


    /** Stops listening, letting requests in progress finish for up to a second. */
    @Override
    public void close() {
        // HttpServer.stop(n) waits all n seconds while clients hold idle keep-alive connections: wait only for
        // requests in progress.
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        pool.shutdown();
    }
}
