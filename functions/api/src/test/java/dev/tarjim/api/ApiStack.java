package dev.tarjim.api;

import dev.tarjim.article.UploadStatus;
import dev.tarjim.article.TranslationStatus;
import dev.tarjim.emulators.TestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.emulators.Dynalite;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.article.ArticleState;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.store.DynamoRenderedPages;
import dev.tarjim.store.FeedIndex;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.store.TableSchema;
import dev.tarjim.support.AwsClients;
import dev.tarjim.support.Json;
import dev.tarjim.syndication.ChangeKind;
import dev.tarjim.syndication.ChangeLog;
import dev.tarjim.syndication.PartnerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** dynalite with the table, a handler wired to it, and a counter of the DynamoDB requests the handler makes. */
final class ApiStack implements AutoCloseable {
    static final String TABLE = "tarjim-api-test";
    /** API Gateway reads the function's answer as the runtime's serializer does. */
    private static final PojoSerializer<APIGatewayProxyResponseEvent> RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayProxyResponseEvent.class, ApiStack.class.getClassLoader());

    final Dynalite dynalite = Dynalite.startInMemory();
    final AtomicInteger requests = new AtomicInteger();
    final DynamoDbClient dynamo;
    final DynamoArticleStore store;
    final ChangeLog changeLog;
    final PartnerRegistry partners;
    final ApiHandler handler;
    final Routes routes;
    private final ApiConfig config;
    private long seq = 0x100;

    ApiStack(Map<String, String> env) {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        DynamoDbClient admin = AwsClients.dynamo(Region.US_EAST_1, dynalite.endpoint());
        TableSchema.create(admin, TableSchema.createTableRequest(TABLE));
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.incrementAndGet();
            }
        };
        dynamo = DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(dynalite.endpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build())
                .build();
        store = new DynamoArticleStore(admin, TABLE, Clock.systemUTC());
        changeLog = new ChangeLog(admin, TABLE, Clock.systemUTC(), ChangeLog.Settings.defaults());
        partners = new PartnerRegistry(admin, TABLE);
        Map<String, String> all = new java.util.HashMap<>(Map.of("AWS_REGION", "us-east-1", "TABLE_NAME", TABLE,
                "PUBLIC_BASE_URL", "http://127.0.0.1:3000", "CURSOR_SECRET", "a-test-secret-of-enough-length",
                // Tests change feeds and read them at once; VersionCacheTest sets a window of its own.
                "FEED_VERSION_CACHE_MS", "0"));
        all.putAll(env);
        config = ApiConfig.from(all);
        routes = newRoutes();
        handler = new ApiHandler(routes);
    }

    /**
     * Another function instance over the same table (its own memory, the same kept pages), as Lambda runs many.
     */
    Routes newRoutes() {
        DynamoArticleStore handlerStore = new DynamoArticleStore(dynamo, TABLE, Clock.systemUTC());
        return new Routes(handlerStore, handlerStore, new FeedIndex(dynamo, TABLE, handlerStore),
                new ChangeLog(dynamo, TABLE, Clock.systemUTC(), ChangeLog.Settings.defaults()),
                new PartnerRegistry(dynamo, TABLE), null,
                new EditorDesk(handlerStore.states(), handlerStore, handlerStore, null, null, null, Clock.systemUTC()),
                new DynamoRenderedPages(dynamo, TABLE, Clock.systemUTC()), config, Clock.systemUTC());
    }

    /** Stores an article as the ingest would (text, then the change log). */
    StoredArticle put(String id, String lang, String source, String title, Instant published, long revision,
            List<String> paragraphs) {
        StoredArticle a = new StoredArticle(id, lang, source, title, paragraphs.get(0), paragraphs, "Staff",
                List.of("china"), published, published.plusSeconds(revision), revision, "incoming/" + id + ".md",
                "0".repeat(64), !lang.equals(source), lang.equals(source) ? null : "apertium eng-spa", false, null);
        String sequencer = String.format("%040X", ++seq);
        store.putArticle(a, sequencer);
        changeLog.append(lang, id, revision, ChangeKind.UPSERT);
        // The state the ingest keeps beside the text: feeds take each article's languages from it.
        String lease = store.acquireLease(id, java.time.Duration.ofMinutes(1), java.time.Duration.ofSeconds(5));
        ArticleState before = store.state(id).orElse(null);
        Map<String, LanguageStatus> langs = new java.util.HashMap<>(before == null ? Map.of() : before.languages());
        langs.put(lang, new LanguageStatus(lang.equals(source) ? TranslationStatus.ORIGINAL : TranslationStatus.TRANSLATED,
                revision, a.engine(), null, 0, published));
        store.putState(new ArticleState(id, a.sourceKey(), sequencer, UploadStatus.STORED, revision, a.contentHash(),
                source, title, "markdown", List.of(), langs, List.of(), Instant.now()), lease);
        store.releaseLease(id, lease);
        return a;
    }

    void withdraw(String id, String lang) {
        // Dated in the past, like the articles: feeds changed long ago are settled (see FEED_SETTLE_SECONDS).
        store.withdraw(id, lang, String.format("%040X", ++seq), Instant.parse("2026-11-20T09:00:00Z"));
        changeLog.append(lang, id, 1, ChangeKind.WITHDRAW);
    }

    /** A request made from a real API Gateway event of {@code events/}, with path, query and headers replaced. */
    APIGatewayProxyResponseEvent get(String path, Map<String, String> query, Map<String, String> headers,
            String apiKey) {
        return call("GET", path, query, headers, apiKey);
    }

    APIGatewayProxyResponseEvent call(String method, String path, Map<String, String> query,
            Map<String, String> headers, String apiKey) {
        return call(method, path, query, headers, apiKey, null);
    }

    /** A GET as an editor whom the gateway's Cognito authorizer admitted (claims with this {@code sub}). */
    APIGatewayProxyResponseEvent getAsEditor(String path, String editorSub) {
        return call("GET", path, Map.of(), Map.of(), null, editorSub);
    }

    APIGatewayProxyResponseEvent call(String method, String path, Map<String, String> query,
            Map<String, String> headers, String apiKey, String editorSub) {
        return call(handler, method, path, query, headers, apiKey, editorSub);
    }

    /** A GET answered by the given handler (another instance, see {@link #newRoutes()}). */
    APIGatewayProxyResponseEvent get(ApiHandler on, String path, Map<String, String> headers) {
        return call(on, "GET", path, Map.of(), headers, null, null);
    }

    private APIGatewayProxyResponseEvent call(ApiHandler handler, String method, String path,
            Map<String, String> query, Map<String, String> headers, String apiKey, String editorSub) {
        try {
            ObjectNode root = (ObjectNode) Json.mapper().readTree(
                    Files.readString(ProjectPaths.root().resolve("events/api-feed-atom.json")));
            root.put("path", path).put("httpMethod", method);
            ObjectNode h = (ObjectNode) root.get("headers");
            headers.forEach(h::put);
            root.set("queryStringParameters", Json.mapper().valueToTree(query));
            ((ObjectNode) root.get("requestContext").get("identity")).put("apiKey", apiKey);
            if (editorSub != null) {
                ((ObjectNode) root.get("requestContext")).putObject("authorizer").putObject("claims")
                        .put("sub", editorSub).put("token_use", "id");
            }
            // As Lambda calls it: the event's JSON in, the response's JSON out.
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            handler.handleRequest(new java.io.ByteArrayInputStream(Json.mapper().writeValueAsBytes(root)), out,
                    new TestContext());
            return RESPONSES.fromJson(new java.io.ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        dynamo.close();
        dynalite.close();
    }
}
