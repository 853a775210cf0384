package dev.tarjim.bench;

import dev.tarjim.article.ContentParser;
import dev.tarjim.emulators.Dynalite;
import dev.tarjim.emulators.Ports;
import dev.tarjim.emulators.S3Server;
import dev.tarjim.store.TableSchema;
import dev.tarjim.support.AwsClients;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Gateway benchmark: requests per second and p99 latency of the local API gateway (wrk, loopback, bounded) for a
 * conditional poll answered 304 and for a full feed of 50 Arabic entries.
 *
 * <p>The gateway is, in this order of preference: the one at {@code --url} (a running {@code ./tarjim local} that
 * already holds articles); the real {@code dev.tarjim.local.LocalStack}, started here as its own JVM on free ports
 * with a fresh data folder, when the {@code local} module has it; else {@link MiniGateway}, a minimal gateway that
 * calls the same {@code ApiHandler} the same way. In the last two cases the seed is uploaded in 50 variants (each
 * its own article) through S3 and ingested by the real ingest handler (no translation engine) before measuring.
 *
 * <p>Each case runs {@code --runs} times (after one short warm-up); the figures are the medians of those runs.
 *
 * <p>Arguments: {@code --root DIR [--url URL] [--path /feeds/ar/rss.xml] [--duration 10] [--runs 3] [--threads 2]
 * [--connections 8] [--articles 50] [--out FILE] [--json FILE]}.
 */
public final class GatewayBench {
    private static final String BUCKET = LocalStackProcess.BUCKET;
    private static final String TABLE = LocalStackProcess.TABLE;
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+([\\d.]+)(us|ms|s)\\b");
    private static final Pattern P50 = Pattern.compile("\\n\\s+50%\\s+([\\d.]+)(us|ms|s)\\b");
    private static final Pattern ERRORS = Pattern.compile("(Non-2xx or 3xx responses: \\d+|Socket errors:[^\\n]*)");

    private GatewayBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Options.parse(args);
        Path root = Path.of(opts.getOrDefault("root", ".")).toAbsolutePath().normalize();
        PrintStream summary = Options.summary(opts);
        String path = opts.getOrDefault("path", "/feeds/ar/rss.xml");
        int articles = Integer.parseInt(opts.getOrDefault("articles", "50"));
        String wrkArgs = "-t" + opts.getOrDefault("threads", "2") + " -c" + opts.getOrDefault("connections", "8");
        int seconds = Integer.parseInt(opts.getOrDefault("duration", "10"));
        int runs = Integer.parseInt(opts.getOrDefault("runs", "3"));
        String external = opts.get("url");

        Path work = Files.createTempDirectory("tarjim-gateway-");
        List<AutoCloseable> running = new ArrayList<>();
        try {
            String base;
            String kind;
            if (external != null) {
                base = external.replaceAll("/+$", "");
                kind = "running gateway at " + base;
            } else {
                boolean local = hasLocalStack();
                kind = local ? "real LocalStack (own JVM, JVM default flags)"
                        : "MiniGateway stand-in (LocalStack not in this build; own JVM, JVM default flags)";
                base = start(root, local, articles, work, running);
            }
            URI feed = URI.create(base + path);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> full = http.send(HttpRequest.newBuilder(feed).build(),
                    HttpResponse.BodyHandlers.ofString());
            String etag = full.headers().firstValue("ETag").orElse(null);
            if (full.statusCode() != 200 || etag == null) {
                throw new IllegalStateException("GET " + feed + " answered " + full.statusCode() + " with ETag "
                        + etag + ": nothing to measure");
            }
            int status304 = http.send(HttpRequest.newBuilder(feed).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status304 != 304) {
                throw new IllegalStateException("conditional GET answered " + status304 + ", not 304");
            }
            int entries = count(full.body(), "<item>") + count(full.body(), "<entry>");
            Path pollScript = work.resolve("poll.lua");
            Files.writeString(pollScript, "wrk.method = \"GET\"\nwrk.headers[\"If-None-Match\"] = [==[" + etag
                    + "]==]\n");
            Path fullScript = work.resolve("full.lua");
            Files.writeString(fullScript, "wrk.method = \"GET\"\nwrk.headers[\"Accept\"] = \"*/*\"\n");

            summary.printf(Locale.ROOT, "%n== Gateway (wrk %s -d%ds --latency, loopback, median of %d runs; %s) ==%n",
                    wrkArgs, seconds, runs, kind);
            summary.printf(Locale.ROOT, "GET %s: full feed %d entries, %.1f KB; conditional GET -> 304%n", path,
                    entries, full.body().getBytes(StandardCharsets.UTF_8).length / 1024.0);
            summary.printf(Locale.ROOT, "%-28s %12s %10s %10s  %s%n", "case", "requests/s", "p50 ms", "p99 ms",
                    "errors");
            Figures figures = new Figures();
            for (String[] c : List.of(new String[] {"304 poll (If-None-Match)", pollScript.toString(), "feed_304"},
                    new String[] {"full feed (200)", fullScript.toString(), "feed_full"})) {
                wrk(wrkArgs, 3, c[1], feed); // warm-up: JIT, connection pools
                double[] rps = new double[runs];
                double[] p50 = new double[runs];
                double[] p99 = new double[runs];
                List<String> errors = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    String out = wrk(wrkArgs, seconds, c[1], feed);
                    Files.writeString(work.getParent().resolve("tarjim-wrk-last.txt"), out);
                    rps[i] = Double.parseDouble(group(RPS, out));
                    p50[i] = millis(P50, out);
                    p99[i] = millis(P99, out);
                    String e = errors(out);
                    if (!e.equals("none")) {
                        errors.add(e);
                    }
                }
                summary.printf(Locale.ROOT, "%-28s %12.1f %10.2f %10.2f  %s%n", c[0], Figures.median(rps),
                        Figures.median(p50), Figures.median(p99), errors.isEmpty() ? "none" : String.join("; ", errors));
                figures.put("gateway." + c[2] + ".rps", Figures.median(rps))
                        .put("gateway." + c[2] + ".p50_ms", Figures.median(p50))
                        .put("gateway." + c[2] + ".p99_ms", Figures.median(p99));
            }
            figures.put("gateway.feed_full.kib", full.body().getBytes(StandardCharsets.UTF_8).length / 1024.0)
                    .mergeInto(opts);
        } finally {
            for (int i = running.size() - 1; i >= 0; i--) {
                running.get(i).close();
            }
            ColdStart.deleteTree(work);
        }
    }

    private static boolean hasLocalStack() {
        try {
            Class.forName("dev.tarjim.local.LocalStack");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Starts the gateway with articles in it; returns its base URL. */
    private static String start(Path root, boolean local, int articles, Path work, List<AutoCloseable> running)
            throws Exception {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        if (local) {
            LocalStackProcess stack = LocalStackProcess.start(root, work, false, "none", "en,es");
            running.add(stack);
            try (S3Client s3 = AwsClients.s3(Region.US_EAST_1, stack.s3())) {
                upload(root, s3, articles);
            }
            awaitFeed(URI.create(stack.base() + "/feeds/ar/rss.xml"), Math.min(articles, 50), stack.process());
            return stack.base();
        }
        int gatewayPort = Ports.free();
        String base = "http://127.0.0.1:" + gatewayPort;
        Map<String, String> env = LocalStackProcess.env(base, "none", "en,es");
        Dynalite dynalite = Dynalite.startInMemory();
        running.add(dynalite);
        S3Server s3server = S3Server.start(Ports.free(), work.resolve("s3"), null);
        running.add(s3server);
        s3server.createBucket(BUCKET);
        try (DynamoDbClient dynamo = AwsClients.dynamo(Region.US_EAST_1, dynalite.endpoint());
                S3Client s3 = AwsClients.s3(Region.US_EAST_1, s3server.endpoint())) {
            TableSchema.create(dynamo, TableSchema.createTableRequest(TABLE));
            upload(root, s3, articles);
        }
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", s3server.endpoint().toString());
        List<String> cmd = LocalStackProcess.java(root, MiniGateway.class.getName());
        cmd.addAll(List.of(Integer.toString(gatewayPort), BUCKET));
        Process p = LocalStackProcess.launch(cmd, env, work.resolve("gateway.log"));
        running.add(() -> LocalStackProcess.stop(p));
        Ports.awaitListening(gatewayPort, Duration.ofSeconds(180), p, "MiniGateway (log: " + work + "/gateway.log)");
        return base;
    }

    /** The seed in {@code count} variants (its headline numbered), each a new article under {@code incoming/}. */
    private static void upload(Path root, S3Client s3, int count) throws Exception {
        byte[] seed = Files.readAllBytes(root.resolve(FeedRenderBenchmark.SEED));
        String text = new String(seed, StandardCharsets.UTF_8);
        String title = ContentParser.standard().parse(seed, "incoming/seed.txt").title();
        int at = text.indexOf(title);
        for (int i = 0; i < count; i++) {
            String variant = at < 0 ? text + "\n\n" + i : text.substring(0, at + title.length()) + " " + i
                    + text.substring(at + title.length());
            String key = String.format("incoming/bench-%03d.txt", count - i);
            s3.putObject(b -> b.bucket(BUCKET).key(key),
                    RequestBody.fromString(variant, StandardCharsets.UTF_8));
        }
    }

    private static void awaitFeed(URI feed, int entries, Process gateway) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        int seen = -1;
        while (System.nanoTime() < deadline && gateway.isAlive()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(feed).build(),
                    HttpResponse.BodyHandlers.ofString());
            seen = r.statusCode() == 200 ? count(r.body(), "<item>") : -r.statusCode();
            if (seen >= entries) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the feed " + feed + " did not reach " + entries + " entries (last: " + seen
                + ")");
    }

    private static String wrk(String wrkArgs, int seconds, String script, URI url)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk"));
        cmd.addAll(List.of(wrkArgs.split(" ")));
        cmd.addAll(List.of("-d" + seconds + "s", "--latency", "--timeout", "30s", "-s", script, url.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }

    private static String group(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        return m.group(1);
    }

    private static double millis(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static String errors(String out) {
        Matcher m = ERRORS.matcher(out);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found.isEmpty() ? "none" : String.join("; ", found);
    }

    private static int count(String body, String needle) {
        return ColdStartRunner.count(body, needle);
    }
}
