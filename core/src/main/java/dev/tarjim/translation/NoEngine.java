package dev.tarjim.translation;

import java.util.List;
import java.util.Optional;

/**
 * No translation engine configured ({@code TRANSLATION_ENGINE=none}): every pair is honestly unsupported, and nothing
 * is ever sent anywhere. Editors' reviewed translations are still kept: a newsroom without a machine engine for a
 * language (Debian has no Apertium pair with Arabic) publishes its human translations all the same.
 */
public final class NoEngine implements TranslationEngine {
    static final String REASON = "no translation engine configured";

    @Override
    public String name() {
        return "none";
    }

    @Override
    public String version() {
        return "";
    }

    @Override
    public Optional<String> unsupportedReason(String sourceLang, String targetLang) {
        return Optional.of(REASON);
    }

    @Override
    public List<TranslatedSegment> translate(String sourceLang, String targetLang, List<String> segments) {
        throw new UnsupportedLanguagePairException(name(), sourceLang, targetLang, REASON, null);
    }
}
