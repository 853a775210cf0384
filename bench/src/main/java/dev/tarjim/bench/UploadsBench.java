package dev.tarjim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.ingest.S3Reports;
import dev.tarjim.support.AwsClients;
import dev.tarjim.support.Json;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Ingest throughput through the local stack: {@code --uploads} (100) English articles uploaded to S3 at once, timed
 * until every report has settled (no language pending), translated by Apertium APy into Spanish and Catalan.
 *
 * <p>The real {@code LocalStack} runs as its own JVM ({@link LocalStackProcess}, APy on a free port, the stack's own
 * wiring from S3 to the ingest function, however parallel it is). The articles are the English sample
 * ({@code samples/000_eb83513c9fa28be5.en.md}, about 460 words) with each paragraph and the title numbered per
 * article: every segment is new, so the translation memory saves nothing and each article costs APy its full text.
 * The clock starts before the first upload and stops when the last report is seen settled (reports are polled every
 * 250 ms by listing, and read again only when their ETag changed). Every article must end up translated into both
 * languages, else the run fails: a figure without the engine's work would flatter the stack.
 *
 * <p>Arguments: {@code --root DIR [--uploads 100] [--runs 1] [--timeout 600] [--out FILE] [--json FILE]
 * [--log FILE]} ({@code --log}: where the stack's console is kept); with more than one run, each on a fresh stack,
 * the figure is their median.
 */
public final class UploadsBench {
    private static final String SAMPLE = "samples/000_eb83513c9fa28be5.en.md";
    private static final List<String> TARGETS = List.of("es", "ca");

    private UploadsBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Options.parse(args);
        Path root = Path.of(opts.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int uploads = Integer.parseInt(opts.getOrDefault("uploads", "100"));
        int runs = Integer.parseInt(opts.getOrDefault("runs", "1"));
        long timeout = Long.parseLong(opts.getOrDefault("timeout", "600"));
        PrintStream summary = Options.summary(opts);
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");

        List<byte[]> articles = articles(Files.readString(root.resolve(SAMPLE)), uploads);
        double[] seconds = new double[runs];
        long words = 0;
        for (int run = 0; run < runs; run++) {
            Path work = Files.createTempDirectory("tarjim-uploads-");
            try (LocalStackProcess stack = LocalStackProcess.start(root, work, true, "apertium", "en,es,ca");
                    S3Client s3 = AwsClients.s3(Region.US_EAST_1, stack.s3())) {
                try {
                    seconds[run] = measure(s3, articles, timeout, stack.process(), work);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("run " + (run + 1) + " failed; the stack "
                            + (stack.process().isAlive() ? "still runs" : "exited " + stack.process().exitValue())
                            + (opts.containsKey("log") ? "; its log: " + opts.get("log") : ""), e);
                }
                System.out.printf(Locale.ROOT, "run %d: %d uploads settled in %.1f s%n", run + 1, uploads,
                        seconds[run]);
            } finally {
                if (opts.containsKey("log") && Files.exists(work.resolve("localstack.log"))) {
                    Files.copy(work.resolve("localstack.log"), Path.of(opts.get("log")),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                ColdStart.deleteTree(work);
            }
        }
        for (byte[] a : articles) {
            words += new String(a, StandardCharsets.UTF_8).split("\\s+").length;
        }
        double median = Figures.median(seconds);
        summary.printf(Locale.ROOT, "%n== Ingest throughput (real LocalStack, own JVM, Apertium APy en->es,ca) ==%n");
        summary.printf(Locale.ROOT, "%d English uploads (%d words in all, every segment new) until every report"
                + " settled: %.1f s (median of %d; runs: %s); %.2f uploads/s; target <= 30 s%n", uploads, words,
                median, runs, Arrays.toString(seconds), uploads / median);
        new Figures().put("ingest.uploads_" + uploads + "_seconds", median).mergeInto(opts);
    }

    /** Uploads every article, then waits for every report to settle; returns the seconds in between. */
    private static double measure(S3Client s3, List<byte[]> articles, long timeoutSeconds, Process stack, Path work)
            throws Exception {
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            keys.put(String.format(Locale.ROOT, "incoming/bench-upload-%03d.md", i), i);
        }
        long t0 = System.nanoTime();
        for (Map.Entry<String, Integer> k : keys.entrySet()) {
            s3.putObject(b -> b.bucket(LocalStackProcess.BUCKET).key(k.getKey()).contentType("text/markdown"),
                    RequestBody.fromBytes(articles.get(k.getValue())));
        }
        Map<String, String> reportToUpload = new HashMap<>();
        for (String key : keys.keySet()) {
            reportToUpload.put(S3Reports.reportKey(key), key);
        }
        Map<String, String> seenEtag = new HashMap<>();
        Map<String, JsonNode> settled = new TreeMap<>();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (settled.size() < keys.size()) {
            if (System.nanoTime() > deadline || !stack.isAlive()) {
                throw new IllegalStateException(settled.size() + " of " + keys.size() + " reports settled within "
                        + timeoutSeconds + " s (stack alive: " + stack.isAlive() + "; log: " + work
                        + "/localstack.log)");
            }
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(LocalStackProcess.BUCKET)
                    .prefix("reports/incoming/bench-upload-")).contents()) {
                String upload = reportToUpload.get(o.key());
                if (upload == null || settled.containsKey(upload) || o.eTag().equals(seenEtag.get(o.key()))) {
                    continue;
                }
                seenEtag.put(o.key(), o.eTag());
                JsonNode report = Json.mapper().readTree(s3.getObjectAsBytes(b -> b
                        .bucket(LocalStackProcess.BUCKET).key(o.key())).asByteArray());
                if (settled(report)) {
                    settled.put(upload, report);
                }
            }
            if (settled.size() < keys.size()) {
                Thread.sleep(250);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> wrong = new ArrayList<>();
        settled.forEach((upload, report) -> {
            for (String lang : TARGETS) {
                String status = report.path("languages").path(lang).path("status").asText();
                if (!report.path("status").asText().equals("stored") || !status.equals("translated")) {
                    wrong.add(upload + " " + report.path("status").asText() + " " + lang + "=" + status + " "
                            + report.path("languages").path(lang).path("detail").asText());
                }
            }
        });
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("not every article was translated (" + wrong.size() + "): "
                    + wrong.subList(0, Math.min(5, wrong.size())));
        }
        return seconds;
    }

    /** A report is settled once its upload is decided and no target language is still pending. */
    private static boolean settled(JsonNode report) {
        if (report.path("status").asText("").isEmpty()) {
            return false;
        }
        for (String lang : TARGETS) {
            if (report.path("languages").path(lang).path("status").asText("pending").equals("pending")) {
                return report.path("status").asText().equals("failed");
            }
        }
        return true;
    }

    /** {@code count} variants of the English sample, each paragraph (and the title) numbered: no shared segment. */
    static List<byte[]> articles(String sample, int count) {
        String body = sample;
        String title = "Untitled";
        if (sample.startsWith("---\n")) {
            int end = sample.indexOf("\n---\n", 4);
            for (String line : sample.substring(4, end).split("\n")) {
                if (line.startsWith("title:")) {
                    title = line.substring("title:".length()).trim();
                }
            }
            body = sample.substring(end + 5);
        }
        String[] paragraphs = body.strip().split("\n\\s*\n");
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder a = new StringBuilder("---\ntitle: ").append(title).append(", report ").append(i + 1)
                    .append("\nlang: en\n---\n");
            for (int p = 0; p < paragraphs.length; p++) {
                a.append('\n').append(paragraphs[p].strip()).append(" (Report ").append(i + 1).append(", part ")
                        .append(p + 1).append(".)\n");
            }
            out.add(a.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
