package dev.tarjim.ingest;

import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.Block;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.TranslationReview;
import dev.tarjim.article.TranslationReviews;
import dev.tarjim.article.TranslationStatus;
import dev.tarjim.syndication.ChangeKind;
import dev.tarjim.syndication.ChangeLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Translations where an editor's review wins over the machine. A language without a review is translated by the
 * engine ({@link EngineTranslations}). A reviewed language shows the review as made while the source stays at the
 * revision it was made from; once the source moves on, blocks the source left unchanged keep their reviewed text
 * and changed or new ones are machine-translated ({@link ReviewMerge}), the language {@code needs-review}. Where
 * the review does not match its source block for block, the reviewed text of the older revision stays live, whole,
 * and the language {@code needs-review} until a new review arrives.
 *
 * <p>Every text carries the source revision it was made from ({@link StoredArticle#revision()}): the live one for a
 * merged text, the reviewed one for a reviewed text kept whole. Callers hold the source article's lease.
 */
public final class ReviewedTranslations implements Translations {
    private final EngineTranslations engine;
    private final TranslationReviews reviews;
    private final ArticleRepository store;
    private final ChangeLog changeLog;
    private final Clock clock;

    public ReviewedTranslations(EngineTranslations engine, TranslationReviews reviews, ArticleRepository store,
            ChangeLog changeLog, Clock clock) {
        this.engine = engine;
        this.reviews = reviews;
        this.store = store;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    @Override
    public LanguageStatus translate(StoredArticle original, String target, String sequencer) {
        Optional<TranslationReview> review = reviews.review(original.id(), target);
        return review.isPresent() ? apply(original, review.get(), sequencer)
                : engine.translate(original, target, sequencer);
    }

    @Override
    public LanguageStatus review(StoredArticle original, TranslationReview review, String sequencer) {
        reviews.put(review);
        if (ReviewMerge.sameStructure(review.sourceBlocks(), review.blocks())) {
            engine.learn(original.language(), review);
        }
        return apply(original, review, sequencer);
    }

    @Override
    public Optional<LanguageStatus> dropReview(StoredArticle original, String language, String sequencer) {
        if (reviews.review(original.id(), language).isEmpty()) {
            return Optional.empty();
        }
        reviews.delete(original.id(), language);
        return Optional.of(engine.translate(original, language, sequencer));
    }

    private LanguageStatus apply(StoredArticle original, TranslationReview review, String sequencer) {
        String lang = review.language();
        if (review.sourceRevision() == original.revision()) {
            put(text(original, review, review.title(), review.summary(), review.blocks(), review.leadImage(), null,
                    original.revision(), new StoredArticle.Review(review.reviewer(), review.reviewedAt(),
                            review.sourceRevision(), List.of(), false)), sequencer);
            return new LanguageStatus(TranslationStatus.REVIEWED, original.revision(), null, null, 0,
                    review.reviewedAt(), review.reviewer(), List.of());
        }
        if (!ReviewMerge.sameStructure(review.sourceBlocks(), review.blocks())) {
            return keepWhole(original, review, sequencer, "the reviewed translation of revision "
                    + review.sourceRevision() + " does not match its source block for block; it stays live, whole,"
                    + " until a review of revision " + original.revision() + " arrives");
        }
        EngineTranslations.Machine machine = engine.machine(original, lang);
        if (machine.text() == null) {
            return keepWhole(original, review, sequencer, "the changed blocks could not be machine-translated ("
                    + machine.status().detail() + "); the reviewed translation of revision "
                    + review.sourceRevision() + " stays live, whole");
        }
        StoredArticle mt = machine.text();
        ReviewMerge.Merged merged = ReviewMerge.merge(review.sourceBlocks(), review.blocks(), original.blocks(),
                mt.blocks()).orElseThrow();
        boolean sameTitle = review.sourceTitle().equals(original.title());
        boolean sameLead = review.leadImage() != null && original.leadImage() != null
                && review.leadImage().src().equals(original.leadImage().src());
        StoredArticle.Review lineage = new StoredArticle.Review(review.reviewer(), review.reviewedAt(),
                review.sourceRevision(), merged.changed(), false);
        put(text(original, review, sameTitle ? review.title() : mt.title(), null, merged.blocks(),
                sameLead ? review.leadImage() : mt.leadImage(), mt.engine(), original.revision(), lineage), sequencer);
        if (merged.changed().isEmpty() && sameTitle) {
            return new LanguageStatus(TranslationStatus.REVIEWED, original.revision(), null,
                    "the source's changes since revision " + review.sourceRevision() + " left every reviewed block"
                            + " as it was", 0, review.reviewedAt(), review.reviewer(), List.of());
        }
        return new LanguageStatus(TranslationStatus.NEEDS_REVIEW, original.revision(), mt.engine(),
                "machine-translated since the review of revision " + review.sourceRevision() + ": "
                        + (merged.changed().isEmpty() ? "" : "blocks " + merged.changed())
                        + (sameTitle ? "" : (merged.changed().isEmpty() ? "" : " and ") + "the title"),
                machine.status().unknownWords(), clock.instant(), review.reviewer(), merged.changed());
    }

    /** The reviewed text of the older revision, kept live whole (marked stale); the language needs review. */
    private LanguageStatus keepWhole(StoredArticle original, TranslationReview review, String sequencer,
            String detail) {
        put(text(original, review, review.title(), review.summary(), review.blocks(), review.leadImage(), null,
                review.sourceRevision(), new StoredArticle.Review(review.reviewer(), review.reviewedAt(),
                        review.sourceRevision(), List.of(), true)), sequencer);
        return new LanguageStatus(TranslationStatus.NEEDS_REVIEW, original.revision(), null, detail, 0,
                clock.instant(), review.reviewer(), List.of());
    }

    private StoredArticle text(StoredArticle original, TranslationReview review, String title, String summary,
            List<Block> blocks, Block.Figure leadImage, String engineName, long revision,
            StoredArticle.Review lineage) {
        Block.Figure lead = leadImage != null ? leadImage
                : store.article(original.id(), review.language()).map(StoredArticle::leadImage).orElse(null);
        return new StoredArticle(original.id(), review.language(), original.language(), title,
                summary != null ? summary : EngineTranslations.summaryOf(blocks, title), blocks, original.author(),
                original.tags(), original.published(), clock.instant(), revision, original.sourceKey(),
                original.contentHash(), false, engineName, false, original.slug(), original.canonicalUrl(),
                original.leadImage() == null ? null : lead, lineage);
    }

    private void put(StoredArticle text, String sequencer) {
        if (store.putArticle(text, sequencer)) {
            changeLog.append(text.language(), text.id(), text.revision(), ChangeKind.UPSERT);
        }
    }
}
