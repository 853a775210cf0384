package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageNegotiationTest {
    private static final List<String> PUBLISHED = List.of("ar", "en", "es");

    @Test
    void theClientsFirstPublishedPreferenceWins_regionsFallBackToTheirLanguage() {
        assertThat(Routes.preferredLanguage("es-MX,es;q=0.9,en;q=0.8", PUBLISHED)).contains("es");
        assertThat(Routes.preferredLanguage("fr-FR, fr;q=0.9, en;q=0.5", PUBLISHED)).contains("en");
        assertThat(Routes.preferredLanguage("ar-EG", PUBLISHED)).contains("ar");
        assertThat(Routes.preferredLanguage("en;q=0.2, ar;q=0.9", PUBLISHED)).contains("ar");
    }

    @Test
    void noPreference_noneWePublish_orAMalformedHeader_getThePlainPage() {
        assertThat(Routes.preferredLanguage(null, PUBLISHED)).isEmpty();
        assertThat(Routes.preferredLanguage("", PUBLISHED)).isEmpty();
        assertThat(Routes.preferredLanguage("*", PUBLISHED)).isEmpty();
        assertThat(Routes.preferredLanguage("de, fr;q=0.5", PUBLISHED)).isEmpty();
        assertThat(Routes.preferredLanguage("en;q=0", PUBLISHED)).isEmpty();
        assertThat(Routes.preferredLanguage(";;;q=x", PUBLISHED)).isEmpty();
        assertThat(Routes.preferredLanguage("en", List.of())).isEmpty();
    }
}
