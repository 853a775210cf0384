package dev.tarjim.article;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises declared languages to the BCP 47 primary language subtag Tarjim uses everywhere ({@code ar},
 * {@code en}, {@code zh}).
 *
 * <p>Accepts what editors and CMSs write: ISO 639-1 codes in any case ({@code AR}), ISO 639-2/3 codes
 * ({@code ara}, {@code fre}), tags with a region or script ({@code en-US}, {@code pt_BR}, {@code zh-Hans}) and
 * language names in English or in the language itself ({@code Arabic}, {@code العربية}). Regions and scripts are
 * dropped on purpose: feeds and translations are per language, and {@code en-GB} and {@code en} must not become two
 * feeds.
 */
public final class LanguageTags {

    private static final Pattern TAG = Pattern.compile("^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$");

    /** Bibliographic ISO 639-2 codes differ from the terminological ones {@link Locale} knows. */
    private static final Map<String, String> BIBLIOGRAPHIC = Map.ofEntries(
            Map.entry("chi", "zh"), Map.entry("fre", "fr"), Map.entry("ger", "de"), Map.entry("per", "fa"),
            Map.entry("dut", "nl"), Map.entry("gre", "el"), Map.entry("cze", "cs"), Map.entry("arm", "hy"),
            Map.entry("baq", "eu"), Map.entry("bur", "my"), Map.entry("geo", "ka"), Map.entry("ice", "is"),
            Map.entry("mac", "mk"), Map.entry("mao", "mi"), Map.entry("may", "ms"), Map.entry("rum", "ro"),
            Map.entry("slo", "sk"), Map.entry("tib", "bo"), Map.entry("wel", "cy"), Map.entry("alb", "sq"));

    /** Names in the languages themselves (Locale's English names cover the rest). */
    private static final Map<String, String> NATIVE_NAMES = Map.ofEntries(
            Map.entry("العربية", "ar"), Map.entry("عربي", "ar"), Map.entry("عربية", "ar"),
            Map.entry("中文", "zh"), Map.entry("汉语", "zh"), Map.entry("漢語", "zh"), Map.entry("普通话", "zh"),
            Map.entry("español", "es"), Map.entry("castellano", "es"), Map.entry("français", "fr"),
            Map.entry("русский", "ru"), Map.entry("deutsch", "de"), Map.entry("italiano", "it"),
            Map.entry("português", "pt"), Map.entry("català", "ca"), Map.entry("فارسی", "fa"),
            Map.entry("اردو", "ur"), Map.entry("english", "en"), Map.entry("日本語", "ja"), Map.entry("한국어", "ko"),
            Map.entry("türkçe", "tr"), Map.entry("nederlands", "nl"), Map.entry("עברית", "he"));

    private LanguageTags() {
    }

    /**
     * Normalises a declared language.
     *
     * @return the primary language subtag in lower case, or empty when the value names no known language
     */
    public static Optional<String> normalise(String declared) {
        if (declared == null || declared.isBlank()) {
            return Optional.empty();
        }
        String v = declared.strip();
        var m = TAG.matcher(v);
        if (m.matches()) {
            String primary = m.group(1).toLowerCase(Locale.ROOT);
            String code = primary.length() == 2 ? (Known.TWO.contains(primary) ? primary : null) : fromThree(primary);
            if (code != null) {
                return Optional.of(legacy(code));
            }
        }
        String lower = v.toLowerCase(Locale.ROOT);
        String nativeName = NATIVE_NAMES.get(lower);
        return Optional.ofNullable(nativeName != null ? nativeName : Names.ENGLISH.get(lower));
    }

    /**
     * Normalises a language the upload declares, refusing values that name no language (a typo in front matter
     * should reach the editor, not silently fall back to detection).
     *
     * @param field where the value came from, as the editor wrote it ({@code lang}, {@code language})
     */
    static String require(String field, String declared) throws UnsupportedUploadException {
        return normalise(declared).orElseThrow(() -> new UnsupportedUploadException(
                field + ": '" + declared.strip() + "' is not a language; use a BCP 47 code such as ar, en, zh or es"));
    }

    private static String fromThree(String three) {
        String b = BIBLIOGRAPHIC.get(three);
        return b != null ? b : Known.THREE.get(three);
    }

    /** Java's tables still answer the withdrawn codes for Hebrew, Indonesian and Yiddish on some paths. */
    private static String legacy(String code) {
        switch (code) {
            case "iw": return "he";
            case "in": return "id";
            case "ji": return "yi";
            default: return code;
        }
    }

    /** ISO tables, built on first use. */
    private static final class Known {
        static final Set<String> TWO = Set.of(Locale.getISOLanguages());
        static final Map<String, String> THREE = new HashMap<>();

        static {
            for (String two : TWO) {
                THREE.put(new Locale(two).getISO3Language(), two);
            }
        }
    }

    /** English names load locale display data (slow): built only when a value is neither a code nor a native name. */
    private static final class Names {
        static final Map<String, String> ENGLISH = new HashMap<>();

        static {
            for (String two : Known.TWO) {
                ENGLISH.put(new Locale(two).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), two);
            }
        }
    }
}
