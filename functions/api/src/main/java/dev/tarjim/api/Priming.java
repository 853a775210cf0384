package dev.tarjim.api;

import dev.tarjim.article.UploadStatus;
import dev.tarjim.article.TranslationStatus;
import dev.tarjim.feed.FeedEntry;
import dev.tarjim.feed.FeedFormat;
import dev.tarjim.feed.FeedPage;
import dev.tarjim.feed.FeedRenderer;
import dev.tarjim.feed.FeedSettings;
import dev.tarjim.feed.PageRenderer;
import dev.tarjim.ingest.Report;
import dev.tarjim.article.ArticleState;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import dev.tarjim.support.SnapStartPriming;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, render a synthetic article in every format
 * so that Rome, JDOM, jsoup and Jackson are loaded and initialised in the snapshot rather than on a reader's request.
 * Touches no AWS service (a snapshot must not hold connections).
 */
final class Priming {

    private Priming() {
    }

    /** Registers {@link #prime()} to run before the SnapStart snapshot. */
    static void register() {
        SnapStartPriming.register(Priming::prime);
    }

    /** Exercises the rendering paths once; answers the total size of what it rendered. */
    static int prime() throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        StoredArticle article = new StoredArticle("0000000000000000", "ar", "ar", "عنوان", "ملخص", List.of("فقرة."),
                "Tarjim", List.of("primer"), t, t, 1, "incoming/primer.txt", "0".repeat(64), false, null, false, null);
        FeedSettings settings = FeedSettings.of("https://primer.invalid");
        FeedRenderer feeds = new FeedRenderer(settings);
        FeedPage page = FeedPage.single("ar", List.of(new FeedEntry(article, List.of("en"))), t);
        int size = 0;
        for (FeedFormat format : FeedFormat.values()) {
            size += feeds.render(format, page).length();
        }
        size += new PageRenderer(settings).article(new FeedEntry(article, List.of("en"))).length();
        return size + Json.mapper().writeValueAsString(Report.of(new ArticleState("0000000000000000", "incoming/primer.txt", "0",
                UploadStatus.STORED, 1, null, "ar", "عنوان", "text", List.of(),
                Map.of("ar", new LanguageStatus(TranslationStatus.ORIGINAL, 1, null, null, 0, t)), List.of(), t))).length();
    }
}
