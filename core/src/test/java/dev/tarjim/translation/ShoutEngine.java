package dev.tarjim.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A test double of an engine that keeps markup as real engines do: it upper-cases the text of each HTML fragment
 * and leaves tags alone ({@link TranslateServer#shout}); {@code damage} then spoils answers the way engines
 * sometimes do (a tag lost, doubled or invented). It serves every pair but ar→en. Never used outside tests.
 */
final class ShoutEngine implements TranslationEngine {
    private final UnaryOperator<String> damage;

    ShoutEngine(UnaryOperator<String> damage) {
        this.damage = damage;
    }

    ShoutEngine() {
        this(UnaryOperator.identity());
    }

    @Override
    public String name() {
        return "shout";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Optional<String> unsupportedReason(String sourceLang, String targetLang) {
        return sourceLang.equals("ar") && targetLang.equals("en") ? Optional.of("shout: no ar→en pair")
                : Optional.empty();
    }

    @Override
    public List<TranslatedSegment> translate(String sourceLang, String targetLang, List<String> segments) {
        List<TranslatedSegment> out = new ArrayList<>();
        for (String segment : segments) {
            out.add(new TranslatedSegment(damage.apply(TranslateServer.shout(segment)), 0));
        }
        return out;
    }
}
