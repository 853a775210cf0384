package dev.tarjim.support;

import java.net.URI;
import java.util.Map;

/**
 * Reads one function's environment variables for its configuration record: required values fail fast naming the
 * variable and the function, blanks count as unset, and AWS endpoint overrides follow the SDK's precedence.
 */
public final class Environment {
    private final Map<String, String> env;
    private final String function;

    /**
     * @param env      the variables (the process environment, or a map in tests)
     * @param function the function's name for error messages, e.g. {@code ingest}
     */
    public Environment(Map<String, String> env, String function) {
        this.env = env;
        this.function = function;
    }

    /** A variable that must be set. */
    public String required(String name) {
        String v = optional(name);
        if (v == null) {
            throw new IllegalStateException("environment variable " + name + " is required by the " + function
                    + " function");
        }
        return v;
    }

    /** A variable's trimmed value, or null when unset or blank. */
    public String optional(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** A variable's trimmed value, or the default when unset or blank. */
    public String or(String name, String defaultValue) {
        String v = optional(name);
        return v == null ? defaultValue : v;
    }

    /** The endpoint override for one service: {@code AWS_ENDPOINT_URL_<SERVICE>}, else {@code AWS_ENDPOINT_URL}. */
    public URI endpoint(String service) {
        String v = optional("AWS_ENDPOINT_URL_" + service);
        if (v == null) {
            v = optional("AWS_ENDPOINT_URL");
        }
        return v == null ? null : URI.create(v);
    }
}
