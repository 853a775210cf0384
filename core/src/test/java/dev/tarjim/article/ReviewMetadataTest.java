package dev.tarjim.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where an editor's reviewed translation says what it translates and who reviewed it. */
class ReviewMetadataTest {
    private final ContentParser parser = ContentParser.standard();

    private ParsedArticle parse(String text, String key) throws UnsupportedUploadException {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), key);
    }

    @Test
    void markdown_frontMatterTranslationOfAndReviewer_areRead() throws Exception {
        ParsedArticle p = parse("---\ntitle: Huelga\nlang: es\ntranslation-of: incoming/strike.md\n"
                + "reviewer: Ana García\n---\nLos estibadores pararon.\n", "incoming/strike.es.md");

        assertThat(p.translationOf()).isEqualTo("incoming/strike.md");
        assertThat(p.reviewer()).isEqualTo("Ana García");
        assertThat(p.declaredLanguage()).isEqualTo("es");
    }

    @Test
    void html_metaTranslationOfAndReviewer_areRead() throws Exception {
        ParsedArticle p = parse("<!doctype html><html lang=\"es\"><head><title>Huelga</title>"
                + "<meta name=\"translation-of\" content=\"4067f7a584cf469b\"><meta name=\"reviewer\" content=\"Ana\">"
                + "</head><body><article><h1>Huelga</h1><p>Los estibadores pararon el lunes tras tres semanas de "
                + "huelga en el puerto.</p></article></body></html>", "incoming/strike.es.html");

        assertThat(p.translationOf()).isEqualTo("4067f7a584cf469b");
        assertThat(p.reviewer()).isEqualTo("Ana");
    }

    @Test
    void markdown_withoutTranslationOf_isAnOrdinaryArticle() throws Exception {
        ParsedArticle p = parse("---\ntitle: Strike\n---\nThe dockers stopped.\n", "incoming/strike.md");

        assertThat(p.translationOf()).isNull();
        assertThat(p.reviewer()).isNull();
    }
}
