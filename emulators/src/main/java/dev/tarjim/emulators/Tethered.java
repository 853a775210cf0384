package dev.tarjim.emulators;

import java.util.ArrayList;
import java.util.List;

/**
 * Child processes that die with this JVM, however it ends. A JVM killed with SIGKILL runs no shutdown hook, so
 * dynalite and APy would live on as orphans holding their ports (and dynalite its LevelDB lock), and the next
 * {@code ./tarjim local} on the same data folder could not start. Each child therefore runs under a small
 * {@code sh} that waits for its standard input, a pipe from this JVM, to close (the kernel closes it when the JVM
 * dies) and then stops the child; a SIGTERM to the {@code sh} ({@link Process#destroy}) stops it too.
 */
final class Tethered {
    private static final String SCRIPT = String.join("\n",
            "exec 3<&0",
            "\"$@\" </dev/null & child=$!",
            "cat <&3 >/dev/null & watch=$!",
            "trap 'kill $child $watch 2>/dev/null; wait $child; exit 143' TERM INT HUP",
            "wait $watch",
            "kill $child 2>/dev/null",
            "wait $child");

    private Tethered() {
    }

    /** A process builder that runs {@code command} tied to this JVM's life. */
    static ProcessBuilder command(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", SCRIPT, "tethered"));
        wrapped.addAll(command);
        return new ProcessBuilder(wrapped);
    }
}
