package dev.tarjim.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * dynalite (open-source DynamoDB emulator on Node.js) as a child process on 127.0.0.1.
 *
 * <p>Installed by {@code ./tarjim setup} (and {@code .ci/run}) under {@code .local/dynalite}. Started with
 * {@code --createTableMs 0} so tables are ACTIVE at once; with a data path it keeps tables on disk.
 */
public final class Dynalite implements AutoCloseable {
    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The dynalite CLI script installed for this project. */
    public static Path cli() {
        Path cli = ProjectPaths.root().resolve(".local/dynalite/node_modules/dynalite/cli.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException("dynalite is not installed at " + cli
                    + ": run ./tarjim setup (or: npm install --prefix .local/dynalite dynalite@4.0.0)");
        }
        return cli;
    }

    /** Starts dynalite in memory on a free port. */
    public static Dynalite startInMemory() {
        return start(Ports.free(), null);
    }

    /**
     * Starts dynalite on the given port.
     *
     * @param dataDir folder for LevelDB files (kept across restarts), or {@code null} for memory only
     */
    public static Dynalite start(int port, Path dataDir) {
        List<String> cmd = new ArrayList<>(List.of("node", cli().toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0"));
        try {
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                cmd.add("--path");
                cmd.add(dataDir.toString());
            }
            Path log = Files.createTempFile("dynalite-" + port + "-", ".log");
            Process p = Tethered.command(cmd).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Dynalite d = new Dynalite(p, port);
            try {
                Ports.awaitListening(port, Duration.ofSeconds(30), p, "dynalite (log: " + log + ")");
            } catch (RuntimeException e) {
                d.close();
                throw e;
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dynalite (is node installed?)", e);
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
