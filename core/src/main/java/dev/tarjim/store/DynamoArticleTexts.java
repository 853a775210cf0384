package dev.tarjim.store;

import dev.tarjim.feed.FeedChanges;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.Block;
import dev.tarjim.article.Correction;
import dev.tarjim.article.TagAuthority;
import dev.tarjim.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The {@link ArticleRepository} in DynamoDB: one item per article and language ({@code ART#<id>/LANG#<lang>}),
 * its body too when it fits, else in {@link BodyChunks}.
 *
 * <p>Item schema {@value #SCHEMA} holds the body as compact JSON of its blocks ({@link BlockCodec}) in {@code body}
 * (or in chunks), plus {@code canonicalUrl} and {@code leadImage}. Items written before blocks existed carry no
 * {@code schema} attribute and a {@code paragraphs} list (or chunks of a JSON string array): they read as
 * paragraphs.
 *
 * <p>Ids are minted once: the first text stored of an article records the tag authority configured then
 * ({@code idAuthority}), and every later write of any of its languages keeps the one the article has, so its feed
 * ids and ninjs uris never change, even when the configured authority does. Articles stored before the authority
 * was recorded keep none: their ids stay the {@link TagAuthority#LEGACY} ones. Feeds record theirs the same way.
 */
public final class DynamoArticleTexts implements ArticleRepository {
    /** The item schema this adapter writes. */
    static final int SCHEMA = 2;
    /** Bodies above this many bytes of JSON go to chunk items (an item may hold 400 KB in all). */
    static final int INLINE_BODY_LIMIT = 300_000;
    static final String META_PK = "META";
    /** The partition of the due list: one item per scheduled original, sorted by embargo. */
    static final String EMBARGO_PK = "EMBARGO";

    /** Languages this instance has seen listed in the {@code LANGS} item (never removed from it). */
    private final java.util.Set<String> listed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final DynamoDbClient dynamo;
    private final String table;
    private final BodyChunks chunks;
    private final TagAuthority authority;
    private final FeedChanges feedChanges;

    /** Texts whose new articles get ids from the {@link TagAuthority#LEGACY} authority. */
    public DynamoArticleTexts(DynamoDbClient dynamo, String table) {
        this(dynamo, table, TagAuthority.LEGACY, null);
    }

    /**
     * @param authority   the authority of ids minted for articles stored from now on
     * @param feedChanges told of every feed this store changes (for WebSub), or null
     */
    public DynamoArticleTexts(DynamoDbClient dynamo, String table, TagAuthority authority, FeedChanges feedChanges) {
        this.dynamo = dynamo;
        this.table = table;
        this.chunks = new BodyChunks(dynamo, table);
        this.authority = authority;
        this.feedChanges = feedChanges;
    }

    /**
     * {@inheritDoc} Its ids are the article's: the authority its texts already have (none for an article stored
     * before authorities were recorded), else the text's own, else this store's configured one.
     */
    @Override
    public boolean putArticle(StoredArticle article, String sequencer) {
        String pk = Items.articlePk(article.id());
        Minted minted = minted(pk);
        TagAuthority ids = minted != null ? minted.authority()
                : article.idAuthority() != null ? article.idAuthority() : authority;
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableSchema.PK, Items.s(pk));
        item.put(TableSchema.SK, Items.s("LANG#" + article.language()));
        item.put("schema", Items.n(SCHEMA));
        item.put("seq", Items.s(sequencer));
        item.put("id", Items.s(article.id()));
        item.put("lang", Items.s(article.language()));
        item.put("sourceLang", Items.s(article.sourceLanguage()));
        item.put("title", Items.s(article.title()));
        item.put("summary", Items.s(article.summary()));
        item.put("published", Items.s(article.published().toString()));
        item.put("updated", Items.s(article.updated().toString()));
        item.put("revision", Items.n(article.revision()));
        item.put("sourceKey", Items.s(article.sourceKey()));
        item.put("contentHash", Items.s(article.contentHash()));
        item.put("machineTranslated", AttributeValue.fromBool(article.machineTranslated()));
        item.put("withdrawn", AttributeValue.fromBool(article.withdrawn()));
        if (ids != null) {
            item.put("idAuthority", Items.s(ids.value()));
        }
        Items.putIfPresent(item, "author", article.author());
        Items.putIfPresent(item, "engine", article.engine());
        Items.putIfPresent(item, "slug", article.slug());
        Items.putIfPresent(item, "canonicalUrl", article.canonicalUrl());
        if (article.leadImage() != null) {
            item.put("leadImage", Items.s(BlockCodec.writeOne(article.leadImage())));
        }
        if (article.review() != null) {
            item.put("review", Items.s(writeReview(article.review())));
        }
        if (!article.tags().isEmpty()) {
            item.put("tags", AttributeValue.fromL(article.tags().stream().map(Items::s).toList()));
        }
        if (article.embargo() != null) {
            item.put("embargo", Items.s(article.embargo().toString()));
        }
        if (!article.corrections().isEmpty()) {
            item.put("corrections", Items.s(writeCorrections(article.corrections())));
        }
        if (article.visible()) {
            // The sparse feed index holds only what readers may see: an embargoed text joins it when released.
            item.put(TableSchema.FEED_PK, Items.s("FEED#" + article.language()));
            item.put(TableSchema.FEED_SK, Items.s(article.published() + "#" + article.id()));
        }
        String body = BlockCodec.write(article.blocks());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= INLINE_BODY_LIMIT) {
            item.put("body", Items.s(body));
        } else {
            String prefix = BodyChunks.prefix(article.language(), sequencer);
            item.put("bodyPrefix", Items.s(prefix));
            item.put("bodyChunks", Items.n(chunks.write(pk, prefix, bytes)));
        }
        Map<String, AttributeValue> previous;
        try {
            previous = dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR seq <= :seq")
                    .expressionAttributeValues(Map.of(":seq", Items.s(sequencer)))
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
        chunks.removeExcept(pk, article.language(), keep);
        if (article.embargo() != null && article.isOriginal()) {
            // Written after the text, so a due entry always finds something to release.
            dynamo.putItem(b -> b.tableName(table).item(Map.of(TableSchema.PK, Items.s(EMBARGO_PK),
                    TableSchema.SK, Items.s(dueKey(article.embargo(), article.id())), "id", Items.s(article.id()))));
        }
        if (article.embargo() == null) {
            touchFeed(article.language(), article.updated());
            boolean joins = article.visible() && (previous == null || !previous.containsKey(TableSchema.FEED_PK));
            if (joins && minted != null) {
                touchSiblings(minted.live(), article.language(), article.updated());
            }
        }
        return true;
    }

    /** The authority of an article's ids as its stored texts record it: {@code null} for the legacy ones. */
    private record Minted(TagAuthority authority, List<String> live) {
    }

    /**
     * What the article's stored texts say of its ids, or {@code null} when none is stored yet. One strongly
     * consistent query of the article's text items (keys and authority only); writes of one article are serialised
     * by its lease, so none mints in between.
     */
    private Minted minted(String pk) {
        Minted found = null;
        TagAuthority authority = null;
        List<String> live = new ArrayList<>();
        for (Map<String, AttributeValue> item : Items.queryAll(dynamo, table, pk, "LANG#",
                "pk, sk, idAuthority, " + TableSchema.FEED_PK)) {
            String value = Items.str(item, "idAuthority");
            if (value != null && authority == null) {
                authority = new TagAuthority(value);
            }
            if (item.containsKey(TableSchema.FEED_PK)) {
                live.add(item.get(TableSchema.SK).s().substring("LANG#".length()));
            }
            found = new Minted(null, List.of());
        }
        return found == null ? null : new Minted(authority, live);
    }

    /**
     * A text that joins its feed gives the article's entries in its other live languages a new alternate: their
     * feeds change too (a page kept of them, or a reader's cached copy, must not stay without the link).
     */
    private void touchSiblings(List<String> live, String lang, Instant at) {
        for (String other : live) {
            if (!other.equals(lang)) {
                try {
                    bumpFeed(other, at, TagAuthority.LEGACY, "attribute_exists(version)");
                    if (feedChanges != null) {
                        feedChanges.changed(other, at);
                    }
                } catch (ConditionalCheckFailedException noFeed) {
                    // Not a feed yet (its only texts are embargoed): nothing shows the alternate.
                }
            }
        }
    }

    /**
     * {@inheritDoc} The condition is the embargo itself: only a text whose embargo has passed is released, so even a
     * release that lost its lease cannot publish a newer upload's text early, and a withdrawn text stays out.
     */
    @Override
    public boolean release(String id, String lang, Instant now) {
        Optional<StoredArticle> current = article(id, lang);
        if (current.isEmpty() || current.get().embargo() == null || current.get().withdrawn()) {
            return false;
        }
        StoredArticle a = current.get();
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(Items.articlePk(id), "LANG#" + lang))
                    .updateExpression("SET feedPk = :fp, feedSk = :fs REMOVE embargo")
                    .conditionExpression("embargo = :e AND embargo <= :now AND withdrawn = :false")
                    .expressionAttributeValues(Map.of(":fp", Items.s("FEED#" + lang),
                            ":fs", Items.s(a.published() + "#" + id), ":e", Items.s(a.embargo().toString()),
                            ":now", Items.s(now.truncatedTo(ChronoUnit.SECONDS).toString()),
                            ":false", AttributeValue.fromBool(false))));
        } catch (ConditionalCheckFailedException notDueOrChanged) {
            return false;
        }
        touchFeed(lang, now);
        Minted siblings = minted(Items.articlePk(id));
        if (siblings != null) {
            touchSiblings(siblings.live(), lang, now);
        }
        return true;
    }

    @Override
    public List<String> dueEmbargoes(Instant now, int limit) {
        List<String> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :p AND sk <= :s").limit(limit)
                .expressionAttributeValues(Map.of(":p", Items.s(EMBARGO_PK),
                        ":s", Items.s(dueKey(now, "~"))))).items()) {
            out.add(item.get(TableSchema.SK).s());
        }
        return out;
    }

    @Override
    public void clearDue(String entry) {
        dynamo.deleteItem(b -> b.tableName(table).key(Items.key(EMBARGO_PK, entry)));
    }

    /** A due-list entry: the embargo (ISO-8601 in whole seconds, so it sorts as text), then the article id. */
    static String dueKey(Instant embargo, String id) {
        return embargo.truncatedTo(ChronoUnit.SECONDS) + "#" + id;
    }

    private static String writeCorrections(List<Correction> corrections) {
        try {
            return Json.mapper().writeValueAsString(corrections);
        } catch (IOException e) {
            throw new StoreException("unwritable corrections", e);
        }
    }

    private static List<Correction> readCorrections(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(Json.mapper().readValue(json, Correction[].class));
        } catch (IOException e) {
            throw new StoreException("unreadable corrections", e);
        }
    }

    @Override
    public Optional<StoredArticle> article(String id, String lang) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key(Items.articlePk(id), "LANG#" + lang)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toArticle(item));
    }

    /**
     * {@inheritDoc} One strongly consistent BatchGetItem per hundred articles (the consistency {@link #article} reads
     * with), and, when some bodies are too large for their item, one more per {@value BodyChunks#CHUNKS_PER_CALL}
     * chunks of them all, instead of one GetItem per article and one Query per chunked body.
     */
    @Override
    public Map<String, StoredArticle> articles(Collection<String> ids, String lang) {
        List<Map<String, AttributeValue>> keys = new LinkedHashSet<>(ids).stream()
                .map(id -> Items.key(Items.articlePk(id), "LANG#" + lang)).toList();
        List<Map<String, AttributeValue>> items = Items.batchGet(dynamo, table, keys, true, Items.BATCH_GET_KEYS);
        List<BodyChunks.Ref> chunked = items.stream().filter(DynamoArticleTexts::isChunked)
                .map(DynamoArticleTexts::chunkRef).toList();
        Map<BodyChunks.Ref, byte[]> bodies = chunked.isEmpty() ? Map.of() : chunks.readAll(chunked);
        Map<String, StoredArticle> out = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            out.put(item.get(TableSchema.PK).s().substring(Items.articlePk("").length()),
                    toArticle(item, i -> bodies.containsKey(chunkRef(i)) ? bodies.get(chunkRef(i)) : chunked(i)));
        }
        return out;
    }

    @Override
    public List<StoredArticle> articles(String id) {
        List<StoredArticle> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : Items.queryAll(dynamo, table, Items.articlePk(id), "LANG#", false)) {
            out.add(toArticle(item));
        }
        return out;
    }

    /** {@inheritDoc} Read from keys only: cheap. */
    @Override
    public List<String> languages(String id) {
        List<String> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : Items.queryAll(dynamo, table, Items.articlePk(id), "LANG#", true)) {
            out.add(item.get(TableSchema.SK).s().substring("LANG#".length()));
        }
        return out;
    }

    @Override
    public boolean withdraw(String id, String lang, String sequencer, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(Items.articlePk(id), "LANG#" + lang))
                    .updateExpression("SET withdrawn = :true, seq = :seq, updated = :at REMOVE feedPk, feedSk")
                    .conditionExpression("attribute_exists(pk) AND seq <= :seq")
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true),
                            ":seq", Items.s(sequencer), ":at", Items.s(at.toString()))));
            touchFeed(lang, at);
            return true;
        } catch (ConditionalCheckFailedException newerOrAbsent) {
            return false;
        }
    }

    /** An article item (as read, or from the feed index) with its body reassembled. */
    StoredArticle toArticle(Map<String, AttributeValue> item) {
        return toArticle(item, this::chunked);
    }

    /** @param chunkedBody the bytes of an item's body held in chunks */
    private StoredArticle toArticle(Map<String, AttributeValue> item,
            Function<Map<String, AttributeValue>, byte[]> chunkedBody) {
        String leadImage = Items.str(item, "leadImage");
        return new StoredArticle(
                item.get("id").s(),
                item.get("lang").s(),
                item.get("sourceLang").s(),
                item.get("title").s(),
                item.get("summary").s(),
                body(item, chunkedBody),
                Items.str(item, "author"),
                item.containsKey("tags") ? item.get("tags").l().stream().map(AttributeValue::s).toList() : List.of(),
                Instant.parse(item.get("published").s()),
                Instant.parse(item.get("updated").s()),
                Long.parseLong(item.get("revision").n()),
                item.get("sourceKey").s(),
                item.get("contentHash").s(),
                item.get("machineTranslated").bool(),
                Items.str(item, "engine"),
                item.get("withdrawn").bool(),
                Items.str(item, "slug"),
                Items.str(item, "canonicalUrl"),
                leadImage == null ? null : (Block.Figure) BlockCodec.readOne(leadImage),
                item.containsKey("review") ? readReview(item.get("review").s()) : null,
                item.containsKey("embargo") ? Instant.parse(item.get("embargo").s()) : null,
                readCorrections(Items.str(item, "corrections")),
                item.containsKey("idAuthority") ? new TagAuthority(item.get("idAuthority").s()) : null);
    }

    private static String writeReview(StoredArticle.Review review) {
        try {
            return Json.mapper().writeValueAsString(review);
        } catch (IOException e) {
            throw new StoreException("review lineage not writable", e);
        }
    }

    private static StoredArticle.Review readReview(String json) {
        try {
            return Json.mapper().readValue(json, StoredArticle.Review.class);
        } catch (IOException e) {
            throw new StoreException("unreadable review lineage", e);
        }
    }

    private List<Block> body(Map<String, AttributeValue> item,
            Function<Map<String, AttributeValue>, byte[]> chunkedBody) {
        int schema = item.containsKey("schema") ? Integer.parseInt(item.get("schema").n()) : 1;
        if (schema > SCHEMA) {
            throw new StoreException("article item " + item.get(TableSchema.PK).s() + " has schema " + schema
                    + ", newer than this code's " + SCHEMA, null);
        }
        if (schema == SCHEMA) {
            if (item.containsKey("body")) {
                return BlockCodec.read(item.get("body").s());
            }
            return BlockCodec.read(new String(chunkedBody.apply(item), StandardCharsets.UTF_8));
        }
        // Schema 1: plain paragraphs, inline or as chunks of a JSON string array.
        List<String> paragraphs;
        if (item.containsKey("paragraphs")) {
            paragraphs = item.get("paragraphs").l().stream().map(AttributeValue::s).toList();
        } else {
            try {
                paragraphs = Arrays.asList(Json.mapper().readValue(chunkedBody.apply(item), String[].class));
            } catch (IOException e) {
                throw new StoreException("unreadable article body " + item.get(TableSchema.PK).s(), e);
            }
        }
        return paragraphs.stream().map(p -> (Block) Block.Paragraph.of(p)).toList();
    }

    private byte[] chunked(Map<String, AttributeValue> item) {
        return chunks.read(chunkRef(item));
    }

    /** Whether an item's body is held in chunks (its current schema's or the paragraphs' before it). */
    private static boolean isChunked(Map<String, AttributeValue> item) {
        return item.containsKey("bodyPrefix") && !item.containsKey("body") && !item.containsKey("paragraphs");
    }

    /** Where an item's chunked body is. */
    private static BodyChunks.Ref chunkRef(Map<String, AttributeValue> item) {
        return new BodyChunks.Ref(item.get(TableSchema.PK).s(), item.get("bodyPrefix").s(),
                Integer.parseInt(item.get("bodyChunks").n()));
    }

    private void bumpFeed(String lang, Instant at, TagAuthority ids, String condition) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(Items.key("FEEDVER#" + lang, "V"))
                .updateExpression("ADD version :one SET updatedAt = :at, idAuthority = if_not_exists(idAuthority, :ids)")
                .conditionExpression(condition)
                .expressionAttributeValues(Map.of(":one", Items.n(1), ":at", Items.s(at.toString()),
                        ":ids", Items.s(ids.value()))));
    }

    /** Records that a language's feed changed (its content, an entry's text or an entry leaving it). */
    private void touchFeed(String lang, Instant at) {
        // The feed's id is minted on its first change: a feed that existed before ids were recorded keeps the legacy
        // one, a new feed gets this store's authority, and neither changes again.
        try {
            bumpFeed(lang, at, TagAuthority.LEGACY, "attribute_exists(version)");
        } catch (ConditionalCheckFailedException newFeed) {
            bumpFeed(lang, at, authority, null);
        }
        // A language, once listed, stays listed: one write per language and instance, not one per text.
        if (!listed.contains(lang)) {
            dynamo.updateItem(b -> b.tableName(table).key(Items.key(META_PK, "LANGS"))
                    .updateExpression("ADD langs :l")
                    .expressionAttributeValues(Map.of(":l", AttributeValue.fromSs(List.of(lang)))));
            listed.add(lang);
        }
        if (feedChanges != null) {
            feedChanges.changed(lang, at);
        }
    }
}
