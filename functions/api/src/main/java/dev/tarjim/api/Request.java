package dev.tarjim.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
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
 * @param baseUrl  the public base URL derived from the request (host and stage), for when none is configured
 * @param apiKey   the API key API Gateway checked ({@code identity.apiKey}), or null; never logged
 */
record Request(String method, String path, Map<String, String> headers, Map<String, String> query,
        String baseUrl, String apiKey) {

    static Request of(APIGatewayProxyRequestEvent event) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) {
            headers.putAll(event.getHeaders());
        }
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
                : Map.copyOf(event.getQueryStringParameters());
        String method = event.getHttpMethod() == null ? "GET" : event.getHttpMethod().toUpperCase(Locale.ROOT);
        String path = event.getPath() == null || event.getPath().isEmpty() ? "/" : event.getPath();
        String host = headers.getOrDefault("Host", "localhost");
        String proto = headers.getOrDefault("X-Forwarded-Proto", "https");
        String stage = event.getRequestContext() == null ? null : event.getRequestContext().getStage();
        // API Gateway's default domain carries the stage in the path; a custom domain or the local gateway does not.
        String base = proto + "://" + host
                + (stage != null && host.contains(".execute-api.") ? "/" + stage : "");
        String apiKey = event.getRequestContext() == null || event.getRequestContext().getIdentity() == null
                ? null : event.getRequestContext().getIdentity().getApiKey();
        return new Request(method, path, headers, query, base, apiKey);
    }

    String header(String name) {
        return headers.get(name);
    }
}
