package dev.tarjim.bench;

import dev.tarjim.feed.FeedFormat;
import dev.tarjim.feed.FeedPage;
import dev.tarjim.feed.FeedRenderer;
import dev.tarjim.feed.FeedSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link FeedRenderBenchmark} with JMH, kept short for a 2-core machine (one fork, 5 x 1 s warm-up, 5 x 1 s
 * measurement per case), and prints a compact table with the output size of each case.
 *
 * <p>Arguments: {@code [--out FILE] [--warmup N] [--iterations N] [--forks N]}.
 */
public final class FeedRenderMain {
    private FeedRenderMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = dev.tarjim.bench.Options.parse(args);
        PrintStream summary = dev.tarjim.bench.Options.summary(opts);
        Options jmh = new OptionsBuilder()
                .include(FeedRenderBenchmark.class.getName() + ".render")
                .forks(Integer.parseInt(opts.getOrDefault("forks", "1")))
                .warmupIterations(Integer.parseInt(opts.getOrDefault("warmup", "5")))
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(Integer.parseInt(opts.getOrDefault("iterations", "5")))
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(jmh).run();

        FeedPage page = FeedRenderBenchmark.arabicPage();
        FeedRenderer renderer = new FeedRenderer(FeedSettings.of("http://127.0.0.1:3000"));
        summary.printf(Locale.ROOT, "%n== Feed render (JMH, average time, %d fork(s), warm-up %d x 1 s, measured"
                + " %d x 1 s; one page of %d Arabic entries, the seed's text each) ==%n", jmh.getForkCount().get(),
                jmh.getWarmupIterations().get(), jmh.getMeasurementIterations().get(), FeedRenderBenchmark.ENTRIES);
        summary.printf(Locale.ROOT, "%-30s %10s %10s %10s %10s %10s%n", "case", "us/op", "+-error", "min", "max",
                "output KB");
        for (RunResult r : results) {
            String format = r.getParams().getParam("format");
            Result<?> score = r.getPrimaryResult();
            String out = switch (format) {
                case "ROME_RSS" -> FeedRenderBenchmark.plainRome(page, "rss_2.0");
                case "ROME_ATOM" -> FeedRenderBenchmark.plainRome(page, "atom_1.0");
                default -> renderer.render(FeedFormat.valueOf(format), page);
            };
            String label = format.startsWith("ROME_") ? "Rome SyndFeedOutput " + format.substring(5).toLowerCase()
                    : "Tarjim FeedRenderer " + format;
            summary.printf(Locale.ROOT, "%-30s %10.0f %10.0f %10.0f %10.0f %10.1f%n", label, score.getScore(),
                    score.getScoreError(), score.getStatistics().getMin(), score.getStatistics().getMax(),
                    out.getBytes(StandardCharsets.UTF_8).length / 1024.0);
        }
    }
}
