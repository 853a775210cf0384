package dev.tarjim.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.article.Block;
import dev.tarjim.article.Inline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that keeps reviewed blocks over the machine's when the source moves on. */
class ReviewMergeTest {
    private static final Block H_SOURCE = new Block.Heading(2, Inline.text("Background"));
    private static final Block P1_SOURCE = Block.Paragraph.of("The minister resigned.");
    private static final Block P2_SOURCE = Block.Paragraph.of("Elections follow in May.");
    private static final Block H_REVIEWED = new Block.Heading(2, Inline.text("Contexto"));
    private static final Block P1_REVIEWED = Block.Paragraph.of("La ministra dimitió.");
    private static final Block P2_REVIEWED = Block.Paragraph.of("Habrá elecciones en mayo.");

    private static final List<Block> REVIEWED_SOURCE = List.of(H_SOURCE, P1_SOURCE, P2_SOURCE);
    private static final List<Block> REVIEWED = List.of(H_REVIEWED, P1_REVIEWED, P2_REVIEWED);

    private static Block machine(String text) {
        return Block.Paragraph.of("MT " + text);
    }

    @Test
    void merge_unchangedBlocksKeepReviewedText_changedBlockIsMachineTranslated() {
        Block edited = Block.Paragraph.of("The minister resigned on Monday.");
        List<Block> source = List.of(H_SOURCE, edited, P2_SOURCE);
        List<Block> machine = List.of(new Block.Heading(2, Inline.text("MT heading")), machine("p1"), machine("p2"));

        ReviewMerge.Merged merged = ReviewMerge.merge(REVIEWED_SOURCE, REVIEWED, source, machine).orElseThrow();

        assertThat(merged.blocks()).containsExactly(H_REVIEWED, machine("p1"), P2_REVIEWED);
        assertThat(merged.changed()).containsExactly(1);
    }

    @Test
    void merge_newBlockIsMachineTranslated_movedBlocksKeepTheirReviewedText() {
        Block added = Block.Paragraph.of("A new paragraph.");
        List<Block> source = List.of(H_SOURCE, added, P2_SOURCE, P1_SOURCE);
        List<Block> machine = List.of(H_REVIEWED, machine("new"), machine("p2"), machine("p1"));

        ReviewMerge.Merged merged = ReviewMerge.merge(REVIEWED_SOURCE, REVIEWED, source, machine).orElseThrow();

        assertThat(merged.blocks()).containsExactly(H_REVIEWED, machine("new"), P2_REVIEWED, P1_REVIEWED);
        assertThat(merged.changed()).containsExactly(1);
    }

    @Test
    void merge_unchangedSource_isTheReviewWhole() {
        List<Block> machine = List.of(H_REVIEWED, machine("p1"), machine("p2"));

        ReviewMerge.Merged merged = ReviewMerge.merge(REVIEWED_SOURCE, REVIEWED, REVIEWED_SOURCE, machine)
                .orElseThrow();

        assertThat(merged.blocks()).isEqualTo(REVIEWED);
        assertThat(merged.changed()).isEmpty();
    }

    @Test
    void merge_reviewWithOtherBlockCount_cannotBeMerged() {
        List<Block> reviewedJoined = List.of(H_REVIEWED, Block.Paragraph.of("La ministra dimitió; habrá elecciones."));

        assertThat(ReviewMerge.merge(REVIEWED_SOURCE, reviewedJoined, REVIEWED_SOURCE,
                List.of(machine("h"), machine("p1"), machine("p2")))).isEmpty();
    }

    @Test
    void sameStructure_otherKindOrPieceCount_differs() {
        List<Block> listInsteadOfParagraph = List.of(H_REVIEWED,
                new Block.ListBlock(false, List.of(Inline.text("La ministra dimitió."))), P2_REVIEWED);
        List<Block> twoItems = List.of(new Block.ListBlock(false, List.of(Inline.text("a"), Inline.text("b"))));
        List<Block> oneItem = List.of(new Block.ListBlock(false, List.of(Inline.text("a"))));

        assertThat(ReviewMerge.sameStructure(REVIEWED_SOURCE, REVIEWED)).isTrue();
        assertThat(ReviewMerge.sameStructure(REVIEWED_SOURCE, listInsteadOfParagraph)).isFalse();
        assertThat(ReviewMerge.sameStructure(twoItems, oneItem)).isFalse();
    }
}
