package dev.tarjim.feed;

import java.util.Locale;
import java.util.Set;

/**
 * Facts about BCP 47 languages that rendering needs: writing direction and display names.
 *
 * <p>Names come from the JDK's CLDR data, so no table of names has to be kept here.
 */
public final class Languages {

    /** Languages written right to left when no script subtag says otherwise. */
    private static final Set<String> RTL_LANGUAGES = Set.of(
            "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ku", "lrc", "mzn", "nqo", "pnb", "ps",
            "sd", "syr", "ug", "ur", "yi");

    /** ISO 15924 scripts written right to left; a script subtag wins over the language (e.g. {@code az-Arab}). */
    private static final Set<String> RTL_SCRIPTS = Set.of(
            "Adlm", "Arab", "Aran", "Hebr", "Mand", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa");

    private Languages() {
    }

    /** Whether text in this BCP 47 language is written right to left ({@code ar}, {@code fa}, {@code he}, ...). */
    public static boolean isRightToLeft(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return false;
        }
        Locale locale = Locale.forLanguageTag(languageTag);
        String script = locale.getScript();
        if (!script.isEmpty()) {
            return RTL_SCRIPTS.contains(script);
        }
        return RTL_LANGUAGES.contains(locale.getLanguage());
    }

    /** The HTML {@code dir} value for this language: {@code rtl} or {@code ltr}. */
    public static String direction(String languageTag) {
        return isRightToLeft(languageTag) ? "rtl" : "ltr";
    }

    /** The language's English name ({@code Arabic}); the tag itself when the JDK knows no name. */
    public static String englishName(String languageTag) {
        return name(languageTag, Locale.ENGLISH);
    }

    /** The language's name in itself ({@code العربية}); the tag itself when the JDK knows no name. */
    public static String nativeName(String languageTag) {
        return name(languageTag, Locale.forLanguageTag(languageTag));
    }

    private static String name(String languageTag, Locale in) {
        String name = Locale.forLanguageTag(languageTag).getDisplayLanguage(in);
        if (name.isEmpty() || name.equalsIgnoreCase(languageTag)) {
            // The JDK echoes a code it has no name for.
            return languageTag;
        }
        // CLDR gives some names in lower case ("español"); a heading or list wants a capital.
        return name.substring(0, 1).toUpperCase(in) + name.substring(1);
    }
}
