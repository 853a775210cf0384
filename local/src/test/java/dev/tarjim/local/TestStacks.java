package dev.tarjim.local;

import dev.tarjim.api.ApiHandler;
import dev.tarjim.emulators.Ports;
import dev.tarjim.ingest.IngestHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A local stack for an end-to-end test: the real ingest and API handlers on free ports, configured by
 * {@link FunctionEnv} plus the test's own variables, retries after 50 ms, and a quiet console.
 */
final class TestStacks {
    private TestStacks() {
    }

    /**
     * @param apy       whether to start APy (the test's translation engine is then {@code apertium})
     * @param overrides the test's own function variables (e.g. {@code TARGET_LANGUAGES}, {@code WEBSUB_HUB})
     */
    static LocalStack start(Path data, boolean apy, Map<String, String> overrides) {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        int dynamo = Ports.free();
        int s3 = Ports.free();
        int apyPort = Ports.free();
        int gateway = Ports.free();
        Map<String, String> env = FunctionEnv.of(dynamo, s3, apyPort, gateway,
                withEngine(apy, overrides));
        return LocalStack.start(LocalConfig.builder(data).ports(dynamo, s3, apyPort, gateway).apy(apy)
                .retryDelay(Duration.ofMillis(50))
                .ingestFunction(() -> new IngestHandler(env))
                .apiStreamFunction(() -> new ApiHandler(env))
                .out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build());
    }

    private static Map<String, String> withEngine(boolean apy, Map<String, String> overrides) {
        java.util.Map<String, String> all = new java.util.HashMap<>();
        all.put("TRANSLATION_ENGINE", apy ? "apertium" : "none");
        all.putAll(overrides);
        return all;
    }
}
