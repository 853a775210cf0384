package dev.tarjim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Hands out S3 event {@code sequencer} values for one bucket: 18 hex digits (as AWS writes them) that increase
 * strictly with every change, across restarts of the local stack.
 *
 * <p>A value is the epoch time in microseconds shifted left by 8 bits, or the previous value plus one when the clock
 * has not moved on (or went back); the last value is kept in a file so a restart never goes below it.
 */
final class Sequencer {
    private final Path stateFile;
    private final Clock clock;
    private long last;

    Sequencer(Path stateFile, Clock clock) {
        this.stateFile = stateFile;
        this.clock = clock;
        this.last = read(stateFile);
    }

    private static long read(Path file) {
        try {
            return Files.exists(file) ? Long.parseUnsignedLong(Files.readString(file).trim(), 16) : 0L;
        } catch (IOException | NumberFormatException e) {
            // A damaged state file only loses the guard against a clock that went back; time still moves forward.
            return 0L;
        }
    }

    /** The next sequencer, strictly greater than every earlier one. */
    synchronized String next() {
        Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
        last = Math.max(last + 1, micros << 8);
        String hex = String.format(Locale.ROOT, "%018X", last);
        persist(hex);
        return hex;
    }

    private void persist(String hex) {
        try {
            Files.createDirectories(stateFile.getParent());
            Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
            Files.writeString(tmp, hex, StandardCharsets.US_ASCII);
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the S3 event sequencer in " + stateFile, e);
        }
    }
}
