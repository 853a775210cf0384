package dev.tarjim.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.feed.TestArticles;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.Json;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class NinjsWriterTest {
    /** Top-level property names of IPTC ninjs 2.2, plus this project's declared extension. */
    private static final Set<String> NINJS_2_2 = Set.of("uri", "type", "representationtype", "profile", "version",
            "firstcreated", "versioncreated", "contentcreated", "embargoed", "pubstatus", "urgency",
            "copyrightholder", "copyrightnotice", "usageterms", "ednote", "language", "descriptions", "bodies",
            "headlines", "people", "organisations", "places", "subjects", "events", "objects", "infosources",
            "title", "by", "slugline", "located", "renditions", "associations", "altids", "trustindicators",
            "standard", "genres", "expires", "rightsinfo", "digitalsourcetype", "tarjim");
    /** What an associated object may hold in ninjs 2.2: every ninjs property but the extension, and a name. */
    private static final Set<String> NINJS_2_2_ASSOCIATION = NINJS_2_2.stream()
            .map(p -> p.equals("tarjim") ? "name" : p).collect(java.util.stream.Collectors.toSet());

    private final NinjsWriter writer = new NinjsWriter(URI.create("https://news.example.org/"));

    static StoredArticle arabicOriginal(long revision, boolean withdrawn) {
        return new StoredArticle("eb83513c9fa28be5", "ar", "ar", "شي وبوتين يبعثان رسالتي تهنئة",
                "رسالتا تهنئة إلى الاجتماع الثامن", List.of("الفقرة الأولى.", "الفقرة <الثانية> & الأخيرة."),
                "محرر الموقع", List.of("الصين", "روسيا"), Instant.parse("2024-05-01T08:00:00Z"),
                Instant.parse("2024-05-02T09:30:00Z"), revision, "incoming/000_eb83513c9fa28be5.txt",
                "ab".repeat(32), false, null, withdrawn, null);
    }

    static StoredArticle englishTranslation(long revision, boolean withdrawn) {
        return new StoredArticle("eb83513c9fa28be5", "en", "ar", "Xi and Putin send letters of congratulation",
                "Letters to the 8th meeting", List.of("The first paragraph.", "Fish & <chips> \"quoted\"."),
                "Site editor", List.of("China", "Russia"), Instant.parse("2024-05-01T08:00:00Z"),
                Instant.parse("2024-05-02T09:31:00Z"), revision, "incoming/000_eb83513c9fa28be5.txt",
                "ab".repeat(32), true, "amazon-translate", withdrawn, "xi-putin-letters");
    }

    @Test
    void toNinjs_translation_hasStableUriVersionBodyAndProvenance() throws Exception {
        JsonNode n = roundTrip(writer.toNinjs(englishTranslation(3, false)));

        assertThat(n.get("uri").asText()).isEqualTo("urn:tarjim:article:eb83513c9fa28be5:en");
        assertThat(n.get("type").asText()).isEqualTo("text");
        assertThat(n.get("version").asText()).isEqualTo("3");
        assertThat(n.get("firstcreated").asText()).isEqualTo("2024-05-01T08:00:00Z");
        assertThat(n.get("versioncreated").asText()).isEqualTo("2024-05-02T09:31:00Z");
        assertThat(n.get("pubstatus").asText()).isEqualTo("usable");
        assertThat(n.get("language").asText()).isEqualTo("en");
        assertThat(n.at("/headlines/0/value").asText()).isEqualTo("Xi and Putin send letters of congratulation");
        assertThat(n.at("/descriptions/0/value").asText()).isEqualTo("Letters to the 8th meeting");
        assertThat(n.at("/bodies/0/contenttype").asText()).isEqualTo("text/html");
        assertThat(Jsoup.parseBodyFragment(n.at("/bodies/0/value").asText()).select("p").eachText())
                .containsExactly("The first paragraph.", "Fish & <chips> \"quoted\".");
        assertThat(n.at("/bodies/0/value").asText()).contains("Fish &amp; &lt;chips&gt;");
        assertThat(n.at("/bodies/0/wordcount").asInt()).isEqualTo(7);
        assertThat(n.at("/bodies/1/contenttype").asText()).isEqualTo("text/plain");
        assertThat(n.at("/bodies/1/value").asText())
                .isEqualTo("The first paragraph.\n\nFish & <chips> \"quoted\".");
        assertThat(n.get("ednote").asText()).isEqualTo("Machine-translated from Arabic by amazon-translate.");
        assertThat(n.get("by").asText()).isEqualTo("Site editor");
        assertThat(n.get("slugline").asText()).isEqualTo("xi-putin-letters");
        assertThat(n.get("subjects").findValuesAsText("name")).containsExactly("China", "Russia");
        assertThat(n.get("altids").findValuesAsText("role"))
                .containsExactly("tarjim-article-id", "source-key", "content-sha256");
        assertThat(n.at("/altids/0/value").asText()).isEqualTo("eb83513c9fa28be5");
        assertThat(n.at("/renditions/0/href").asText())
                .isEqualTo("https://news.example.org/articles/eb83513c9fa28be5/en");
        assertThat(n.at("/tarjim/sourcelanguage").asText()).isEqualTo("ar");
        assertThat(n.at("/tarjim/sourceuri").asText()).isEqualTo("urn:tarjim:article:eb83513c9fa28be5:ar");
        assertThat(n.at("/tarjim/machinetranslated").asBoolean()).isTrue();
        assertThat(n.at("/tarjim/engine").asText()).isEqualTo("amazon-translate");
        assertThat(n.at("/standard/schema").asText())
                .isEqualTo("https://news.example.org/syndication/v1/ninjs-schema.json");
        assertThat(fieldNames(n)).isSubsetOf(NINJS_2_2);
    }

    @Test
    void toNinjs_uriIsTheSameForEveryRevision_versionIsNot() {
        ObjectNode r1 = writer.toNinjs(englishTranslation(1, false));
        ObjectNode r2 = writer.toNinjs(englishTranslation(2, false));
        assertThat(r1.get("uri")).isEqualTo(r2.get("uri"));
        assertThat(r1.get("version")).isNotEqualTo(r2.get("version"));
    }

    @Test
    void toNinjs_arabicOriginal_isRightToLeftAndNotMachineTranslated() throws Exception {
        JsonNode n = roundTrip(writer.toNinjs(arabicOriginal(1, false)));

        assertThat(n.get("language").asText()).isEqualTo("ar");
        Element body = Jsoup.parseBodyFragment(n.at("/bodies/0/value").asText()).body().child(0);
        assertThat(body.tagName()).isEqualTo("div");
        assertThat(body.attr("dir")).isEqualTo("rtl");
        assertThat(body.attr("lang")).isEqualTo("ar");
        assertThat(body.select("p").eachText()).containsExactly("الفقرة الأولى.", "الفقرة <الثانية> & الأخيرة.");
        assertThat(n.has("ednote")).isFalse();
        assertThat(n.has("associations")).as("no photo, no pictures").isFalse();
        assertThat(n.at("/headlines/0/value").asText()).isEqualTo("شي وبوتين يبعثان رسالتي تهنئة");
        assertThat(n.at("/tarjim/machinetranslated").asBoolean()).isFalse();
        assertThat(n.at("/tarjim").has("engine")).isFalse();
    }

    @Test
    void toNinjs_withdrawn_isCanceledWithoutBody() throws Exception {
        JsonNode n = roundTrip(writer.toNinjs(englishTranslation(2, true)));

        assertThat(n.get("pubstatus").asText()).isEqualTo("canceled");
        assertThat(n.get("uri").asText()).isEqualTo("urn:tarjim:article:eb83513c9fa28be5:en");
        assertThat(n.has("bodies")).isFalse();
        assertThat(n.has("descriptions")).isFalse();
        assertThat(n.has("associations")).isFalse();
        assertThat(n.at("/headlines/0/value").asText()).isNotEmpty();
        assertThat(fieldNames(n)).isSubsetOf(NINJS_2_2);
    }

    @Test
    void toNinjs_richArticle_bodyHtmlKeepsStructureAndPlainTextFollows() throws Exception {
        JsonNode n = roundTrip(writer.toNinjs(TestArticles.richEnglish()));

        assertThat(n.at("/bodies/0/role").asText()).isEqualTo("main");
        assertThat(n.at("/bodies/0/contenttype").asText()).isEqualTo("text/html");
        Document html = Jsoup.parseBodyFragment(n.at("/bodies/0/value").asText());
        assertThat(html.select("h2").eachText()).containsExactly("What was agreed");
        assertThat(html.selectFirst("a[href]").attr("href")).isEqualTo(TestArticles.LINK_HREF);
        assertThat(html.select("ul > li").eachText()).containsExactly("Trade", "Energy, see the annex", "Culture");
        assertThat(html.selectFirst("blockquote").text()).isEqualTo("We are at our best stage.");
        assertThat(html.selectFirst("figure > img").attr("src")).isEqualTo(TestArticles.FIGURE_SRC);
        assertThat(html.selectFirst("figure:has(img) > figcaption").text()).isEqualTo("Delegates at the opening Photo: Jane Roe/Agency");
        assertThat(n.at("/bodies/1/contenttype").asText()).isEqualTo("text/plain");
        assertThat(n.at("/bodies/1/value").asText()).contains("- Trade\n- Energy, see the annex", "— Xi Jinping")
                .doesNotContain("<");
        assertThat(n.at("/bodies/0/wordcount").asInt()).as("captions are not counted")
                .isEqualTo(n.at("/bodies/1/wordcount").asInt()).isEqualTo(46);
    }

    @Test
    void toNinjs_richArticle_hasOnePictureAssociationPerPhotoLeadFirst() throws Exception {
        JsonNode n = roundTrip(writer.toNinjs(TestArticles.richEnglish()));

        JsonNode pictures = n.get("associations");
        assertThat(pictures).hasSize(2);
        assertThat(pictures).extracting(p -> p.get("type").asText()).containsExactly("picture", "picture");
        assertThat(pictures).extracting(p -> p.get("name").asText()).containsExactly("picture1", "picture2");
        JsonNode lead = pictures.get(0);
        assertThat(lead.get("uri").asText()).isEqualTo(TestArticles.LEAD_SRC);
        assertThat(lead.at("/renditions/0/href").asText()).isEqualTo(TestArticles.LEAD_SRC);
        assertThat(lead.at("/renditions/0/contenttype").asText()).isEqualTo("image/png");
        assertThat(lead.at("/renditions/0/width").asInt()).isEqualTo(1600);
        assertThat(lead.at("/renditions/0/height").asInt()).isEqualTo(900);
        assertThat(lead.at("/headlines/0/value").asText()).isEqualTo("The summit hall in Beijing");
        assertThat(lead.get("copyrightnotice").asText()).isEqualTo("Photo: Agency");
        JsonNode figure = pictures.get(1);
        assertThat(figure.get("uri").asText()).isEqualTo(TestArticles.FIGURE_SRC);
        assertThat(figure.at("/renditions/0/contenttype").asText()).isEqualTo("image/jpeg");
        assertThat(figure.at("/descriptions/0/role").asText()).isEqualTo("caption");
        assertThat(figure.at("/descriptions/0/value").asText()).isEqualTo("Delegates at the opening");
        assertThat(figure.at("/descriptions/1/role").asText()).isEqualTo("alt");
        assertThat(figure.at("/descriptions/1/value").asText()).isEqualTo("Delegates seated at a long table");
        assertThat(figure.get("copyrightnotice").asText()).isEqualTo("Photo: Jane Roe/Agency");
        for (JsonNode picture : pictures) {
            assertThat(fieldNames(picture)).isSubsetOf(NINJS_2_2_ASSOCIATION);
            assertThat(picture.has("tarjim")).isFalse();
        }
        assertThat(fieldNames(n)).isSubsetOf(NINJS_2_2);
    }

    @Test
    void toNinjs_nonAsciiImageUrl_isPercentEncodedForUriFields() throws Exception {
        JsonNode n = roundTrip(writer.toNinjs(TestArticles.withLeadImage("https://img.example.org/صور/قمة.jpg")));

        assertThat(n.at("/associations/0/uri").asText())
                .isEqualTo("https://img.example.org/%D8%B5%D9%88%D8%B1/%D9%82%D9%85%D8%A9.jpg");
        assertThat(n.at("/associations/0/renditions/0/href").asText()).isEqualTo(n.at("/associations/0/uri").asText());
    }

    @Test
    void toNinjs_hostileRichArticle_bodyIsInertAndBadImageUrlIsNotAssociated() throws Exception {
        JsonNode n = roundTrip(writer.toNinjs(TestArticles.hostileRich("ar")));

        Document html = Jsoup.parseBodyFragment(n.at("/bodies/0/value").asText());
        assertThat(html.select("script, svg, b, i, [onclick], [onmouseover], [onerror], [onload]")).isEmpty();
        assertThat(html.text()).contains("<script>alert(7)</script>", "</blockquote><script>alert(9)</script>");
        assertThat(n.has("associations")).isFalse();
        assertThat(fieldNames(n)).isSubsetOf(NINJS_2_2);
    }

    @Test
    void changesPage_hasItemsCursorAndHasMore() throws Exception {
        JsonNode page = roundTrip(writer.changesPage(
                List.of(writer.toNinjs(arabicOriginal(1, false))), "opaque-cursor", true));

        assertThat(page.get("items")).hasSize(1);
        assertThat(page.at("/items/0/language").asText()).isEqualTo("ar");
        assertThat(page.get("next_cursor").asText()).isEqualTo("opaque-cursor");
        assertThat(page.get("has_more").asBoolean()).isTrue();
    }

    @Test
    void extensionSchema_declaresTheTarjimPropertyOnTopOfNinjs() throws Exception {
        JsonNode s = roundTrip(writer.extensionSchema());

        assertThat(s.at("/allOf/0/$ref").asText()).startsWith("http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json");
        assertThat(fieldNames(s.at("/properties/tarjim/properties")))
                .containsExactlyInAnyOrder("sourcelanguage", "sourceuri", "machinetranslated", "engine");
        assertThat(fieldNames(writer.toNinjs(englishTranslation(1, false)).get("tarjim")))
                .isSubsetOf(fieldNames(s.at("/properties/tarjim/properties")));
    }

    private static JsonNode roundTrip(ObjectNode node) throws Exception {
        return Json.mapper().readTree(Json.mapper().writeValueAsString(node));
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
