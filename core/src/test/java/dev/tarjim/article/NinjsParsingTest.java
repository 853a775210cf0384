package dev.tarjim.article;

import static dev.tarjim.article.Uploads.parse;
import static dev.tarjim.article.Uploads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NinjsParsingTest {

    @Test
    void parse_ninjs2_readsHeadlinesBodiesAndSubjects() throws Exception {
        ParsedArticle article = parse(resource("ninjs2.json"), "incoming/glacier.json");

        assertThat(article.format()).isEqualTo("ninjs");
        assertThat(article.title()).isEqualTo("Alpine glacier is melting twice as fast as in the 1990s, study finds");
        assertThat(article.paragraphs()).containsExactly(
                "A study published on Monday shows that the glacier is losing ice twice as fast as it did in the 1990s.",
                "The researchers combined drone flights with thirty years of satellite images.");
        assertThat(article.declaredLanguage()).isEqualTo("en");
        assertThat(article.author()).isEqualTo("Ana Ruiz");
        assertThat(article.tags()).containsExactly("Climate", "Science");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-03-11T08:00:00Z"));
        assertThat(article.summary()).isEqualTo("Researchers measured the ice loss with drones and satellites.");
        assertThat(article.slug()).isEqualTo("glacier-melting");
    }

    @Test
    void parse_ninjs1_readsHeadlineBodyTextAndBy() throws Exception {
        ParsedArticle article = parse(resource("ninjs1.json"), "incoming/bridge");

        assertThat(article.title()).isEqualTo("افتتاح الجسر الجديد في الربيع بعد تأخير عامين");
        assertThat(article.paragraphs()).containsExactly(
                "قالت السلطات إن الجسر الجديد سيفتح أمام حركة المرور في الربيع.",
                "وأضافت أن التأخير يعود إلى مشكلات في الأساسات.");
        assertThat(article.declaredLanguage()).isEqualTo("ar");
        assertThat(article.author()).isEqualTo("مراسلنا");
        assertThat(article.tags()).containsExactly("نقل");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-03-14T09:00:00Z"));
        assertThat(article.summary()).isEqualTo("الجسر يفتح في الربيع.");
    }

    @Test
    void parse_unknownJson_isRefusedAsNotNinjs() {
        assertThatThrownBy(() -> parse("{\"name\": \"widget\", \"price\": 3}", "incoming/data.json"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessage("JSON upload is not an IPTC ninjs article: no headline/body");
        assertThatThrownBy(() -> parse("[1, 2, 3]", "incoming/list.json"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessage("JSON upload is not an IPTC ninjs article: no headline/body");
    }

    @Test
    void parse_malformedJson_saysWhere() {
        assertThatThrownBy(() -> parse("{\"headline\": \"x\",\n \"body_text\": }", "incoming/bad.json"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageStartingWith("The file looks like JSON but is not valid JSON (line 2");
    }
}
