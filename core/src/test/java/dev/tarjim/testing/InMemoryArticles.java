package dev.tarjim.testing;

import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.ArticleStates;
import dev.tarjim.article.ArticleState;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.store.LeaseLostException;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.TransientFailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An in-memory fake of both article ports, for tests of use cases that need no table. It keeps the adapters'
 * rules: sequencer-ordered writes, withdrawals that keep the text, lease-fenced state writes.
 */
public final class InMemoryArticles implements ArticleRepository, ArticleStates {
    private record Entry(StoredArticle article, String sequencer) {
    }

    private record Lease(String token, Instant until) {
    }

    private final Map<String, TreeMap<String, Entry>> texts = new HashMap<>();
    private final Map<String, ArticleState> states = new HashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();
    private final TreeSet<String> due = new TreeSet<>();
    private final Clock clock;

    public InMemoryArticles(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean putArticle(StoredArticle article, String sequencer) {
        TreeMap<String, Entry> langs = texts.computeIfAbsent(article.id(), k -> new TreeMap<>());
        Entry current = langs.get(article.language());
        if (current != null && current.sequencer().compareTo(sequencer) > 0) {
            return false;
        }
        langs.put(article.language(), new Entry(article, sequencer));
        if (article.embargo() != null && article.isOriginal()) {
            due.add(article.embargo().truncatedTo(ChronoUnit.SECONDS) + "#" + article.id());
        }
        return true;
    }

    @Override
    public synchronized boolean release(String id, String lang, Instant now) {
        Entry current = texts.getOrDefault(id, new TreeMap<>()).get(lang);
        if (current == null || current.article().embargo() == null || current.article().withdrawn()
                || current.article().embargo().isAfter(now)) {
            return false;
        }
        texts.get(id).put(lang, new Entry(current.article().released(), current.sequencer()));
        return true;
    }

    @Override
    public synchronized List<String> dueEmbargoes(Instant now, int limit) {
        String until = now.truncatedTo(ChronoUnit.SECONDS) + "#~";
        return due.headSet(until, true).stream().limit(limit).toList();
    }

    @Override
    public synchronized void clearDue(String entry) {
        due.remove(entry);
    }

    @Override
    public synchronized Optional<StoredArticle> article(String id, String lang) {
        return Optional.ofNullable(texts.getOrDefault(id, new TreeMap<>()).get(lang)).map(Entry::article);
    }

    @Override
    public synchronized List<StoredArticle> articles(String id) {
        return texts.getOrDefault(id, new TreeMap<>()).values().stream().map(Entry::article).toList();
    }

    @Override
    public synchronized List<String> languages(String id) {
        return new ArrayList<>(texts.getOrDefault(id, new TreeMap<>()).keySet());
    }

    @Override
    public synchronized boolean withdraw(String id, String lang, String sequencer, Instant at) {
        Entry current = texts.getOrDefault(id, new TreeMap<>()).get(lang);
        if (current == null || current.sequencer().compareTo(sequencer) > 0) {
            return false;
        }
        StoredArticle a = current.article();
        texts.get(id).put(lang, new Entry(new StoredArticle(a.id(), a.language(), a.sourceLanguage(), a.title(),
                a.summary(), a.blocks(), a.author(), a.tags(), a.published(), at, a.revision(), a.sourceKey(),
                a.contentHash(), a.machineTranslated(), a.engine(), true, a.slug(), a.canonicalUrl(),
                a.leadImage(), a.review(), a.embargo(), a.corrections()), sequencer));
        return true;
    }

    @Override
    public synchronized String acquireLease(String id, Duration ttl, Duration wait) {
        Lease held = leases.get(id);
        Instant now = clock.instant();
        if (held != null && !held.until().isBefore(now)) {
            throw new TransientFailureException("article " + id + " is being processed by another event");
        }
        String token = UUID.randomUUID().toString();
        leases.put(id, new Lease(token, now.plus(ttl)));
        return token;
    }

    @Override
    public synchronized void releaseLease(String id, String token) {
        Lease held = leases.get(id);
        if (held != null && held.token().equals(token)) {
            leases.remove(id);
        }
    }

    @Override
    public synchronized Optional<ArticleState> state(String id) {
        return Optional.ofNullable(states.get(id));
    }

    @Override
    public synchronized void putState(ArticleState state, String leaseToken) {
        Lease held = leases.get(state.id());
        if (held == null || !held.token().equals(leaseToken)) {
            throw new LeaseLostException("lease on article " + state.id() + " was lost", null);
        }
        states.put(state.id(), state);
    }

    @Override
    public synchronized Map<String, List<String>> liveLanguages(Collection<String> ids) {
        Map<String, List<String>> out = new HashMap<>();
        for (String id : ids) {
            ArticleState state = states.get(id);
            if (state != null && state.embargo() != null) {
                out.put(id, List.of());
            } else if (state != null) {
                out.put(id, state.languages().entrySet().stream()
                        .filter(e -> TranslationStatus.ORIGINAL.equals(e.getValue().status())
                                || TranslationStatus.TRANSLATED.equals(e.getValue().status()))
                        .map(Map.Entry::getKey).sorted().toList());
            }
        }
        return out;
    }
}
