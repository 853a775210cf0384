package dev.tarjim.bench;

import dev.tarjim.emulators.Ports;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real local stack ({@code dev.tarjim.local.LocalStack}) started as its own JVM on free ports with a fresh data
 * folder, as the benchmarks that go through it need it: the gateway's base URL and the S3 endpoint to upload to.
 */
final class LocalStackProcess implements AutoCloseable {
    static final String BUCKET = "tarjim-articles";
    static final String TABLE = "tarjim";

    private final Process process;
    private final String base;
    private final URI s3;

    private LocalStackProcess(Process process, String base, URI s3) {
        this.process = process;
        this.base = base;
        this.s3 = s3;
    }

    /** The functions' environment as {@code ./tarjim local} sets it, for a gateway at {@code base}. */
    static Map<String, String> env(String base, String engine, String targets) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("LANG", "C.UTF-8");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
        env.put("AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
        env.put("TABLE_NAME", TABLE);
        env.put("BUCKET_NAME", BUCKET);
        env.put("TRANSLATION_ENGINE", engine);
        env.put("TARGET_LANGUAGES", targets);
        env.put("PUBLIC_BASE_URL", base);
        env.put("CURSOR_SECRET", "benchmark cursor secret, 32+ characters long");
        env.put("TARJIM_ACCESS_LOG", "false");
        env.put("FEED_SETTLE_SECONDS", "0");  // dynalite's indexes are synchronous
        return env;
    }

    /** The Java command running {@code mainClass} on this JVM's class path (JVM default flags, 512 MB heap). */
    static List<String> java(Path root, String mainClass) {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dtarjim.root=" + root, "-cp", System.getProperty("java.class.path"), mainClass));
    }

    /**
     * Starts the stack: with Apertium APy on a free port when {@code apy} (then {@code TRANSLATION_ENGINE} should be
     * {@code apertium}), else with {@code --no-apy}; returns once the gateway listens.
     */
    static LocalStackProcess start(Path root, Path work, boolean apy, String engine, String targets)
            throws IOException {
        int gatewayPort = Ports.free();
        int dynamoPort = Ports.free();
        int s3Port = Ports.free();
        String base = "http://127.0.0.1:" + gatewayPort;
        Map<String, String> env = env(base, engine, targets);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + dynamoPort);
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3Port);
        env.put("APERTIUM_URL", "http://127.0.0.1:" + Ports.free());
        env.put("PARTNER_KEYS_FILE", work.resolve("data/partner-keys.json").toString());
        // The local ingest's parallelism, when the bench is run with one (else the stack's default).
        if (System.getenv("INGEST_CONCURRENCY") != null) {
            env.put("INGEST_CONCURRENCY", System.getenv("INGEST_CONCURRENCY"));
        }
        List<String> cmd = java(root, "dev.tarjim.local.LocalStack");
        cmd.addAll(List.of("--data", work.resolve("data").toString()));
        if (!apy) {
            cmd.add("--no-apy");
        }
        Path log = work.resolve("localstack.log");
        Process p = launch(cmd, env, log);
        LocalStackProcess stack = new LocalStackProcess(p, base, URI.create("http://127.0.0.1:" + s3Port));
        try {
            Ports.awaitListening(gatewayPort, Duration.ofSeconds(180), p, "LocalStack (log: " + log + ")");
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    static Process launch(List<String> cmd, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String base() {
        return base;
    }

    URI s3() {
        return s3;
    }

    Process process() {
        return process;
    }

    @Override
    public void close() {
        stop(process);
    }
}
