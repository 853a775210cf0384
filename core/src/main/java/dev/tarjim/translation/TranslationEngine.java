package dev.tarjim.translation;

import java.util.List;
import java.util.Optional;

/**
 * A machine-translation engine: the port every adapter (Amazon Translate, Apertium) implements.
 *
 * <p>Language codes at this port are BCP 47 ({@code en}, {@code zh-TW}); each adapter maps them to its own codes.
 * Implementations translate for real: the running system never uses a fake engine.
 */
public interface TranslationEngine {

    /** The engine's stable name, stored with each translation and part of the memory key: {@code apertium}. */
    String name();

    /** The engine's version or model, as shown in the editor's report. */
    String version();

    /**
     * The engine's version or model for one pair; engines with one model per pair (Apertium) name it here.
     *
     * @param sourceLang BCP 47 code of the source
     * @param targetLang BCP 47 code of the target
     */
    default String version(String sourceLang, String targetLang) {
        return version();
    }

    /**
     * Why the engine cannot translate this pair, when it knows so before trying; empty when it can or cannot tell.
     *
     * @throws TranslationUnavailableException when finding out needs the engine and it does not answer
     */
    Optional<String> unsupportedReason(String sourceLang, String targetLang);

    /**
     * Translates segments one to one, in order; an empty segment stays empty.
     *
     * <p>A segment is one piece of an article as an inline HTML fragment ({@link EngineFragment}): escaped text,
     * {@code <em>}, {@code <strong>}, {@code <br>}, links as {@code <a id="l1">} and code placeholders as
     * {@code <code id="c1" translate="no"></code>}. The engine translates the text and keeps the tags and their
     * ids; the translator checks that it did.
     *
     * @return one {@link TranslatedSegment} per input segment, in the same order
     * @throws UnsupportedLanguagePairException when the engine has no model for the pair (permanent)
     * @throws TranslationUnavailableException  when the engine did not answer, after retries (transient)
     * @throws TranslationFailedException       when the engine refused the request for another lasting reason
     */
    List<TranslatedSegment> translate(String sourceLang, String targetLang, List<String> segments);
}
