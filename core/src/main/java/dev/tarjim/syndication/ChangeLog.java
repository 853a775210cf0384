package dev.tarjim.syndication;

import dev.tarjim.store.StoreException;
import dev.tarjim.store.TableSchema;
import dev.tarjim.support.TransientFailureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Per-language, append-only log of article changes in DynamoDB, which a partner's cursor walks without ever
 * missing or repeating a change.
 *
 * <h2>Items</h2>
 * <ul>
 *   <li>{@code LOGSEQ#<lang>} / {@code SEQ}: the sequence counter, attribute {@code next}.</li>
 *   <li>{@code LOG#<lang>} / {@code <seq, 20 digits>}: one entry, attributes {@code articleId}, {@code revision},
 *       {@code kind} ({@code upsert}, {@code withdraw}, or {@code void} for a tombstone), {@code at} (ISO instant)
 *       and {@code allocatedAt} (epoch milliseconds, taken by the writer after its sequence was allocated).</li>
 * </ul>
 *
 * <h2>Writing</h2>
 * A writer allocates a sequence number with an atomic {@code ADD next :1} (returning the new value), then puts the
 * entry under the condition {@code attribute_not_exists(pk)}. If that put fails, a reader has voided the number
 * (see below): the writer allocates a fresh number and tries again, so its change is never dropped. No
 * transactions are used (dynalite has none).
 *
 * <h2>Reading</h2>
 * A reader queries (strongly consistent) the entries after its cursor and takes them while their sequence numbers
 * are contiguous. A missing number is a <em>gap</em>: allocated, but its writer has not committed yet (or died).
 * The reader never moves its cursor past a gap, because the late entry would then be missed forever. It waits
 * until the gap is <em>expired</em>, then closes it by writing a {@code void} tombstone at that number with
 * {@code attribute_not_exists(pk)}. Exactly one of the two conditional puts (writer's entry, reader's tombstone)
 * wins; if the writer's won, the reader delivers the entry; if the tombstone won, the writer re-allocates.
 *
 * <h2>When is a gap expired?</h2>
 * The counter is linearizable, so a gap {@code g} followed by a committed entry {@code n > g} was allocated before
 * {@code n}, hence before {@code allocatedAt(n)} (which {@code n}'s writer records after its allocation returned).
 * So once {@code now - allocatedAt(n) > grace}, the gap is older than the grace period. The bound lives in the
 * table, not in reader memory, so stateless readers (each API request) agree, and a gap delays readers by at most
 * the grace period after the next entry was allocated. Clocks only decide <em>when</em> a gap is voided, never
 * whether a change is lost: even a premature tombstone just makes the late writer re-allocate. Readers at the end
 * of the log never see a gap at all (no later entry exists yet), so a writer slower than the grace with nothing
 * behind it is not disturbed.
 *
 * <h2>Cost</h2>
 * A poll is one Query (limit + 1 items) when nothing is new, whatever the log's length; each expired gap adds one
 * conditional put. An append is one UpdateItem and one PutItem.
 *
 * <p>Appends are at-least-once: an ingest retried after a crash between its article write and its append may
 * append the same revision twice, which partners see as the same {@code uri} and {@code version} again.
 */
public final class ChangeLog {
    static final String VOID = "void";
    private static final int SEQ_DIGITS = 20;
    private static final int MAX_LIMIT = 1000;

    /**
     * Settings of the log.
     *
     * @param grace          how long a gap may stay open before a reader voids it (e.g. 60 s); longer than the
     *                       time a healthy writer takes between allocation and put, including SDK retries
     * @param appendAttempts how many fresh sequence numbers a writer tries before giving up (transient failure)
     */
    public record Settings(Duration grace, int appendAttempts) {
        public Settings {
            Objects.requireNonNull(grace, "grace");
            if (grace.isNegative() || appendAttempts < 1) {
                throw new IllegalArgumentException("grace must be >= 0 and appendAttempts >= 1");
            }
        }

        /** Production defaults: 60 s grace, 5 attempts. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(60), 5);
        }
    }

    /** Called between allocation and put; tests use it to stall writers and create real gaps. */
    @FunctionalInterface
    interface AppendHook {
        void afterAllocate(String lang, long seq, int attempt);
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Settings settings;
    private final AppendHook hook;

    public ChangeLog(DynamoDbClient dynamo, String table, Clock clock, Settings settings) {
        this(dynamo, table, clock, settings, (lang, seq, attempt) -> { });
    }

    ChangeLog(DynamoDbClient dynamo, String table, Clock clock, Settings settings, AppendHook hook) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.settings = settings;
        this.hook = hook;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Appends a change to a language's log; call it after the article's item in that language was written.
     *
     * @return the committed entry
     * @throws TransientFailureException when every attempt lost its number to a reader (retry the event)
     * @throws StoreException when DynamoDB fails
     */
    public Change append(String lang, String articleId, long revision, ChangeKind kind) {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(kind, "kind");
        for (int attempt = 1; attempt <= settings.appendAttempts(); attempt++) {
            long seq = allocate(lang);
            // Taken after the counter answered, so it is never earlier than the allocation itself.
            Instant allocatedAt = clock.instant();
            hook.afterAllocate(lang, seq, attempt);
            Instant at = clock.instant();
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(TableSchema.PK, s(logPk(lang)));
            item.put(TableSchema.SK, s(sk(seq)));
            item.put("articleId", s(articleId));
            item.put("revision", n(revision));
            item.put("kind", s(kind.wire()));
            item.put("at", s(at.toString()));
            item.put("allocatedAt", n(allocatedAt.toEpochMilli()));
            try {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
                return new Change(lang, seq, articleId, revision, kind, at);
            } catch (ConditionalCheckFailedException voided) {
                // A reader closed this number as an expired gap: take a new one, the change must still land.
            } catch (SdkException e) {
                throw new StoreException("cannot append to the change log of " + lang, e);
            }
        }
        throw new TransientFailureException("change log " + lang + ": " + settings.appendAttempts()
                + " sequence numbers were voided before this writer could use them");
    }

    private long allocate(String lang) {
        try {
            Map<String, AttributeValue> attrs = dynamo.updateItem(b -> b.tableName(table)
                    .key(key(seqPk(lang), "SEQ"))
                    .updateExpression("ADD #next :one")
                    .expressionAttributeNames(Map.of("#next", "next"))
                    .expressionAttributeValues(Map.of(":one", n(1)))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return Long.parseLong(attrs.get("next").n());
        } catch (SdkException e) {
            throw new StoreException("cannot allocate a change sequence for " + lang, e);
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * The changes after a cursor, oldest first, stopping at the end of the log or at an unexpired gap.
     *
     * @param cursorOrNull where the partner is ({@code null}: from the beginning)
     * @param limit        at most this many changes (1..1000)
     * @throws IllegalArgumentException when the cursor belongs to another language or the limit is out of range
     * @throws StoreException when DynamoDB fails
     */
    public ChangesPage changes(String lang, Cursor cursorOrNull, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        Cursor from = cursorOrNull == null ? Cursor.start(lang) : cursorOrNull;
        if (!from.lang().equals(lang)) {
            throw new IllegalArgumentException("cursor of " + from.lang() + " used for " + lang);
        }
        Walk walk = new Walk(lang, from.afterSeq(), limit);
        try {
            walk.run();
        } catch (SdkException e) {
            throw new StoreException("cannot read the change log of " + lang, e);
        }
        return new ChangesPage(from, walk.out, new Cursor(lang, walk.pos), walk.hasMore);
    }

    /** One reading pass: the position advances only over contiguous entries and tombstones. */
    private final class Walk {
        final String lang;
        final int limit;
        final List<Change> out = new ArrayList<>();
        long pos;
        boolean hasMore;

        Walk(String lang, long pos, int limit) {
            this.lang = lang;
            this.pos = pos;
            this.limit = limit;
        }

        void run() {
            while (true) {
                int want = limit - out.size() + 1;
                QueryResponse r = dynamo.query(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND sk > :after")
                        .expressionAttributeValues(Map.of(":pk", s(logPk(lang)), ":after", s(sk(pos))))
                        .limit(want));
                for (Map<String, AttributeValue> item : r.items()) {
                    long seq = seqOf(item);
                    while (pos + 1 < seq) {
                        if (!expired(item)) {
                            return;
                        }
                        if (!take(closeGap(pos + 1, item))) {
                            return;
                        }
                    }
                    if (!take(item)) {
                        return;
                    }
                }
                boolean truncated = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty();
                if (!truncated && r.items().size() < want) {
                    return;
                }
            }
        }

        /** Takes the entry at {@code pos + 1}; false when the page is full (and a real change is waiting). */
        boolean take(Map<String, AttributeValue> item) {
            String kind = item.get("kind").s();
            if (!VOID.equals(kind)) {
                if (out.size() == limit) {
                    hasMore = true;
                    return false;
                }
                out.add(new Change(lang, seqOf(item), item.get("articleId").s(),
                        Long.parseLong(item.get("revision").n()), ChangeKind.fromWire(kind),
                        Instant.parse(item.get("at").s())));
            }
            pos = seqOf(item);
            return true;
        }

        boolean expired(Map<String, AttributeValue> later) {
            long allocatedAt = Long.parseLong(later.get("allocatedAt").n());
            return clock.millis() - allocatedAt > settings.grace().toMillis();
        }

        /**
         * Writes a tombstone at an expired gap, or, if a late writer (or another reader) got there first, returns
         * what is there now.
         */
        Map<String, AttributeValue> closeGap(long seq, Map<String, AttributeValue> later) {
            Map<String, AttributeValue> tombstone = new HashMap<>();
            tombstone.put(TableSchema.PK, s(logPk(lang)));
            tombstone.put(TableSchema.SK, s(sk(seq)));
            tombstone.put("kind", s(VOID));
            tombstone.put("at", s(clock.instant().toString()));
            // The later entry's allocation time bounds this number's too: a tombstone stays judgeable.
            tombstone.put("allocatedAt", later.get("allocatedAt"));
            try {
                dynamo.putItem(b -> b.tableName(table).item(tombstone)
                        .conditionExpression("attribute_not_exists(pk)"));
                return tombstone;
            } catch (ConditionalCheckFailedException filled) {
                return dynamo.getItem(b -> b.tableName(table).key(key(logPk(lang), sk(seq)))
                        .consistentRead(true)).item();
            }
        }
    }

    // ---------------------------------------------------------------- keys and attributes

    static String logPk(String lang) {
        return "LOG#" + lang;
    }

    static String seqPk(String lang) {
        return "LOGSEQ#" + lang;
    }

    static String sk(long seq) {
        String digits = Long.toString(seq);
        return "0".repeat(SEQ_DIGITS - digits.length()) + digits;
    }

    private static long seqOf(Map<String, AttributeValue> item) {
        return Long.parseLong(item.get(TableSchema.SK).s());
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> k = new LinkedHashMap<>();
        k.put(TableSchema.PK, s(pk));
        k.put(TableSchema.SK, s(sk));
        return k;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
