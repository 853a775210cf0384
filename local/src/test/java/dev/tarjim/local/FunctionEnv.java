package dev.tarjim.local;

import java.util.HashMap;
import java.util.Map;

/** The functions' environment variables for a local stack on the given ports, as {@code ./tarjim local} sets them. */
final class FunctionEnv {
    private FunctionEnv() {
    }

    static Map<String, String> of(int dynamo, int s3, int apy, int gateway, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("TABLE_NAME", LocalConfig.DEFAULT_TABLE);
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + dynamo);
        env.put("APERTIUM_URL", "http://127.0.0.1:" + apy);
        env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + gateway);
        env.put("CURSOR_SECRET", "local-stack-test-cursor-secret-0123456789");
        env.put("FEED_SETTLE_SECONDS", "0");
        // Tests upload and read the feeds at once: no reuse of a version read a moment before.
        env.put("FEED_VERSION_CACHE_MS", "0");
        env.putAll(overrides);
        return Map.copyOf(env);
    }
}
