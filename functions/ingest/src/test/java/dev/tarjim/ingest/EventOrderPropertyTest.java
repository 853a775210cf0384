package dev.tarjim.ingest;

import dev.tarjim.article.UploadStatus;
import dev.tarjim.emulators.TestContext;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.article.ArticleState;
import dev.tarjim.store.Sequencers;
import dev.tarjim.article.StoredArticle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * S3 delivers each notification at least once and in any order: whatever the order and the duplicates, the final
 * state of every key is the effect of its last event by sequencer.
 *
 * <p>Each case plans put and delete operations on a few keys. The operations happen on S3 in their real order (a put
 * uploads a text with its own title, a delete removes the object), and each operation's event is delivered to the
 * handler one or more times, at a generated delay after it happened: interleaved with later operations, or all after
 * the last one. As in AWS, a put event makes the handler read whatever the object is at delivery time, so an early
 * delivery may already see a later upload's text. One dynalite and one s3proxy serve every case; keys are unique per
 * case.
 */
class EventOrderPropertyTest {
    private static final AtomicInteger CASES = new AtomicInteger();
    private static Stack stack;
    private static IngestHandler handler;

    enum Kind { PUT, DELETE }

    /** One S3 operation and the delays (in operation steps) after which its event is delivered, once per delay. */
    record Op(Kind kind, List<Integer> deliveryDelays) {
    }

    /**
     * What one case does.
     *
     * @param keys            each key's operations, in the order they happen on S3
     * @param afterAllUploads deliver every event only after the last operation of the case (pure permutation)
     */
    record Scenario(List<List<Op>> keys, boolean afterAllUploads) {
    }

    @BeforeContainer
    static void start() {
        stack = new Stack();
        // No targets: translation adds calls, not ordering cases (IngestTranslationTest covers it).
        handler = stack.handler(Map.of("TARGET_LANGUAGES", ""));
    }

    @AfterContainer
    static void stop() {
        stack.close();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Kind> kind = Arbitraries.frequency(Tuple.of(2, Kind.PUT), Tuple.of(1, Kind.DELETE));
        // Sizes are kept small on purpose: every delivery costs ~10 calls to the emulators, and 1,000 cases of up to
        // two keys, three operations and two deliveries each already cover put/put/delete in every order.
        Arbitrary<List<Integer>> delays = Arbitraries.integers().between(0, 8).list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<List<Op>> ops = Combinators.combine(kind, delays).as(Op::new).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(ops.list().ofMinSize(1).ofMaxSize(2), Arbitraries.of(false, true))
                .as(Scenario::new);
    }

    @Property(tries = 1000)
    void finalStateOfEachKey_isTheEffectOfItsLastEventBySequencer(@ForAll("scenarios") Scenario scenario) {
        int caseNo = CASES.incrementAndGet();
        List<Step> timeline = timeline(scenario);
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < scenario.keys().size(); k++) {
            keys.add("incoming/order/" + caseNo + "/" + k + ".md");
        }
        String[][] sequencers = new String[keys.size()][];
        String[][] titles = new String[keys.size()][];
        for (int k = 0; k < keys.size(); k++) {
            sequencers[k] = new String[scenario.keys().get(k).size()];
            titles[k] = new String[scenario.keys().get(k).size()];
        }

        for (Step step : timeline) {
            String key = keys.get(step.key());
            Op op = scenario.keys().get(step.key()).get(step.op());
            if (step.delivery() < 0) {
                sequencers[step.key()][step.op()] = S3Events.nextSequencer();
                if (op.kind() == Kind.PUT) {
                    String title = "Case " + caseNo + " key " + step.key() + " upload " + step.op();
                    titles[step.key()][step.op()] = title;
                    stack.upload(key, IngestEndToEndTest.markdown(title, "The text of " + title + ".")
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    stack.remove(key);
                }
            } else {
                String seq = sequencers[step.key()][step.op()];
                handler.handleRequest(op.kind() == Kind.PUT ? S3Events.put(Stack.BUCKET, key, 100, seq)
                        : S3Events.delete(Stack.BUCKET, key, seq), new TestContext());
            }
        }

        for (int k = 0; k < keys.size(); k++) {
            List<Op> ops = scenario.keys().get(k);
            int last = ops.size() - 1;
            assertLastEventWon(keys.get(k), ops.get(last).kind(), sequencers[k][last], titles[k][last]);
        }
    }

    private static void assertLastEventWon(String key, Kind kind, String sequencer, String title) {
        String id = IngestService.articleId(key);
        ArticleState state = stack.store.state(id).orElseThrow(() -> new AssertionError("no state for " + key));
        JsonNode report = stack.report(key);
        assertThat(state.sequencer()).as("sequencer of %s", key).isEqualTo(Sequencers.normalize(sequencer));
        assertThat(report.get("status").asText()).isEqualTo(state.status().code());
        assertThat(report.get("revision").asLong()).isEqualTo(state.revision());
        List<StoredArticle> articles = stack.store.articles(id);
        if (kind == Kind.PUT) {
            // "unchanged": an earlier put's late delivery had already read (and stored) this upload's text.
            assertThat(state.status()).as("status of %s", key).isIn(UploadStatus.STORED, UploadStatus.UNCHANGED);
            assertThat(state.title()).isEqualTo(title);
            assertThat(report.get("title").asText()).isEqualTo(title);
            StoredArticle article = stack.store.article(id, "en").orElseThrow();
            assertThat(article.title()).isEqualTo(title);
            assertThat(article.paragraphs().get(0)).isEqualTo("The text of " + title + ".");
            assertThat(article.withdrawn()).isFalse();
            assertThat(article.revision()).isEqualTo(state.revision());
        } else {
            assertThat(state.status()).as("status of %s", key).isEqualTo(UploadStatus.WITHDRAWN);
            assertThat(articles).allSatisfy(a -> {
                assertThat(a.withdrawn()).isTrue();
                assertThat(a.title()).isEqualTo(state.title());
            });
        }
    }

    /**
     * One thing that happens: an operation on S3 ({@code delivery < 0}) or one delivery of its event. {@code at}
     * orders them; an operation of a key's n-th step happens at time n (keys take turns), a delivery at the time
     * of its operation plus its delay plus a half, so it always comes after the operation it reports.
     */
    private record Step(double at, int key, int op, int delivery) {
    }

    static List<Step> timeline(Scenario scenario) {
        List<Step> steps = new ArrayList<>();
        int width = scenario.keys().size();
        int lastOpTime = 0;
        for (int k = 0; k < width; k++) {
            List<Op> ops = scenario.keys().get(k);
            for (int i = 0; i < ops.size(); i++) {
                int opTime = i * width + k;
                lastOpTime = Math.max(lastOpTime, opTime);
                steps.add(new Step(opTime, k, i, -1));
            }
        }
        int end = lastOpTime + 1;
        for (int k = 0; k < width; k++) {
            List<Op> ops = scenario.keys().get(k);
            for (int i = 0; i < ops.size(); i++) {
                List<Integer> delays = ops.get(i).deliveryDelays();
                for (int d = 0; d < delays.size(); d++) {
                    double base = scenario.afterAllUploads() ? end : i * width + k;
                    // The fraction keeps deliveries of the same moment apart, in an order that depends on the delay.
                    steps.add(new Step(base + delays.get(d) + 0.5 + (d * 7 + k * 3 + i) % 10 / 20.0, k, i, d));
                }
            }
        }
        steps.sort(Comparator.comparingDouble(Step::at));
        return steps;
    }
}
