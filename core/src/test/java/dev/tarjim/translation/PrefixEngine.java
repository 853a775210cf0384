package dev.tarjim.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A test double of an engine for domain tests: "translates" by prefixing the target code, so a test can see which
 * language each text went to; {@code xyzzy} counts as an unknown word. Never used outside tests.
 */
class PrefixEngine implements TranslationEngine {
    private final Set<String> pairs;

    /** @param pairs the pairs it serves, as {@code en>es} */
    PrefixEngine(Set<String> pairs) {
        this.pairs = pairs;
    }

    static String translation(String target, String segment) {
        return "[" + target + "] " + segment;
    }

    @Override
    public String name() {
        return "prefix";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Optional<String> unsupportedReason(String sourceLang, String targetLang) {
        return pairs.contains(sourceLang + ">" + targetLang) ? Optional.empty()
                : Optional.of("prefix: no " + sourceLang + "→" + targetLang + " pair");
    }

    @Override
    public List<TranslatedSegment> translate(String sourceLang, String targetLang, List<String> segments) {
        List<TranslatedSegment> out = new ArrayList<>();
        for (String segment : segments) {
            out.add(new TranslatedSegment(translation(targetLang, segment), segment.split("xyzzy", -1).length - 1));
        }
        return out;
    }
}
