package dev.tarjim.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmarks' figures as JSON ({@code bench/target/bench/summary.json}): one flat object, a dotted name per
 * figure (e.g. {@code coldstart.api.first_response_ms}), each the median of its runs.
 *
 * <p>Each benchmark main merges its figures into the file given by {@code --json}; {@code bench/run.sh} removes the
 * file before the first one, so a run holds only what it measured. Names are sorted so that diffs stay readable.
 */
final class Figures {
    private final Map<String, Double> figures = new TreeMap<>();

    /** The median of these values (the mean of the middle two for an even count). */
    static double median(double... values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    Figures put(String name, double value) {
        figures.put(name, value);
        return this;
    }

    /** Adds these figures to the JSON file (created if missing), replacing those of the same name. */
    void mergeInto(Path file) throws IOException {
        Map<String, Object> all = new TreeMap<>();
        if (Files.exists(file)) {
            ObjectNode old = (ObjectNode) Json.mapper().readTree(file.toFile());
            old.fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, Double> e : figures.entrySet()) {
            double v = e.getValue();
            // Whole numbers (bytes, counts) as integers; the rest rounded to 0.1 (ms, s, req/s): noise is larger.
            all.put(e.getKey(), v == Math.rint(v) ? (Object) (long) v : (Object) (Math.round(v * 10) / 10.0));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), all);
    }

    /** Merges into the {@code --json} file when the options name one. */
    void mergeInto(Map<String, String> opts) throws IOException {
        String file = opts.get("json");
        if (file != null) {
            mergeInto(Path.of(file));
        }
    }
}
