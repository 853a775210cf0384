package dev.tarjim.store;

import dev.tarjim.article.UploadStatus;
import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.ArticleState;
import dev.tarjim.article.LanguageStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.ArticleStates;
import dev.tarjim.article.Block;
import dev.tarjim.article.Correction;
import dev.tarjim.support.TransientFailureException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every implementation of the article ports must do: the Dynamo adapter and the in-memory fake alike. */
abstract class ArticlePortsContract {
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    abstract ArticleRepository articles();

    abstract ArticleStates states();

    static String newId() {
        return String.format("c0ntract%08d", IDS.incrementAndGet());
    }

    static StoredArticle text(String id, String lang, String title) {
        return new StoredArticle(id, lang, "en", title, "s", List.of(Block.Paragraph.of(title + " body")), null,
                List.of(), T, T, 1, "incoming/x.md", "0".repeat(64), !lang.equals("en"), null, false, null, null,
                null);
    }

    static StoredArticle embargoed(String id, String lang, Instant embargo, List<Correction> corrections) {
        StoredArticle a = text(id, lang, "Embargoed");
        return new StoredArticle(a.id(), a.language(), a.sourceLanguage(), a.title(), a.summary(), a.blocks(),
                a.author(), a.tags(), a.published(), a.updated(), a.revision(), a.sourceKey(), a.contentHash(),
                a.machineTranslated(), a.engine(), a.withdrawn(), a.slug(), a.canonicalUrl(), a.leadImage(), embargo,
                corrections);
    }

    @Test
    void embargoAndCorrections_roundTrip() {
        String id = newId();
        List<Correction> corrections = List.of(new Correction(T.plusSeconds(60), 2, "Second"),
                new Correction(T, 1, "First"));
        articles().putArticle(embargoed(id, "en", T.plusSeconds(3600), corrections), "0001");

        StoredArticle read = articles().article(id, "en").orElseThrow();
        assertThat(read.embargo()).isEqualTo(T.plusSeconds(3600));
        assertThat(read.corrections()).isEqualTo(corrections);
        assertThat(read.visible()).isFalse();
    }

    @Test
    void release_onlyOnceTheEmbargoHasPassed_andNeverAWithdrawnText() {
        String id = newId();
        Instant embargo = T.plusSeconds(3600);
        articles().putArticle(embargoed(id, "en", embargo, List.of()), "0001");
        articles().putArticle(embargoed(id, "es", embargo, List.of()), "0001");
        articles().withdraw(id, "es", "0002", T);

        assertThat(articles().release(id, "en", embargo.minusSeconds(1))).isFalse();
        assertThat(articles().article(id, "en").orElseThrow().visible()).isFalse();
        assertThat(articles().release(id, "en", embargo)).isTrue();
        assertThat(articles().article(id, "en").orElseThrow().visible()).isTrue();
        assertThat(articles().release(id, "en", embargo)).as("once").isFalse();
        assertThat(articles().release(id, "es", embargo)).isFalse();
        assertThat(articles().article(id, "es").orElseThrow().embargo()).isEqualTo(embargo);
        assertThat(articles().release(newId(), "en", embargo)).isFalse();
    }

    @Test
    void dueEmbargoes_listsEmbargoedOriginalsOnceDue_untilCleared() {
        String id = newId();
        Instant embargo = T.plusSeconds(7200);
        articles().putArticle(embargoed(id, "en", embargo, List.of()), "0001");
        articles().putArticle(embargoed(id, "es", embargo, List.of()), "0001");

        assertThat(articles().dueEmbargoes(embargo.minusSeconds(1), 1000)).noneMatch(e -> e.endsWith(id));
        List<String> due = articles().dueEmbargoes(embargo, 1000).stream().filter(e -> e.endsWith(id)).toList();
        assertThat(due).as("one entry per original, none per translation").hasSize(1);
        articles().clearDue(due.get(0));
        assertThat(articles().dueEmbargoes(embargo, 1000)).noneMatch(e -> e.endsWith(id));
    }

    @Test
    void putArticle_olderSequencer_leavesTheNewerText() {
        String id = newId();
        assertThat(articles().putArticle(text(id, "en", "Newer"), "0002")).isTrue();

        assertThat(articles().putArticle(text(id, "en", "Older"), "0001")).isFalse();

        assertThat(articles().article(id, "en").orElseThrow().title()).isEqualTo("Newer");
    }

    @Test
    void languagesAndArticles_listEveryLanguage() {
        String id = newId();
        articles().putArticle(text(id, "en", "A"), "0001");
        articles().putArticle(text(id, "es", "B"), "0001");

        assertThat(articles().languages(id)).containsExactlyInAnyOrder("en", "es");
        assertThat(articles().articles(id)).extracting(StoredArticle::title).containsExactlyInAnyOrder("A", "B");
        assertThat(articles().article(id, "fr")).isEmpty();
    }

    @Test
    void articlesOfSeveralIds_readEachAsArticleDoes_andLeaveOutTheAbsent() {
        String a = newId();
        String b = newId();
        articles().putArticle(text(a, "es", "Uno"), "0001");
        articles().putArticle(text(a, "en", "One"), "0001");
        articles().putArticle(text(b, "es", "Dos"), "0001");
        articles().withdraw(b, "es", "0002", T);

        Map<String, StoredArticle> read = articles().articles(List.of(b, newId(), a, b), "es");

        assertThat(read).containsOnlyKeys(a, b);
        assertThat(read.get(a)).isEqualTo(articles().article(a, "es").orElseThrow());
        assertThat(read.get(b)).isEqualTo(articles().article(b, "es").orElseThrow());
        assertThat(read.get(b).withdrawn()).isTrue();
        assertThat(articles().articles(List.of(), "es")).isEmpty();
    }

    @Test
    void withdraw_marksTheTextWithdrawn_unlessANewerEventWroteIt() {
        String id = newId();
        articles().putArticle(text(id, "en", "A"), "0002");

        assertThat(articles().withdraw(id, "en", "0001", T)).isFalse();
        assertThat(articles().withdraw(id, "en", "0003", T.plusSeconds(5))).isTrue();

        StoredArticle read = articles().article(id, "en").orElseThrow();
        assertThat(read.withdrawn()).isTrue();
        assertThat(read.title()).isEqualTo("A");
        assertThat(articles().withdraw(newId(), "en", "0001", T)).isFalse();
    }

    @Test
    void lease_isExclusive_andFencesStateWrites() {
        String id = newId();
        String token = states().acquireLease(id, Duration.ofMinutes(1), Duration.ZERO);

        assertThatThrownBy(() -> states().acquireLease(id, Duration.ofMinutes(1), Duration.ZERO))
                .isInstanceOf(TransientFailureException.class);
        ArticleState state = new ArticleState(id, "incoming/x.md", "0001", UploadStatus.STORED, 1, null, "en", "T",
                "markdown", List.of(), Map.of("en", new LanguageStatus(TranslationStatus.ORIGINAL, 1, null, null, 0, T),
                        "es", new LanguageStatus(TranslationStatus.PENDING, 1, null, null, 0, T)), List.of("es"), T,
                List.of("a warning"));
        assertThatThrownBy(() -> states().putState(state, "not-the-token"))
                .isInstanceOf(LeaseLostException.class);
        states().putState(state, token);
        states().releaseLease(id, token);

        assertThat(states().state(id)).contains(state);
        assertThat(states().liveLanguages(List.of(id, newId()))).isEqualTo(Map.of(id, List.of("en")));
        String again = states().acquireLease(id, Duration.ofMinutes(1), Duration.ZERO);
        states().releaseLease(id, again);
    }
}
