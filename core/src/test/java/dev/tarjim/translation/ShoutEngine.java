package dev.tarjim.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test double of an engine that keeps markup as real engines do: it upper-cases the text of each HTML fragment
 * and leaves tags alone ({@link #shout}, which the {@link TranslateServer} uses too); {@code damage} then spoils
 * answers the way engines sometimes do (a tag lost, doubled or invented). It serves every pair but ar→en. Never
 * used outside tests.
 */
public final class ShoutEngine implements TranslationEngine {
    private static final Pattern MARKUP = Pattern.compile(
            "<[^>]*\\btranslate=\"no\"[^>]*>.*?</[^>]*>|<[^>]*>|&#?\\w+;");

    /** Upper-cases the text of an HTML fragment, leaving tags, references and {@code translate="no"} alone. */
    public static String shout(String html) {
        StringBuilder out = new StringBuilder(html.length());
        Matcher m = MARKUP.matcher(html);
        int last = 0;
        while (m.find()) {
            out.append(html.substring(last, m.start()).toUpperCase(Locale.ROOT)).append(m.group());
            last = m.end();
        }
        return out.append(html.substring(last).toUpperCase(Locale.ROOT)).toString();
    }

    private final UnaryOperator<String> damage;

    public ShoutEngine(UnaryOperator<String> damage) {
        this.damage = damage;
    }

    public ShoutEngine() {
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
            out.add(new TranslatedSegment(damage.apply(shout(segment)), 0));
        }
        return out;
    }
}
