package dev.tarjim.translation;

import dev.tarjim.article.Block;
import dev.tarjim.article.Inline;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Translates an article (headline and body blocks) into target languages piece by piece, keeping its structure:
 * every translatable piece of every block ({@link Block#texts()}: paragraphs, subheads, list items, quotes,
 * captions, alt text, table cells) goes to the engine as an {@link EngineFragment}, so links keep their href and
 * emphasis stays around the translated words, while URLs and code never reach the engine.
 *
 * <p>The translation memory holds one entry per piece (its engine-bound fragment), so an unchanged re-upload costs
 * no engine call and a changed paragraph one piece per language. Per language, the engine gets one call carrying
 * every piece the memory missed, and a second one only for pieces whose answer lost their markup's structure
 * (a link or code placeholder missing or doubled): those are translated as plain text and counted as
 * {@linkplain TranslationOutcome.Translated#markupFallbacks() markup fallbacks}; words are never lost and links
 * never invented. Translations are stored before the outcome is returned, so a retry after a later language's
 * transient failure does not pay for this one again.
 */
public final class Translator {
    private final TranslationEngine engine;
    private final TranslationMemory memory;
    private final Clock clock;
    private final TranslationBudget budget;

    public Translator(TranslationEngine engine, TranslationMemory memory, Clock clock) {
        this(engine, memory, clock, TranslationBudget.unlimited());
    }

    /**
     * A translator whose engine calls are paid from a daily character budget.
     *
     * @param budget reserved before every engine call with the characters the call sends (placeholders included)
     */
    public Translator(TranslationEngine engine, TranslationMemory memory, Clock clock, TranslationBudget budget) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budget = Objects.requireNonNull(budget, "budget");
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
            List<Block> blocks) {
        Map<String, TranslationOutcome> outcomes = new LinkedHashMap<>();
        for (String target : targets) {
            if (!sameLanguage(sourceLang, target) && !outcomes.containsKey(target)) {
                outcomes.put(target, translate(sourceLang, target, title, blocks));
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
     * @param blocks     the body
     * @return translated (blocks of the same structure), unsupported (with the engine's reason) or failed (with the
     *         engine's message)
     * @throws TranslationUnavailableException when the engine or the memory does not answer (retry the event)
     * @throws BudgetExhaustedException when the engine call would cross the daily character cap (nothing was sent)
     */
    public TranslationOutcome translate(String sourceLang, String targetLang, String title, List<Block> blocks) {
        if (sameLanguage(sourceLang, targetLang)) {
            throw new IllegalArgumentException("the source language is never a target: " + sourceLang);
        }
        Optional<String> unsupported = engine.unsupportedReason(sourceLang, targetLang);
        if (unsupported.isPresent()) {
            return new TranslationOutcome.Unsupported(targetLang, engine.name(), unsupported.get());
        }
        List<EngineFragment> fragments = new ArrayList<>();
        fragments.add(EngineFragment.of(Inline.text(title)));
        for (Block block : blocks) {
            block.texts().forEach(piece -> fragments.add(EngineFragment.of(piece)));
        }
        TranslationMemory.Scope scope = new TranslationMemory.Scope(sourceLang, targetLang, engine.name());
        Counts counts = new Counts();
        List<List<Inline>> translated = new ArrayList<>(fragments.size());
        try {
            Set<String> rich = new LinkedHashSet<>();
            for (EngineFragment f : fragments) {
                if (f.translatable()) {
                    rich.add(f.rich());
                }
            }
            Map<String, TranslatedSegment> answers = known(scope, rich, counts);
            // Pieces whose answer lost its structure: translated again as plain text.
            Set<String> plain = new LinkedHashSet<>();
            List<Optional<List<Inline>>> restored = new ArrayList<>(fragments.size());
            for (EngineFragment f : fragments) {
                Optional<List<Inline>> r = f.translatable()
                        ? f.restore(answers.get(f.rich()).text()) : Optional.of(f.source());
                restored.add(r);
                if (r.isEmpty() && f.hasMarkup()) {
                    plain.add(f.plain());
                }
            }
            Map<String, TranslatedSegment> plainAnswers = plain.isEmpty() ? Map.of() : known(scope, plain, counts);
            for (int i = 0; i < fragments.size(); i++) {
                EngineFragment f = fragments.get(i);
                if (!f.translatable()) {
                    translated.add(f.source());
                    continue;
                }
                TranslatedSegment answer = answers.get(f.rich());
                if (restored.get(i).isPresent()) {
                    translated.add(restored.get(i).get());
                } else {
                    counts.fallbacks++;
                    answer = f.hasMarkup() ? plainAnswers.get(f.plain()) : answer;
                    translated.add(f.restorePlain(answer.text()));
                }
                counts.unknownWords += answer.unknownWords();
            }
        } catch (UnsupportedLanguagePairException e) {
            return new TranslationOutcome.Unsupported(targetLang, engine.name(), e.getMessage());
        } catch (TranslationFailedException e) {
            return new TranslationOutcome.Failed(targetLang, engine.name(), e.getMessage());
        }
        Iterator<List<Inline>> pieces = translated.iterator();
        String translatedTitle = Inline.plain(pieces.next());
        List<Block> translatedBlocks = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            translatedBlocks.add(block.map(source -> pieces.next()));
        }
        return new TranslationOutcome.Translated(targetLang, translatedTitle, translatedBlocks, engine.name(),
                engine.version(sourceLang, targetLang), clock.instant(), counts.unknownWords, counts.fromMemory,
                counts.translated, counts.fallbacks, counts.characters);
    }

    /**
     * Teaches the memory an editor's reviewed translation, piece by piece (title with title, each block's pieces
     * with the same block's), so that a later machine run reuses the reviewed words. Blocks whose kinds or piece
     * counts differ teach nothing, nor do pieces whose reviewed links or code do not match the source's.
     *
     * @return how many pieces the memory learned
     * @throws TranslationUnavailableException when the memory does not answer
     */
    public int learn(String sourceLang, String targetLang, String sourceTitle, List<Block> source,
            String reviewedTitle, List<Block> reviewed) {
        Map<String, TranslatedSegment> learned = new LinkedHashMap<>();
        teach(Inline.text(sourceTitle), Inline.text(reviewedTitle), learned);
        for (int i = 0; i < Math.min(source.size(), reviewed.size()); i++) {
            List<List<Inline>> from = source.get(i).texts();
            List<List<Inline>> to = reviewed.get(i).texts();
            if (source.get(i).kind() != reviewed.get(i).kind() || from.size() != to.size()) {
                continue;
            }
            for (int p = 0; p < from.size(); p++) {
                teach(from.get(p), to.get(p), learned);
            }
        }
        if (!learned.isEmpty()) {
            memory.store(new TranslationMemory.Scope(sourceLang, targetLang, engine.name()), learned);
        }
        return learned.size();
    }

    private static void teach(List<Inline> source, List<Inline> reviewed, Map<String, TranslatedSegment> learned) {
        EngineFragment from = EngineFragment.of(source);
        if (!from.translatable() || Inline.plain(reviewed).isBlank()) {
            return;
        }
        String answer = EngineFragment.of(reviewed).rich();
        if (from.restore(answer).isPresent()) {
            learned.put(from.rich(), new TranslatedSegment(answer, 0));
        }
    }

    private static final class Counts {
        int fromMemory;
        int translated;
        int unknownWords;
        int fallbacks;
        long characters;
    }

    /**
     * The translations of the given segments: from the memory where it has them, else from one engine call whose
     * answers are stored at once.
     */
    private Map<String, TranslatedSegment> known(TranslationMemory.Scope scope, Collection<String> wanted,
            Counts counts) {
        Map<String, TranslatedSegment> known = new LinkedHashMap<>(memory.lookup(scope, wanted));
        counts.fromMemory += known.size();
        List<String> misses = new ArrayList<>();
        for (String segment : wanted) {
            if (!known.containsKey(segment)) {
                misses.add(segment);
            }
        }
        if (misses.isEmpty()) {
            return known;
        }
        // Paid before the call, all or nothing: a language that would cross the cap sends nothing (it is deferred).
        long characters = 0;
        for (String segment : misses) {
            characters += segment.codePointCount(0, segment.length());
        }
        if (!budget.reserve(characters)) {
            throw new BudgetExhaustedException(characters);
        }
        counts.characters += characters;
        List<TranslatedSegment> fresh = engine.translate(scope.sourceLang(), scope.targetLang(), misses);
        if (fresh.size() != misses.size()) {
            throw new TranslationFailedException(engine.name() + " returned " + fresh.size() + " segments for "
                    + misses.size(), null);
        }
        Map<String, TranslatedSegment> learned = new LinkedHashMap<>();
        for (int i = 0; i < misses.size(); i++) {
            learned.put(misses.get(i), fresh.get(i));
        }
        memory.store(scope, learned);
        known.putAll(learned);
        counts.translated += misses.size();
        return known;
    }

    private static boolean sameLanguage(String a, String b) {
        return a.replace('_', '-').equalsIgnoreCase(b.replace('_', '-'));
    }
}
