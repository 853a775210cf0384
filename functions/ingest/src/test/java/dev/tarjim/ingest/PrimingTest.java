package dev.tarjim.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrimingTest {
    @Test
    void prime_parsesEveryFormat_andDetectsItsLanguage() throws Exception {
        assertThat(Priming.prime()).isEqualTo("en,ar,en,en");
    }
}
