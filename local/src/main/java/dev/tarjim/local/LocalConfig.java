package dev.tarjim.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.tarjim.ingest.DeadLetterHandler;
import dev.tarjim.api.ApiHandler;
import dev.tarjim.emulators.Ports;
import dev.tarjim.feed.SiteBranding;
import dev.tarjim.ingest.IngestHandler;
import dev.tarjim.ingest.ReleaseHandler;
import dev.tarjim.support.Environment;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How to start the local stack: the data folder, the ports, the names, and the handlers to invoke.
 *
 * <p>{@link #fromEnvironment} reads the same variables the functions read (so one setting moves both the emulator
 * and its clients); {@link #builder} is for tests, which use free ports and may inject their own handlers.
 */
public record LocalConfig(
        Path dataDir,
        String region,
        String tableName,
        String bucket,
        String triggerPrefix,
        int dynamoPort,
        int s3Port,
        int apyPort,
        int gatewayPort,
        boolean apy,
        boolean accessLog,
        Duration retryDelay,
        Path partnerKeysFile,
        Supplier<? extends RequestHandler<S3Event, Void>> ingestFunction,
        Supplier<? extends RequestStreamHandler> apiFunction,
        PrintStream out,
        Supplier<? extends RequestHandler<Map<String, Object>, Integer>> releaseFunction,
        Duration releaseEvery,
        Supplier<? extends RequestHandler<SNSEvent, Void>> deadLetterFunction,
        int ingestConcurrency) {

    public static final String DEFAULT_BUCKET = "tarjim-articles";
    public static final String DEFAULT_TABLE = "tarjim";
    public static final String TRIGGER_PREFIX = "incoming/";
    /** How many uploads the local stack ingests at once unless {@code INGEST_CONCURRENCY} says otherwise. */
    public static final int DEFAULT_INGEST_CONCURRENCY = 4;

    public LocalConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(ingestFunction, "ingestFunction");
        Objects.requireNonNull(apiFunction, "apiFunction");
        Objects.requireNonNull(releaseEvery, "releaseEvery");
        if (ingestConcurrency < 1) {
            throw new IllegalArgumentException("the ingest concurrency must be at least 1: " + ingestConcurrency);
        }
    }

    /** A builder with the defaults of {@code ./tarjim local}: the well-known ports, the real handlers. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * The configuration of {@code ./tarjim local}: {@code --data DIR} or {@code TARJIM_DATA} (default
     * {@code ./data}), {@code --no-apy}, and the functions' own variables ({@code TABLE_NAME}, {@code BUCKET_NAME},
     * {@code AWS_REGION}, {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code APERTIUM_URL},
     * {@code PUBLIC_BASE_URL}, {@code PARTNER_KEYS_FILE}), whose ports say where each emulator listens,
     * {@code INGEST_RETRY_DELAY_SECONDS} (the delay before a failed ingest's first retry, default 60),
     * {@code INGEST_CONCURRENCY} (how many events the ingest handles at once, default 4); the site
     * branding ({@code SITE_NAME}, {@code SITE_NAME_BY_LANGUAGE}, {@code SITE_URL}, {@code TAG_AUTHORITY}) is checked
     * here so that a bad value stops the start.
     */
    public static LocalConfig fromEnvironment(Map<String, String> env, List<String> args) {
        Path data = Path.of(env.getOrDefault("TARJIM_DATA", "data"));
        boolean apy = true;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--data" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--data needs a folder");
                    }
                    data = Path.of(args.get(++i));
                }
                case "--no-apy" -> apy = false;
                default -> throw new IllegalArgumentException("unknown option " + args.get(i)
                        + " (options: --data DIR, --no-apy)");
            }
        }
        data = data.toAbsolutePath().normalize();
        try {
            // The functions read the branding when they start; a bad value stops the stack now, not the first upload.
            SiteBranding.from(new Environment(env, "local"));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Builder b = builder(data)
                .region(env.getOrDefault("AWS_REGION", "us-east-1"))
                .tableName(env.getOrDefault("TABLE_NAME", DEFAULT_TABLE))
                .bucket(env.getOrDefault("BUCKET_NAME", DEFAULT_BUCKET))
                .ports(port(env, "AWS_ENDPOINT_URL_DYNAMODB", 8000), port(env, "AWS_ENDPOINT_URL_S3", 9000),
                        port(env, "APERTIUM_URL", 2737), port(env, "PUBLIC_BASE_URL", 3000))
                .apy(apy)
                .accessLog(!"false".equalsIgnoreCase(env.getOrDefault("TARJIM_ACCESS_LOG", "true")))
                .releaseFunction(ReleaseHandler::new)
                .deadLetterFunction(DeadLetterHandler::new);
        String retry = env.get("INGEST_RETRY_DELAY_SECONDS");
        if (retry != null && !retry.isBlank()) {
            try {
                b.retryDelay(Duration.ofMillis(Math.round(Double.parseDouble(retry.trim()) * 1000)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("INGEST_RETRY_DELAY_SECONDS is not a number of seconds: " + retry,
                        e);
            }
        }
        String concurrency = env.get("INGEST_CONCURRENCY");
        if (concurrency != null && !concurrency.isBlank()) {
            int n;
            try {
                n = Integer.parseInt(concurrency.trim());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                throw new IllegalArgumentException("INGEST_CONCURRENCY is not a whole number of at least 1: "
                        + concurrency);
            }
            b.ingestConcurrency(n);
        }
        String keys = env.get("PARTNER_KEYS_FILE");
        if (keys != null && !keys.isBlank()) {
            b.partnerKeysFile(Path.of(keys).toAbsolutePath().normalize());
        }
        return b.build();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String url = env.get(name);
        if (url == null || url.isBlank()) {
            return fallback;
        }
        try {
            int port = URI.create(url.trim()).getPort();
            return port > 0 ? port : fallback;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URL: " + url, e);
        }
    }

    /** Builds a {@link LocalConfig}; every setting has the default of {@code ./tarjim local}. */
    public static final class Builder {
        private final Path dataDir;
        private String region = "us-east-1";
        private String tableName = DEFAULT_TABLE;
        private String bucket = DEFAULT_BUCKET;
        private int dynamoPort = 8000;
        private int s3Port = 9000;
        private int apyPort = 2737;
        private int gatewayPort = 3000;
        private boolean apy = true;
        private boolean accessLog = true;
        // As Lambda retries an asynchronous invocation (about 1 then 2 minutes later): the last retry comes after the
        // ingest's lease TTL (150 s), so an event whose article a killed ingest left leased takes the lease over
        // instead of ending in the dead-letter folder.
        private Duration retryDelay = Duration.ofMinutes(1);
        private Path partnerKeysFile;
        private Supplier<? extends RequestHandler<S3Event, Void>> ingestFunction = IngestHandler::new;
        private Supplier<? extends RequestStreamHandler> apiFunction = ApiHandler::new;
        private PrintStream out = System.out;
        private Supplier<? extends RequestHandler<Map<String, Object>, Integer>> releaseFunction;
        private Duration releaseEvery = Duration.ofMinutes(1);
        private Supplier<? extends RequestHandler<SNSEvent, Void>> deadLetterFunction;
        private int ingestConcurrency = DEFAULT_INGEST_CONCURRENCY;

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public Builder tableName(String value) {
            this.tableName = value;
            return this;
        }

        public Builder bucket(String value) {
            this.bucket = value;
            return this;
        }

        public Builder ports(int dynamo, int s3, int apertium, int gateway) {
            this.dynamoPort = dynamo;
            this.s3Port = s3;
            this.apyPort = apertium;
            this.gatewayPort = gateway;
            return this;
        }

        /** Ports that were free a moment ago, for tests that run beside a running stack. */
        public Builder freePorts() {
            return ports(Ports.free(), Ports.free(), Ports.free(), Ports.free());
        }

        /** Whether to start Apertium's APy when it is installed. */
        public Builder apy(boolean value) {
            this.apy = value;
            return this;
        }

        public Builder accessLog(boolean value) {
            this.accessLog = value;
            return this;
        }

        /** The delay before the first retry of a failed ingest; the second waits twice as long. */
        public Builder retryDelay(Duration value) {
            this.retryDelay = value;
            return this;
        }

        public Builder partnerKeysFile(Path value) {
            this.partnerKeysFile = value;
            return this;
        }

        public Builder ingestFunction(Supplier<? extends RequestHandler<S3Event, Void>> value) {
            this.ingestFunction = value;
            return this;
        }

        /** A typed API function (tests' doubles), run as Lambda's runtime runs one: through its serializer. */
        public Builder apiFunction(
                Supplier<? extends RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> value) {
            this.apiFunction = () -> ApiGateway.typed(value.get());
            return this;
        }

        /** The API function as Lambda calls it, event JSON in and response JSON out (the real {@code ApiHandler}). */
        public Builder apiStreamFunction(Supplier<? extends RequestStreamHandler> value) {
            this.apiFunction = value;
            return this;
        }

        /**
         * The embargo release function, which the local scheduler invokes every second (as EventBridge Scheduler
         * invokes it in AWS); {@code null}, the builder's default, runs no scheduler.
         */
        public Builder releaseFunction(Supplier<? extends RequestHandler<Map<String, Object>, Integer>> value) {
            this.releaseFunction = value;
            return this;
        }

        /**
         * How often the stack releases translations deferred for want of the daily budget (as the schedule of
         * {@code ReleaseDeferredFunction} does in AWS); the first run is at start.
         */
        public Builder releaseEvery(Duration value) {
            this.releaseEvery = value;
            return this;
        }

        /**
         * The dead-letter function, which the stack invokes (as the ingest's failure topic does in AWS) for each event
         * it gives up on, to mark the upload failed; {@code null}, the builder's default, only keeps the event in
         * {@code <data>/dlq/}.
         */
        public Builder deadLetterFunction(Supplier<? extends RequestHandler<SNSEvent, Void>> value) {
            this.deadLetterFunction = value;
            return this;
        }

        /**
         * How many events the ingest handles at once, each in a handler instance of its own (Lambda's reserved
         * concurrency); events of one object key are handled one after the other whatever the value.
         */
        public Builder ingestConcurrency(int value) {
            this.ingestConcurrency = value;
            return this;
        }

        public Builder out(PrintStream value) {
            this.out = value;
            return this;
        }

        public LocalConfig build() {
            Path keys = partnerKeysFile != null ? partnerKeysFile : dataDir.resolve("partner-keys.json");
            return new LocalConfig(dataDir, region, tableName, bucket, TRIGGER_PREFIX, dynamoPort, s3Port, apyPort,
                    gatewayPort, apy, accessLog, retryDelay, keys, ingestFunction, apiFunction, out, releaseFunction,
                    releaseEvery, deadLetterFunction, ingestConcurrency);
        }
    }
}
