package dev.tarjim.store;

import dev.tarjim.support.Json;
import dev.tarjim.support.TransientFailureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Articles and their states in the single DynamoDB table.
 *
 * <p>DynamoDB Local's open-source stand-in (dynalite) and LocalStack lack transactions in part, so consistency rests
 * on two things only: a per-article lease (a conditional write on the state item) that serialises work on one
 * article, and the S3 sequencer stored on every item, so that no write of an older event replaces a newer one.
 * Bodies larger than one item allows are split into immutable chunk items written before the item that names them.
 */
public final class DynamoArticleStore {
    /** Bodies above this many bytes of JSON go to chunk items (an item may hold 400 KB in all). */
    static final int INLINE_BODY_LIMIT = 300_000;
    static final int CHUNK_BYTES = 350_000;
    static final String META_PK = "META";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoArticleStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    static String articlePk(String id) {
        return "ART#" + id;
    }

    // ---------------------------------------------------------------- lease

    /**
     * Takes the article's lease, waiting up to {@code wait} for another holder to finish.
     *
     * @return the lease token that later state writes must present
     * @throws TransientFailureException when the lease stays taken (Lambda retries the event later)
     */
    public String acquireLease(String id, Duration ttl, Duration wait) {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Instant now = clock.instant();
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key(articlePk(id), "STATE"))
                        .updateExpression("SET lease = :t, leaseUntil = :until")
                        .conditionExpression("attribute_not_exists(leaseUntil) OR leaseUntil < :now")
                        .expressionAttributeValues(Map.of(
                                ":t", s(token),
                                ":until", n(now.plus(ttl).toEpochMilli()),
                                ":now", n(now.toEpochMilli()))));
                return token;
            } catch (ConditionalCheckFailedException busy) {
                if (System.nanoTime() > deadline) {
                    throw new TransientFailureException("article " + id + " is being processed by another event");
                }
                sleep(100);
            }
        }
    }

    /** Gives the lease back; a lease that expired and was taken over is left alone. */
    public void releaseLease(String id, String token) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(articlePk(id), "STATE"))
                    .updateExpression("REMOVE lease, leaseUntil")
                    .conditionExpression("lease = :t")
                    .expressionAttributeValues(Map.of(":t", s(token))));
        } catch (ConditionalCheckFailedException lost) {
            // another event took the expired lease over: it is theirs now
        }
    }

    // ---------------------------------------------------------------- state

    /** The article's state (consistent read), or empty when no event for it was ever applied. */
    public Optional<ArticleState> state(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(articlePk(id), "STATE")).consistentRead(true)).item();
        if (item == null || !item.containsKey("seq")) {
            return Optional.empty();
        }
        return Optional.of(toState(item));
    }

    /**
     * Writes the whole state, fenced by the lease: a holder whose lease expired and was taken over writes nothing.
     *
     * @throws LeaseLostException when the lease is no longer the caller's
     */
    public void putState(ArticleState state, String leaseToken) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":t", s(leaseToken));
        values.put(":state", AttributeValue.fromS(writeJson(state)));
        values.put(":seq", s(state.sequencer()));
        values.put(":id", s(state.id()));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(articlePk(state.id()), "STATE"))
                    .updateExpression("SET #state = :state, seq = :seq, articleId = :id")
                    .conditionExpression("lease = :t")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException lost) {
            throw new LeaseLostException("lease on article " + state.id() + " was lost", lost);
        }
    }

    private static ArticleState toState(Map<String, AttributeValue> item) {
        try {
            return Json.mapper().readValue(item.get("state").s(), ArticleState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable state item " + item.get(TableSchema.PK).s(), e);
        }
    }

    private static String writeJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- articles

    /**
     * Writes one language of an article, unless a newer event already wrote it.
     *
     * @param sequencer the normalised sequencer of the event this text comes from
     * @return whether it was written (false: a newer event's text is there and stays)
     */
    public boolean putArticle(StoredArticle article, String sequencer) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableSchema.PK, s(articlePk(article.id())));
        item.put(TableSchema.SK, s("LANG#" + article.language()));
        item.put("seq", s(sequencer));
        item.put("id", s(article.id()));
        item.put("lang", s(article.language()));
        item.put("sourceLang", s(article.sourceLanguage()));
        item.put("title", s(article.title()));
        item.put("summary", s(article.summary()));
        item.put("published", s(article.published().toString()));
        item.put("updated", s(article.updated().toString()));
        item.put("revision", n(article.revision()));
        item.put("sourceKey", s(article.sourceKey()));
        item.put("contentHash", s(article.contentHash()));
        item.put("machineTranslated", AttributeValue.fromBool(article.machineTranslated()));
        item.put("withdrawn", AttributeValue.fromBool(article.withdrawn()));
        putIfPresent(item, "author", article.author());
        putIfPresent(item, "engine", article.engine());
        putIfPresent(item, "slug", article.slug());
        if (!article.tags().isEmpty()) {
            item.put("tags", AttributeValue.fromL(article.tags().stream().map(DynamoArticleStore::s).toList()));
        }
        if (!article.withdrawn()) {
            item.put(TableSchema.FEED_PK, s("FEED#" + article.language()));
            item.put(TableSchema.FEED_SK, s(article.published() + "#" + article.id()));
        }
        byte[] body = writeJson(article.paragraphs()).getBytes(StandardCharsets.UTF_8);
        if (body.length <= INLINE_BODY_LIMIT) {
            item.put("paragraphs", AttributeValue.fromL(article.paragraphs().stream().map(DynamoArticleStore::s)
                    .toList()));
        } else {
            String prefix = "BODY#" + article.language() + "#" + sequencer + "#";
            int chunks = writeChunks(articlePk(article.id()), prefix, body);
            item.put("bodyPrefix", s(prefix));
            item.put("bodyChunks", n(chunks));
        }
        Map<String, AttributeValue> previous;
        try {
            previous = dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR seq <= :seq")
                    .expressionAttributeValues(Map.of(":seq", s(sequencer)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException newer) {
            return false;
        }
        // Chunks are immutable per write: keep the new body's and the one just replaced (a reader may hold the old
        // item a moment longer), delete older ones.
        Set<String> keep = new HashSet<>();
        if (item.containsKey("bodyPrefix")) {
            keep.add(item.get("bodyPrefix").s());
        }
        if (previous != null && previous.containsKey("bodyPrefix")) {
            keep.add(previous.get("bodyPrefix").s());
        }
        removeOldChunks(article.id(), article.language(), keep);
        touchFeed(article.language(), article.updated());
        return true;
    }

    private int writeChunks(String pk, String prefix, byte[] body) {
        int count = 0;
        for (int off = 0; off < body.length; off += CHUNK_BYTES, count++) {
            byte[] part = Arrays.copyOfRange(body, off, Math.min(body.length, off + CHUNK_BYTES));
            String sk = prefix + String.format("%05d", count);
            dynamo.putItem(b -> b.tableName(table).item(Map.of(
                    TableSchema.PK, s(pk), TableSchema.SK, s(sk), "data", AttributeValue.fromB(SdkBytes.fromByteArray(part)))));
        }
        return count;
    }

    /** Deletes body chunks of this language except those under the given prefixes. */
    private void removeOldChunks(String id, String lang, Set<String> keepPrefixes) {
        for (Map<String, AttributeValue> chunk : queryAll(articlePk(id), "BODY#" + lang + "#", true)) {
            String sk = chunk.get(TableSchema.SK).s();
            if (keepPrefixes.stream().noneMatch(sk::startsWith)) {
                dynamo.deleteItem(b -> b.tableName(table).key(key(articlePk(id), sk)));
            }
        }
    }

    /** One language of an article, body reassembled, or empty. */
    public Optional<StoredArticle> article(String id, String lang) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(key(articlePk(id), "LANG#" + lang)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toArticle(item));
    }

    /** Every language of an article (the original and its translations), withdrawn ones included. */
    public List<StoredArticle> articles(String id) {
        List<StoredArticle> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryAll(articlePk(id), "LANG#", false)) {
            out.add(toArticle(item));
        }
        return out;
    }

    /** Languages an article exists in (from keys only: cheap). */
    public List<String> languages(String id) {
        List<String> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryAll(articlePk(id), "LANG#", true)) {
            out.add(item.get(TableSchema.SK).s().substring("LANG#".length()));
        }
        return out;
    }

    /**
     * The languages each article is live in (its original and finished translations), read from the articles'
     * states with one BatchGetItem per 100 articles: what a feed page needs for its alternate links.
     */
    public Map<String, List<String>> liveLanguages(Collection<String> ids) {
        Map<String, List<String>> out = new HashMap<>();
        List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream()
                    .map(id -> key(articlePk(id), "STATE")).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(false).build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round > 0) {
                    sleep(Math.min(1_000, 50L << round));
                }
                if (round == 8) {
                    throw new TransientFailureException("DynamoDB left states unread after 8 rounds", null);
                }
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(current));
                for (Map<String, AttributeValue> item : r.responses().getOrDefault(table, List.of())) {
                    if (item.containsKey("state")) {
                        ArticleState state = toState(item);
                        List<String> langs = new ArrayList<>();
                        state.languages().forEach((lang, st) -> {
                            if (LanguageStatus.ORIGINAL.equals(st.status())
                                    || LanguageStatus.TRANSLATED.equals(st.status())) {
                                langs.add(lang);
                            }
                        });
                        java.util.Collections.sort(langs);
                        out.put(state.id(), langs);
                    }
                }
                request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
            }
        }
        return out;
    }

    /**
     * Marks one language withdrawn (it leaves the feed index), unless a newer event already wrote it.
     *
     * @return whether it was marked
     */
    public boolean withdraw(String id, String lang, String sequencer, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(articlePk(id), "LANG#" + lang))
                    .updateExpression("SET withdrawn = :true, seq = :seq, updated = :at REMOVE feedPk, feedSk")
                    .conditionExpression("attribute_exists(pk) AND seq <= :seq")
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true),
                            ":seq", s(sequencer), ":at", s(at.toString()))));
            touchFeed(lang, at);
            return true;
        } catch (ConditionalCheckFailedException newerOrAbsent) {
            return false;
        }
    }

    StoredArticle toArticle(Map<String, AttributeValue> item) {
        List<String> paragraphs;
        if (item.containsKey("paragraphs")) {
            paragraphs = item.get("paragraphs").l().stream().map(AttributeValue::s).toList();
        } else {
            paragraphs = readChunks(item.get(TableSchema.PK).s(), item.get("bodyPrefix").s(),
                    Integer.parseInt(item.get("bodyChunks").n()));
        }
        return new StoredArticle(
                item.get("id").s(),
                item.get("lang").s(),
                item.get("sourceLang").s(),
                item.get("title").s(),
                item.get("summary").s(),
                paragraphs,
                str(item, "author"),
                item.containsKey("tags") ? item.get("tags").l().stream().map(AttributeValue::s).toList() : List.of(),
                Instant.parse(item.get("published").s()),
                Instant.parse(item.get("updated").s()),
                Long.parseLong(item.get("revision").n()),
                item.get("sourceKey").s(),
                item.get("contentHash").s(),
                item.get("machineTranslated").bool(),
                str(item, "engine"),
                item.get("withdrawn").bool(),
                str(item, "slug"));
    }

    private List<String> readChunks(String pk, String prefix, int count) {
        List<Map<String, AttributeValue>> chunks = queryAll(pk, prefix, false);
        if (chunks.size() != count) {
            throw new StoreException("article body " + pk + " " + prefix + " has " + chunks.size()
                    + " of " + count + " chunks", null);
        }
        int size = chunks.stream().mapToInt(c -> c.get("data").b().asByteArrayUnsafe().length).sum();
        byte[] all = new byte[size];
        int off = 0;
        for (Map<String, AttributeValue> c : chunks) {
            byte[] part = c.get("data").b().asByteArrayUnsafe();
            System.arraycopy(part, 0, all, off, part.length);
            off += part.length;
        }
        try {
            return Arrays.asList(Json.mapper().readValue(all, String[].class));
        } catch (IOException e) {
            throw new StoreException("unreadable article body " + pk + " " + prefix, e);
        }
    }

    private List<Map<String, AttributeValue>> queryAll(String pk, String skPrefix, boolean keysOnly) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":p", s(skPrefix)));
            if (keysOnly) {
                q.projectionExpression("pk, sk");
            }
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse r = dynamo.query(q.build());
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** Records that a language's feed changed (its content, an entry's text or an entry leaving it). */
    void touchFeed(String lang, Instant at) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key("FEEDVER#" + lang, "V"))
                .updateExpression("ADD version :one SET updatedAt = :at")
                .expressionAttributeValues(Map.of(":one", n(1),
                        ":at", s(at.toString())))
                );
        dynamo.updateItem(b -> b.tableName(table).key(key(META_PK, "LANGS"))
                .updateExpression("ADD langs :l")
                .expressionAttributeValues(Map.of(":l", AttributeValue.fromSs(List.of(lang)))));
    }

    // ---------------------------------------------------------------- attribute helpers

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> k = new LinkedHashMap<>();
        k.put(TableSchema.PK, s(pk));
        k.put(TableSchema.SK, s(sk));
        return k;
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, s(value));
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while waiting for a lease", e);
        }
    }
}
