package dev.tarjim.syndication;

import dev.tarjim.support.Hashes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Partner licences: which languages each partner's API key may read, kept in the table under the key's SHA-256
 * (never the key itself), item {@code PARTNER#<sha256 hex>} / {@code LANGS}.
 *
 * <p>Deny by default: a key reads only the languages listed for it, every language only with an explicit
 * {@code "*"}; a key with no item, or with an empty list, reads nothing. The key itself is checked before the
 * function runs (API Gateway usage plans in AWS, the local gateway locally); this decides what it may read.
 */
public final class PartnerRegistry {
    /** The language entry that licenses every language. */
    public static final String ALL_LANGUAGES = "*";
    private static final String PK_PREFIX = "PARTNER#";
    private static final String SK = "LANGS";

    private final DynamoDbClient dynamo;
    private final String table;

    /**
     * What one key may read.
     *
     * @param partner   the partner's id (for operators; never shown to other partners)
     * @param languages BCP 47 codes, or {@link #ALL_LANGUAGES}; never empty
     */
    public record Licence(String partner, Set<String> languages) {
        public Licence {
            languages = Set.copyOf(languages);
            if (languages.isEmpty()) {
                throw new IllegalArgumentException("a licence lists at least one language");
            }
        }

        /** Whether the licence covers a language. */
        public boolean allows(String lang) {
            return languages.contains(ALL_LANGUAGES) || languages.contains(lang);
        }
    }

    public PartnerRegistry(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The stored identity of a key: its SHA-256, hex. */
    public static String keyHash(String apiKey) {
        return Hashes.sha256Hex(apiKey);
    }

    /** Registers (replaces) the languages a key may read; an empty list licenses nothing, {@code "*"} everything. */
    public void register(String apiKey, String partnerId, List<String> languages) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(PK_PREFIX + keyHash(apiKey)));
        item.put("sk", AttributeValue.fromS(SK));
        item.put("partner", AttributeValue.fromS(partnerId));
        item.put("langs", AttributeValue.fromL(languages.stream().map(AttributeValue::fromS).toList()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** Removes a key's licence (by the key's hash, as {@link #registeredKeyHashes()} lists them). */
    public void revoke(String keyHash) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(keyHash)));
    }

    /**
     * The hashes of every registered key. A scan of the whole table: for operators and the local stack's
     * reconciliation, never on a request path.
     */
    public Set<String> registeredKeyHashes() {
        Set<String> out = new TreeSet<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table)
                    .filterExpression("begins_with(pk, :p) AND sk = :s")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(PK_PREFIX),
                            ":s", AttributeValue.fromS(SK)))
                    .projectionExpression("pk");
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            ScanResponse page = dynamo.scan(scan.build());
            page.items().forEach(i -> out.add(i.get("pk").s().substring(PK_PREFIX.length())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** A key's licence; empty when the key is unknown (null or blank included) or licensed for nothing. */
    public Optional<Licence> licence(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(keyHash(apiKey)))
                .consistentRead(true)).item();
        if (item == null || !item.containsKey("langs") || !item.get("langs").hasL()) {
            return Optional.empty();
        }
        List<String> langs = new ArrayList<>();
        item.get("langs").l().forEach(v -> {
            if (v.s() != null && !v.s().isBlank()) {
                langs.add(v.s());
            }
        });
        if (langs.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue partner = item.get("partner");
        return Optional.of(new Licence(partner == null ? "" : partner.s(), new TreeSet<>(langs)));
    }

    /** Whether a key may read a language. */
    public boolean allows(String apiKey, String lang) {
        return licence(apiKey).map(l -> l.allows(lang)).orElse(false);
    }

    private static Map<String, AttributeValue> key(String keyHash) {
        return Map.of("pk", AttributeValue.fromS(PK_PREFIX + keyHash), "sk", AttributeValue.fromS(SK));
    }
}
