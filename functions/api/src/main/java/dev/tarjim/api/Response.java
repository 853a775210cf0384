package dev.tarjim.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tarjim.support.JsonStreams;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response under construction: status, headers, body (text, or base64 of binary content). */
record Response(int status, Map<String, String> headers, String body, boolean base64) {

    Response(int status, Map<String, String> headers, String body) {
        this(status, headers, body, false);
    }

    /** A binary body (an image): sent base64-encoded, as API Gateway's proxy integration requires. */
    static Response binary(int status, String contentType, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        return new Response(status, h, Base64.getEncoder().encodeToString(body), true);
    }

    static Response of(int status, String contentType, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        return new Response(status, h, body);
    }

    Response header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, h, body, base64);
    }

    /**
     * Writes the proxy integration's response ({@code statusCode}, {@code headers}, {@code body},
     * {@code isBase64Encoded}) with the streaming generator.
     */
    void write(OutputStream out) throws IOException {
        try (JsonGenerator g = JsonStreams.factory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("statusCode", status);
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                g.writeStringField(h.getKey(), h.getValue());
            }
            g.writeEndObject();
            g.writeStringField("body", body == null ? "" : body);
            g.writeBooleanField("isBase64Encoded", base64);
            g.writeEndObject();
        }
    }
}
