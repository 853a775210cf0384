package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalConfigTest {
    @Test
    void ingestConcurrency_defaultsToFour_andIsReadFromTheEnvironment() {
        assertThat(LocalConfig.fromEnvironment(Map.of(), List.of()).ingestConcurrency()).isEqualTo(4);
        assertThat(LocalConfig.fromEnvironment(Map.of("INGEST_CONCURRENCY", " 8 "), List.of()).ingestConcurrency())
                .isEqualTo(8);
        assertThat(LocalConfig.builder(Path.of("data")).build().ingestConcurrency())
                .isEqualTo(LocalConfig.DEFAULT_INGEST_CONCURRENCY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "four", "1.5"})
    void ingestConcurrency_notAWholeNumberOfAtLeastOne_stopsTheStart(String value) {
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("INGEST_CONCURRENCY", value), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INGEST_CONCURRENCY is not a whole number of at least 1: " + value);
        assertThatThrownBy(() -> LocalConfig.builder(Path.of("data")).ingestConcurrency(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
