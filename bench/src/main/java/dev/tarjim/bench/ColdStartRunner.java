package dev.tarjim.bench;

import java.util.Locale;

/**
 * What one cold-start JVM reports: the shared part of {@link ApiColdStart} and {@link IngestColdStart}, the main
 * classes {@link ColdStart} launches.
 *
 * <p>Each of those runs with only the function's unzipped zip (root and {@code lib/*}), the Lambda runtime's event
 * serialization jar and the bench classes on the class path (it loads none but its own and this one). It
 * deserializes the event (the runtime's work), constructs the handler with its public no-arg constructor (the
 * function's init phase: reads the environment, builds SDK clients) and handles the event once, then prints one
 * {@code RESULT} line. Wall-clock times in epoch milliseconds let the parent add the JVM's own start-up.
 */
final class ColdStartRunner {
    private ColdStartRunner() {
    }

    static void report(long mainEpoch, long t0, long tEvent, long tInit, long tDone, String outcome) {
        long endEpoch = System.currentTimeMillis();
        System.out.printf(Locale.ROOT, "RESULT main=%d end=%d deser=%.1f init=%.1f first=%.1f %s%n", mainEpoch,
                endEpoch, (tEvent - t0) / 1e6, (tInit - tEvent) / 1e6, (tDone - tInit) / 1e6, outcome);
        System.out.flush();
        // Threads left by SDK clients must not keep the measurement JVM alive.
        System.exit(0);
    }

    static int count(String body, String needle) {
        int n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
