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

    static Request of(APIGatewayProxyRequestEvent event) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) {
            headers.putAll(event.getHeaders());
        }
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
                : Map.copyOf(event.getQueryStringParameters());
        String method = event.getHttpMethod() == null ? "GET" : event.getHttpMethod().toUpperCase(Locale.ROOT);
        String path = event.getPath() == null || event.getPath().isEmpty() ? "/" : event.getPath();
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        String domain = context == null ? null : context.getDomainName();
        String stage = context == null ? null : context.getStage();
        // API Gateway's default domain carries the stage in the path; a custom domain or the local gateway does not.
        String base = domain == null || domain.isBlank() ? null : "https://" + domain
                + (stage != null && domain.contains(".execute-api.") ? "/" + stage : "");
        String apiKey = context == null || context.getIdentity() == null ? null : context.getIdentity().getApiKey();
        return new Request(method, path, headers, query, base, apiKey, editor(context));
    }

    /** The principal an authorizer admitted: Cognito user pool claims ({@code sub}) or a Lambda authorizer's. */
    private static String editor(APIGatewayProxyRequestEvent.ProxyRequestContext context) {
        if (context == null || context.getAuthorizer() == null) {
            return null;
        }
        Object claims = context.getAuthorizer().get("claims");
        Object principal = claims instanceof Map<?, ?> c ? c.get("sub") : context.getAuthorizer().get("principalId");
        return principal instanceof String p && !p.isBlank() ? p : null;
    }

    String header(String name) {
        return headers.get(name);
    }
}
