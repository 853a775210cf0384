package dev.tarjim.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SegmenterTest {
    private static final String[] ARABIC_SENTENCES = {
        "بعث الرئيس الصيني شي جين بينغ رسالة تهنئة إلى الاجتماع الثامن للحوار بين الحزبين الحاكمين في الصين وروسيا.",
        "وأكد أن العلاقات بين البلدين تشهد أفضل مراحلها في التاريخ، ",
        "وأن التعاون بين الحزبين يشكل ركيزة مهمة لهذه العلاقات.",
        "هل يمكن أن يستمر هذا التقارب في السنوات المقبلة؟",
        "قال المتحدث إن الاجتماع ناقش قضايا التنمية والحوكمة؛ ",
        "وشارك فيه أكثر من مئة ممثل عن الحزبين من مختلف المقاطعات والمدن!",
    };

    private final Segmenter segmenter = new Segmenter(Segmenter.AMAZON_TRANSLATE_MAX_BYTES);

    /** Four Arabic paragraphs of about 15,000 bytes each: 60,000 bytes and more, every one too long for one call. */
    static List<String> arabicBody(int minBytes) {
        List<String> paragraphs = new ArrayList<>();
        int total = 0;
        int n = 0;
        while (total < minBytes) {
            StringBuilder paragraph = new StringBuilder();
            while (bytes(paragraph.toString()) < 15_000) {
                if (paragraph.length() > 0 && paragraph.charAt(paragraph.length() - 1) != ' ') {
                    paragraph.append(' ');
                }
                paragraph.append(ARABIC_SENTENCES[n % ARABIC_SENTENCES.length].replace("الثامن", "رقم " + n));
                n++;
            }
            String text = paragraph.toString().strip();
            paragraphs.add(text);
            total += bytes(text);
        }
        return paragraphs;
    }

    @Test
    void split_arabicBodyOf60000Bytes_callsOfAtMost10000BytesOnSentenceBounds_rejoinedIntoSameParagraphs() {
        List<String> body = arabicBody(60_000);
        assertThat(body.stream().mapToInt(SegmenterTest::bytes).sum()).isGreaterThanOrEqualTo(60_000);

        List<Segmenter.Piece> pieces = segmenter.split(body);
        List<List<Integer>> calls = segmenter.batches(pieces);

        assertThat(calls).hasSizeGreaterThanOrEqualTo(6);
        for (List<Integer> call : calls) {
            assertThat(bytes(Segmenter.batchText(pieces, call))).isLessThanOrEqualTo(10_000);
        }
        for (Segmenter.Piece piece : pieces) {
            assertThat(piece.text()).matches("(?s).*[.؟،؛!]$");
        }
        List<String> translated = pieces.stream().map(Segmenter.Piece::text).collect(Collectors.toList());
        List<String> rejoined = Segmenter.rejoin(body.size(), pieces, translated);
        assertThat(rejoined).hasSize(body.size()).isEqualTo(body);
    }

    @Test
    void split_chineseWithoutSpaces_cutsAfterFullStopsAndKeepsEveryCharacter() {
        String sentence = "习近平和普京向中俄执政党对话机制第八次会议致贺信。";
        String paragraph = sentence.repeat(20);
        Segmenter small = new Segmenter(200);

        List<Segmenter.Piece> pieces = small.split(List.of(paragraph));

        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(pieces).allSatisfy(p -> {
            assertThat(bytes(p.text())).isLessThanOrEqualTo(200);
            assertThat(p.text()).endsWith("。");
        });
        assertThat(Segmenter.rejoin(1, pieces, texts(pieces))).containsExactly(paragraph);
    }

    @Test
    void split_longSentenceWithoutPunctuation_cutsAtWhitespaceNeverInsideAWord() {
        String paragraph = "the delegates of both ruling parties discussed development and governance ".repeat(10)
                .strip();
        Segmenter small = new Segmenter(60);

        List<Segmenter.Piece> pieces = small.split(List.of(paragraph));

        Set<String> words = Set.copyOf(Arrays.asList(paragraph.split(" ")));
        assertThat(pieces).hasSizeGreaterThan(5).allSatisfy(p -> {
            assertThat(bytes(p.text())).isLessThanOrEqualTo(60);
            assertThat(words).containsAll(Arrays.asList(p.text().split(" ")));
        });
        assertThat(Segmenter.rejoin(1, pieces, texts(pieces))).containsExactly(paragraph);
    }

    @Test
    void split_longHtmlSentence_neverCutsInsideATag() {
        String paragraph = "the <a id=\"l1\">delegates</a> of both <code id=\"c1\" translate=\"no\"></code> parties "
                .repeat(10).strip();
        Segmenter small = new Segmenter(60);

        List<Segmenter.Piece> pieces = small.split(List.of(paragraph));

        assertThat(pieces).hasSizeGreaterThan(5).allSatisfy(p -> {
            assertThat(bytes(p.text())).isLessThanOrEqualTo(60);
            assertThat(p.text().chars().filter(c -> c == '<').count())
                    .isEqualTo(p.text().chars().filter(c -> c == '>').count());
        });
        assertThat(Segmenter.rejoin(1, pieces, texts(pieces))).containsExactly(paragraph);
    }

    @Test
    void split_unbreakableRunWithEmoji_cutsAtGraphemeBoundsWithinLimit() {
        String run = "https://example.com/" + "a👍ب".repeat(40);
        Segmenter small = new Segmenter(50);

        List<Segmenter.Piece> pieces = small.split(List.of(run));

        assertThat(pieces).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(bytes(p.text())).isLessThanOrEqualTo(50);
            assertThat(Character.isHighSurrogate(p.text().charAt(p.text().length() - 1))).isFalse();
        });
        assertThat(String.join("", texts(pieces))).isEqualTo(run);
    }

    @Test
    void split_decimalPointAndAbbreviation_areNotSentenceEnds() {
        String paragraph = "Trade grew 3.5 percent to 240.1 billion dollars in the year to June and more is expected.";
        Segmenter small = new Segmenter(60);

        List<Segmenter.Piece> pieces = small.split(List.of(paragraph));

        assertThat(texts(pieces)).noneMatch(t -> t.endsWith("3.") || t.endsWith("240."));
        assertThat(Segmenter.rejoin(1, pieces, texts(pieces))).containsExactly(paragraph);
    }

    @Test
    void batches_shortParagraphs_travelTogetherInOneCallAndLineBreaksInsideParagraphsSurvive() {
        List<String> body = List.of("First paragraph.", "Second one,\nwith a line break.", "", "Third.");

        List<Segmenter.Piece> pieces = segmenter.split(body);
        List<List<Integer>> calls = segmenter.batches(pieces);

        assertThat(calls).hasSize(1);
        assertThat(Segmenter.batchText(pieces, calls.get(0)))
                .isEqualTo("First paragraph.\nSecond one,\nwith a line break.\nThird.");
        List<String> upper = texts(pieces).stream().map(String::toUpperCase).collect(Collectors.toList());
        assertThat(Segmenter.rejoin(body.size(), pieces, upper))
                .containsExactly("FIRST PARAGRAPH.", "SECOND ONE,\nWITH A LINE BREAK.", "", "THIRD.");
    }

    @Test
    void utf8Length_countsLikeTheEncoder() {
        String mixed = "abc ب 中 👍 é\n";
        assertThat(Segmenter.utf8Length(mixed)).isEqualTo(mixed.getBytes(StandardCharsets.UTF_8).length);
    }

    private static List<String> texts(List<Segmenter.Piece> pieces) {
        return pieces.stream().map(Segmenter.Piece::text).collect(Collectors.toList());
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
