package dev.tarjim.article;

import java.time.Instant;
import java.util.List;

/**
 * An editor's reviewed translation of one article into one language, with what it was made from: the source's
 * title and blocks at that revision, so that a later source revision can keep the reviewed text of the blocks it
 * left unchanged.
 *
 * @param id             the source article's id
 * @param language       the language of the reviewed text
 * @param uploadKey      the S3 key of the reviewed upload
 * @param reviewer       who reviewed it, or {@code null} when unknown
 * @param reviewedAt     when the review was applied
 * @param sourceRevision the source revision it translates
 * @param sourceTitle    the source's title at that revision
 * @param sourceBlocks   the source's blocks at that revision
 * @param title          the reviewed title
 * @param summary        the reviewed summary, or {@code null}
 * @param blocks         the reviewed blocks
 * @param leadImage      the reviewed lead image (caption in this language), or {@code null}
 */
public record TranslationReview(String id, String language, String uploadKey, String reviewer, Instant reviewedAt,
        long sourceRevision, String sourceTitle, List<Block> sourceBlocks, String title, String summary,
        List<Block> blocks, Block.Figure leadImage) {

    public TranslationReview {
        sourceBlocks = List.copyOf(sourceBlocks);
        blocks = List.copyOf(blocks);
    }
}
