package dev.tarjim.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.article.Block;
import dev.tarjim.article.BodyHtml;
import dev.tarjim.article.Inline;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The translator keeps an article's structure: blocks, links, emphasis, code, figures. */
class TranslatorStructureTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final String REPORT = "https://example.org/report?a=1&b=2";
    private static final String RALLY = "https://example.org/rally";
    private static final String PHOTO = "https://img.example.org/crowd.jpg";

    private static final Block PARAGRAPH = new Block.Paragraph(List.of(new Inline.Text("The "),
            new Inline.Link(REPORT, "The report", Inline.text("full report")), new Inline.Text(" was "),
            new Inline.Emphasis(Inline.text("leaked")), new Inline.Text(" with "), new Inline.Code("git push"),
            new Inline.Text(" & <more>.")));
    private static final Block FIGURE = new Block.Figure(PHOTO, "A crowd in the square", List.of(
            new Inline.Text("Crowds at the "), new Inline.Link(RALLY, null, Inline.text("rally"))), "Photo: AP", 800,
            600);

    private static List<Block> article() {
        return List.of(new Block.Heading(2, Inline.text("Background")), PARAGRAPH,
                new Block.ListBlock(false, List.of(Inline.text("first item"),
                        List.of(new Inline.Strong(Inline.text("second")), new Inline.Text(" item")))),
                new Block.Quote(List.of(Inline.text("We will win.")), Inline.text("the minister")), FIGURE,
                new Block.Preformatted("let x = 1;"),
                new Block.Table(true, List.of(List.of(Inline.text("Party"), Inline.text("Seats")))));
    }

    private static TranslationOutcome.Translated translate(TranslationEngine engine, List<Block> blocks) {
        return (TranslationOutcome.Translated) new Translator(engine, new InMemoryTranslationMemory(), CLOCK)
                .translate("en", "es", "The leak", blocks);
    }

    @Test
    void translate_richArticle_keepsEveryBlockLinkEmphasisAndCodeAndTranslatesCaptionsAndAlt() {
        CountingEngine engine = new CountingEngine(new ShoutEngine());

        TranslationOutcome.Translated es = translate(engine, article());

        assertThat(es.title()).isEqualTo("THE LEAK");
        assertThat(es.markupFallbacks()).isZero();
        assertThat(es.blocks()).extracting(Block::kind).containsExactly(Block.Kind.HEADING, Block.Kind.PARAGRAPH,
                Block.Kind.LIST, Block.Kind.QUOTE, Block.Kind.FIGURE, Block.Kind.PREFORMATTED, Block.Kind.TABLE);
        assertThat(es.blocks().get(0)).isEqualTo(new Block.Heading(2, Inline.text("BACKGROUND")));
        assertThat(((Block.Paragraph) es.blocks().get(1)).content()).containsExactly(new Inline.Text("THE "),
                new Inline.Link(REPORT, "The report", Inline.text("FULL REPORT")), new Inline.Text(" WAS "),
                new Inline.Emphasis(Inline.text("LEAKED")), new Inline.Text(" WITH "), new Inline.Code("git push"),
                new Inline.Text(" & <MORE>."));
        assertThat(((Block.ListBlock) es.blocks().get(2)).items()).containsExactly(Inline.text("FIRST ITEM"),
                List.of(new Inline.Strong(Inline.text("SECOND")), new Inline.Text(" ITEM")));
        assertThat(es.blocks().get(3)).isEqualTo(new Block.Quote(List.of(Inline.text("WE WILL WIN.")),
                Inline.text("THE MINISTER")));
        assertThat(es.blocks().get(4)).isEqualTo(new Block.Figure(PHOTO, "A CROWD IN THE SQUARE", List.of(
                new Inline.Text("CROWDS AT THE "), new Inline.Link(RALLY, null, Inline.text("RALLY"))), "Photo: AP",
                800, 600));
        assertThat(es.blocks().get(5)).isEqualTo(new Block.Preformatted("let x = 1;"));
        assertThat(es.blocks().get(6)).isEqualTo(new Block.Table(true, List.of(List.of(Inline.text("PARTY"),
                Inline.text("SEATS")))));
        assertThat(engine.calls()).singleElement().satisfies(call -> assertThat(call.segments())
                .contains("The <a id=\"l1\">full report</a> was <em>leaked</em> with "
                        + "<code id=\"c1\" translate=\"no\"></code> &amp; &lt;more&gt;.")
                .noneMatch(s -> s.contains("example.org") || s.contains("git push") || s.contains("let x")
                        || s.contains("The report") || s.contains("Photo: AP")));
    }

    @Test
    void translate_engineLosesALink_translatesThatPieceAsPlainTextAndCountsIt() {
        UnaryOperator<String> dropLink = s -> s.contains("FULL REPORT") && s.contains("<a")
                ? s.replace("<a id=\"l1\">", "").replace("</a>", "") : s;
        CountingEngine engine = new CountingEngine(new ShoutEngine(dropLink));

        TranslationOutcome.Translated es = translate(engine, article());

        assertThat(es.markupFallbacks()).isEqualTo(1);
        assertThat(es.warnings()).singleElement().asString().contains("1 piece");
        assertThat(((Block.Paragraph) es.blocks().get(1)).content()).containsExactly(
                new Inline.Text("THE FULL REPORT WAS LEAKED WITH "), new Inline.Code("git push"),
                new Inline.Text(" & <MORE>."));
        assertThat(((Block.Figure) es.blocks().get(4)).caption()).contains(new Inline.Link(RALLY, null,
                Inline.text("RALLY")));
        assertThat(engine.calls()).hasSize(2);
        assertThat(engine.calls().get(1).segments()).containsExactly(
                "The full report was leaked with <code id=\"c1\" translate=\"no\"></code> &amp; &lt;more&gt;.");
    }

    @Test
    void translate_engineDoublesALink_fallsBackRatherThanLinkTwice() {
        UnaryOperator<String> doubleLink = s -> s.replace("<a id=\"l1\">RALLY</a>",
                "<a id=\"l1\">RALLY</a> <a id=\"l1\">AGAIN</a>");

        TranslationOutcome.Translated es = translate(new ShoutEngine(doubleLink), List.of(FIGURE));

        assertThat(es.markupFallbacks()).isEqualTo(1);
        assertThat(((Block.Figure) es.blocks().get(0)).caption()).containsExactly(
                new Inline.Text("CROWDS AT THE RALLY"));
    }

    @Test
    void translate_engineWritesAnHref_theSourceHrefIsKept() {
        UnaryOperator<String> rewrite = s -> s.replace("<a id=\"l1\">",
                "<a id=\"l1\" href=\"https://evil.example/\" title=\"x\" onclick=\"steal()\">");

        TranslationOutcome.Translated es = translate(new ShoutEngine(rewrite), List.of(PARAGRAPH));

        assertThat(es.markupFallbacks()).isZero();
        assertThat(BodyHtml.render(es.blocks())).contains("href=\"" + BodyHtml.escape(REPORT) + "\"")
                .doesNotContain("evil").doesNotContain("onclick");
    }

    @Test
    void translate_engineInventsALink_noLinkIsInventedAndNoWordLost() {
        UnaryOperator<String> invent = s -> s.contains("FULL REPORT") ? s + " <a href=\"https://evil.example/\">CLICK</a>"
                : s;

        TranslationOutcome.Translated es = translate(new ShoutEngine(invent), List.of(PARAGRAPH));

        assertThat(es.markupFallbacks()).isEqualTo(1);
        String html = BodyHtml.render(es.blocks());
        assertThat(html).doesNotContain("evil").doesNotContain("<a ").contains("FULL REPORT", "LEAKED", "CLICK");
    }

    @Test
    void translate_engineLosesTheCodePlaceholderEvenInPlainText_appendsTheCodeRatherThanDropIt() {
        UnaryOperator<String> dropCode = s -> s.replace("<code id=\"c1\" translate=\"no\"></code>", "");

        TranslationOutcome.Translated es = translate(new ShoutEngine(dropCode), List.of(PARAGRAPH));

        assertThat(es.markupFallbacks()).isEqualTo(1);
        List<Inline> content = ((Block.Paragraph) es.blocks().get(0)).content();
        assertThat(content).filteredOn(i -> i instanceof Inline.Code).containsExactly(new Inline.Code("git push"));
        assertThat(Inline.plain(content)).contains("FULL REPORT", "LEAKED", "<MORE>");
    }

    @Test
    void translate_pieceOfOnlyCode_isNotSent() {
        CountingEngine engine = new CountingEngine(new ShoutEngine());

        TranslationOutcome.Translated es = translate(engine, List.of(new Block.Paragraph(
                List.of(new Inline.Code("make test"))), Block.Paragraph.of("Run it.")));

        assertThat(es.blocks().get(0)).isEqualTo(new Block.Paragraph(List.of(new Inline.Code("make test"))));
        assertThat(engine.calls()).singleElement().satisfies(c -> assertThat(c.segments())
                .containsExactly("The leak", "Run it."));
    }

    @Test
    void reuploadWithOneRichParagraphChanged_costsExactlyOneEngineSegmentPerLanguage() {
        CountingEngine engine = new CountingEngine(new ShoutEngine());
        Translator translator = new Translator(engine, new InMemoryTranslationMemory(), CLOCK);
        List<Block> body = new ArrayList<>(article());
        translator.translateAll("en", List.of("es", "ca"), "The leak", body);
        engine.reset();
        body.set(1, new Block.Paragraph(List.of(new Inline.Text("The "), new Inline.Link(REPORT, null,
                Inline.text("whole report")), new Inline.Text(" was leaked."))));

        Map<String, TranslationOutcome> outcomes = translator.translateAll("en", List.of("es", "ca"), "The leak",
                body);

        assertThat(engine.calls()).hasSize(2).allSatisfy(c -> assertThat(c.segments())
                .containsExactly("The <a id=\"l1\">whole report</a> was leaked."));
        assertThat(engine.segmentsSent()).isEqualTo(2);
        TranslationOutcome.Translated ca = (TranslationOutcome.Translated) outcomes.get("ca");
        assertThat(((Block.Paragraph) ca.blocks().get(1)).content()).contains(new Inline.Link(REPORT, null,
                Inline.text("WHOLE REPORT")));
        assertThat(ca.segmentsTranslated()).isEqualTo(1);
        assertThat(ca.segmentsFromMemory()).isEqualTo(10); // the title and ten pieces, less the changed one
    }

    @Test
    void unchangedReuploadAfterAFallback_costsNoEngineCallAndGivesTheSameBlocks() {
        UnaryOperator<String> dropLink = s -> s.replace("<a id=\"l1\">", "").replace("</a>", "");
        CountingEngine engine = new CountingEngine(new ShoutEngine(dropLink));
        Translator translator = new Translator(engine, new InMemoryTranslationMemory(), CLOCK);
        TranslationOutcome.Translated first = (TranslationOutcome.Translated) translator.translate("en", "es", "T",
                List.of(PARAGRAPH));
        engine.reset();

        TranslationOutcome.Translated again = (TranslationOutcome.Translated) translator.translate("en", "es", "T",
                List.of(PARAGRAPH));

        assertThat(engine.calls()).isEmpty();
        assertThat(again.blocks()).isEqualTo(first.blocks());
        assertThat(again.markupFallbacks()).isEqualTo(1);
    }
}
