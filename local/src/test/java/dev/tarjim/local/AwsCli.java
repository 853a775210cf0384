package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Debian's AWS CLI v2 against the local stack, as an editor runs it, with the local stack's test credentials. */
final class AwsCli {
    static final Path PATH = Path.of("/usr/bin/aws");

    private AwsCli() {
    }

    static boolean installed() {
        return Files.isExecutable(PATH);
    }

    /** Runs {@code aws --endpoint-url <endpoint> args...} and asserts that it succeeded. */
    static void run(URI endpoint, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PATH.toString(), "--endpoint-url", endpoint.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_DEFAULT_REGION", "us-east-1"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
