package dev.tarjim.article;

/**
 * Bounds on what one upload may contain, so a runaway file is refused with a reason instead of filling the table or
 * the translation budget.
 *
 * @param maxParagraphs       most body paragraphs an article may have
 * @param maxTitleChars       longest title, in characters
 * @param maxFrontMatterChars longest YAML front matter block, in characters (YAML is parsed only within it)
 */
public record ParseLimits(int maxParagraphs, int maxTitleChars, int maxFrontMatterChars) {

    public ParseLimits {
        if (maxParagraphs < 1 || maxTitleChars < 1 || maxFrontMatterChars < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** 5,000 paragraphs, 1,000-character titles, 64 KB of front matter. */
    public static ParseLimits defaults() {
        return new ParseLimits(5_000, 1_000, 64 * 1024);
    }
}
