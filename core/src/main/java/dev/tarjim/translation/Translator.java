package dev.tarjim.translation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Translates an article (headline and paragraphs) into target languages, asking the engine only for segments the
 * translation memory does not hold: an unchanged re-upload costs no engine call, a changed paragraph one call per
 * language.
 *
 * <p>Per language, the engine gets at most one call, carrying every segment the memory missed; its translations
 * are stored before the outcome is returned, so a retry after a later language's transient failure does not pay
 * for this one again.
 */
public final class Translator {
    private final TranslationEngine engine;
    private final TranslationMemory memory;
    private final Clock clock;

    public Translator(TranslationEngine engine, TranslationMemory memory, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The engine this translator uses. */
    public TranslationEngine engine() {
        return engine;
    }

    /**
     * Translates into each target in order; the source language itself is skipped (it is never its own target).
     *
     * @return one outcome per target other than the source, keyed by target, in the order given
     * @throws TranslationUnavailableException when the engine or the memory does not answer (retry the event)
     */
    public Map<String, TranslationOutcome> translateAll(String sourceLang, List<String> targets, String title,
            List<String> paragraphs) {
        Map<String, TranslationOutcome> outcomes = new LinkedHashMap<>();
        for (String target : targets) {
            if (!sameLanguage(sourceLang, target) && !outcomes.containsKey(target)) {
                outcomes.put(target, translate(sourceLang, target, title, paragraphs));
            }
        }
        return outcomes;
    }

    /**
     * Translates an article into one target language.
     *
     * @param sourceLang BCP 47 code of the article's language
     * @param targetLang BCP 47 code of the target, not the source
     * @param title      the headline
     * @param paragraphs the body
     * @return translated, unsupported (with the engine's reason) or failed (with the engine's message)
     * @throws TranslationUnavailableException when the engine or the memory does not answer (retry the event)
     */
    public TranslationOutcome translate(String sourceLang, String targetLang, String title, List<String> paragraphs) {
        if (sameLanguage(sourceLang, targetLang)) {
            throw new IllegalArgumentException("the source language is never a target: " + sourceLang);
        }
        Optional<String> unsupported = engine.unsupportedReason(sourceLang, targetLang);
        if (unsupported.isPresent()) {
            return new TranslationOutcome.Unsupported(targetLang, engine.name(), unsupported.get());
        }
        List<String> segments = new ArrayList<>(paragraphs.size() + 1);
        segments.add(title);
        segments.addAll(paragraphs);
        Set<String> wanted = new LinkedHashSet<>();
        for (String segment : segments) {
            if (!segment.isBlank()) {
                wanted.add(segment);
            }
        }
        TranslationMemory.Scope scope = new TranslationMemory.Scope(sourceLang, targetLang, engine.name());
        Map<String, TranslatedSegment> known = new LinkedHashMap<>(memory.lookup(scope, wanted));
        int fromMemory = known.size();
        List<String> misses = new ArrayList<>();
        for (String segment : wanted) {
            if (!known.containsKey(segment)) {
                misses.add(segment);
            }
        }
        if (!misses.isEmpty()) {
            List<TranslatedSegment> fresh;
            try {
                fresh = engine.translate(sourceLang, targetLang, misses);
            } catch (UnsupportedLanguagePairException e) {
                return new TranslationOutcome.Unsupported(targetLang, engine.name(), e.getMessage());
            } catch (TranslationFailedException e) {
                return new TranslationOutcome.Failed(targetLang, engine.name(), e.getMessage());
            }
            if (fresh.size() != misses.size()) {
                return new TranslationOutcome.Failed(targetLang, engine.name(), engine.name() + " returned "
                        + fresh.size() + " segments for " + misses.size());
            }
            Map<String, TranslatedSegment> learned = new LinkedHashMap<>();
            for (int i = 0; i < misses.size(); i++) {
                learned.put(misses.get(i), fresh.get(i));
            }
            memory.store(scope, learned);
            known.putAll(learned);
        }
        List<String> translated = new ArrayList<>(segments.size());
        int unknownWords = 0;
        for (String segment : segments) {
            TranslatedSegment translation = known.get(segment);
            translated.add(translation == null ? segment : translation.text());
            unknownWords += translation == null ? 0 : translation.unknownWords();
        }
        return new TranslationOutcome.Translated(targetLang, translated.get(0), translated.subList(1, translated.size()),
                engine.name(), engine.version(sourceLang, targetLang), clock.instant(), unknownWords, fromMemory,
                misses.size());
    }

    private static boolean sameLanguage(String a, String b) {
        return a.replace('_', '-').equalsIgnoreCase(b.replace('_', '-'));
    }
}
