package dev.tarjim.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Apertium's APy translation server (Debian package {@code apertium-apy}) as a child process on 127.0.0.1.
 */
public final class Apy implements AutoCloseable {
    private static final Path DEFAULT_MODES = Path.of("/usr/share/apertium/modes");
    private final Process process;
    private final int port;

    private Apy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether APy and at least one language pair are installed on this machine. */
    public static boolean installed() {
        return executable() != null && Files.isDirectory(DEFAULT_MODES);
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "apertium-apy"))) {
                return Path.of(dir, "apertium-apy").toString();
            }
        }
        return null;
    }

    /** Starts APy on the given port, serving every pair installed under /usr/share/apertium/modes. */
    public static Apy start(int port) {
        String exe = executable();
        if (exe == null) {
            throw new IllegalStateException("apertium-apy is not installed: apt-get install apertium-apy "
                    + "apertium-eng-spa apertium-eng-cat");
        }
        try {
            Path log = Files.createTempFile("apy-" + port + "-", ".log");
            Process p = Tethered.command(List.of(exe, "-p", Integer.toString(port), "-j", "1",
                    DEFAULT_MODES.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Apy apy = new Apy(p, port);
            try {
                Ports.awaitListening(port, Duration.ofSeconds(60), p, "apertium-apy (log: " + log + ")");
            } catch (RuntimeException e) {
                apy.close();
                throw e;
            }
            return apy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start apertium-apy", e);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
