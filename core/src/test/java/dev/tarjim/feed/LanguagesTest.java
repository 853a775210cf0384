package dev.tarjim.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ar", "fa", "he", "iw", "ur", "ps", "yi", "ar-EG", "az-Arab", "ckb"})
    void isRightToLeft_rightToLeftLanguagesAndScripts(String tag) {
        assertThat(Languages.isRightToLeft(tag)).isTrue();
        assertThat(Languages.direction(tag)).isEqualTo("rtl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "zh", "zh-Hant", "ca", "ku-Latn", "az", "ar-Latn", ""})
    void isRightToLeft_leftToRightLanguagesAndScripts(String tag) {
        assertThat(Languages.isRightToLeft(tag)).isFalse();
        assertThat(Languages.direction(tag)).isEqualTo("ltr");
    }

    @Test
    void names_englishAndNative() {
        assertThat(Languages.englishName("ar")).isEqualTo("Arabic");
        assertThat(Languages.nativeName("ar")).isEqualTo("العربية");
        assertThat(Languages.nativeName("es")).isEqualTo("Español");
        assertThat(Languages.englishName("zh")).isEqualTo("Chinese");
        assertThat(Languages.nativeName("qqq")).isEqualTo("qqq");
    }
}
