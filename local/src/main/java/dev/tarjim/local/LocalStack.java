package dev.tarjim.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.tarjim.emulators.Apy;
import dev.tarjim.emulators.Dynalite;
import dev.tarjim.emulators.Ports;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.emulators.S3Server;
import dev.tarjim.ingest.IngestHandler;
import dev.tarjim.store.TableSchema;
import dev.tarjim.syndication.PartnerRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The embedded local stack: in one process, what AWS provides to Tarjim's two functions, wired to the same handler
 * classes with the same environment variables.
 *
 * <ul>
 *   <li>DynamoDB: dynalite on 127.0.0.1:8000, data under {@code <data>/dynamodb}, the table created when missing;</li>
 *   <li>S3: s3proxy in this process on 127.0.0.1:9000, objects under {@code <data>/s3}, the bucket created when
 *       missing; every change under {@code incoming/} invokes the ingest function ({@link S3Notifications});</li>
 *   <li>Apertium APy on 127.0.0.1:2737 when installed;</li>
 *   <li>API Gateway: {@link ApiGateway} on 127.0.0.1:3000, invoking the API function.</li>
 * </ul>
 * Run {@link #main} (what {@code ./tarjim local} does), or {@link #start} from a test.
 */
public final class LocalStack implements AutoCloseable {
    private static final String APY_HINT =
            "apt-get install apertium-apy apertium-eng-spa apertium-eng-cat (or ./tarjim setup as root)";

    private final LocalConfig config;
    private final ConsoleLog console;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private Dynalite dynalite;
    private S3Server s3;
    private Apy apy;
    private S3Notifications notifications;
    private ApiGateway gateway;
    private PartnerKeys partnerKeys;
    private EditorToken editorToken;
    private boolean closed;

    private LocalStack(LocalConfig config) {
        this.config = config;
        this.console = new ConsoleLog(config.out());
    }

    /** Thrown when a port the stack needs is taken, before anything was started. */
    public static final class PortInUseException extends IllegalStateException {
        PortInUseException(String message) {
            super(message);
        }
    }

    /**
     * Starts everything and answers once all of it is ready.
     *
     * @throws PortInUseException when a port is taken (nothing is left running)
     */
    public static LocalStack start(LocalConfig config) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        boolean withApy = config.apy() && Apy.installed();
        checkPorts(withApy);
        Path data = config.dataDir();
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + data, e);
        }
        // APy and dynalite take a while to listen: start them beside s3proxy, not one after the other.
        CompletableFuture<Apy> apyStart = withApy
                ? CompletableFuture.supplyAsync(() -> Apy.start(config.apyPort()))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<Dynalite> dynaliteStart = CompletableFuture.supplyAsync(() -> {
            Dynalite started = Dynalite.start(config.dynamoPort(), data.resolve("dynamodb"));
            try {
                ensureTable();
                return started;
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
        });
        try {
            partnerKeys = PartnerKeys.load(config.partnerKeysFile());
            editorToken = EditorToken.loadOrCreate(data.resolve("editor-token"));
            Path s3Dir = data.resolve("s3");
            notifications = new S3Notifications(config.bucket(), config.triggerPrefix(),
                    new S3EventMessages(config.region(), config.bucket(),
                            new Sequencer(data.resolve("notifications/sequencer"), Clock.systemUTC()),
                            Clock.systemUTC()),
                    data, s3Dir.resolve(config.bucket()).resolve("reports"), config.region(), config.out(),
                    config.retryDelay(), config.ingestConcurrency());
            running.push(notifications);
            s3 = S3Server.start(config.s3Port(), s3Dir, notifications);
            running.push(s3);
            s3.createBucket(config.bucket());
        } finally {
            dynalite = joinStarted(dynaliteStart);
            apy = joinStarted(apyStart);
        }
        DynamoDbClient licenceClient = localDynamo();
        running.push(licenceClient);
        PartnerRegistry registry = new PartnerRegistry(licenceClient, config.tableName());
        syncLicences(registry);

        RequestHandler<S3Event, Void> ingest = initialise(LocalFunction.INGEST, config.ingestFunction()::get);
        RequestStreamHandler api = initialise(LocalFunction.API, config.apiFunction()::get);
        try {
            gateway = new ApiGateway(config.gatewayPort(), api, partnerKeys, editorToken, config.region(),
                    config.out(), config.accessLog());
            running.push(gateway);
        } catch (BindException e) {
            throw new PortInUseException(inUse(config.gatewayPort(), "the API gateway", "PUBLIC_BASE_URL"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the API gateway on port " + config.gatewayPort(), e);
        }
        notifications.start(ingest, () -> initialise(LocalFunction.INGEST, config.ingestFunction()::get),
                config.deadLetterFunction() == null ? null : new DeadLetterDelivery(
                initialise(DeadLetterDelivery.FUNCTION, config.deadLetterFunction()::get), config.region(),
                config.out()));
        running.push(watchCredentials(registry));
        if (config.releaseFunction() != null) {
            running.push(scheduleReleases(initialise(LocalFunction.RELEASE, config.releaseFunction()::get)));
        }
        if (ingest instanceof IngestHandler handler) {
            running.push(releaseDeferred(handler));
        }
    }

    /**
     * The local stand-in for EventBridge Scheduler: every second invokes the embargo release function, which
     * releases what is due. A failed run (an article busy with an upload) is simply run again a second later.
     */
    private AutoCloseable scheduleReleases(RequestHandler<Map<String, Object>, Integer> release) {
        java.util.concurrent.ScheduledExecutorService scheduler = daemonScheduler("release-scheduler");
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int released = release.handleRequest(Map.of(),
                        new LocalContext(LocalFunction.RELEASE, config.region(), config.out()));
                if (released > 0) {
                    console.log("released %d embargoed article(s)", released);
                }
            } catch (RuntimeException e) {
                console.log("WARNING: embargo release failed, retried in a second: %s", e.getClass().getSimpleName());
            }
        }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        return scheduler::shutdownNow;
    }

    /**
     * At start and then every {@code releaseEvery}: translates what the daily budget deferred, once budget returns
     * (what the {@code ReleaseDeferredFunction}'s schedule does in AWS).
     */
    private AutoCloseable releaseDeferred(IngestHandler handler) {
        java.util.concurrent.ScheduledExecutorService scheduler = daemonScheduler("release-deferred");
        long every = config.releaseEvery().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            int released = handler.releaseDeferred(new LocalContext(LocalFunction.INGEST, config.region(),
                    config.out()));
            if (released > 0) {
                console.log("released the deferred translations of %d article(s)", released);
            }
        }, Math.min(every, 1_000), every, java.util.concurrent.TimeUnit.MILLISECONDS);
        // A run is let finish: interrupted, it would leave an article's lease held until the lease expires.
        return () -> {
            scheduler.shutdown();
            if (!scheduler.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        };
    }

    /**
     * Every second: re-reads the partner keys file and the editor token, so partners are added, limited and revoked
     * (and the token replaced) without a restart. A changed keys file is applied to the licence items; a malformed
     * one keeps the last good keys and says why, once per edit.
     */
    private AutoCloseable watchCredentials(PartnerRegistry registry) {
        java.util.concurrent.ScheduledExecutorService watcher = daemonScheduler("credentials-watcher");
        watcher.scheduleWithFixedDelay(() -> {
            try {
                PartnerKeys.Reload reload = partnerKeys.reload();
                if (reload instanceof PartnerKeys.Reload.Changed changed) {
                    syncLicences(registry);
                    console.log("partner keys reloaded from %s: %s", partnerKeys.file(), changed.current());
                } else if (reload instanceof PartnerKeys.Reload.Refused refused) {
                    console.log("WARNING: %s; the last good partner keys stay in force", refused.reason());
                }
                editorToken.reload();
            } catch (RuntimeException e) {
                console.log("WARNING: could not apply the partner keys: %s", e.getClass().getSimpleName());
            }
        }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        return watcher::shutdownNow;
    }

    /** A one-thread scheduler whose thread never keeps the JVM alive. */
    private static java.util.concurrent.ScheduledExecutorService daemonScheduler(String name) {
        return java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Waits for a child process being started; registers it for closing even when another start failed. */
    private <T extends AutoCloseable> T joinStarted(CompletableFuture<T> start) {
        try {
            T started = start.join();
            if (started != null) {
                running.push(started);
            }
            return started;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void checkPorts(boolean withApy) {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(config.dynamoPort(), "DynamoDB (dynalite)|AWS_ENDPOINT_URL_DYNAMODB");
        wanted.put(config.s3Port(), "S3 (s3proxy)|AWS_ENDPOINT_URL_S3");
        if (withApy) {
            wanted.put(config.apyPort(), "Apertium APy|APERTIUM_URL");
        }
        wanted.put(config.gatewayPort(), "the API gateway|PUBLIC_BASE_URL");
        List<String> taken = new ArrayList<>();
        wanted.forEach((port, what) -> {
            if (Ports.listening(port)) {
                String[] parts = what.split("\\|");
                taken.add(inUse(port, parts[0], parts[1]));
            }
        });
        if (!taken.isEmpty()) {
            throw new PortInUseException(String.join("\n", taken));
        }
    }

    private static String inUse(int port, String what, String variable) {
        return "port " + port + " (for " + what + ") is already in use: is another ./tarjim local running? Stop it,"
                + " or choose another port with " + variable + "=http://127.0.0.1:<port>";
    }

    /** Constructs a handler once, as a Lambda cold start does; a failure stops the stack with the reason. */
    private static <T> T initialise(LocalFunction function, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException(function.name() + " failed to initialise: " + e, e);
        }
    }

    /**
     * Makes the licence items match the keys file, as an operator registers, limits and revokes partners in AWS:
     * each key's languages are written under its SHA-256, and licences of keys no longer in the file are removed.
     */
    private void syncLicences(PartnerRegistry registry) {
        Set<String> wanted = new java.util.HashSet<>();
        for (PartnerKeys.PartnerKey k : partnerKeys.all()) {
            registry.register(k.key(), k.id(), k.languages());
            wanted.add(PartnerRegistry.keyHash(k.key()));
        }
        for (String registered : registry.registeredKeyHashes()) {
            if (!wanted.contains(registered)) {
                registry.revoke(registered);
            }
        }
    }

    private DynamoDbClient localDynamo() {
        return DynamoDbClient.builder()
                .endpointOverride(dynamoEndpoint())
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private void ensureTable() {
        try (DynamoDbClient ddb = localDynamo()) {
            CreateTableRequest wanted = TableSchema.createTableRequest(config.tableName());
            try {
                TableDescription table = ddb.describeTable(r -> r.tableName(config.tableName())).table();
                warnOnIndexDrift(table, wanted);
            } catch (ResourceNotFoundException e) {
                TableSchema.create(ddb, wanted);
            }
        }
    }

    /** A table kept from an older schema silently breaks queries on new indexes: say so. */
    private void warnOnIndexDrift(TableDescription table, CreateTableRequest wanted) {
        Set<String> have = table.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet());
        Set<String> want = wanted.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndex::indexName).collect(Collectors.toSet());
        if (!have.equals(want)) {
            console.log("WARNING: table %s has the indexes %s but TableSchema declares %s; to start afresh, stop"
                    + " and delete %s", config.tableName(), have, want, config.dataDir().resolve("dynamodb"));
        }
    }

    public int dynamoPort() {
        return config.dynamoPort();
    }

    public int s3Port() {
        return config.s3Port();
    }

    public int gatewayPort() {
        return gateway.port();
    }

    public URI dynamoEndpoint() {
        return URI.create("http://127.0.0.1:" + config.dynamoPort());
    }

    public URI s3Endpoint() {
        return URI.create("http://127.0.0.1:" + config.s3Port());
    }

    public URI gatewayEndpoint() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    /** APy's endpoint, when it was started. */
    public Optional<URI> apertiumEndpoint() {
        return Optional.ofNullable(apy).map(Apy::endpoint);
    }

    public LocalConfig config() {
        return config;
    }

    public PartnerKeys partnerKeys() {
        return partnerKeys;
    }

    public EditorToken editorToken() {
        return editorToken;
    }

    /** Waits until every S3 event so far was handled or dead-lettered; false on timeout. */
    public boolean awaitIngestIdle(Duration timeout) throws InterruptedException {
        return notifications.awaitIdle(timeout);
    }

    /**
     * Stops the gateway, lets the ingest in flight finish (events not yet delivered are kept for the next start),
     * then stops s3proxy, dynalite and APy.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                console.log("while stopping %s: %s", next.getClass().getSimpleName(), e);
            }
        }
    }

    /** What {@code ./tarjim local} prints once everything is up: where the credentials are, never what they are. */
    String banner() {
        String s3Url = s3Endpoint().toString();
        String seed = exampleUpload().map(Path::toString).orElse("article.txt");
        String seedName = Path.of(seed).getFileName().toString();
        String aws = "/usr/bin/aws --endpoint-url " + s3Url;
        StringBuilder b = new StringBuilder();
        b.append("\nTarjim local stack is up. Data folder: ").append(config.dataDir()).append('\n');
        b.append(String.format("  DynamoDB  (dynalite) %-24s table %s%n", dynamoEndpoint(), config.tableName()));
        b.append(String.format("  S3        (s3proxy)  %-24s bucket %s; uploads under %s invoke %s (%d at once)%n",
                s3Url, config.bucket(), config.triggerPrefix(), LocalFunction.INGEST.name(),
                config.ingestConcurrency()));
        if (apy != null) {
            b.append(String.format("  Apertium  (APy)      %-24s%n", apy.endpoint()));
        } else {
            b.append("  Apertium  (APy)      not running: translations will be reported as unavailable.\n")
                    .append("                       To translate locally: ").append(APY_HINT).append('\n');
        }
        b.append(String.format("  API       (gateway)  %-24s invokes %s%n", gatewayEndpoint(),
                LocalFunction.API.name()));
        // Never the secrets themselves: this console is the stack's log.
        for (PartnerKeys.PartnerKey k : partnerKeys.all()) {
            b.append(String.format("  Partner %s: languages %s%n", k.id(), k.languages().isEmpty() ? "none"
                    : String.join(", ", k.languages())));
        }
        b.append("  Partner keys (add, limit, revoke; applied within a second): ").append(partnerKeys.file())
                .append('\n');
        b.append("  Editor token (for /articles/{id}/status): ").append(editorToken.file()).append('\n');
        b.append("  Editors' dashboard (sign in with that token): ").append(gatewayEndpoint()).append("/editor/\n\n");
        b.append("Try it (Debian's AWS CLI v2; ./tarjim aws ... sets endpoint and credentials for you):\n");
        b.append("  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=")
                .append(config.region()).append('\n');
        b.append("  ").append(aws).append(" s3 cp ").append(seed).append(" s3://").append(config.bucket())
                .append('/').append(config.triggerPrefix()).append('\n');
        b.append("  ").append(aws).append(" s3 cp s3://").append(config.bucket()).append("/reports/")
                .append(config.triggerPrefix()).append(seedName).append(".json -\n");
        b.append("  curl ").append(gatewayEndpoint()).append("/\n");
        b.append("  curl -H \"Authorization: Bearer $(cat ").append(editorToken.file()).append(")\" ")
                .append(gatewayEndpoint()).append("/articles/<id>/status\n");
        b.append("  curl -H \"x-api-key: $(grep -o '\"key\" *: *\"[^\"]*\"' ").append(partnerKeys.file())
                .append(" | head -n1 | cut -d'\"' -f4)\" '").append(gatewayEndpoint())
                .append("/syndication/v1/changes?lang=en'\n");
        b.append("Each ingest is logged below. Ctrl-C stops everything.\n");
        return b.toString();
    }

    /** The sample article shipped with the project ({@code samples/}, the Arabic seed first), when there is one. */
    private static Optional<Path> exampleUpload() {
        Path samples = ProjectPaths.root().resolve("samples");
        if (!Files.isDirectory(samples)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(samples)) {
            return files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".txt")).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code ./tarjim local}: starts the stack and runs until Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        LocalConfig config;
        try {
            config = LocalConfig.fromEnvironment(System.getenv(), List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("tarjim local: " + e.getMessage());
            System.exit(64);
            return;
        }
        long start = System.nanoTime();
        LocalStack stack;
        try {
            stack = start(config);
        } catch (PortInUseException e) {
            System.err.println("tarjim local: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("tarjim local: cannot start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        PrintStream out = config.out();
        if (stack.apy == null && config.apy()) {
            out.println("WARNING: Apertium APy is not installed; translations will be unavailable. Install: "
                    + APY_HINT);
        }
        out.print(stack.banner());
        out.printf("(started in %d ms)%n", (System.nanoTime() - start) / 1_000_000);
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nStopping the Tarjim local stack...");
            stack.close();
            out.println("Stopped. Data kept in " + config.dataDir());
            out.flush();
            stopped.countDown();
        }, "tarjim-local-shutdown"));
        stopped.await();
    }
}
