package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequencerTest {
    @TempDir
    Path dir;

    @Test
    void next_sameInstant_stillIncreasesStrictly() {
        Sequencer sequencer = new Sequencer(dir.resolve("seq"), at("2026-01-01T00:00:00Z"));

        String first = sequencer.next();
        String second = sequencer.next();

        assertThat(first).matches("[0-9A-F]{18}");
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void next_afterRestartWithClockGoneBack_staysAboveEarlierValues() {
        String before = new Sequencer(dir.resolve("seq"), at("2026-01-02T00:00:00Z")).next();

        String after = new Sequencer(dir.resolve("seq"), at("2026-01-01T00:00:00Z")).next();

        assertThat(after).hasSameSizeAs(before).isGreaterThan(before);
    }

    @Test
    void next_laterTime_isGreaterAsAwsComparesThem() {
        Path file = dir.resolve("seq");
        String early = new Sequencer(file, at("2026-01-01T00:00:00Z")).next();

        String late = new Sequencer(file, at("2026-06-01T00:00:00Z")).next();

        assertThat(Long.parseUnsignedLong(late, 16)).isGreaterThan(Long.parseUnsignedLong(early, 16) + 1);
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
