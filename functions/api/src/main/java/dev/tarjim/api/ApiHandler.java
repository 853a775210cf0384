package dev.tarjim.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tarjim.feed.PageRenderer;
import dev.tarjim.support.Json;
import dev.tarjim.support.Log;
import dev.tarjim.syndication.InvalidCursorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Lambda entry point for API Gateway REST proxy events: feeds, article pages, upload status and the partner API.
 *
 * <p>Maps the request to a route of {@link Routes} and errors to HTTP status, here and nowhere else. It is a stream
 * handler: the proxy event is read into the same {@link APIGatewayProxyRequestEvent} class with the function's own
 * Jackson mapper, which it needs anyway, instead of the Lambda runtime's serializer (measured: that serializer's
 * first use cost 0.6 s of a 2.4 s cold start).
 */
public class ApiHandler implements RequestStreamHandler {
    private static final Log LOG = Log.forFunction("api");
    private final Routes routes;

    /** Run once per cold start: reads the configuration and builds the SDK client. */
    public ApiHandler() {
        this(Routes.fromConfig(ApiConfig.fromEnvironment()));
        Priming.register();
    }

    /**
     * Configured from the given variables instead of the process environment: for embedding the real handler where
     * the environment cannot be set (the local stack's end-to-end tests).
     */
    public ApiHandler(Map<String, String> environment) {
        this(Routes.fromConfig(ApiConfig.from(environment)));
    }

    ApiHandler(Routes routes) {
        this.routes = routes;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handle(Request.read(input), context).write(output);
    }

    /** Handles one proxy event: the typed view of {@link #handleRequest(InputStream, OutputStream, Context)}. */
    Response handle(Request request, Context context) {
        long started = System.nanoTime();
        Response response;
        try {
            response = routes.handle(request);
        } catch (ApiException e) {
            response = error(e.status(), e.getMessage());
            if (e.status() == 405) {
                response = response.header("Allow", "GET, HEAD");
            }
        } catch (InvalidCursorException e) {
            response = error(400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("request failed", e, "requestId", context.getAwsRequestId(), "path", request.path());
            response = error(500, "internal error; request id " + context.getAwsRequestId());
        }
        response = secured(response);
        if ("HEAD".equals(request.method())) {
            response = new Response(response.status(), response.headers(), "");
        }
        LOG.info("request", "requestId", context.getAwsRequestId(), "method", request.method(),
                "path", request.path(), "status", response.status(),
                "ms", (System.nanoTime() - started) / 1_000_000);
        return response;
    }

    /**
     * Headers every response carries: {@code nosniff} (a JSON error or feed is never run as a script or page), and
     * on HTML pages a strict Content-Security-Policy (no script at all) and a referrer policy.
     */
    static Response secured(Response response) {
        Response out = response.header("X-Content-Type-Options", "nosniff");
        String type = response.headers().get("Content-Type");
        // A route that set its own policy (the editors' dashboard, which runs its own script) keeps it.
        if (type != null && type.startsWith("text/html") && !response.headers().containsKey("Content-Security-Policy")) {
            out = out.header("Content-Security-Policy", PageRenderer.contentSecurityPolicy())
                    .header("Referrer-Policy", "strict-origin-when-cross-origin");
        }
        return out;
    }

    private static Response error(int status, String message) {
        if (status == 403) {
            // No content and no reason: the same answer for an unknown key, no licence or another language.
            // The headers API Gateway's own refusal of a key carries, so the two cannot be told apart either.
            return new Response(403, Map.of("Content-Type", "application/json", "Cache-Control", "no-store",
                    "x-amzn-ErrorType", "ForbiddenException"), "");
        }
        if (status == 401) {
            return json(status, message).header("WWW-Authenticate", "Bearer realm=\"tarjim-editors\"");
        }
        return json(status, message);
    }

    private static Response json(int status, String message) {
        try {
            return Response.of(status, "application/json; charset=utf-8",
                    Json.mapper().writeValueAsString(Map.of("error", message, "status", status)))
                    .header("Cache-Control", "no-store");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
