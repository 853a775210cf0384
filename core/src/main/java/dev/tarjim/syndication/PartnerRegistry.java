package dev.tarjim.syndication;

import dev.tarjim.support.Hashes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which languages each partner's API key is licensed for, kept in the table under the key's SHA-256 (never the key).
 *
 * <p>The key itself is checked before the function runs (API Gateway usage plans in AWS, the local gateway
 * locally); this only narrows languages. A key with no registration may read every language.
 */
public final class PartnerRegistry {
    private final DynamoDbClient dynamo;
    private final String table;

    public PartnerRegistry(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The stored identity of a key: its SHA-256, hex. */
    public static String keyHash(String apiKey) {
        return Hashes.sha256Hex(apiKey);
    }

    /** Registers (replaces) the languages a key may read; an empty list means every language. */
    public void register(String apiKey, String partnerId, List<String> languages) {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        item.put("pk", AttributeValue.fromS("PARTNER#" + keyHash(apiKey)));
        item.put("sk", AttributeValue.fromS("LANGS"));
        item.put("partner", AttributeValue.fromS(partnerId));
        item.put("langs", AttributeValue.fromL(languages.stream().map(AttributeValue::fromS).toList()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** The languages a key may read, or empty when it may read every language. */
    public Optional<Set<String>> languages(String apiKey) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("PARTNER#" + keyHash(apiKey)), "sk", AttributeValue.fromS("LANGS")))).item();
        if (item == null || !item.containsKey("langs") || item.get("langs").l().isEmpty()) {
            return Optional.empty();
        }
        Set<String> out = new TreeSet<>();
        item.get("langs").l().forEach(v -> out.add(v.s()));
        return Optional.of(out);
    }

    /** Whether a key may read a language. */
    public boolean allows(String apiKey, String lang) {
        return languages(apiKey).map(langs -> langs.contains(lang)).orElse(true);
    }
}
