package dev.tarjim.translation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TranslationMemory} in a map, for domain tests and single-process tools; it forgets on exit. */
public final class InMemoryTranslationMemory implements TranslationMemory {
    private final Map<String, TranslatedSegment> entries = new ConcurrentHashMap<>();

    @Override
    public Map<String, TranslatedSegment> lookup(Scope scope, Collection<String> segments) {
        Map<String, TranslatedSegment> found = new HashMap<>();
        for (String segment : segments) {
            TranslatedSegment known = entries.get(key(scope, segment));
            if (known != null) {
                found.put(segment, known);
            }
        }
        return found;
    }

    @Override
    public void store(Scope scope, Map<String, TranslatedSegment> translations) {
        translations.forEach((segment, translation) -> entries.put(key(scope, segment), translation));
    }

    /** How many translations are held. */
    public int size() {
        return entries.size();
    }

    private static String key(Scope scope, String segment) {
        return scope.partitionKey() + "/" + SegmentKey.of(segment);
    }
}
