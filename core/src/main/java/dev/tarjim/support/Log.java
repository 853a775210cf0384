package dev.tarjim.support;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
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
            out.println(toJson(line));
        } catch (IOException e) {
            out.println("{\"level\":\"ERROR\",\"message\":\"unloggable line\"}");
        }
    }

    /**
     * The line as JSON, written with the streaming generator: strings, numbers and booleans as such, instants as
     * ISO-8601 text, nulls left out; anything else (enums, records, collections) as the shared mapper writes it.
     */
    static String toJson(Map<String, Object> line) throws IOException {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = JsonStreams.factory().createGenerator(text)) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : line.entrySet()) {
                Object v = e.getValue();
                if (v == null) {
                    continue;  // as the shared mapper does (NON_NULL)
                }
                g.writeFieldName(e.getKey());
                if (v instanceof CharSequence || v instanceof Instant) {
                    g.writeString(v.toString());
                } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                    g.writeNumber(((Number) v).longValue());
                } else if (v instanceof Double || v instanceof Float) {
                    g.writeNumber(((Number) v).doubleValue());
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else {
                    g.writeRawValue(Json.mapper().writeValueAsString(v));
                }
            }
            g.writeEndObject();
        }
        return text.toString();
    }
}
