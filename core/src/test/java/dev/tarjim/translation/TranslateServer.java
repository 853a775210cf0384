package dev.tarjim.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.translate.TranslateClient;

/**
 * A real HTTP server answering Amazon Translate's TranslateText, for adapter tests only.
 *
 * <p>It speaks the wire protocol AWS SDK 2.57 uses for Translate: Smithy RPC v2 CBOR ({@code POST
 * /service/AWSShineFrontendService_20170701/operation/TranslateText}, {@code smithy-protocol: rpc-v2-cbor},
 * {@code application/cbor}; errors as a map with {@code __type} and {@code message}). The service's older
 * JSON 1.1 protocol ({@code X-Amz-Target}) carries the same members. It checks every request as the service
 * would (operation, protocol, signature present, the 10,000-byte limit, codes) and answers as AWS documents,
 * errors included. Its "translation" is visible and line-preserving: a terminology
 * named {@value #TERMINOLOGY} turns "شي جين بينغ" into "Xi Jinping", then Latin letters are upper-cased. Like the
 * service (Developer Guide, "Using do-not-translate": TranslateText takes HTML elements in its text and returns them
 * with the text inside translated), it translates only text: tags, their attributes and character references pass
 * unchanged, and an element marked {@code translate="no"} keeps its content.
 */
final class TranslateServer implements AutoCloseable {
    static final String TERMINOLOGY = "tarjim-names";
    private static final String PATH = "/service/AWSShineFrontendService_20170701/operation/TranslateText";
    private static final Set<String> CODES = Set.of("ar", "en", "zh", "zh-TW", "es", "fr", "de", "ca", "ja");
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    /** One request as received. */
    record Received(String sourceLanguageCode, String targetLanguageCode, String text, int textBytes,
            List<String> terminologyNames, String formality) {
    }

    /** A scripted error answer, used before normal answers resume. */
    record Failure(int status, String type, String message) {
    }

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Failure> script = new ArrayDeque<>();
    private volatile boolean mergeLines;

    TranslateServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A client as the functions build it, without SDK retries so the adapter's own are counted. */
    TranslateClient client() {
        return TranslateClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** The next answers are these errors, in order. */
    synchronized void failNext(Failure... failures) {
        script.addAll(List.of(failures));
    }

    /** Answers with all lines of a call merged into one, as a translation engine sometimes does. */
    void mergeLines(boolean merge) {
        this.mergeLines = merge;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** What this server makes of one line with the given terminologies. */
    static String translateLine(String line, List<String> terminologies) {
        String text = terminologies.contains(TERMINOLOGY) ? line.replace("شي جين بينغ", "Xi Jinping") : line;
        return ShoutEngine.shout(text);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String protocol = exchange.getRequestHeaders().getFirst("Smithy-Protocol");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(path) || !"rpc-v2-cbor".equals(protocol)
                    || !"application/cbor".equals(contentType)
                    || exchange.getRequestHeaders().getFirst("Authorization") == null) {
                violations.add("unexpected request: " + path + " protocol=" + protocol + " type=" + contentType);
                error(exchange, 400, "InvalidRequestException", "unexpected request");
                return;
            }
            JsonNode request = CBOR.readTree(body);
            String text = request.path("Text").asText();
            List<String> terminologies = StreamSupport.stream(request.path("TerminologyNames").spliterator(), false)
                    .map(JsonNode::asText).collect(Collectors.toList());
            String formality = request.path("Settings").path("Formality").asText(null);
            Received r = new Received(request.path("SourceLanguageCode").asText(),
                    request.path("TargetLanguageCode").asText(), text, text.getBytes(StandardCharsets.UTF_8).length,
                    terminologies, formality);
            received.add(r);
            Failure failure;
            synchronized (this) {
                failure = script.poll();
            }
            if (failure != null) {
                error(exchange, failure.status(), failure.type(), failure.message());
                return;
            }
            if (r.textBytes() > 10_000) {
                violations.add("text of " + r.textBytes() + " bytes");
                error(exchange, 400, "TextSizeLimitExceededException",
                        "Input text size exceeds limit. Max length of request text allowed is 10000 bytes while "
                                + r.textBytes() + " bytes was received.");
                return;
            }
            if (!CODES.contains(r.sourceLanguageCode()) || !CODES.contains(r.targetLanguageCode())
                    || r.sourceLanguageCode().equals(r.targetLanguageCode())) {
                ObjectNode error = errorBody("UnsupportedLanguagePairException", "Unsupported language pair: "
                        + r.sourceLanguageCode() + " to " + r.targetLanguageCode() + ".");
                error.put("SourceLanguageCode", r.sourceLanguageCode());
                error.put("TargetLanguageCode", r.targetLanguageCode());
                send(exchange, 400, error);
                return;
            }
            String[] lines = text.split("\n", -1);
            List<String> out = new ArrayList<>();
            for (String line : lines) {
                out.add(translateLine(line, terminologies));
            }
            ObjectNode answer = CBOR.createObjectNode();
            answer.put("TranslatedText", String.join(mergeLines ? " " : "\n", out));
            answer.put("SourceLanguageCode", r.sourceLanguageCode());
            answer.put("TargetLanguageCode", r.targetLanguageCode());
            if (!terminologies.isEmpty()) {
                answer.putArray("AppliedTerminologies").addObject().put("Name", terminologies.get(0)).putArray("Terms");
            }
            if (formality != null) {
                answer.putObject("AppliedSettings").put("Formality", formality);
            }
            send(exchange, 200, answer);
        }
    }

    private static ObjectNode errorBody(String type, String message) {
        ObjectNode error = CBOR.createObjectNode();
        error.put("__type", "com.amazonaws.translate#" + type); // a shape id, as Smithy RPC v2 sends it
        error.put("message", message);
        return error;
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        send(exchange, status, errorBody(type, message));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = CBOR.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/cbor");
        exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
