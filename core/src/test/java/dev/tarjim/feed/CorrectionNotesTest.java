package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.article.Correction;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.Json;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Correction notes: dated, newest first, on the page and in every feed's content. */
class CorrectionNotesTest {
    static final List<Correction> CORRECTIONS = List.of(
            new Correction(Instant.parse("2026-03-03T09:00:00Z"), 3, "Se corrigió el nombre del ministro."),
            new Correction(Instant.parse("2026-03-02T09:00:00Z"), 2, "La cifra era 4 <millones>, no 5."));

    static StoredArticle corrected() {
        StoredArticle a = TestArticles.spanishTranslation();
        return new StoredArticle(a.id(), a.language(), a.sourceLanguage(), a.title(), a.summary(), a.blocks(),
                a.author(), a.tags(), a.published(), a.updated(), a.revision(), a.sourceKey(), a.contentHash(),
                a.machineTranslated(), a.engine(), a.withdrawn(), a.slug(), a.canonicalUrl(), a.leadImage(), null,
                CORRECTIONS);
    }

    private static void assertNotes(Element content) {
        List<Element> notes = content.select(".tarjim-corrections .tarjim-correction");
        assertThat(notes).extracting(Element::text).containsExactly(
                "Correction (2026-03-03): Se corrigió el nombre del ministro.",
                "Correction (2026-03-02): La cifra era 4 <millones>, no 5.");
        assertThat(notes.get(0).selectFirst("time").attr("datetime")).isEqualTo("2026-03-03T09:00:00Z");
        assertThat(content.select("millones")).as("note text is escaped").isEmpty();
    }

    @Test
    void page_showsEveryCorrection_newestFirst_beforeTheBody() {
        Document page = Jsoup.parse(new PageRenderer(SETTINGS).article(new FeedEntry(corrected(), List.of("en"))));

        Element article = page.selectFirst("main > article");
        assertNotes(article);
        assertThat(article.select(".tarjim-corrections ~ p").eachText()).contains("Fue leída ayer.");
    }

    @Test
    void rssAtomAndJsonFeed_carryTheNotesInTheirContent() throws Exception {
        FeedPage page = FeedPage.single("es", List.of(new FeedEntry(corrected(), List.of("en"))),
                TestArticles.UPDATED);
        Document rss = Jsoup.parse(new RssRenderer(SETTINGS).render(page), "", Parser.xmlParser());
        assertNotes(Jsoup.parseBodyFragment(rss.selectFirst("item content|encoded").text()).body());
        Document atom = Jsoup.parse(new AtomRenderer(SETTINGS).render(page), "", Parser.xmlParser());
        assertNotes(Jsoup.parseBodyFragment(atom.selectFirst("entry content").text()).body());
        JsonNode item = Json.mapper().readTree(new JsonFeedRenderer(SETTINGS).render(page)).get("items").get(0);
        assertNotes(Jsoup.parseBodyFragment(item.get("content_html").asText()).body());
        assertThat(item.get("content_text").asText())
                .startsWith("Correction (2026-03-03): Se corrigió el nombre del ministro.\n"
                        + "Correction (2026-03-02): La cifra era 4 <millones>, no 5.");
    }

    @Test
    void uncorrectedArticle_hasNoNotes() {
        Document page = Jsoup.parse(new PageRenderer(SETTINGS).article(
                new FeedEntry(TestArticles.spanishTranslation(), List.of("en"))));

        assertThat(page.select(".tarjim-corrections")).isEmpty();
    }
}
