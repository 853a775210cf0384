package dev.tarjim.ingest;

import dev.tarjim.article.UploadStatus;
import dev.tarjim.emulators.TestContext;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.tarjim.article.ArticleState;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** S3 delivers at least once and in any order: duplicates and late events must leave the newest state. */
class IngestOrderingTest {
    private static Stack stack;
    private static IngestHandler handler;

    @BeforeAll
    static void start() {
        stack = new Stack();
        handler = stack.handler(Map.of());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static byte[] md(String title) {
        return IngestEndToEndTest.markdown(title, "A paragraph about " + title + " for the readers.")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void deliver(S3Event event) {
        handler.handleRequest(event, new TestContext());
    }

    @Test
    void samePutTwice_isAppliedOnce() {
        String key = "incoming/dup.md";
        byte[] body = md("Duplicate");
        stack.upload(key, body);
        S3Event event = S3Events.put(Stack.BUCKET, key, body.length, S3Events.nextSequencer());
        deliver(event);
        ArticleState first = stack.store.state(IngestService.articleId(key)).orElseThrow();
        deliver(event);
        ArticleState second = stack.store.state(IngestService.articleId(key)).orElseThrow();
        assertThat(second).isEqualTo(first);
        assertThat(second.revision()).isEqualTo(1);
        assertThat(stack.report(key).get("status").asText()).isEqualTo("stored");
    }

    @Test
    void oldPutAfterDelete_doesNotResurrect() {
        String key = "incoming/resurrect.md";
        byte[] body = md("Resurrect");
        stack.upload(key, body);
        S3Event put = S3Events.put(Stack.BUCKET, key, body.length, S3Events.nextSequencer());
        deliver(put);
        stack.remove(key);
        deliver(S3Events.delete(Stack.BUCKET, key, S3Events.nextSequencer()));
        // The key is uploaded again later, and then the first put is delivered once more.
        stack.upload(key, md("Resurrect, new text"));
        deliver(put);
        String id = IngestService.articleId(key);
        assertThat(stack.store.state(id).orElseThrow().status()).isEqualTo(UploadStatus.WITHDRAWN);
        assertThat(stack.store.article(id, "en").orElseThrow().withdrawn()).isTrue();
        assertThat(stack.report(key).get("status").asText()).isEqualTo("withdrawn");
    }

    @Test
    void deleteDeliveredAfterANewerPut_isIgnored() {
        String key = "incoming/reorder.md";
        byte[] v1 = md("Version one");
        stack.upload(key, v1);
        deliver(S3Events.put(Stack.BUCKET, key, v1.length, S3Events.nextSequencer()));
        String deleteSeq = S3Events.nextSequencer();
        byte[] v2 = md("Version two");
        stack.upload(key, v2);
        String putSeq = S3Events.nextSequencer();
        deliver(S3Events.put(Stack.BUCKET, key, v2.length, putSeq));
        deliver(S3Events.delete(Stack.BUCKET, key, deleteSeq));
        String id = IngestService.articleId(key);
        ArticleState state = stack.store.state(id).orElseThrow();
        assertThat(state.status()).isEqualTo(UploadStatus.STORED);
        assertThat(state.title()).isEqualTo("Version two");
        assertThat(state.revision()).isEqualTo(2);
        assertThat(stack.store.article(id, "en").orElseThrow().withdrawn()).isFalse();
    }

    @Test
    void deleteOfNeverStoredKey_leavesATombstoneThatOlderPutsRespect() {
        String key = "incoming/tombstone.md";
        String putSeq = S3Events.nextSequencer();
        deliver(S3Events.delete(Stack.BUCKET, key, S3Events.nextSequencer()));
        byte[] body = md("Tombstone");
        stack.upload(key, body);
        deliver(S3Events.put(Stack.BUCKET, key, body.length, putSeq));
        String id = IngestService.articleId(key);
        assertThat(stack.store.state(id).orElseThrow().status()).isEqualTo(UploadStatus.WITHDRAWN);
        assertThat(stack.store.article(id, "en")).isEmpty();
    }
}
