package dev.tarjim.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.store.StoredArticle;
import dev.tarjim.support.Json;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NinjsWriterTest {
    /** Top-level property names of IPTC ninjs 2.2, plus this project's declared extension. */
    private static final Set<String> NINJS_2_2 = Set.of("uri", "type", "representationtype", "profile", "version",
            "firstcreated", "versioncreated", "contentcreated", "embargoed", "pubstatus", "urgency",
            "copyrightholder", "copyrightnotice", "usageterms", "ednote", "language", "descriptions", "bodies",
            "headlines", "people", "organisations", "places", "subjects", "events", "objects", "infosources",
            "title", "by", "slugline", "located", "renditions", "associations", "altids", "trustindicators",
            "standard", "genres", "expires", "rightsinfo", "digitalsourcetype", "tarjim");

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
        assertThat(n.at("/bodies/0/value").asText()).isEqualTo(
                "<p>The first paragraph.</p><p>Fish &amp; &lt;chips&gt; &quot;quoted&quot;.</p>");
        assertThat(n.at("/bodies/0/wordcount").asInt()).isEqualTo(7);
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
        assertThat(n.at("/bodies/0/value").asText()).isEqualTo(
                "<p dir=\"rtl\">الفقرة الأولى.</p><p dir=\"rtl\">الفقرة &lt;الثانية&gt; &amp; الأخيرة.</p>");
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
        assertThat(n.at("/headlines/0/value").asText()).isNotEmpty();
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
