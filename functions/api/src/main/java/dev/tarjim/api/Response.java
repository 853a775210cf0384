package dev.tarjim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.support.Json;
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

    /** The proxy integration's response: {@code statusCode}, {@code headers}, {@code body}, {@code isBase64Encoded}. */
    ObjectNode toEvent() {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("statusCode", status);
        ObjectNode h = out.putObject("headers");
        headers.forEach(h::put);
        out.put("body", body == null ? "" : body);
        out.put("isBase64Encoded", base64);
        return out;
    }
}
