package dev.tarjim.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response under construction: status, headers, body. */
record Response(int status, Map<String, String> headers, String body) {

    static Response of(int status, String contentType, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        return new Response(status, h, body);
    }

    Response header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, h, body);
    }

    APIGatewayProxyResponseEvent toEvent() {
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers)
                .withBody(body == null ? "" : body).withIsBase64Encoded(false);
    }
}
