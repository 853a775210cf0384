package dev.tarjim.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.article.Inline;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineFragmentTest {
    private static final Inline.Link LINK = new Inline.Link("https://example.org/a?b=1&c=\"2\"", "Title's",
            List.of(new Inline.Text("the "), new Inline.Strong(Inline.text("report"))));

    private static final List<Inline> CONTENT = List.of(new Inline.Text("Tom's & Jerry's <tag> "), LINK,
            new Inline.LineBreak(), new Inline.Emphasis(Inline.text("now")), new Inline.Text(" "),
            new Inline.Code("a < b"));

    @Test
    void of_escapesTextOnlyAndReplacesHrefsAndCodeByIds() {
        EngineFragment f = EngineFragment.of(CONTENT);

        assertThat(f.rich()).isEqualTo("Tom's &amp; Jerry's &lt;tag&gt; <a id=\"l1\">the <strong>report</strong></a>"
                + "<br><em>now</em> <code id=\"c1\" translate=\"no\"></code>");
        assertThat(f.plain()).isEqualTo("Tom's &amp; Jerry's &lt;tag&gt; the report<br>now "
                + "<code id=\"c1\" translate=\"no\"></code>");
        assertThat(f.hasMarkup()).isTrue();
        assertThat(f.translatable()).isTrue();
    }

    @Test
    void restore_unchangedAnswer_givesBackTheSourceContent() {
        EngineFragment f = EngineFragment.of(CONTENT);

        assertThat(f.restore(f.rich())).contains(CONTENT);
    }

    @Test
    void restore_linkAroundCodeOnly_isKept() {
        List<Inline> content = List.of(new Inline.Text("Run "), new Inline.Link("https://example.org/", null,
                List.of(new Inline.Code("make"))), new Inline.Text(" now."));
        EngineFragment f = EngineFragment.of(content);

        assertThat(f.restore(f.rich().replace("Run", "Ejecuta"))).contains(List.of(new Inline.Text("Ejecuta "),
                new Inline.Link("https://example.org/", null, List.of(new Inline.Code("make"))),
                new Inline.Text(" now.")));
    }

    @Test
    void restore_unknownOrEmptiedLinkOrStrayCode_isEmpty() {
        EngineFragment f = EngineFragment.of(CONTENT);

        assertThat(f.restore(f.rich().replace("l1", "l2"))).isEmpty();
        assertThat(f.restore(f.rich().replace("the <strong>report</strong>", ""))).isEmpty();
        assertThat(f.restore(f.rich() + "<code id=\"c9\"></code>")).isEmpty();
        assertThat(f.restore(f.rich().replace("<code id=\"c1\" translate=\"no\"></code>", ""))).isEmpty();
    }

    @Test
    void restorePlain_unwrapsAnyLinkAndFillsCode() {
        EngineFragment f = EngineFragment.of(CONTENT);

        List<Inline> restored = f.restorePlain("<a href=\"javascript:alert(1)\">x</a> y "
                + "<code id=\"c1\">rm -rf</code>");

        assertThat(restored).containsExactly(new Inline.Text("x y "), new Inline.Code("a < b"));
    }

    @Test
    void emptyAnswer_isNoTranslationAndThePlainFallbackKeepsTheSource() {
        EngineFragment f = EngineFragment.of(CONTENT);

        assertThat(f.restore("")).isEmpty();
        assertThat(f.restorePlain(" ")).isEqualTo(CONTENT);
    }

    @Test
    void translatable_onlyCodeOrBlank_isNot() {
        assertThat(EngineFragment.of(List.of(new Inline.Code("x"))).translatable()).isFalse();
        assertThat(EngineFragment.of(Inline.text("  ")).translatable()).isFalse();
        assertThat(EngineFragment.of(Inline.text("plain")).hasMarkup()).isFalse();
    }
}
