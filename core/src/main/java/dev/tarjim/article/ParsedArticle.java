package dev.tarjim.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as extracted from one upload, before it is stored: the editor's words, boilerplate removed.
 *
 * @param format           which parser read it: {@code text}, {@code markdown}, {@code html} or {@code ninjs}
 * @param title            the headline (never the site's name)
 * @param summary          the standfirst: the declared one, else the first paragraph (shortened)
 * @param blocks           the body: paragraphs, subheads, lists, quotes, figures..., in order, never empty
 * @param author           the byline, or {@code null}
 * @param tags             subject tags, possibly empty
 * @param published        the declared publication time, or {@code null} (the store then uses the upload time)
 * @param declaredLanguage the BCP 47 language the upload declares, or {@code null} (then it is detected)
 * @param slug             a declared slug, or {@code null}
 * @param targets          per-article target languages (BCP 47), or {@code null} for the configured default
 * @param updated          the declared time of the last update, or {@code null}
 * @param canonicalUrl     the article's canonical URL where the upload names one, or {@code null}
 * @param leadImage        the lead image (its caption may be empty), or {@code null}
 * @param warnings         what the editor should know although the upload was accepted (e.g. a title made up
 *                         from the first sentence), possibly empty
 * @param translationOf    for an editor's reviewed translation: the source's article id or upload key (front matter
 *                         {@code translation-of:}), else {@code null}
 * @param reviewer         who reviewed it (front matter {@code reviewer:}), or {@code null}
 * @param embargo          the declared embargo (not visible before), or {@code null}; a publication time in the future
 *                         is not an embargo
 * @param correction       the correction note this revision declares, or {@code null}
 */
public record ParsedArticle(
        String format,
        String title,
        String summary,
        List<Block> blocks,
        String author,
        List<String> tags,
        Instant published,
        String declaredLanguage,
        String slug,
        List<String> targets,
        Instant updated,
        String canonicalUrl,
        Block.Figure leadImage,
        List<String> warnings,
        String translationOf,
        String reviewer,
        Instant embargo,
        String correction) {

    public ParsedArticle {
        blocks = List.copyOf(blocks);
        tags = tags == null ? List.of() : List.copyOf(tags);
        targets = targets == null ? null : List.copyOf(targets);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** An article that is neither a reviewed translation nor embargoed, and declares no correction. */
    public ParsedArticle(String format, String title, String summary, List<Block> blocks, String author,
            List<String> tags, Instant published, String declaredLanguage, String slug, List<String> targets,
            Instant updated, String canonicalUrl, Block.Figure leadImage, List<String> warnings) {
        this(format, title, summary, blocks, author, tags, published, declaredLanguage, slug, targets, updated,
                canonicalUrl, leadImage, warnings, null, null, null, null);
    }

    /** A reviewed translation, or an article that is none ({@code translationOf} null). */
    public ParsedArticle(String format, String title, String summary, List<Block> blocks, String author,
            List<String> tags, Instant published, String declaredLanguage, String slug, List<String> targets,
            Instant updated, String canonicalUrl, Block.Figure leadImage, List<String> warnings,
            String translationOf, String reviewer) {
        this(format, title, summary, blocks, author, tags, published, declaredLanguage, slug, targets, updated,
                canonicalUrl, leadImage, warnings, translationOf, reviewer, null, null);
    }

    /** An article with its scheduling fields (embargo and correction, either may be null). */
    public ParsedArticle(String format, String title, String summary, List<Block> blocks, String author,
            List<String> tags, Instant published, String declaredLanguage, String slug, List<String> targets,
            Instant updated, String canonicalUrl, Block.Figure leadImage, List<String> warnings,
            Instant embargo, String correction) {
        this(format, title, summary, blocks, author, tags, published, declaredLanguage, slug, targets, updated,
                canonicalUrl, leadImage, warnings, null, null, embargo, correction);
    }

    /** An article whose body is plain paragraphs (the formats that carry no structure). */
    public ParsedArticle(String format, String title, String summary, List<String> paragraphs, String author,
            List<String> tags, Instant published, String declaredLanguage, String slug, List<String> targets) {
        this(format, title, summary, paragraphs.stream().map(p -> (Block) Block.Paragraph.of(p)).toList(), author,
                tags, published, declaredLanguage, slug, targets, null, null, null, List.of());
    }

    /** The body as plain text, one string per block that has text (a view for checks and logs; renderers use the blocks). */
    public List<String> paragraphs() {
        return blocks.stream().map(BodyText::block).filter(s -> !s.isBlank()).toList();
    }
}
