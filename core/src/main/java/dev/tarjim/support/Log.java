package dev.tarjim.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured logging: one JSON object per line on standard output, which Lambda ships to CloudWatch.
 *
 * <p>Callers pass facts (ids, outcomes, timings), never article bodies or secrets. Kept dependency-free on purpose:
 * a logging framework costs cold-start time and merges resources badly in a Lambda zip.
 */
public final class Log {
    private static volatile PrintStream out = System.out;
    private final String function;

    private Log(String function) {
        this.function = function;
    }

    public static Log forFunction(String function) {
        return new Log(function);
    }

    /** Redirects output (the local stack and tests use it). */
    public static void redirect(PrintStream stream) {
        out = stream;
    }

    public void info(String message, Object... keyValues) {
        write("INFO", message, null, keyValues);
    }

    public void warn(String message, Object... keyValues) {
        write("WARN", message, null, keyValues);
    }

    public void error(String message, Throwable error, Object... keyValues) {
        write("ERROR", message, error, keyValues);
    }

    private void write(String level, String message, Throwable error, Object... keyValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("function", function);
        line.put("message", message);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            line.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        if (error != null) {
            line.put("error", error.getClass().getName() + ": " + error.getMessage());
        }
        try {
            out.println(Json.mapper().writeValueAsString(line));
        } catch (JsonProcessingException e) {
            out.println("{\"level\":\"ERROR\",\"message\":\"unloggable line\"}");
        }
    }
}
