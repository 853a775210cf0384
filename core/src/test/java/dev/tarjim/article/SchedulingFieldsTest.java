package dev.tarjim.article;

import static dev.tarjim.article.Uploads.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The embargo and correction fields, as each format declares them (and what is not an embargo). */
class SchedulingFieldsTest {
    private static final String BODY = "The minister presented the budget on Tuesday. It passed at night.\n";

    @Test
    void markdown_embargoAndCorrection_fromTheFrontMatter() throws Exception {
        ParsedArticle a = parse("---\ntitle: Budget\nembargo: 2026-12-24T06:00:00+01:00\n"
                + "correction: \"  The total was 4 billion, not 5.  \"\n---\n\n" + BODY, "incoming/b.md");

        assertThat(a.embargo()).isEqualTo(Instant.parse("2026-12-24T05:00:00Z"));
        assertThat(a.correction()).isEqualTo("The total was 4 billion, not 5.");
    }

    @Test
    void markdown_withoutThem_hasNeither() throws Exception {
        ParsedArticle a = parse("---\ntitle: Budget\npublished: 2030-01-01T00:00:00Z\n---\n\n" + BODY, "incoming/b.md");

        assertThat(a.embargo()).as("a future publication time is not an embargo").isNull();
        assertThat(a.correction()).isNull();
    }

    @Test
    void markdown_embargoThatIsNoDate_isRefusedWithTheField() {
        assertThatThrownBy(() -> parse("---\ntitle: Budget\nembargo: tomorrow morning\n---\n\n" + BODY,
                "incoming/b.md")).isInstanceOf(UnsupportedUploadException.class).hasMessageContaining("embargo");
    }

    @Test
    void html_embargoOnlyFromItsExplicitMeta_notFromAFuturePublicationTime() throws Exception {
        String head = "<html><head><title>Budget</title>"
                + "<meta property=\"article:published_time\" content=\"2030-01-01T00:00:00Z\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Budget\","
                + "\"datePublished\":\"2030-01-01T00:00:00Z\"}</script>";
        String body = "</head><body><article><h1>Budget</h1><p>" + BODY + "</p><p>" + BODY + "</p></article>"
                + "</body></html>";

        assertThat(parse(head + body, "incoming/b.html").embargo()).isNull();
        ParsedArticle embargoed = parse(head + "<meta name=\"embargo\" content=\"2026-12-24T05:00:00Z\">"
                + "<meta name=\"correction\" content=\"A name was misspelt.\">" + body, "incoming/b.html");
        assertThat(embargoed.embargo()).isEqualTo(Instant.parse("2026-12-24T05:00:00Z"));
        assertThat(embargoed.correction()).isEqualTo("A name was misspelt.");
    }

    @Test
    void ninjs_embargoFromItsEmbargoedField() throws Exception {
        ParsedArticle a = parse("{\"uri\":\"urn:x:1\",\"headline\":\"Budget\",\"embargoed\":\"2026-12-24T05:00:00Z\","
                + "\"firstcreated\":\"2030-01-01T00:00:00Z\",\"body_html\":\"<p>" + BODY.strip() + "</p>\"}",
                "incoming/b.json");

        assertThat(a.embargo()).isEqualTo(Instant.parse("2026-12-24T05:00:00Z"));
    }
}
