package dev.tarjim.article;

import static dev.tarjim.article.Uploads.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the editor reviews reads back into the blocks it was written from. */
class MarkdownWriterTest {

    @Test
    void write_richSample_parsesBackToTheSameBlocks() throws Exception {
        String text = Files.readString(Path.of("..", "samples", "rich-en.md"), StandardCharsets.UTF_8);
        List<Block> blocks = parse(text, "incoming/rich-en.md").blocks();
        assertThat(blocks).hasSizeGreaterThan(5);

        String written = MarkdownWriter.write(blocks);

        assertThat(parse("---\ntitle: T\n---\n" + written, "incoming/review.md").blocks()).isEqualTo(blocks);
    }

    @Test
    void write_textThatLooksLikeMarkup_staysText() throws Exception {
        List<Block> blocks = List.of(Block.Paragraph.of("# not a heading, *not emphasis* [not a link]"),
                Block.Paragraph.of("1. not a list"), Block.Paragraph.of("> not a quote <b>not html</b>"));

        String written = MarkdownWriter.write(blocks);

        assertThat(parse("---\ntitle: T\n---\n" + written, "incoming/review.md").blocks()).isEqualTo(blocks);
    }
}
