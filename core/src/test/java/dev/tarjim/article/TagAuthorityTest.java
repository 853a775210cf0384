package dev.tarjim.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4151 tagging entities as the publisher configures them in {@code TAG_AUTHORITY}. */
class TagAuthorityTest {

    @ParameterizedTest
    @ValueSource(strings = {"example.com,2026", "globaltimes.example,2026-12", "news.example.co.uk,2026-12-01",
            "x-1.example,1999", "desk.news@example.com,2026-02-28", "a_b-c@news.example,2026"})
    void parse_domainOrEmailWithDate_isAccepted(String value) {
        assertThat(TagAuthority.parse(value).value()).isEqualTo(value);
    }

    @Test
    void parse_lowercasesTheDomain_butNotTheMailbox() {
        assertThat(TagAuthority.parse("  News.Example.COM,2026 ").value()).isEqualTo("news.example.com,2026");
        assertThat(TagAuthority.parse("Desk@Example.com,2026").value()).isEqualTo("Desk@example.com,2026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "example.com,", "example.com,26", "example.com,2026-1",
            "example.com,2026-13", "example.com,2026-02-30", "example.com,2026-00", "-example.com,2026",
            "example-.com,2026", "exa mple.com,2026", "example..com,2026", "http://example.com,2026",
            "example.com:8080,2026", "@example.com,2026", "ex+ample@example.com,2026", "example.com,2026,x",
            "tarjim"})
    void parse_anythingElse_isRefusedWithTheRule(String value) {
        assertThatThrownBy(() -> TagAuthority.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFC 4151");
    }

    @Test
    void parse_impossibleCalendarDate_saysSo() {
        assertThatThrownBy(() -> TagAuthority.parse("example.com,2025-02-29"))
                .hasMessageContaining("not a calendar date");
        assertThat(TagAuthority.parse("example.com,2024-02-29").value()).isEqualTo("example.com,2024-02-29");
    }

    @Test
    void ids_areTagUris_withTheirSegmentsEncoded() {
        TagAuthority a = TagAuthority.parse("example.com,2026");

        assertThat(a.articleUri("eb83513c9fa28be5", "ar")).isEqualTo("tag:example.com,2026:article/eb83513c9fa28be5/ar");
        assertThat(a.feedUri("zh")).isEqualTo("tag:example.com,2026:feed/zh");
        assertThat(a.articleUri("../x\"", "ä")).isEqualTo("tag:example.com,2026:article/..%2Fx%22/%C3%A4");
    }

    @Test
    void entryId_ofATextStoredBeforeIdsWere_isTheLegacyOne_andOfAMintedText_itsOwn() {
        StoredArticle legacy = new StoredArticle("abc", "es", "en", "T", null, java.util.List.of("p"), null,
                java.util.List.of(), java.time.Instant.EPOCH, java.time.Instant.EPOCH, 1, "incoming/a.md", "h", true,
                "apertium", false, null);

        assertThat(legacy.entryId()).isEqualTo("tag:tarjim.dev,2026:article/abc/es");
        assertThat(legacy.withIdAuthority(TagAuthority.parse("example.com,2026")).entryId())
                .isEqualTo("tag:example.com,2026:article/abc/es");
    }
}
