package dev.tarjim.ingest;

import dev.tarjim.article.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule that decides, when a reviewed source gets a new revision, which blocks keep the editor's reviewed text:
 * a block the source left unchanged keeps it (wherever it moved), a changed or new block takes the machine's.
 * It applies only where the review matched its source block for block; otherwise no block can be trusted to
 * correspond and the caller keeps the reviewed text whole.
 */
final class ReviewMerge {

    /**
     * A merged body.
     *
     * @param blocks  one block per block of the new source
     * @param changed indexes (into {@code blocks}) of the blocks that are machine translation, ascending
     */
    record Merged(List<Block> blocks, List<Integer> changed) {
    }

    private ReviewMerge() {
    }

    /** Whether two bodies have the same structure: as many blocks, each of the same kind with as many pieces. */
    static boolean sameStructure(List<Block> a, List<Block> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).kind() != b.get(i).kind() || a.get(i).texts().size() != b.get(i).texts().size()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Merges a review into a new revision's machine translation.
     *
     * @param reviewedSource the source blocks the review was made from
     * @param reviewed       the reviewed blocks
     * @param source         the new revision's source blocks
     * @param machine        the machine translation of {@code source}, block for block
     * @return the merged body, or empty when the review does not match its source block for block
     */
    static Optional<Merged> merge(List<Block> reviewedSource, List<Block> reviewed, List<Block> source,
            List<Block> machine) {
        if (!sameStructure(reviewedSource, reviewed)) {
            return Optional.empty();
        }
        if (source.size() != machine.size()) {
            throw new IllegalArgumentException("machine translation has " + machine.size() + " blocks for "
                    + source.size());
        }
        boolean[] used = new boolean[reviewedSource.size()];
        List<Block> out = new ArrayList<>(source.size());
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            int match = match(reviewedSource, used, source.get(i), i);
            if (match >= 0) {
                used[match] = true;
                out.add(reviewed.get(match));
            } else {
                out.add(machine.get(i));
                changed.add(i);
            }
        }
        return Optional.of(new Merged(out, changed));
    }

    /** The unused reviewed-source block equal to {@code block}: the one at the same index first, else the first. */
    private static int match(List<Block> reviewedSource, boolean[] used, Block block, int index) {
        if (index < reviewedSource.size() && !used[index] && reviewedSource.get(index).equals(block)) {
            return index;
        }
        for (int j = 0; j < reviewedSource.size(); j++) {
            if (!used[j] && reviewedSource.get(j).equals(block)) {
                return j;
            }
        }
        return -1;
    }
}
