package dev.tarjim.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummariesTest {

    @Test
    void summaryOf_shortParagraph_isTheParagraph() {
        assertThat(Summaries.summaryOf("The president sent a letter.")).isEqualTo("The president sent a letter.");
    }

    @Test
    void summaryOf_longParagraph_isCutAtAWordBoundary_withoutTrailingComma() {
        String paragraph = "word, ".repeat(100);
        String summary = Summaries.summaryOf(paragraph);
        assertThat(summary).endsWith("word…").hasSizeLessThanOrEqualTo(301);
        assertThat(paragraph).startsWith(summary.substring(0, summary.length() - 1));
    }

    @Test
    void summaryOf_textWithoutSpaces_isCutAtTheLength() {
        assertThat(Summaries.summaryOf("中".repeat(400))).isEqualTo("中".repeat(300) + "…");
    }
}
