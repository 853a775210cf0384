package dev.tarjim.article;

import dev.tarjim.article.Block;
import dev.tarjim.article.BodyText;
import java.time.Instant;
import java.util.List;

/**
 * An article in one language as stored: the original, or one machine translation of it.
 *
 * @param id               the article id, shared by the original and all its translations, stable across revisions
 * @param language         BCP 47 language of this text
 * @param sourceLanguage   BCP 47 language of the original
 * @param title            headline in this language
 * @param summary          short summary in this language
 * @param blocks           the body in this language, in order
 * @param author           byline, or {@code null}
 * @param tags             subject tags (not translated)
 * @param published        first publication time (stable across revisions)
 * @param updated          time of this revision's text
 * @param revision         revision of the original this text belongs to (1, 2, ...)
 * @param sourceKey        the S3 key of the upload
 * @param contentHash      SHA-256 (hex) of the uploaded bytes of that revision
 * @param machineTranslated whether this text came from a translation engine
 * @param engine           the engine that produced it (e.g. {@code apertium 3.8}), or {@code null} for the original
 * @param withdrawn        whether the upload was deleted: the article is kept but must leave feeds
 * @param slug             a URL slug, or {@code null}
 * @param canonicalUrl     the original's canonical URL where the upload named one, or {@code null}
 * @param leadImage        the lead image (caption in this language), or {@code null}
 * @param review           for an editor's reviewed translation: who, when and what changed since, else {@code null}
 * @param embargo          while not yet released: the embargo (the text is stored but visible nowhere), else
 *                         {@code null}
 * @param corrections      correction notes of this and earlier revisions, newest first, in this language
 * @param idAuthority      the authority this text's ids were minted with when it was first stored ({@link #entryId()});
 *                         {@code null} for a text to be stored for the first time (the store mints it) and for texts
 *                         stored before ids were kept with them (their ids stay the {@link TagAuthority#LEGACY} ones)
 */
public record StoredArticle(
        String id,
        String language,
        String sourceLanguage,
        String title,
        String summary,
        List<Block> blocks,
        String author,
        List<String> tags,
        Instant published,
        Instant updated,
        long revision,
        String sourceKey,
        String contentHash,
        boolean machineTranslated,
        String engine,
        boolean withdrawn,
        String slug,
        String canonicalUrl,
        Block.Figure leadImage,
        Review review,
        Instant embargo,
        List<Correction> corrections,
        TagAuthority idAuthority) {

    public StoredArticle {
        blocks = List.copyOf(blocks);
        tags = tags == null ? List.of() : List.copyOf(tags);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    /** A text whose ids are not minted yet (or were minted before they were stored): see {@code idAuthority}. */
    public StoredArticle(String id, String language, String sourceLanguage, String title, String summary,
            List<Block> blocks, String author, List<String> tags, Instant published, Instant updated, long revision,
            String sourceKey, String contentHash, boolean machineTranslated, String engine, boolean withdrawn,
            String slug, String canonicalUrl, Block.Figure leadImage, Review review, Instant embargo,
            List<Correction> corrections) {
        this(id, language, sourceLanguage, title, summary, blocks, author, tags, published, updated, revision,
                sourceKey, contentHash, machineTranslated, engine, withdrawn, slug, canonicalUrl, leadImage, review,
                embargo, corrections, null);
    }

    /** A released text without corrections that is not a reviewed translation. */
    public StoredArticle(String id, String language, String sourceLanguage, String title, String summary,
            List<Block> blocks, String author, List<String> tags, Instant published, Instant updated, long revision,
            String sourceKey, String contentHash, boolean machineTranslated, String engine, boolean withdrawn,
            String slug, String canonicalUrl, Block.Figure leadImage) {
        this(id, language, sourceLanguage, title, summary, blocks, author, tags, published, updated, revision,
                sourceKey, contentHash, machineTranslated, engine, withdrawn, slug, canonicalUrl, leadImage, null,
                null, null);
    }

    /** A released text without corrections: a reviewed translation, or not ({@code review} null). */
    public StoredArticle(String id, String language, String sourceLanguage, String title, String summary,
            List<Block> blocks, String author, List<String> tags, Instant published, Instant updated, long revision,
            String sourceKey, String contentHash, boolean machineTranslated, String engine, boolean withdrawn,
            String slug, String canonicalUrl, Block.Figure leadImage, Review review) {
        this(id, language, sourceLanguage, title, summary, blocks, author, tags, published, updated, revision,
                sourceKey, contentHash, machineTranslated, engine, withdrawn, slug, canonicalUrl, leadImage, review,
                null, null);
    }

    /** A text that is not a reviewed translation, with its embargo and corrections (either may be null). */
    public StoredArticle(String id, String language, String sourceLanguage, String title, String summary,
            List<Block> blocks, String author, List<String> tags, Instant published, Instant updated, long revision,
            String sourceKey, String contentHash, boolean machineTranslated, String engine, boolean withdrawn,
            String slug, String canonicalUrl, Block.Figure leadImage, Instant embargo, List<Correction> corrections) {
        this(id, language, sourceLanguage, title, summary, blocks, author, tags, published, updated, revision,
                sourceKey, contentHash, machineTranslated, engine, withdrawn, slug, canonicalUrl, leadImage, null,
                embargo, corrections);
    }

    /**
     * The lineage of an editor's reviewed translation.
     *
     * @param reviewer         who reviewed it, or {@code null} when unknown
     * @param reviewedAt       when the review was applied
     * @param reviewedRevision the source revision the review was made from
     * @param machineBlocks    indexes of blocks machine-translated since (the source changed them), else empty
     * @param stale            whether the whole text is the review of an older revision, kept live because its
     *                         blocks cannot be matched to the new source's
     */
    public record Review(String reviewer, Instant reviewedAt, long reviewedRevision, List<Integer> machineBlocks,
            boolean stale) {
        public Review {
            machineBlocks = machineBlocks == null ? List.of() : List.copyOf(machineBlocks);
        }

        /** Whether the text is the review as it was made (nothing machine-translated or outdated since). */
        public boolean current() {
            return machineBlocks.isEmpty() && !stale;
        }
    }

    /** An article whose body is plain paragraphs, without canonical URL or lead image. */
    public StoredArticle(String id, String language, String sourceLanguage, String title, String summary,
            List<String> paragraphs, String author, List<String> tags, Instant published, Instant updated,
            long revision, String sourceKey, String contentHash, boolean machineTranslated, String engine,
            boolean withdrawn, String slug) {
        this(id, language, sourceLanguage, title, summary,
                paragraphs.stream().map(p -> (Block) Block.Paragraph.of(p)).toList(), author, tags, published,
                updated, revision, sourceKey, contentHash, machineTranslated, engine, withdrawn, slug, null, null, null,
                null, null);
    }

    /** The body as plain text, one string per block that has text (a view for checks and logs; renderers use the blocks). */
    public List<String> paragraphs() {
        return blocks.stream().map(BodyText::block).filter(s -> !s.isBlank()).toList();
    }

    /** Whether readers and partners may see it: neither withdrawn nor under an embargo not yet released. */
    public boolean visible() {
        return !withdrawn && embargo == null;
    }

    /** This text released from its embargo. */
    public StoredArticle released() {
        return new StoredArticle(id, language, sourceLanguage, title, summary, blocks, author, tags, published,
                updated, revision, sourceKey, contentHash, machineTranslated, engine, withdrawn, slug, canonicalUrl,
                leadImage, review, null, corrections, idAuthority);
    }

    /** This text with the authority its ids were minted with. */
    public StoredArticle withIdAuthority(TagAuthority authority) {
        return new StoredArticle(id, language, sourceLanguage, title, summary, blocks, author, tags, published,
                updated, revision, sourceKey, contentHash, machineTranslated, engine, withdrawn, slug, canonicalUrl,
                leadImage, review, embargo, corrections, authority);
    }

    /**
     * The entry's stable id in feeds, {@code tag:<authority>:article/<id>/<lang>}: minted once, when the text was
     * first stored, so it survives every revision and any later change of the configured authority.
     */
    public String entryId() {
        return (idAuthority == null ? TagAuthority.LEGACY : idAuthority).articleUri(id, language);
    }

    /** Whether this is the editor's original rather than a translation. */
    public boolean isOriginal() {
        return language.equals(sourceLanguage);
    }
}
