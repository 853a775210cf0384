package dev.tarjim.translation;

/**
 * The engine has no model for a language pair: permanent, recorded as status {@code unsupported}, never retried.
 */
public final class UnsupportedLanguagePairException extends TranslationException {
    private final String engine;
    private final String sourceLang;
    private final String targetLang;

    /**
     * @param engine     the engine's name
     * @param sourceLang BCP 47 code of the source
     * @param targetLang BCP 47 code of the target
     * @param reason     what the editor reads, e.g. {@code apertium: no ar→en pair}
     */
    public UnsupportedLanguagePairException(String engine, String sourceLang, String targetLang, String reason,
            Throwable cause) {
        super(reason, cause);
        this.engine = engine;
        this.sourceLang = sourceLang;
        this.targetLang = targetLang;
    }

    public String engine() {
        return engine;
    }

    public String sourceLang() {
        return sourceLang;
    }

    public String targetLang() {
        return targetLang;
    }
}
