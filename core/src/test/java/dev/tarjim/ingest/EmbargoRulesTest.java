package dev.tarjim.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.article.ArticleState;
import dev.tarjim.article.Block;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.UploadStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which embargo a new revision is stored under, and what counts as visible. */
class EmbargoRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static ArticleState state(UploadStatus status, long revision, Instant embargo) {
        return new ArticleState("a1", "incoming/a.md", "01", status, revision, "h", "en", "T", "markdown",
                List.of(), Map.of(), List.of(), NOW, List.of(), embargo);
    }

    @Test
    void futureEmbargo_onANewArticle_isKept_roundedUpToTheSecond() {
        List<String> warnings = new ArrayList<>();
        assertThat(IngestService.embargo(Instant.parse("2026-12-01T12:00:00.250Z"), null, NOW, warnings))
                .isEqualTo(Instant.parse("2026-12-01T12:00:01Z"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void pastOrPresentEmbargo_meansPublishNow() {
        List<String> warnings = new ArrayList<>();
        assertThat(IngestService.embargo(NOW, null, NOW, warnings)).isNull();
        assertThat(IngestService.embargo(NOW.minusSeconds(60), null, NOW, warnings)).isNull();
    }

    @Test
    void embargo_onAScheduledOrWithdrawnArticle_isKept() {
        Instant later = NOW.plusSeconds(3600);
        assertThat(IngestService.embargo(later, state(UploadStatus.SCHEDULED, 1, NOW.plusSeconds(60)), NOW,
                new ArrayList<>())).isEqualTo(later);
        assertThat(IngestService.embargo(later, state(UploadStatus.WITHDRAWN, 1, null), NOW, new ArrayList<>()))
                .isEqualTo(later);
        assertThat(IngestService.embargo(later, state(UploadStatus.FAILED, 0, null), NOW, new ArrayList<>()))
                .as("nothing was ever published").isEqualTo(later);
    }

    @Test
    void embargo_onAPublishedArticle_isIgnored_withAWarning() {
        List<String> warnings = new ArrayList<>();
        assertThat(IngestService.embargo(NOW.plusSeconds(3600), state(UploadStatus.STORED, 2, null), NOW, warnings))
                .isNull();
        assertThat(warnings).singleElement().asString().contains("already published");
    }

    @Test
    void visible_onlyWhenNeitherWithdrawnNorEmbargoed() {
        StoredArticle live = new StoredArticle("a1", "en", "en", "T", "S", List.of(Block.Paragraph.of("x")), null,
                List.of(), NOW, NOW, 1, "incoming/a.md", "h", false, null, false, null, null, null);
        StoredArticle embargoed = new StoredArticle("a1", "en", "en", "T", "S", List.of(Block.Paragraph.of("x")),
                null, List.of(), NOW, NOW, 1, "incoming/a.md", "h", false, null, false, null, null, null,
                NOW.plusSeconds(60), List.of());

        assertThat(live.visible()).isTrue();
        assertThat(embargoed.visible()).isFalse();
        assertThat(embargoed.released().visible()).isTrue();
        assertThat(embargoed.released().title()).isEqualTo("T");
    }
}
