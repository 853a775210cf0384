package dev.tarjim.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarjim.article.TagAuthority;
import dev.tarjim.support.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The publisher's branding as both functions read it from their environment. */
class SiteBrandingTest {

    private static SiteBranding from(Map<String, String> variables) {
        return SiteBranding.from(new Environment(variables, "API"));
    }

    @Test
    void from_nothingConfigured_isTodaysBranding() {
        SiteBranding b = from(Map.of());

        assertThat(b).isEqualTo(SiteBranding.DEFAULT);
        assertThat(b.name("ar")).isEqualTo("Tarjim");
        assertThat(b.tagAuthority()).isEqualTo(TagAuthority.LEGACY);
        assertThat(b.siteUrl()).isNull();
    }

    @Test
    void from_everything_namesTheSitePerLanguage() {
        SiteBranding b = from(Map.of(
                "SITE_NAME", " Global Times ",
                "SITE_NAME_BY_LANGUAGE", "ar=غلوبال تايمز ; zh-Hans=环球时报;;ES=Tiempos Globales",
                "SITE_URL", "https://globaltimes.example/",
                "TAG_AUTHORITY", "GlobalTimes.example,2026-12-01"));

        assertThat(b.name()).isEqualTo("Global Times");
        assertThat(b.name("ar")).isEqualTo("غلوبال تايمز");
        assertThat(b.name("ar-EG")).isEqualTo("غلوبال تايمز");
        assertThat(b.name("zh")).isEqualTo("环球时报");
        assertThat(b.name("es")).isEqualTo("Tiempos Globales");
        assertThat(b.name("en")).isEqualTo("Global Times");
        assertThat(b.siteUrl()).isEqualTo("https://globaltimes.example/");
        assertThat(b.tagAuthority().value()).isEqualTo("globaltimes.example,2026-12-01");
    }

    @Test
    void from_badValues_failNamingTheVariable() {
        assertThatThrownBy(() -> from(Map.of("TAG_AUTHORITY", "globaltimes.example")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TAG_AUTHORITY")
                .hasMessageContaining("RFC 4151");
        assertThatThrownBy(() -> from(Map.of("SITE_NAME_BY_LANGUAGE", "ar:غلوبال")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SITE_NAME_BY_LANGUAGE")
                .hasMessageContaining("language=name");
        assertThatThrownBy(() -> from(Map.of("SITE_NAME_BY_LANGUAGE", "Arabic=غلوبال")))
                .hasMessageContaining("not a BCP 47 language tag");
        assertThatThrownBy(() -> from(Map.of("SITE_NAME_BY_LANGUAGE", "ar=x;ar-EG=y")))
                .hasMessageContaining("names language ar twice");
        assertThatThrownBy(() -> from(Map.of("SITE_NAME_BY_LANGUAGE", "ar= ")))
                .hasMessageContaining("site name is empty");
        assertThatThrownBy(() -> from(Map.of("SITE_NAME", "Global\u202E Times")))
                .hasMessageContaining("SITE_NAME").hasMessageContaining("bidi");
        assertThatThrownBy(() -> from(Map.of("SITE_URL", "globaltimes.example")))
                .hasMessageContaining("SITE_URL must be an absolute http(s) URL");
        assertThatThrownBy(() -> from(Map.of("SITE_URL", "javascript:alert(1)")))
                .hasMessageContaining("SITE_URL");
        assertThatThrownBy(() -> from(Map.of("SITE_NAME", "x".repeat(201))))
                .hasMessageContaining("longer than 200");
    }
}
