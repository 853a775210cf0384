package dev.tarjim.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of an API Gateway proxy request the routes use; header names are case-insensitive.
 *
 * @param method   HTTP method, upper case
 * @param path     the resource path (stage excluded)
 * @param headers  request headers, case-insensitive keys
 * @param query    query string parameters (decoded)
 * @param baseUrl  the API's own base URL from the request context (the domain API Gateway served it on, and the
 *                 stage on an {@code execute-api} domain), for when none is configured; null when the context has no
 *                 domain. Never from the {@code Host} header, which the client chooses (links built from it would be
 *                 cached and served to everyone)
 * @param apiKey   the API key API Gateway checked ({@code identity.apiKey}), or null; never logged
 * @param editor   the editor the gateway's authorizer admitted (Cognito's {@code sub} claim, or a Lambda authorizer's
 *                 principal), or null when none did
 */
record Request(String method, String path, Map<String, String> headers, Map<String, String> query,
        String baseUrl, String apiKey, String editor) {

    /**
     * The request of an API Gateway REST proxy event, read from its JSON (the event's documented fields: the
     * function reads them itself rather than through aws-lambda-java-events, whose classes and the joda-time they
     * bring were a tenth of the zip).
     */
    static Request of(JsonNode event) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(strings(event.path("headers")));
        Map<String, String> query = Map.copyOf(strings(event.path("queryStringParameters")));
        String method = text(event, "httpMethod");
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        String path = text(event, "path");
        path = path == null || path.isEmpty() ? "/" : path;
        JsonNode context = event.path("requestContext");
        String domain = text(context, "domainName");
        String stage = text(context, "stage");
        // API Gateway's default domain carries the stage in the path; a custom domain or the local gateway does not.
        String base = domain == null || domain.isBlank() ? null : "https://" + domain
                + (stage != null && domain.contains(".execute-api.") ? "/" + stage : "");
        String apiKey = text(context.path("identity"), "apiKey");
        return new Request(method, path, headers, query, base, apiKey, editor(context.path("authorizer")));
    }

    /** The principal an authorizer admitted: Cognito user pool claims ({@code sub}) or a Lambda authorizer's. */
    private static String editor(JsonNode authorizer) {
        String principal = authorizer.path("claims").isObject() ? text(authorizer.path("claims"), "sub")
                : text(authorizer, "principalId");
        return principal != null && !principal.isBlank() ? principal : null;
    }

    /** A string field, or null when it is absent, null or not text. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    /** A JSON object of strings (headers, query parameters); anything else is empty. */
    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    String header(String name) {
        return headers.get(name);
    }
}
