package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.article.StoredArticle;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BilingualRendererTest {
    private final BilingualRenderer renderer = new BilingualRenderer(SETTINGS);

    @Test
    void arabicBesideEnglish_pairsBlocksInColumnsOfTheirOwnDirection_andShowsASharedPhotoOnce() {
        StoredArticle ar = TestArticles.richArabic();
        StoredArticle en = TestArticles.richEnglish();

        Document doc = Jsoup.parse(renderer.render(ar, en));

        assertThat(doc.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(doc.selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo("http://127.0.0.1:3000/articles/" + TestArticles.RICH_ID + "/ar");
        assertThat(doc.selectFirst("meta[name=robots]").attr("content")).contains("noindex");
        List<Element> rows = doc.select("main.beside > .row");
        Element titles = rows.get(0);
        assertThat(titles.select("> .column").eachAttr("lang")).containsExactly("ar", "en");
        assertThat(titles.select("> .column").eachAttr("dir")).containsExactly("rtl", "ltr");
        assertThat(titles.select("h1").eachText()).containsExactly(ar.title(), en.title());

        // English has a lead photo Arabic does not show: a row of its own, in the English column only. Then
        // block n faces block n: the first paragraphs, then the subheads.
        assertThat(rows.get(1).select("> .column").get(0).select("img")).isEmpty();
        assertThat(rows.get(1).select("> .column").get(1).select("img").attr("src")).isEqualTo(TestArticles.LEAD_SRC);
        assertThat(rows.get(2).select("> .column").get(0).text()).startsWith("التقى القادة");
        assertThat(rows.get(2).select("> .column").get(1).text()).startsWith("Leaders met in");
        assertThat(rows.get(3).select("h2").eachText()).containsExactly("ما تم الاتفاق عليه", "What was agreed");

        // The body's photo is in both: one image, two captions, each in its own direction.
        assertThat(doc.select("img[src=" + TestArticles.LEAD_SRC + "]")).hasSize(1);
        assertThat(doc.select("img[src=" + TestArticles.FIGURE_SRC + "]")).hasSize(1);
        Element shared = doc.selectFirst(".shared-figure");
        assertThat(shared.select("img").attr("src")).isEqualTo(TestArticles.FIGURE_SRC);
        assertThat(shared.select(".caption").eachAttr("dir")).containsExactly("rtl", "ltr");
        assertThat(shared.select(".caption").eachText()).containsExactly("المندوبون في الافتتاح",
                "Delegates at the opening");
        // The longer English body runs on alone: nothing is dropped.
        assertThat(doc.text()).contains("second line");
    }

    @Test
    void aTranslationsPage_linksToTheViewBesideItsOriginal() {
        Document page = Jsoup.parse(new PageRenderer(SETTINGS).article(
                new FeedEntry(TestArticles.richSpanishTranslation(), List.of("en", "es"))));

        assertThat(page.selectFirst(".beside-link a").attr("href"))
                .isEqualTo("http://127.0.0.1:3000/articles/" + TestArticles.RICH_ID + "/es?beside=en");
        Document original = Jsoup.parse(new PageRenderer(SETTINGS).article(
                new FeedEntry(TestArticles.richEnglish(), List.of("en", "es"))));
        assertThat(original.select(".beside-link")).isEmpty();
    }

    @Test
    void theStylesheet_isTheOneThePoliciesHashAllows() {
        Document doc = Jsoup.parse(renderer.render(TestArticles.richArabic(), TestArticles.richEnglish()));

        String style = doc.selectFirst("style").data();
        String hash = java.util.Base64.getEncoder().encodeToString(dev.tarjim.support.Hashes.sha256(
                style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(PageRenderer.contentSecurityPolicy()).contains("'sha256-" + hash + "'");
    }
}
