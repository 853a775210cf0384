package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiGatewayTest {
    private static final String KEY = "partner-key-0123456789abcdefghij";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Recording handler = new Recording();
    private ApiGateway gateway;

    /** A test double of the API function: records each event and context, answers what the test says. */
    static final class Recording
            implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        final List<APIGatewayProxyRequestEvent> events = new CopyOnWriteArrayList<>();
        final List<Context> contexts = new CopyOnWriteArrayList<>();
        volatile Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> answer =
                e -> new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("ok");

        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            events.add(event);
            contexts.add(context);
            return answer.apply(event);
        }
    }

    private EditorToken editors;

    @BeforeEach
    void start() throws Exception {
        Path keys = dir.resolve("keys.json");
        Files.writeString(keys, "{\"keys\":[{\"id\":\"acme\",\"key\":\"" + KEY + "\",\"languages\":[\"en\"]}]}");
        editors = EditorToken.loadOrCreate(dir.resolve("editor-token"));
        gateway = new ApiGateway(0, handler, PartnerKeys.load(keys), editors, "eu-west-1",
                new PrintStream(log, true, StandardCharsets.UTF_8), true);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void get_becomesRestProxyEvent_likeApiGateway() throws Exception {
        send(request("/feeds/en/rss.xml?page=2&tag=a%20b&tag=c+d&flag").header("If-None-Match", "\"v1\"")
                .header("X-Multi", "one").header("X-Multi", "two").GET().build());

        APIGatewayProxyRequestEvent e = handler.events.get(0);
        assertThat(e.getHttpMethod()).isEqualTo("GET");
        assertThat(e.getPath()).isEqualTo("/feeds/en/rss.xml");
        assertThat(e.getResource()).isEqualTo("/{proxy+}");
        assertThat(e.getPathParameters()).containsExactly(Map.entry("proxy", "feeds/en/rss.xml"));
        assertThat(e.getQueryStringParameters()).containsEntry("page", "2").containsEntry("tag", "c d")
                .containsEntry("flag", "");
        assertThat(e.getMultiValueQueryStringParameters()).containsEntry("tag", List.of("a b", "c d"));
        assertThat(e.getHeaders()).containsEntry("if-none-match", "\"v1\"").containsEntry("x-multi", "two")
                .containsEntry("x-forwarded-proto", "http").containsKey("host");
        assertThat(e.getMultiValueHeaders()).containsEntry("x-multi", List.of("one", "two"));
        assertThat(e.getBody()).isNull();
        assertThat(e.getIsBase64Encoded()).isFalse();
        assertThat(e.getStageVariables()).isNull();
        APIGatewayProxyRequestEvent.ProxyRequestContext ctx = e.getRequestContext();
        assertThat(ctx.getStage()).isEqualTo("local");
        assertThat(ctx.getRequestId()).isNotBlank();
        assertThat(ctx.getResourcePath()).isEqualTo("/{proxy+}");
        assertThat(ctx.getPath()).isEqualTo("/local/feeds/en/rss.xml");
        assertThat(ctx.getHttpMethod()).isEqualTo("GET");
        assertThat(ctx.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(ctx.getIdentity().getApiKey()).isNull();
        assertThat(handler.contexts.get(0).getFunctionName()).isEqualTo("ApiFunction");
        assertThat(handler.contexts.get(0).getRemainingTimeInMillis()).isPositive();
    }

    @Test
    void rootWithoutQuery_hasRootResource_andNullMaps() throws Exception {
        send(request("/").GET().build());

        APIGatewayProxyRequestEvent e = handler.events.get(0);
        assertThat(e.getResource()).isEqualTo("/");
        assertThat(e.getPathParameters()).isNull();
        assertThat(e.getQueryStringParameters()).isNull();
        assertThat(e.getMultiValueQueryStringParameters()).isNull();
    }

    @Test
    void encodedPath_staysEncoded_pathParameterIsDecoded() throws Exception {
        send(request("/articles/%D8%AE%D8%A8%D8%B1+1/ar").GET().build());

        APIGatewayProxyRequestEvent e = handler.events.get(0);
        assertThat(e.getPath()).isEqualTo("/articles/%D8%AE%D8%A8%D8%B1+1/ar");
        assertThat(e.getPathParameters()).containsEntry("proxy", "articles/خبر+1/ar");
    }

    @Test
    void textBody_passesAsText_binaryBody_asBase64() throws Exception {
        send(request("/x").header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"عنوان\":1}")).build());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        send(request("/x").header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png))
                .build());

        assertThat(handler.events.get(0).getBody()).isEqualTo("{\"عنوان\":1}");
        assertThat(handler.events.get(0).getIsBase64Encoded()).isFalse();
        assertThat(handler.events.get(1).getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(handler.events.get(1).getBody())).isEqualTo(png);
    }

    @Test
    void response_statusHeadersAndBase64Body_reachTheClient() throws Exception {
        handler.answer = e -> new APIGatewayProxyResponseEvent().withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/octet-stream", "ETag", "\"e1\"", "X-Both", "single"))
                .withMultiValueHeaders(Map.of("X-Both", List.of("m1", "m2"), "Link", List.of("<a>", "<b>")))
                .withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));

        HttpResponse<byte[]> r = http.send(request("/bin").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).containsExactly(1, 2, 3);
        assertThat(r.headers().firstValue("etag")).hasValue("\"e1\"");
        assertThat(r.headers().allValues("x-both")).containsExactly("m1", "m2");
        assertThat(r.headers().allValues("link")).containsExactly("<a>", "<b>");
        assertThat(r.headers().firstValue("x-amzn-requestid")).isPresent();
    }

    @Test
    void notModified_hasNoBody() throws Exception {
        handler.answer = e -> new APIGatewayProxyResponseEvent().withStatusCode(304)
                .withHeaders(Map.of("ETag", "\"e1\""));

        HttpResponse<String> r = send(request("/feeds/en/atom.xml").GET().build());

        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void failingFunction_gives502LikeApiGateway() throws Exception {
        handler.answer = e -> {
            throw new IllegalStateException("boom");
        };

        HttpResponse<String> r = send(request("/feeds/en/rss.xml").GET().build());

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    }

    @Test
    void malformedProxyResponse_gives502() throws Exception {
        handler.answer = e -> new APIGatewayProxyResponseEvent().withBody("no status");

        assertThat(send(request("/x").GET().build()).statusCode()).isEqualTo(502);
    }

    @Test
    void syndicationWithoutKey_is403_andFunctionNotInvoked() throws Exception {
        HttpResponse<String> r = send(request("/syndication/v1/changes?lang=en").GET().build());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("x-amzn-errortype")).hasValue("ForbiddenException");
        assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(handler.events).isEmpty();
    }

    @Test
    void syndicationWithWrongKey_is403_andKeyNeverLogged() throws Exception {
        String wrong = KEY.substring(0, KEY.length() - 1) + "X";

        HttpResponse<String> r = send(request("/syndication/v1/changes").header("x-api-key", wrong).GET().build());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(handler.events).isEmpty();
        // The access line is written once the exchange is closed, so it may trail the response a little.
        assertThat(awaitLog("/syndication/v1/changes 403")).contains("/syndication/v1/changes 403")
                .doesNotContain(wrong);
    }

    @Test
    void syndicationWithRightKey_reachesFunction_withKeyInIdentity() throws Exception {
        HttpResponse<String> r = send(request("/syndication/v1/changes?lang=en").header("X-API-Key", KEY).GET()
                .build());

        assertThat(r.statusCode()).isEqualTo(200);
        APIGatewayProxyRequestEvent.RequestIdentity identity = handler.events.get(0).getRequestContext()
                .getIdentity();
        // API Gateway also sends apiKeyId, but the Java event class has no field for it: apiKey is what arrives.
        assertThat(identity.getApiKey()).isEqualTo(KEY);
        APIGatewayProxyRequestEvent e = handler.events.get(0);
        assertThat(e.getResource()).isEqualTo("/syndication/{proxy+}");
        assertThat(e.getPathParameters()).containsExactly(Map.entry("proxy", "v1/changes"));
        assertThat(e.getPath()).isEqualTo("/syndication/v1/changes");
        assertThat(awaitLog("/syndication/v1/changes 200")).contains("/syndication/v1/changes 200")
                .doesNotContain(KEY);
    }

    @Test
    void statusWithoutOrWithWrongToken_is401_andFunctionNotInvoked() throws Exception {
        String token = Files.readString(dir.resolve("editor-token")).strip();

        HttpResponse<String> none = send(request("/articles/0123456789abcdef/status").GET().build());
        HttpResponse<String> wrong = send(request("/articles/0123456789abcdef/status")
                .header("Authorization", "Bearer " + token + "x").GET().build());
        HttpResponse<String> basic = send(request("/editor/api/uploads").header("Authorization", "Basic " + token).GET()
                .build());

        for (HttpResponse<String> r : List.of(none, wrong, basic)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
            assertThat(r.headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("Bearer"));
        }
        assertThat(handler.events).isEmpty();
        assertThat(awaitLog("/editor/api/uploads 401")).doesNotContain(token);
    }

    @Test
    void statusWithToken_reachesFunction_withCognitoShapedClaims() throws Exception {
        String token = Files.readString(dir.resolve("editor-token")).strip();

        HttpResponse<String> r = send(request("/articles/0123456789abcdef/status")
                .header("Authorization", "bearer " + token).GET().build());

        assertThat(r.statusCode()).isEqualTo(200);
        Object claims = handler.events.get(0).getRequestContext().getAuthorizer().get("claims");
        assertThat(claims).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) claims).get("sub")).isEqualTo(ApiGateway.LOCAL_EDITOR);
        assertThat(awaitLog("/status 200")).doesNotContain(token);
    }

    @Test
    void publicRoutes_carryNoAuthorizerClaims_evenWithAToken() throws Exception {
        String token = Files.readString(dir.resolve("editor-token")).strip();

        send(request("/feeds/en/feed.json").header("Authorization", "Bearer " + token).GET().build());

        assertThat(handler.events.get(0).getRequestContext().getAuthorizer()).isNull();
    }

    @Test
    void feedsNeedNoKey() throws Exception {
        assertThat(send(request("/feeds/en/feed.json").GET().build()).statusCode()).isEqualTo(200);
        assertThat(new ArrayList<>(handler.events)).hasSize(1);
    }

    /** The gateway's log once it holds the expected text, or as it is after two seconds. */
    private String awaitLog(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        String text = log.toString(StandardCharsets.UTF_8);
        while (!text.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            text = log.toString(StandardCharsets.UTF_8);
        }
        return text;
    }
}
