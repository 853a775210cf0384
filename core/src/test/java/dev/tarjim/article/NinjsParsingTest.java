package dev.tarjim.article;

import static dev.tarjim.article.Uploads.parse;
import static dev.tarjim.article.Uploads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarjim.article.Block.Figure;
import dev.tarjim.article.Block.Heading;
import dev.tarjim.article.Block.Paragraph;
import dev.tarjim.article.Inline.Link;
import dev.tarjim.article.Inline.Strong;
import dev.tarjim.article.Inline.Text;
import java.time.Instant;
import java.util.List;
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

    @Test
    void parse_ninjs1BodyHtmlAndPictureAssociations_keepsStructureAndLeadImage() throws Exception {
        String json = """
                {"uri": "https://wire.example/items/42", "headline": "Dam opens",
                 "language": "en", "firstcreated": "2024-03-01T10:00:00Z", "versioncreated": "2024-03-02T11:00:00Z",
                 "body_html": "<p>The <strong>dam</strong> opened, <a href='/dams/7'>details</a>.</p><h3>Why</h3><p onclick='x()'>Power.<script>alert(1)</script></p>",
                 "associations": {
                   "featureimage": {"type": "picture", "headline": "The dam", "description_text": "The dam at noon",
                     "copyrightnotice": "© Wire Photo",
                     "renditions": {"thumb": {"href": "https://img.example/dam-thumb.jpg", "width": 100, "height": 60},
                                    "baseImage": {"href": "https://img.example/dam.jpg", "width": 1200, "height": 720}}},
                   "second": {"type": "picture", "headline": "Turbines", "by": "Ana Ruiz",
                     "renditions": {"original": {"href": "https://img.example/turbines.jpg"}}},
                   "clip": {"type": "video", "renditions": {"original": {"href": "https://img.example/v.mp4"}}},
                   "bad": {"type": "picture", "renditions": {"original": {"href": "javascript:alert(1)"}}}
                 }}
                """;

        ParsedArticle article = parse(json, "incoming/dam.json");

        assertThat(article.canonicalUrl()).isEqualTo("https://wire.example/items/42");
        assertThat(article.updated()).isEqualTo(Instant.parse("2024-03-02T11:00:00Z"));
        assertThat(article.blocks()).containsExactly(
                new Paragraph(List.of(new Text("The "), new Strong(List.of(new Text("dam"))), new Text(" opened, "),
                        new Link("https://wire.example/dams/7", null, List.of(new Text("details"))), new Text("."))),
                new Heading(3, List.of(new Text("Why"))),
                new Paragraph(List.of(new Text("Power."))),
                new Figure("https://img.example/turbines.jpg", "", List.of(new Text("Turbines")), "Ana Ruiz", null,
                        null));
        assertThat(article.leadImage()).isEqualTo(new Figure("https://img.example/dam.jpg", "The dam",
                List.of(new Text("The dam at noon")), "© Wire Photo", 1200, 720));
    }

    @Test
    void parse_ninjs2BodiesAndAssociationsArray_prefersTheHtmlBody() throws Exception {
        String json = """
                {"headlines": [{"role": "main", "value": "Rail strike ends"}],
                 "bodies": [{"contenttype": "text/plain", "value": "Plain version."},
                            {"contenttype": "text/html", "value": "<ul><li>Trains run</li><li>Buses too</li></ul>"}],
                 "associations": [{"name": "lead", "type": "picture",
                   "headlines": [{"value": "Station"}], "descriptions": [{"role": "caption", "value": "The station"}],
                   "renditions": [{"name": "web", "href": "https://img.example/station.jpg", "width": 800, "height": 600}]}]}
                """;

        ParsedArticle article = parse(json, "incoming/rail.json");

        assertThat(article.blocks()).containsExactly(new Block.ListBlock(false,
                List.of(List.of(new Text("Trains run")), List.of(new Text("Buses too")))));
        assertThat(article.leadImage()).isEqualTo(new Figure("https://img.example/station.jpg", "Station",
                List.of(new Text("The station")), "", 800, 600));
    }

    @Test
    void parse_ninjsWithoutHeadline_takesTheFirstSentence_andWarns() throws Exception {
        ParsedArticle article = parse("{\"body_text\": \"Body without a headline. It goes on.\"}", "incoming/a.json");

        assertThat(article.title()).isEqualTo("Body without a headline");
        assertThat(article.warnings()).hasSize(1);
    }
}
