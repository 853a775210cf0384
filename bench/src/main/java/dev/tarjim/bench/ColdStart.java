package dev.tarjim.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.emulators.Dynalite;
import dev.tarjim.emulators.Ports;
import dev.tarjim.emulators.S3Server;
import dev.tarjim.ingest.IngestService;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.store.TableSchema;
import dev.tarjim.support.AwsClients;
import dev.tarjim.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Cold-start benchmark: a fresh JVM per run for each function, running the real Lambda zip's contents against
 * dynalite and s3proxy, median of several runs, for the lean build and a deliberately naive one.
 *
 * <p>Each run launches {@link IngestColdStart} or {@link ApiColdStart} with the unzipped zip on the class path
 * and the functions' environment variables, as Lambda does. The ingest run handles {@code events/s3-put.json}
 * with the key of a fresh upload of the seed (so every run stores a new article, never an unchanged re-upload);
 * the API runs handle {@code events/api-feed-atom.json} (the Arabic Atom feed) once the ingest runs have stored
 * their articles. Runs of the variants are interleaved so that a change of machine load hits all of them alike.
 *
 * <p>The floor: {@link FloorColdStart} runs {@link dev.tarjim.bench.floor.FloorHandler}, a constant stream handler
 * packaged here in a zip of its own ({@code bench/target/tarjim-floor.zip}), the same way and as often as the lean
 * API runs, interleaved with them; every first response is also printed as a multiple of the floor's.
 *
 * <p>Arguments: {@code --root DIR --naive-lib DIR [--runs N] [--naive-runs N] [--out FILE] [--json FILE]
 * [--unused FILE]} ({@code --json}: the figures, see {@link Figures}; {@code --unused}: the zips' jars that loaded
 * no class in the logged runs, one per line).
 */
public final class ColdStart {
    /** Close to what Lambda's Java runtime sets (it uses {@code JAVA_TOOL_OPTIONS}); the heap as a 1 GB function. */
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx512m");
    /** The JVM's own defaults (tiered C1+C2, G1 on this machine), with the same heap. */
    static final List<String> DEFAULT_FLAGS = List.of("-Xmx512m");
    /** The size targets (MiB); the build's budgets (functions' poms) are today's sizes, a little above. */
    private static final Map<String, Integer> ZIP_TARGET_MB = Map.of("tarjim-ingest.zip", 12, "tarjim-api.zip", 10);
    private static final String FLOOR = "floor (constant handler)";

    private static final String TABLE = "tarjim-bench";
    private static final String BUCKET = "tarjim-articles";
    private static final String SEED = "core/src/test/resources/article/000_eb83513c9fa28be5.txt";
    private static final Pattern RESULT = Pattern.compile(
            "RESULT main=(\\d+) end=(\\d+) deser=([\\d.]+) init=([\\d.]+) first=([\\d.]+) (.*)");

    /** One build to measure: whether the naive jars join the zip's, and the JVM flags. */
    record Variant(String name, boolean naive, List<String> flags) {
    }

    /** One run's figures, milliseconds. */
    record Run(double jvmToMain, double deserialize, double init, double firstEvent, double total, String outcome) {
    }

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Options.parse(args);
        Path root = Path.of(opts.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int runs = Integer.parseInt(opts.getOrDefault("runs", "7"));
        int naiveRuns = Math.min(runs, Integer.parseInt(opts.getOrDefault("naive-runs", "5")));
        Path naiveLib = Path.of(opts.getOrDefault("naive-lib", root.resolve("bench/target/naive-lib").toString()));
        PrintStream summary = Options.summary(opts);

        Path ingestZip = root.resolve("functions/ingest/target/tarjim-ingest.zip");
        Path apiZip = root.resolve("functions/api/target/tarjim-api.zip");
        Path work = Files.createTempDirectory("tarjim-coldstart-");
        Path ingestDir = unzip(ingestZip, work.resolve("ingest"));
        Path apiDir = unzip(apiZip, work.resolve("api"));
        Path floorZip = FloorZip.build(root.resolve("bench/target/tarjim-floor.zip"));
        Path floorDir = unzip(floorZip, work.resolve("floor"));
        List<Path> naiveJars = jars(naiveLib);
        List<String> runtime = List.of(codeSource(LambdaEventSerializers.class), codeSource(ColdStart.class));
        List<Variant> variants = List.of(
                new Variant("lean (zip, C1 flags)", false, LAMBDA_FLAGS),
                new Variant("naive classpath, C1 flags", true, LAMBDA_FLAGS),
                new Variant("naive classpath, JVM defaults", true, DEFAULT_FLAGS));
        Map<Path, List<String>> extraJars = Map.of(ingestDir, naiveExtras(ingestDir, naiveJars),
                apiDir, naiveExtras(apiDir, naiveJars), floorDir, List.of());

        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        byte[] seed = Files.readAllBytes(root.resolve(SEED));
        try (Dynalite dynalite = Dynalite.startInMemory();
                S3Server s3server = S3Server.start(Ports.free(), work.resolve("s3"), null);
                DynamoDbClient dynamo = AwsClients.dynamo(Region.US_EAST_1, dynalite.endpoint());
                S3Client s3 = AwsClients.s3(Region.US_EAST_1, s3server.endpoint())) {
            TableSchema.create(dynamo, TableSchema.createTableRequest(TABLE));
            s3server.createBucket(BUCKET);
            DynamoArticleStore store = new DynamoArticleStore(dynamo, TABLE, Clock.systemUTC());

            Map<String, String> common = new LinkedHashMap<>();
            common.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            common.put("LANG", "C.UTF-8");
            common.put("TZ", "UTC");
            common.put("AWS_REGION", "us-east-1");
            common.put("AWS_ACCESS_KEY_ID", "test");
            common.put("AWS_SECRET_ACCESS_KEY", "test");
            common.put("TABLE_NAME", TABLE);
            common.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
            Map<String, String> ingestEnv = new LinkedHashMap<>(common);
            ingestEnv.put("AWS_ENDPOINT_URL_S3", s3server.endpoint().toString());
            ingestEnv.put("TRANSLATION_ENGINE", "none");
            ingestEnv.put("TARGET_LANGUAGES", "en,es");
            ingestEnv.put("MAX_UPLOAD_BYTES", Integer.toString(5 * 1024 * 1024));
            Map<String, String> apiEnv = new LinkedHashMap<>(common);
            apiEnv.put("PUBLIC_BASE_URL", "http://127.0.0.1:3000");
            apiEnv.put("CURSOR_SECRET", "cold-start benchmark cursor secret, 32+ chars");

            Map<String, List<Run>> ingestRuns = new LinkedHashMap<>();
            Map<String, List<Run>> apiRuns = new LinkedHashMap<>();
            List<Run> floorRuns = new ArrayList<>();
            String apiEvent = Files.readString(root.resolve("events/api-feed-atom.json"));
            Path apiEventFile = work.resolve("api-event.json");
            Files.writeString(apiEventFile, apiEvent);
            long sequencer = 0x0055AED6DCD9028100L;
            for (int i = 0; i < runs; i++) {
                for (int v = 0; v < (i < naiveRuns ? variants.size() : 1); v++) {
                    Variant variant = variants.get(v);
                    String key = "incoming/bench-" + v + "-" + i + "-000_eb83513c9fa28be5.txt";
                    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(seed));
                    Path event = work.resolve("s3-" + v + "-" + i + ".json");
                    Files.writeString(event, s3Event(root, key, seed.length, Long.toHexString(++sequencer)));
                    Run run = launch(IngestColdStart.class, ingestDir, variant, extraJars, runtime, ingestEnv, event, work);
                    if (store.article(IngestService.articleId(key), "ar").isEmpty()) {
                        throw new IllegalStateException("ingest run did not store " + key + ": " + run.outcome());
                    }
                    ingestRuns.computeIfAbsent(variant.name(), k -> new ArrayList<>()).add(run);
                }
            }
            for (int i = 0; i < runs; i++) {
                for (Variant variant : i < naiveRuns ? variants : variants.subList(0, 1)) {
                    Run run = launch(ApiColdStart.class, apiDir, variant, extraJars, runtime, apiEnv, apiEventFile, work);
                    if (!run.outcome().startsWith("status=200") || run.outcome().endsWith("entries=0")) {
                        throw new IllegalStateException("API run did not serve the feed: " + run.outcome());
                    }
                    apiRuns.computeIfAbsent(variant.name(), k -> new ArrayList<>()).add(run);
                }
                Run floor = launch(FloorColdStart.class, floorDir, variants.get(0), extraJars, runtime, apiEnv,
                        apiEventFile, work);
                if (!floor.outcome().equals("status=200 from=" + floorDir + "/")) {
                    throw new IllegalStateException("the floor did not answer from its own zip: " + floor.outcome());
                }
                floorRuns.add(floor);
            }

            // One more run each, logging class loading, to name the zip's jars that the cold start never opens.
            Path classLog = work.resolve("classes.log");
            Variant logged = new Variant("class-load log", false, withLog(LAMBDA_FLAGS, classLog));
            String key = "incoming/bench-classlog-000_eb83513c9fa28be5.txt";
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(seed));
            Path event = work.resolve("s3-classlog.json");
            Files.writeString(event, s3Event(root, key, seed.length, Long.toHexString(++sequencer)));
            launch(IngestColdStart.class, ingestDir, logged, extraJars, runtime, ingestEnv, event, work);
            List<Path> ingestUnused = unusedJars(ingestDir, classLog);
            launch(ApiColdStart.class, apiDir, logged, extraJars, runtime, apiEnv, apiEventFile, work);
            List<Path> apiUnused = unusedJars(apiDir, classLog);

            String apiOutcome = apiRuns.values().iterator().next().get(0).outcome();

            summary.printf(Locale.ROOT, "%n== Cold start (fresh JVM per run; median of %d runs, naive builds %d;"
                    + " java %s; C1 flags: %s) ==%n", runs, naiveRuns, System.getProperty("java.version"),
                    String.join(" ", LAMBDA_FLAGS));
            summary.printf(Locale.ROOT, "IngestFunction: events/s3-put.json, seed (%d bytes) in s3proxy, "
                    + "TRANSLATION_ENGINE=none; ApiFunction: events/api-feed-atom.json over %d Arabic articles (%s)%n",
                    seed.length, runs + 2 * naiveRuns, apiOutcome);
            summary.printf(Locale.ROOT, "%-16s %-32s %9s %9s %9s %9s %9s %13s %9s %6s%n", "function (ms)", "build",
                    "jvm->main", "event", "init", "1st event", "init+1st", "1st response", "x floor", "target");
            double floorTotal = median(floorRuns, Run::total);
            print(summary, "IngestFunction", ingestRuns, 800, floorTotal);
            print(summary, "ApiFunction", apiRuns, 800, floorTotal);
            print(summary, "floor", Map.of(FLOOR, floorRuns), 0, floorTotal);
            double leanIngest = median(ingestRuns.get(variants.get(0).name()), Run::total);
            double leanApi = median(apiRuns.get(variants.get(0).name()), Run::total);
            for (Variant variant : variants.subList(1, variants.size())) {
                summary.printf(Locale.ROOT, "ratio %-32s ingest %.2fx, api %.2fx (first response, vs lean;"
                        + " target >= 2x)%n", variant.name() + ":",
                        median(ingestRuns.get(variant.name()), Run::total) / leanIngest,
                        median(apiRuns.get(variant.name()), Run::total) / leanApi);
            }
            summary.printf(Locale.ROOT, "%-16s %12s %14s %14s %9s%n", "zip", "lean MB", "unzipped MB",
                    "naive MB (~)", "target");
            for (Path zip : List.of(ingestZip, apiZip)) {
                Path dir = zip == ingestZip ? ingestDir : apiDir;
                long size = Files.size(zip);
                long extra = 0;
                for (String jar : extraJars.get(dir)) {
                    extra += Files.size(Path.of(jar));
                }
                int target = ZIP_TARGET_MB.get(zip.getFileName().toString());
                summary.printf(Locale.ROOT, "%-16s %12.2f %14.2f %14.2f %9s%n", zip.getFileName(), mb(size),
                        mb(treeSize(dir)), mb(size + extra),
                        "<=" + target + (size <= target * 1024L * 1024 ? " ok" : " MISS"));
            }
            summary.printf(Locale.ROOT, "%-16s %12.4f %14.4f%n", floorZip.getFileName(), mb(Files.size(floorZip)),
                    mb(treeSize(floorDir)));
            StringBuilder unusedList = new StringBuilder();
            for (Path dir : List.of(ingestDir, apiDir)) {
                List<Path> unused = dir == ingestDir ? ingestUnused : apiUnused;
                String zipName = dir == ingestDir ? "tarjim-ingest.zip" : "tarjim-api.zip";
                for (Path jar : unused) {
                    unusedList.append(String.format(Locale.ROOT, "%s\tlib/%s\t%d%n", zipName, jar.getFileName(),
                            sizeOf(jar)));
                }
                long bytes = 0;
                for (Path jar : unused) {
                    bytes += Files.size(jar);
                }
                summary.printf(Locale.ROOT, "%s: %d of its jars load no class during init + first event (%.2f MB):"
                        + " %s%n", zipName, unused.size(), mb(bytes),
                        unused.stream().sorted((a, b) -> Long.compare(sizeOf(b), sizeOf(a)))
                                .map(j -> j.getFileName().toString().replace(".jar", "")).toList());
            }
            summary.printf(Locale.ROOT, "Columns: jvm->main = process start to main(); event = the Lambda runtime's"
                    + " event deserialization (aws-lambda-java-serialization, not our code); init = handler"
                    + " constructor; 1st event = handleRequest; 1st response = process start to the handler's"
                    + " return (the target applies to it); x floor = 1st response / the floor's (target <= 2x).%n");
            summary.printf(Locale.ROOT, "naive = the zip plus %d more jars (bench/naive/pom.xml: apache-client,"
                    + " apache5-client, netty-nio-client and 9 large SDK service modules such as ec2 and glue)."
                    + " AwsClients sets the url-connection client explicitly, so the naive rows measure a bigger"
                    + " class path and the JVM flags, not another HTTP client (see the report).%n",
                    extraJars.get(apiDir).size());

            if (opts.containsKey("unused")) {
                Files.writeString(Path.of(opts.get("unused")), "# zip\tjar\tbytes: jars that loaded no class"
                        + " during one logged cold start (-Xlog:class+load) of each function (ingest: seed upload,"
                        + " TRANSLATION_ENGINE=none; api: Arabic Atom feed)\n" + unusedList);
            }
            String naive = variants.get(2).name();
            String naiveC1 = variants.get(1).name();
            Figures figures = new Figures()
                    .put("coldstart.api.first_response_ms", leanApi)
                    .put("coldstart.ingest.first_response_ms", leanIngest)
                    .put("coldstart.floor.first_response_ms", floorTotal)
                    .put("coldstart.naive.api.first_response_ms", median(apiRuns.get(naive), Run::total))
                    .put("coldstart.naive.ingest.first_response_ms", median(ingestRuns.get(naive), Run::total))
                    .put("coldstart.naive_c1.api.first_response_ms", median(apiRuns.get(naiveC1), Run::total))
                    .put("coldstart.naive_c1.ingest.first_response_ms", median(ingestRuns.get(naiveC1), Run::total))
                    .put("zip.api_bytes", Files.size(apiZip))
                    .put("zip.ingest_bytes", Files.size(ingestZip))
                    .put("zip.floor_bytes", Files.size(floorZip))
                    .put("zip.api_unused_jars", apiUnused.size())
                    .put("zip.ingest_unused_jars", ingestUnused.size());
            for (String[] f : List.of(new String[] {"api", variants.get(0).name()},
                    new String[] {"ingest", variants.get(0).name()}, new String[] {"floor", FLOOR})) {
                List<Run> r = f[0].equals("floor") ? floorRuns
                        : (f[0].equals("api") ? apiRuns : ingestRuns).get(f[1]);
                figures.put("coldstart." + f[0] + ".jvm_to_main_ms", median(r, Run::jvmToMain))
                        .put("coldstart." + f[0] + ".init_ms", median(r, Run::init))
                        .put("coldstart." + f[0] + ".first_event_ms", median(r, Run::firstEvent));
            }
            figures.mergeInto(opts);
        } finally {
            deleteTree(work);
        }
    }

    private static void print(PrintStream out, String function, Map<String, List<Run>> runs, int targetMs,
            double floorMs) {
        boolean first = true;
        for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
            List<Run> r = e.getValue();
            double total = median(r, Run::total);
            String target = first && targetMs > 0
                    ? (total <= targetMs && total <= 2 * floorMs ? "ok" : "MISS") : "";
            out.printf(Locale.ROOT, "%-16s %-32s %9.0f %9.0f %9.0f %9.0f %9.0f %13.0f %8.2fx %6s%n", function,
                    e.getKey(), median(r, Run::jvmToMain), median(r, Run::deserialize), median(r, Run::init),
                    median(r, Run::firstEvent), median(r, x -> x.init() + x.firstEvent()), total, total / floorMs,
                    target);
            first = false;
        }
    }

    static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        return Figures.median(runs.stream().mapToDouble(figure).toArray());
    }

    /** Launches one cold-start JVM and reads its RESULT line. */
    private static Run launch(Class<?> main, Path zipDir, Variant variant, Map<Path, List<String>> extraJars,
            List<String> runtime,
            Map<String, String> env, Path event, Path work) throws IOException, InterruptedException {
        List<String> cp = new ArrayList<>(List.of(zipDir.toString(), zipDir.resolve("lib") + "/*"));
        if (variant.naive()) {
            cp.addAll(extraJars.get(zipDir));
        }
        cp.addAll(runtime);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(variant.flags());
        cmd.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, cp), main.getName(), event.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Path log = work.resolve("run.log");
        pb.redirectOutput(log.toFile());
        long started = System.currentTimeMillis();
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " did not finish within 60 s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher m = RESULT.matcher(output);
        if (p.exitValue() != 0 || !m.find()) {
            throw new IllegalStateException(main.getSimpleName() + " (" + variant.name() + ") failed, exit "
                    + p.exitValue() + ":\n" + output);
        }
        return new Run(Long.parseLong(m.group(1)) - started, Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                Long.parseLong(m.group(2)) - started, m.group(6).trim());
    }

    /** The sample S3 event of {@code events/} with this upload's key, size and sequencer. */
    private static String s3Event(Path root, String key, long size, String sequencer) throws IOException {
        ObjectNode event = (ObjectNode) Json.mapper().readTree(Files.readString(root.resolve("events/s3-put.json")));
        ObjectNode object = (ObjectNode) event.get("Records").get(0).get("s3").get("object");
        object.put("key", key).put("size", size).put("sequencer", sequencer.toUpperCase(Locale.ROOT));
        return Json.mapper().writeValueAsString(event);
    }

    static Path unzip(Path zip, Path into) throws IOException {
        if (!Files.exists(zip)) {
            throw new IllegalStateException(zip + " is missing: run mvn -DskipTests package first");
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return into;
    }

    private static List<String> withLog(List<String> flags, Path log) {
        List<String> all = new ArrayList<>(flags);
        all.add("-Xlog:class+load=info:file=" + log);
        return all;
    }

    /** The zip's jars from which the logged JVM loaded no class. */
    private static List<Path> unusedJars(Path zipDir, Path classLog) throws IOException {
        String log = Files.readString(classLog);
        Files.delete(classLog);
        try (Stream<Path> s = Files.list(zipDir.resolve("lib"))) {
            return s.filter(jar -> !log.contains(jar.toString())).sorted().toList();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The naive jars the zip lacks (by file name: same versions, so the zip's copy serves the rest). */
    private static List<String> naiveExtras(Path zipDir, List<Path> naiveJars) {
        return naiveJars.stream().filter(j -> !Files.exists(zipDir.resolve("lib").resolve(j.getFileName())))
                .map(Path::toString).toList();
    }

    private static List<Path> jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: run mvn -f bench/naive/pom.xml"
                    + " dependency:copy-dependencies -DoutputDirectory=../target/naive-lib");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long treeSize(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
