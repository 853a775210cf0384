package dev.tarjim.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch metrics in the embedded metric format: one JSON line on standard output per data point, which Lambda's
 * log pipeline turns into metrics without an API call (no latency, no SDK client at cold start).
 */
public final class Metrics {
    static final String NAMESPACE = "Tarjim";
    private static volatile PrintStream out = System.out;

    private Metrics() {
    }

    /** Redirects output (tests). */
    public static void redirect(PrintStream stream) {
        out = stream;
    }

    /** Counts one occurrence. */
    public static void count(String function, String metric, Map<String, String> dimensions) {
        emit(function, metric, 1, "Count", dimensions);
    }

    /** Records an amount of a countable quantity (e.g. characters sent to the engine). */
    public static void amount(String function, String metric, long value, Map<String, String> dimensions) {
        emit(function, metric, value, "Count", dimensions);
    }

    /** Records a duration in milliseconds. */
    public static void millis(String function, String metric, long value, Map<String, String> dimensions) {
        emit(function, metric, value, "Milliseconds", dimensions);
    }

    private static void emit(String function, String metric, long value, String unit, Map<String, String> dimensions) {
        List<String> dimensionNames = new ArrayList<>();
        dimensionNames.add("Function");
        dimensionNames.addAll(dimensions.keySet());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of(
                "Timestamp", System.currentTimeMillis(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", NAMESPACE,
                        "Dimensions", List.of(dimensionNames),
                        "Metrics", List.of(Map.of("Name", metric, "Unit", unit))))));
        line.put("Function", function);
        line.putAll(dimensions);
        line.put(metric, value);
        try {
            out.println(Json.mapper().writeValueAsString(line));
        } catch (JsonProcessingException e) {
            // a metric is never worth failing an event for
        }
    }
}
