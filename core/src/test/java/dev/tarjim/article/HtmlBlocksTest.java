package dev.tarjim.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlBlocksTest {
    private static final String RICH = """
            <h2>Sub <em>head</em></h2>
            <p>Read <a href="/world/story" title="The story">the <strong>story</strong></a> and
               <a href="javascript:alert(1)">this</a>.<br>Next line <code>x &lt; y</code>.</p>
            <ul><li>one</li><li>two <a href="mailto:desk@example.com">desk</a></li></ul>
            <ol><li>first</li></ol>
            <figure class="quote"><blockquote><p>Words matter.</p></blockquote><figcaption>— Ahmed</figcaption></figure>
            <figure><img src="photo.jpg" alt="A harbour" width="800" height="600">
              <figcaption>The harbour at dawn. <small class="credit">Photo: Agency</small></figcaption></figure>
            <p><img src="data:image/png;base64,AAAA" alt="x"></p>
            <pre>code
              kept</pre>
            <table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>
            <script>alert(1)</script><p onclick="x()" style="color:red">Plain <span>span</span>.</p>
            """;

    @Test
    void blocks_richHtml_keepsEveryElementOfTheModel() {
        List<Block> blocks = HtmlBlocks.blocks(RICH, "https://news.example/2026/a.html");

        assertThat(blocks).extracting(Block::kind).containsExactly(Block.Kind.HEADING, Block.Kind.PARAGRAPH,
                Block.Kind.LIST, Block.Kind.LIST, Block.Kind.QUOTE, Block.Kind.FIGURE, Block.Kind.PREFORMATTED,
                Block.Kind.TABLE, Block.Kind.PARAGRAPH);
        Block.Paragraph p = (Block.Paragraph) blocks.get(1);
        assertThat(p.content().get(1)).isEqualTo(new Inline.Link("https://news.example/world/story", "The story",
                List.of(new Inline.Text("the "), new Inline.Strong(List.of(new Inline.Text("story"))))));
        assertThat(Inline.plain(p.content())).isEqualTo("Read the story and this.\nNext line x < y.");
        assertThat(((Block.ListBlock) blocks.get(2)).ordered()).isFalse();
        assertThat(((Block.ListBlock) blocks.get(3)).ordered()).isTrue();
        Block.Quote q = (Block.Quote) blocks.get(4);
        assertThat(Inline.plain(q.attribution())).isEqualTo("Ahmed");
        Block.Figure f = (Block.Figure) blocks.get(5);
        assertThat(f).isEqualTo(new Block.Figure("https://news.example/2026/photo.jpg", "A harbour",
                List.of(new Inline.Text("The harbour at dawn.")), "Photo: Agency", 800, 600));
        assertThat(((Block.Table) blocks.get(7)).header()).isTrue();
        assertThat(BodyText.block(blocks.get(8))).isEqualTo("Plain span.");
    }

    @Test
    void render_thenParse_givesTheSameBlocks() {
        List<Block> blocks = HtmlBlocks.blocks(RICH, "https://news.example/2026/a.html");

        String html = BodyHtml.render(blocks);

        assertThat(html).doesNotContain("javascript", "data:", "onclick", "style=", "<script", "<span");
        assertThat(html).contains("<img src=\"https://news.example/2026/photo.jpg\" alt=\"A harbour\" width=\"800\""
                + " height=\"600\" loading=\"lazy\"/>");
        assertThat(HtmlBlocks.blocks(html, null)).isEqualTo(blocks);
    }

    @Test
    void blocks_hostileMarkup_leavesNoActiveContent() {
        String hostile = "<p><a href=\" jav&#x09;ascript:alert(1)\">x</a><a href=\"vbscript:x\">y</a>"
                + "<svg><script>alert(1)</script></svg><img src=x onerror=alert(1)>"
                + "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"
                + "<iframe src=\"https://evil\"></iframe><form><input></form>ok</p>";

        String html = BodyHtml.render(HtmlBlocks.blocks(hostile, null));

        assertThat(html).doesNotContainIgnoringCase("script").doesNotContain("onerror", "iframe", "<svg", "href");
        assertThat(html).contains("ok");
    }

    @Test
    void blocks_textStraightInAList_isKeptInOrder() {
        List<Block> blocks = HtmlBlocks.blocks("<ul><li>one</li> stray <i>words</i> <li>two</li><p>para</p></ul>", null);

        assertThat(blocks).containsExactly(new Block.ListBlock(false, List.of(Inline.text("one"))),
                new Block.Paragraph(List.of(new Inline.Text("stray "),
                        new Inline.Emphasis(List.of(new Inline.Text("words"))))),
                new Block.ListBlock(false, List.of(Inline.text("two"))), Block.Paragraph.of("para"));
    }

    @Test
    void blocks_imageTitleThatIsAFileName_isNoCaption() {
        List<Block> blocks = HtmlBlocks.blocks("<p><img src=\"https://x.example/a.jpg\" title=\"IMG_3886.JPG\"></p>"
                + "<p><img src=\"https://x.example/b.jpg\" title=\"The quay\"></p>", null);

        assertThat(blocks).containsExactly(new Block.Figure("https://x.example/a.jpg", "", List.of(), "", null, null),
                new Block.Figure("https://x.example/b.jpg", "", Inline.text("The quay"), "", null, null));
    }
}
