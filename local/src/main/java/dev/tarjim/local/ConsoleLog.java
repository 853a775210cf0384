package dev.tarjim.local;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** One line per event on the local stack's console, stamped with the time of day. */
final class ConsoleLog {
    private final PrintStream out;

    ConsoleLog(PrintStream out) {
        this.out = out;
    }

    PrintStream stream() {
        return out;
    }

    void log(String format, Object... args) {
        String line = LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + String.format(format, args);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
