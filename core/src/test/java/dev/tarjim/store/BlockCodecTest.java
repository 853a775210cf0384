package dev.tarjim.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarjim.article.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockCodecTest {

    @Test
    void write_thenRead_givesEveryKindOfBlockBack() {
        String json = BlockCodec.write(ArticleTextsTest.EVERY_KIND);

        assertThat(BlockCodec.read(json)).containsExactlyElementsOf(ArticleTextsTest.EVERY_KIND);
    }

    @Test
    void write_plainParagraph_isCompact() {
        assertThat(BlockCodec.write(List.of(Block.Paragraph.of("Hello \"world\""))))
                .isEqualTo("[{\"type\":\"paragraph\",\"content\":[\"Hello \\\"world\\\"\"]}]");
    }

    @Test
    void read_unknownBlockType_failsInsteadOfDroppingText() {
        assertThatThrownBy(() -> BlockCodec.read("[{\"type\":\"poem\",\"content\":[\"x\"]}]"))
                .isInstanceOf(StoreException.class).hasMessageContaining("poem");
        assertThatThrownBy(() -> BlockCodec.read("[{\"type\":\"paragraph\",\"content\":[{\"type\":\"blink\"}]}]"))
                .isInstanceOf(StoreException.class).hasMessageContaining("blink");
    }
}
