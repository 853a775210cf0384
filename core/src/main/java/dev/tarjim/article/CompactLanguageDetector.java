package dev.tarjim.article;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small, dependency-free {@link LanguageDetector}: Unicode scripts decide non-Latin languages, function words and
 * diacritics decide between Latin-script languages.
 *
 * <p>Supported: Arabic, Persian and Urdu (told apart by their own letters: ة ي ك for Arabic, پ چ گ ک ی for Persian,
 * ٹ ڈ ڑ ں ے ہ for Urdu), Chinese, Japanese (kana), Korean, Russian, Ukrainian, Serbian, Greek, Hebrew, Hindi, Thai
 * and a dozen more scripts; in Latin script English, Spanish, French, German, Italian, Portuguese, Catalan and Dutch.
 * Measured on the evaluation set in {@code docs/language-detection.md}: no resources, a few tens of KB of classes,
 * sub-millisecond initialisation.
 *
 * <p>Latin scoring: each word found in a language's list of frequent function words adds {@code 1/k} to it, where
 * {@code k} is the number of languages whose list holds the word (so "de" or "a", common to many, decide little);
 * language-specific letters (ñ, ã, ß, ç, è...) and spellings (-ção, -ción, -zione, -ung, th, ij, ny...) add
 * smaller amounts. The
 * text is undetectable when it has too few letters or no function word at all.
 *
 * <p>Thread-safe; the word table is built once, when the class loads.
 */
public final class CompactLanguageDetector implements LanguageDetector {

    /** Longer texts are sampled: 10,000 characters decide as well as a whole book and keep detection cheap. */
    private static final int SAMPLE = 10_000;
    private static final int MIN_WEIGHTED_LETTERS = 5;
    private static final double MIN_LATIN_SCORE = 1.0;

    private static final String[] LATIN = {"en", "es", "fr", "de", "it", "pt", "ca", "nl"};
    private static final String[] STOP_WORDS = {
        // en
        "the of and to in is was for that on with as by at from it its he she they we you i his her their our are "
            + "were be been has have had will would can could not but or an this these those which who whom what when "
            + "where there than then also after before about into over under more most new said says year years one "
            + "two first last up out all no so if do does did just only other some such may might should while "
            + "because between against during without through government people president 's 't 're 've 'll",
        // es
        "el la los las de del y en a que por para con un una unos unas es son fue fueron ha han había se su sus al "
            + "lo como más pero sin sobre entre también este esta estos estas ese esa hay muy ya cuando donde porque "
            + "desde hasta durante tras según dijo años año gobierno presidente país nos le les ni o sí está están ser "
            + "era sido hace todo todos otro otra parte cual ante bajo no mientras ayer después",
        // fr
        "le la les de des du un une et en à au aux que qui dans pour par sur avec ne pas plus est sont a ont été "
            + "être il elle ils elles on nous vous ce cette ces son sa ses leur leurs mais ou où comme aussi après "
            + "avant entre sans sous selon lors dont tout tous très bien fait déjà encore président gouvernement pays "
            + "années année dit l' d' qu' n' c' s' j' m' y se lui même hier depuis pendant",
        // de
        "der die das den dem des ein eine einen einem einer eines und in im ist sind war waren wird werden wurde "
            + "hat haben hatte nicht mit von zu zum zur auf für an am als auch es sie er wir ich ihr sich bei nach aus "
            + "über unter vor durch gegen um oder aber wenn dass daß noch nur schon so wie was mehr sehr kann können "
            + "soll muss jahr jahre regierung präsident land seit bereits sagte",
        // it
        "il lo la i gli le un uno una di del della dei degli delle da dal dalla e ed è in nel nella per con su sul "
            + "sulla che non si ha hanno sono era stato stata essere anche come più ma o al alla ai agli questo questa "
            + "quello quella dopo prima tra fra molto già ancora tutto tutti secondo detto governo presidente paese "
            + "anni anno l' dell' all' un' nell' sull' dall' quell' ieri mentre",
        // pt
        "o a os as de do da dos das um uma uns umas e em no na nos nas por para com que não se é são foi foram ser "
            + "está estão tem têm ao aos à às pelo pela pelos pelas seu sua seus suas mais mas como também quando onde "
            + "porque já muito entre sobre após até sem este esta isso isto esse essa disse anos ano governo presidente "
            + "país ele ela eles elas lhe ontem enquanto",
        // ca
        "el la els les de del dels i en a que per amb un una uns unes es és són va van ha han ser estat al als no "
            + "hi ho ens li seu seva seus seves més però com també quan on perquè ja molt entre sobre després fins "
            + "sense aquest aquesta aquests aquestes això dit anys any govern president país l' d' n' s' pel pels "
            + "aquell ahir mentre",
        // nl
        "de het een en van in is op te dat die voor met zijn er aan niet als ook bij door om maar of uit tot over "
            + "naar wordt worden werd was waren heeft hebben had ze hij zij wij ik je u dit deze meer nog al geen wel "
            + "kan zal jaar jaren regering land zei",
    };
    private static final Map<String, double[]> WORDS = new HashMap<>();
    private static final Map<Character, double[]> LETTERS = new HashMap<>();
    /**
     * Letter sequences typical of a language's spelling, as {@code sequence, lang, weight, ...}: "^" and "$" anchor
     * them to the start or end of a word. They decide short texts with few function words ("Die Polizei sucht
     * Zeugen.").
     */
    private static final Object[][] SEQUENCES = {
        {"th", "en", .3}, {"wh", "en", .3}, {"ght", "en", .4}, {"sh", "en", .15}, {"ing$", "en", .3},
        {"ly$", "en", .2}, {"ness$", "en", .3}, {"y$", "en", .1}, {"w", "en", .15, "de", .1, "nl", .05},
        {"sch", "de", .3, "nl", .2}, {"ei", "de", .15, "nl", .1}, {"ie", "de", .1}, {"tz", "de", .3},
        {"z", "de", .1, "it", .05}, {"cht", "de", .2, "nl", .2}, {"ung$", "de", .3}, {"heit$", "de", .4},
        {"keit$", "de", .4}, {"lich$", "de", .3}, {"ij", "nl", .4}, {"aa", "nl", .3}, {"oe", "nl", .2},
        {"uu", "nl", .3}, {"ee", "nl", .1, "en", .1},
        {"ción$", "es", .4}, {"ciones$", "es", .4}, {"dad$", "es", .3}, {"ue", "es", .1}, {"os$", "es", .15, "pt", .1},
        {"ía", "es", .15, "pt", .1}, {"mente$", "es", .15, "it", .1, "pt", .1}, {"ll", "es", .05, "ca", .05},
        {"ção", "pt", .4}, {"ões$", "pt", .4}, {"ão$", "pt", .4}, {"nh", "pt", .3}, {"lh", "pt", .3},
        {"dade$", "pt", .3}, {"m$", "pt", .15},
        {"ny", "ca", .3}, {"ix", "ca", .2}, {"tx", "ca", .4}, {"ts$", "ca", .2}, {"ció$", "ca", .4},
        {"cions$", "ca", .4}, {"eu$", "ca", .2}, {"iu$", "ca", .2}, {"ns$", "ca", .15}, {"tat$", "ca", .3},
        {"ment$", "ca", .1, "fr", .1, "en", .1},
        {"eau", "fr", .4}, {"ou", "fr", .1}, {"oi", "fr", .15}, {"aux$", "fr", .3}, {"eux$", "fr", .3},
        {"ée", "fr", .3}, {"ais$", "fr", .2}, {"ait$", "fr", .3}, {"ent$", "fr", .05},
        {"zz", "it", .4}, {"cc", "it", .2}, {"gli", "it", .4}, {"zione$", "it", .4}, {"zioni$", "it", .4},
        {"chi", "it", .15}, {"che", "it", .1}, {"gn", "it", .1, "fr", .1}, {"i$", "it", .15},
    };
    private static final String[] SEQ_TEXT = new String[SEQUENCES.length];
    private static final int[] SEQ_ANCHOR = new int[SEQUENCES.length];
    private static final double[][] SEQ_WEIGHTS = new double[SEQUENCES.length][];

    static {
        Map<String, boolean[]> owners = new HashMap<>();
        for (int l = 0; l < LATIN.length; l++) {
            for (String word : STOP_WORDS[l].split(" ")) {
                owners.computeIfAbsent(word, w -> new boolean[LATIN.length])[l] = true;
            }
        }
        owners.forEach((word, in) -> {
            int k = 0;
            for (boolean b : in) {
                k += b ? 1 : 0;
            }
            double[] weights = new double[LATIN.length];
            for (int l = 0; l < in.length; l++) {
                weights[l] = in[l] ? 1.0 / k : 0;
            }
            WORDS.put(word, weights);
        });
        for (int i = 0; i < SEQUENCES.length; i++) {
            String seq = (String) SEQUENCES[i][0];
            SEQ_ANCHOR[i] = seq.startsWith("^") ? -1 : seq.endsWith("$") ? 1 : 0;
            SEQ_TEXT[i] = seq.replace("^", "").replace("$", "");
            SEQ_WEIGHTS[i] = weights(SEQUENCES[i], 1);
        }
        letter('ñ', "es", 1.0);
        letter('¿', "es", 1.0);
        letter('¡', "es", 1.0);
        letter('ã', "pt", 1.0);
        letter('õ', "pt", 1.0);
        letter('ß', "de", 1.0);
        letter('ä', "de", 0.8);
        letter('ö', "de", 0.8);
        letter('ü', "de", 0.6);
        letter('œ', "fr", 1.0);
        letter('ç', "pt", 0.3, "fr", 0.3, "ca", 0.3);
        letter('è', "fr", 0.3, "it", 0.3, "ca", 0.3);
        letter('ê', "fr", 0.4, "pt", 0.3);
        letter('â', "fr", 0.4, "pt", 0.3);
        letter('ô', "fr", 0.4, "pt", 0.3);
        letter('î', "fr", 0.5);
        letter('û', "fr", 0.5);
        letter('ë', "fr", 0.2, "nl", 0.4);
        letter('ì', "it", 0.6);
        letter('ò', "it", 0.4, "ca", 0.4);
        letter('ù', "it", 0.4, "fr", 0.2);
        letter('à', "fr", 0.2, "it", 0.2, "ca", 0.2, "pt", 0.1);
        letter('á', "es", 0.3, "pt", 0.3);
        letter('í', "es", 0.2, "pt", 0.2, "ca", 0.2);
        letter('ó', "es", 0.2, "pt", 0.2, "ca", 0.2);
        letter('ú', "es", 0.3, "pt", 0.2);
        letter('ï', "ca", 0.3, "fr", 0.3);
        letter('·', "ca", 1.0);
    }

    private static void letter(char c, Object... langWeights) {
        LETTERS.put(c, weights(langWeights, 0));
    }

    private static double[] weights(Object[] langWeights, int from) {
        double[] w = new double[LATIN.length];
        for (int i = from; i < langWeights.length; i += 2) {
            w[latinIndex((String) langWeights[i])] = (Double) langWeights[i + 1];
        }
        return w;
    }

    private static int latinIndex(String lang) {
        for (int i = 0; i < LATIN.length; i++) {
            if (LATIN[i].equals(lang)) {
                return i;
            }
        }
        throw new IllegalArgumentException(lang);
    }

    @Override
    public Optional<String> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        Scripts scripts = Scripts.count(sample);
        if (scripts.weightedTotal() < MIN_WEIGHTED_LETTERS) {
            return Optional.empty();
        }
        Character.UnicodeScript dominant = scripts.dominant();
        switch (dominant) {
            case LATIN:
                return latin(sample);
            case ARABIC:
                return Optional.of(arabicScript(scripts));
            case HAN:
            case HIRAGANA:
            case KATAKANA:
                return Optional.of(scripts.kana * 5 >= scripts.han ? "ja" : "zh");
            case CYRILLIC:
                return Optional.of(cyrillic(scripts));
            default:
                return Optional.ofNullable(Scripts.SINGLE_LANGUAGE.get(dominant));
        }
    }

    /** Urdu and Persian share letters Arabic lacks; Urdu adds its own on top (retroflexes, ے, ہ). */
    private static String arabicScript(Scripts s) {
        if (s.arabicOnly >= s.persianShared) {
            return "ar";
        }
        return s.urduOnly > 0 && s.urduOnly * 20 >= s.persianShared * 3 ? "ur" : "fa";
    }

    private static String cyrillic(Scripts s) {
        if (s.ukrainianOnly > s.russianOnly) {
            return "uk";
        }
        if (s.serbianOnly > s.russianOnly) {
            return "sr";
        }
        return "ru";
    }

    private static Optional<String> latin(String text) {
        double[] score = new double[LATIN.length];
        boolean anyWord = false;
        StringBuilder word = new StringBuilder();
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? Character.toLowerCase(text.charAt(i)) : ' ';
            if (Character.isLetter(c)) {
                word.append(c);
                double[] w = LETTERS.get(c);
                if (w != null) {
                    add(score, w, 1);
                }
                continue;
            }
            if (c == '·' && word.length() > 0) {
                add(score, LETTERS.get('·'), 1);
                continue;
            }
            boolean apostrophe = c == '\'' || c == '’';
            if (apostrophe && word.length() > 0 && WORDS.containsKey(word + "'")) {
                // An elided article or preposition (l', d', dell'): a strong French/Italian/Catalan sign.
                anyWord |= score(score, word + "'");
                word.setLength(0);
                continue;
            }
            if (word.length() > 0) {
                String w = word.toString();
                anyWord |= score(score, w);
                spelling(score, w);
                word.setLength(0);
            }
            if (apostrophe) {
                int j = i + 1;
                while (j < n && Character.isLetter(text.charAt(j))) {
                    j++;
                }
                String clitic = "'" + text.substring(i + 1, j).toLowerCase(java.util.Locale.ROOT);
                if (WORDS.containsKey(clitic)) {
                    anyWord |= score(score, clitic);
                    i = j - 1;
                }
            }
        }
        if (!anyWord) {
            return Optional.empty();
        }
        int best = 0;
        double second = 0;
        for (int l = 1; l < score.length; l++) {
            if (score[l] > score[best]) {
                second = score[best];
                best = l;
            } else {
                second = Math.max(second, score[l]);
            }
        }
        // A tie means the text does not tell: better to ask the editor than to guess.
        boolean clear = score[best] >= MIN_LATIN_SCORE && score[best] > second;
        return clear ? Optional.of(LATIN[best]) : Optional.empty();
    }

    private static boolean score(double[] score, String word) {
        double[] w = WORDS.get(word);
        if (w == null) {
            return false;
        }
        add(score, w, 1);
        return true;
    }

    private static void spelling(double[] score, String word) {
        for (int i = 0; i < SEQ_TEXT.length; i++) {
            String seq = SEQ_TEXT[i];
            boolean hit = switch (SEQ_ANCHOR[i]) {
                case -1 -> word.startsWith(seq);
                case 1 -> word.length() > seq.length() && word.endsWith(seq);
                default -> word.contains(seq);
            };
            if (hit) {
                add(score, SEQ_WEIGHTS[i], 1);
            }
        }
    }

    private static void add(double[] score, double[] w, double factor) {
        for (int l = 0; l < score.length; l++) {
            score[l] += w[l] * factor;
        }
    }

    /** Letter counts per script, and of the letters that tell languages of one script apart. */
    private static final class Scripts {
        static final Map<Character.UnicodeScript, String> SINGLE_LANGUAGE = Map.ofEntries(
                Map.entry(Character.UnicodeScript.HANGUL, "ko"), Map.entry(Character.UnicodeScript.GREEK, "el"),
                Map.entry(Character.UnicodeScript.HEBREW, "he"), Map.entry(Character.UnicodeScript.DEVANAGARI, "hi"),
                Map.entry(Character.UnicodeScript.THAI, "th"), Map.entry(Character.UnicodeScript.ARMENIAN, "hy"),
                Map.entry(Character.UnicodeScript.GEORGIAN, "ka"), Map.entry(Character.UnicodeScript.BENGALI, "bn"),
                Map.entry(Character.UnicodeScript.TAMIL, "ta"), Map.entry(Character.UnicodeScript.TELUGU, "te"),
                Map.entry(Character.UnicodeScript.GUJARATI, "gu"), Map.entry(Character.UnicodeScript.GURMUKHI, "pa"),
                Map.entry(Character.UnicodeScript.KANNADA, "kn"), Map.entry(Character.UnicodeScript.MALAYALAM, "ml"),
                Map.entry(Character.UnicodeScript.SINHALA, "si"), Map.entry(Character.UnicodeScript.KHMER, "km"),
                Map.entry(Character.UnicodeScript.LAO, "lo"), Map.entry(Character.UnicodeScript.MYANMAR, "my"),
                Map.entry(Character.UnicodeScript.ETHIOPIC, "am"), Map.entry(Character.UnicodeScript.TIBETAN, "bo"));

        final Map<Character.UnicodeScript, Integer> weighted = new HashMap<>();
        int han;
        int kana;
        int arabicOnly;
        int persianShared;
        int urduOnly;
        int russianOnly;
        int ukrainianOnly;
        int serbianOnly;

        static Scripts count(String text) {
            Scripts s = new Scripts();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (!Character.isLetter(cp)) {
                    continue;
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                int weight = 1;
                switch (script) {
                    case HAN -> {
                        s.han++;
                        weight = 3;
                    }
                    case HIRAGANA, KATAKANA -> {
                        s.kana++;
                        weight = 3;
                        script = Character.UnicodeScript.HAN;
                    }
                    case HANGUL -> weight = 3;
                    case ARABIC -> s.arabicLetter(cp);
                    case CYRILLIC -> s.cyrillicLetter(Character.toLowerCase(cp));
                    default -> {
                    }
                }
                s.weighted.merge(script, weight, Integer::sum);
            }
            return s;
        }

        private void arabicLetter(int cp) {
            switch (cp) {
                case 0x0629, 0x064A, 0x0643, 0x0649 -> arabicOnly++;
                case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06A9, 0x06CC -> persianShared++;
                case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06C1, 0x06BE -> urduOnly++;
                default -> {
                }
            }
        }

        private void cyrillicLetter(int cp) {
            switch (cp) {
                case 'ы', 'э', 'ъ', 'ё' -> russianOnly++;
                case 'і', 'ї', 'є', 'ґ' -> ukrainianOnly++;
                case 'ђ', 'ј', 'љ', 'њ', 'ћ', 'џ' -> serbianOnly++;
                default -> {
                }
            }
        }

        int weightedTotal() {
            int total = 0;
            for (int w : weighted.values()) {
                total += w;
            }
            return total;
        }

        Character.UnicodeScript dominant() {
            Character.UnicodeScript best = Character.UnicodeScript.COMMON;
            int bestWeight = -1;
            for (var e : weighted.entrySet()) {
                if (e.getValue() > bestWeight) {
                    best = e.getKey();
                    bestWeight = e.getValue();
                }
            }
            return best;
        }
    }
}
