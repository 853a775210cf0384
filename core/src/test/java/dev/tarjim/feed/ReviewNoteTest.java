package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.article.StoredArticle;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** What pages and feeds say of an editor's reviewed translation. */
class ReviewNoteTest {
    private static final Instant REVIEWED_AT = Instant.parse("2026-11-30T16:20:00Z");

    private static StoredArticle reviewed(StoredArticle.Review review) {
        StoredArticle mt = TestArticles.spanishTranslation();
        return new StoredArticle(mt.id(), mt.language(), mt.sourceLanguage(), mt.title(), mt.summary(), mt.blocks(),
                mt.author(), mt.tags(), mt.published(), mt.updated(), mt.revision(), mt.sourceKey(),
                mt.contentHash(), false, review.machineBlocks().isEmpty() ? null : "apertium 3.8", false, mt.slug(),
                null, null, review);
    }

    private final PageRenderer renderer = new PageRenderer(SETTINGS);

    @Test
    void page_reviewedTranslation_saysReviewedByWhomAndNotMachineTranslated() {
        Document page = Jsoup.parse(renderer.article(new FeedEntry(
                reviewed(new StoredArticle.Review("Ana García", REVIEWED_AT, 1, List.of(), false)), List.of("en"))));

        String note = page.selectFirst(".tarjim-mt-note").text();
        assertThat(note).startsWith("Reviewed translation from English by Ana García.");
        assertThat(note).doesNotContain("Machine-translated");
    }

    @Test
    void page_reviewWithMachineBlocksSince_carriesTheDatedNote() {
        Document page = Jsoup.parse(renderer.article(new FeedEntry(
                reviewed(new StoredArticle.Review("Ana García", REVIEWED_AT, 1, List.of(1), false)), List.of("en"))));

        assertThat(page.selectFirst(".tarjim-mt-note").text()).contains("Parts of this translation were "
                + "machine-translated after the reviewed version of 2026-11-30.");
    }

    @Test
    void text_staleReview_saysWhichVersionItTranslates() {
        StoredArticle stale = reviewed(new StoredArticle.Review(null, REVIEWED_AT, 1, List.of(), true));

        assertThat(EntryHtml.text(stale)).startsWith("Reviewed translation from English. It translates the version "
                + "of 2026-11-30; the original has been updated since.");
    }
}
