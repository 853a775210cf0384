package dev.tarjim.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CompactLanguageDetectorTest {

    private final CompactLanguageDetector detector = new CompactLanguageDetector();

    /** One labelled paragraph of the evaluation set. */
    record Sample(String lang, String text) {
    }

    static List<Sample> evaluationSet() throws IOException {
        try (InputStream in = CompactLanguageDetectorTest.class.getResourceAsStream("/article/language-eval.tsv")) {
            List<Sample> samples = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t", 2);
                    samples.add(new Sample(parts[0], parts[1]));
                }
            }
            return samples;
        }
    }

    @Test
    void detect_evaluationParagraphs_atLeast95PercentRight() throws IOException {
        List<Sample> samples = evaluationSet();
        List<String> misses = new ArrayList<>();
        Map<String, int[]> perLanguage = new TreeMap<>();
        for (Sample s : samples) {
            String got = detector.detect(s.text()).orElse("?");
            int[] counts = perLanguage.computeIfAbsent(s.lang(), k -> new int[2]);
            counts[1]++;
            if (got.equals(s.lang())) {
                counts[0]++;
            } else {
                misses.add(s.lang() + "->" + got + ": " + s.text());
            }
        }
        double accuracy = 1.0 - (double) misses.size() / samples.size();
        StringBuilder report = new StringBuilder();
        perLanguage.forEach((lang, c) -> report.append(lang).append(' ').append(c[0]).append('/').append(c[1]).append('\n'));
        System.out.println("accuracy " + accuracy + " on " + samples.size() + "\n" + report + String.join("\n", misses));
        assertThat(samples).hasSizeGreaterThanOrEqualTo(120);
        assertThat(accuracy).as("misses:%n%s", String.join("\n", misses)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void detect_eachCoreLanguage_onOneParagraph() throws IOException {
        for (String lang : List.of("ar", "en", "zh", "es", "fr", "ru")) {
            long right = evaluationSet().stream().filter(s -> s.lang().equals(lang))
                    .filter(s -> detector.detect(s.text()).orElse("").equals(lang)).count();
            assertThat(right).as(lang).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void detect_tooLittleText_isEmpty() {
        assertThat(detector.detect("OK")).isEmpty();
        assertThat(detector.detect("2024 — 17:30")).isEmpty();
        assertThat(detector.detect("")).isEmpty();
    }

    @Test
    void detect_namesWithoutFunctionWords_isEmpty() {
        assertThat(detector.detect("Xi Jinping Vladimir Putin")).isEmpty();
    }

    @Test
    void detect_arabicWithLatinAcronyms_isArabic() {
        assertThat(detector.detect("أعلنت منظمة الصحة العالمية WHO أن فيروس COVID-19 لم يعد حالة طوارئ صحية عالمية"))
                .contains("ar");
    }

    @Test
    void detect_japaneseKana_isNotChinese() {
        assertThat(detector.detect("東京で新しい美術館が開館しました。多くの人が訪れています。")).contains("ja");
    }

    @Test
    void detect_ukrainianLetters_isUkrainian() {
        assertThat(detector.detect("Президент підписав закон про освіту, який набуде чинності з першого вересня."))
                .contains("uk");
    }
}
