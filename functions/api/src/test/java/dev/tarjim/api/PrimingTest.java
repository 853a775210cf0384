package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrimingTest {
    @Test
    void prime_rendersEveryFormatAndThePage() throws Exception {
        assertThat(Priming.prime()).isGreaterThan(3_000);
    }
}
