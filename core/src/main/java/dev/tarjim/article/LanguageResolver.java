package dev.tarjim.article;

import java.util.Optional;

/**
 * Decides an article's source language: the language the upload declares wins (normalised to BCP 47), else the
 * detector's answer on the title and body.
 */
public final class LanguageResolver {

    /** Detection reads at most this much of the body: the first paragraphs decide as well as the whole text. */
    private static final int DETECTION_CHARS = 4_000;

    private final LanguageDetector detector;

    public LanguageResolver(LanguageDetector detector) {
        this.detector = detector;
    }

    /** A resolver backed by the {@link CompactLanguageDetector}. */
    public static LanguageResolver standard() {
        return new LanguageResolver(new CompactLanguageDetector());
    }

    /**
     * The article's language as a BCP 47 primary subtag ({@code ar}, {@code en}...).
     *
     * @throws UnsupportedUploadException when the declared language is not a language, or when none is declared and
     *                                    the text does not tell
     */
    public String resolve(ParsedArticle article) throws UnsupportedUploadException {
        if (article.declaredLanguage() != null && !article.declaredLanguage().isBlank()) {
            return LanguageTags.require("lang", article.declaredLanguage());
        }
        return detector.detect(sample(article)).orElseThrow(() -> new UnsupportedUploadException(
                "Could not detect the language; declare it with lang: in front matter"));
    }

    /**
     * A warning for the editor when the declared language and the text disagree: the declaration still wins (an
     * editor may know better than a detector), but a wrong {@code lang:} would send the article to the wrong feed
     * and the wrong translation pairs.
     *
     * @param resolved the language {@link #resolve} answered
     */
    public Optional<String> contradiction(ParsedArticle article, String resolved) {
        if (article.declaredLanguage() == null || article.declaredLanguage().isBlank()) {
            return Optional.empty();
        }
        return detector.detect(sample(article)).filter(detected -> !detected.equals(resolved))
                .map(detected -> "The article declares lang: " + resolved + " but its text reads as " + detected
                        + "; it was stored as " + resolved + ". Correct lang: and upload again if that is wrong.");
    }

    private static String sample(ParsedArticle article) {
        StringBuilder sample = new StringBuilder(article.title());
        for (Block block : article.blocks()) {
            if (sample.length() >= DETECTION_CHARS) {
                break;
            }
            if (!(block instanceof Block.Preformatted)) {
                // Code is not language; the text of every other block is.
                sample.append('\n').append(BodyText.block(block));
            }
        }
        return sample.toString();
    }
}
