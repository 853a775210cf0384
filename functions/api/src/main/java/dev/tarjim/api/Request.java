package dev.tarjim.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tarjim.support.JsonStreams;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
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
     * The request of an API Gateway REST proxy event, read from its JSON with the streaming parser (the event's
     * documented fields; anything else is skipped): neither aws-lambda-java-events' classes (with joda-time, a tenth
     * of the zip) nor Jackson's object mapper (~0.2 s of a cold start) are needed for it.
     */
    static Request read(InputStream in) throws IOException {
        Fields fields = new Fields();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Context context = new Context();
        try (JsonParser p = JsonStreams.factory().createParser(in)) {
            members(p, p.nextToken(), (field, value) -> {
                switch (field) {
                    case "httpMethod" -> fields.method = text(p, value);
                    case "path" -> fields.path = text(p, value);
                    case "headers" -> headers.putAll(strings(p, value));
                    case "queryStringParameters" -> fields.query = Map.copyOf(strings(p, value));
                    case "requestContext" -> context.read(p, value);
                    default -> p.skipChildren();
                }
            });
        }
        String method = fields.method == null ? "GET" : fields.method.toUpperCase(Locale.ROOT);
        String path = fields.path == null || fields.path.isEmpty() ? "/" : fields.path;
        String domain = context.domainName;
        // API Gateway's default domain carries the stage in the path; a custom domain or the local gateway does not.
        String base = domain == null || domain.isBlank() ? null : "https://" + domain
                + (context.stage != null && domain.contains(".execute-api.") ? "/" + context.stage : "");
        // A Cognito user pool authorizer's claims ({@code sub}), else a Lambda authorizer's principal.
        String editor = context.claims != null ? context.claims.get("sub") : context.principalId;
        return new Request(method, path, headers, fields.query, base, context.apiKey,
                editor != null && !editor.isBlank() ? editor : null);
    }

    /** The top-level fields read so far. */
    private static final class Fields {
        String method;
        String path;
        Map<String, String> query = Map.of();
    }

    /** What the routes use of {@code requestContext}. */
    private static final class Context {
        String domainName;
        String stage;
        String apiKey;
        /** A Cognito user pool authorizer's {@code authorizer.claims}, or null. */
        Map<String, String> claims;
        /** A Lambda authorizer's {@code authorizer.principalId}. */
        String principalId;

        void read(JsonParser p, JsonToken start) throws IOException {
            members(p, start, (field, value) -> {
                switch (field) {
                    case "domainName" -> domainName = text(p, value);
                    case "stage" -> stage = text(p, value);
                    case "identity" -> apiKey = strings(p, value).get("apiKey");
                    case "authorizer" -> members(p, value, (name, v) -> {
                        if (name.equals("claims") && v == JsonToken.START_OBJECT) {
                            claims = strings(p, v);
                        } else if (name.equals("principalId")) {
                            principalId = text(p, v);
                        } else {
                            p.skipChildren();
                        }
                    });
                    default -> p.skipChildren();
                }
            });
        }
    }

    /** Reads one member of an object: the parser stands on its value, which the reader consumes or skips. */
    private interface Member {
        void read(String name, JsonToken value) throws IOException;
    }

    /** Each member of the object starting at {@code start}; anything but an object is skipped. */
    private static void members(JsonParser p, JsonToken start, Member member) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            member.read(name, p.nextToken());
        }
    }

    /** A string value, or null (anything else is skipped). */
    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** An object's string members (others skipped); empty for null or anything not an object. */
    private static Map<String, String> strings(JsonParser p, JsonToken start) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        members(p, start, (name, value) -> {
            if (value == JsonToken.VALUE_STRING) {
                out.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        });
        return out;
    }

    String header(String name) {
        return headers.get(name);
    }
}
