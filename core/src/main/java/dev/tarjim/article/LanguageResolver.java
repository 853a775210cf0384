package dev.tarjim.article;

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
        StringBuilder sample = new StringBuilder(article.title());
        for (String paragraph : article.paragraphs()) {
            if (sample.length() >= DETECTION_CHARS) {
                break;
            }
            sample.append('\n').append(paragraph);
        }
        return detector.detect(sample.toString()).orElseThrow(() -> new UnsupportedUploadException(
                "Could not detect the language; declare it with lang: in front matter"));
    }
}
