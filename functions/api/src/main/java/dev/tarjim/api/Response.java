package dev.tarjim.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
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

    APIGatewayProxyResponseEvent toEvent() {
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers)
                .withBody(body == null ? "" : body).withIsBase64Encoded(base64);
    }
}
