package dev.tarjim.translation;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * What was translated before, per segment: keyed by source language, target language, engine and the hash of
 * the {@linkplain SegmentKey normalised segment}, so that a re-upload only sends changed pieces to the engine. A
 * segment is one translatable piece of an article as the engine receives it ({@link EngineFragment#rich()}, or its
 * plain form after a fallback), so an edited paragraph costs one segment per language.
 */
public interface TranslationMemory {

    /** Finds the known translations of the given segments; segments not found are absent from the map. */
    Map<String, TranslatedSegment> lookup(Scope scope, Collection<String> segments);

    /** Keeps translations, keyed by their source segment; implementations may skip what they cannot hold. */
    void store(Scope scope, Map<String, TranslatedSegment> translations);

    /**
     * The part of the memory one language pair of one engine owns.
     *
     * @param sourceLang BCP 47 code of the source
     * @param targetLang BCP 47 code of the target
     * @param engine     the engine's {@link TranslationEngine#name() name}
     */
    record Scope(String sourceLang, String targetLang, String engine) {
        public Scope {
            Objects.requireNonNull(sourceLang, "sourceLang");
            Objects.requireNonNull(targetLang, "targetLang");
            Objects.requireNonNull(engine, "engine");
        }

        /** The table's partition key for this scope: {@code TM#<src>#<tgt>#<engine>}. */
        public String partitionKey() {
            return "TM#" + sourceLang + "#" + targetLang + "#" + engine;
        }
    }
}
