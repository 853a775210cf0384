package dev.tarjim.translation;

import dev.tarjim.article.Block;
import dev.tarjim.emulators.Apy;
import dev.tarjim.testing.DynamoTable;
import dev.tarjim.emulators.Ports;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Measures what the translation memory saves when a 20-paragraph English article is re-uploaded with one
 * paragraph changed: engine calls, segments sent (for Apertium, one APy request each) and wall time, with the
 * memory (DynamoDB on dynalite) and without, against the real APy (en→es).
 *
 * <p>Run: {@code mvn -q -o -pl core -am test-compile -Pbench} (the {@code bench} profile runs this main class).
 */
public final class TranslationMemoryBenchmark {
    private static final int RUNS = 7;
    private static final String[] SUBJECTS = {"The president", "The foreign minister", "The delegation",
        "The party secretary", "The ambassador", "The spokesman", "The committee", "The government",
        "The prime minister", "The council"};
    private static final String[] ACTIONS = {"sent a letter to the meeting", "welcomed the new agreement",
        "spoke about trade between the two countries", "visited the capital last week",
        "praised the cooperation of both parties", "announced a plan for new railways",
        "met the leaders of the regional parties", "discussed the economy and the environment",
        "signed a declaration on energy", "opened the conference in the morning"};

    private TranslationMemoryBenchmark() {
    }

    public static void main(String[] args) {
        if (!Apy.installed()) {
            System.out.println("apertium-apy is not installed: nothing to measure");
            return;
        }
        try (Apy apy = Apy.start(Ports.free()); DynamoTable db = DynamoTable.start()) {
            ApertiumEngine apertium = new ApertiumEngine(apy.endpoint());
            apertium.translate("en", "es", List.of("The pipeline starts on the first call.")); // warm APy's pair
            List<Block> article = article();
            String title = "The president sent a letter to the meeting of the two parties";

            DynamoTranslationMemory memory =
                    new DynamoTranslationMemory(db.dynamo, db.newTable(), Clock.systemUTC());
            Result with = measure("with memory (DynamoDB)", apertium, memory, title, article);
            Result without = measure("without memory", apertium, new Forgetful(), title, article);

            System.out.println();
            System.out.printf("Re-upload of a %d-paragraph article with one paragraph changed, en→es, APy %s,"
                    + " median of %d runs%n", article.size(), apertium.version("en", "es"), RUNS);
            System.out.printf("%-24s %12s %24s %14s%n", "", "engine calls", "segments (APy requests)",
                    "wall time ms");
            for (Result r : List.of(with, without)) {
                System.out.printf("%-24s %12d %24d %14.1f%n", r.label(), r.calls(), r.segments(), r.medianMillis());
            }
            System.out.println("Unchanged re-upload (one run):");
            for (Result r : List.of(with, without)) {
                System.out.printf("%-24s %12d %24d %14.1f%n", r.label(), r.unchangedCalls(), r.unchangedSegments(),
                        r.unchangedMillis());
            }
            System.out.printf("first upload (empty memory): %.1f ms; speed-up of the re-upload: %.1fx%n",
                    with.firstUploadMillis(), without.medianMillis() / with.medianMillis());
        }
    }

    private record Result(String label, int calls, int segments, double medianMillis, double firstUploadMillis,
            int unchangedCalls, int unchangedSegments, double unchangedMillis) {
    }

    private static Result measure(String label, ApertiumEngine apertium, TranslationMemory memory, String title,
            List<Block> article) {
        CountingEngine engine = new CountingEngine(apertium);
        Translator translator = new Translator(engine, memory, Clock.systemUTC());
        long start = System.nanoTime();
        translator.translate("en", "es", title, article);
        double firstUpload = (System.nanoTime() - start) / 1e6;
        double[] millis = new double[RUNS];
        int calls = 0;
        int segments = 0;
        for (int run = 0; run < RUNS; run++) {
            List<Block> edited = new ArrayList<>(article);
            edited.set(run % article.size(), Block.Paragraph.of("In run " + run + ", the editor rewrote this "
                    + "paragraph about the meeting of the delegations."));
            engine.reset();
            start = System.nanoTime();
            TranslationOutcome outcome = translator.translate("en", "es", title, edited);
            millis[run] = (System.nanoTime() - start) / 1e6;
            if (!(outcome instanceof TranslationOutcome.Translated)) {
                throw new IllegalStateException("not translated: " + outcome);
            }
            calls = engine.calls().size();
            segments = engine.segmentsSent();
        }
        Arrays.sort(millis);
        engine.reset();
        start = System.nanoTime();
        translator.translate("en", "es", title, article);
        double unchanged = (System.nanoTime() - start) / 1e6;
        return new Result(label, calls, segments, millis[RUNS / 2], firstUpload, engine.calls().size(),
                engine.segmentsSent(), unchanged);
    }

    /** Twenty distinct paragraphs of two sentences each. */
    private static List<Block> article() {
        List<Block> paragraphs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            paragraphs.add(Block.Paragraph.of(SUBJECTS[i % SUBJECTS.length] + " " + ACTIONS[(i * 3) % ACTIONS.length]
                    + " on day " + (i + 1) + ". " + SUBJECTS[(i + 4) % SUBJECTS.length] + " "
                    + ACTIONS[(i * 7 + 1) % ACTIONS.length] + " and " + ACTIONS[(i + 5) % ACTIONS.length] + "."));
        }
        return paragraphs;
    }

    /** The baseline: a memory that remembers nothing. */
    private static final class Forgetful implements TranslationMemory {
        @Override
        public Map<String, TranslatedSegment> lookup(Scope scope, Collection<String> segments) {
            return Map.of();
        }

        @Override
        public void store(Scope scope, Map<String, TranslatedSegment> translations) {
        }
    }
}
