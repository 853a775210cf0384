package dev.tarjim.article;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One block of an article's body: what a newsroom's articles are made of. Immutable.
 *
 * <p>{@link #map} rewrites every piece of human-language content of a block (paragraph text, list items, captions,
 * alt text, table cells) and nothing else: URLs, code and preformatted text stay as they are. Translation uses it.
 */
public sealed interface Block permits Block.Paragraph, Block.Heading, Block.ListBlock, Block.Quote, Block.Figure,
        Block.Preformatted, Block.Table {

    /** What kind of block this is, as stored and as shown in {@code ./tarjim extract}. */
    enum Kind {
        PARAGRAPH, HEADING, LIST, QUOTE, FIGURE, PREFORMATTED, TABLE
    }

    Kind kind();

    /** This block with each piece of its translatable content replaced by {@code f} of it. */
    Block map(UnaryOperator<List<Inline>> f);

    /** The translatable pieces of this block, in the order {@link #map} visits them. */
    default List<List<Inline>> texts() {
        List<List<Inline>> out = new ArrayList<>();
        map(content -> {
            out.add(content);
            return content;
        });
        return out;
    }

    /** A paragraph. */
    record Paragraph(List<Inline> content) implements Block {
        public Paragraph {
            content = List.copyOf(content);
        }

        /** A paragraph of plain text. */
        public static Paragraph of(String text) {
            return new Paragraph(Inline.text(text));
        }

        public Kind kind() {
            return Kind.PARAGRAPH;
        }

        public Block map(UnaryOperator<List<Inline>> f) {
            return new Paragraph(f.apply(content));
        }
    }

    /** A subhead; level 2 to 4 (level 1 is the article's title). */
    record Heading(int level, List<Inline> content) implements Block {
        public Heading {
            level = Math.max(2, Math.min(4, level));
            content = List.copyOf(content);
        }

        public Kind kind() {
            return Kind.HEADING;
        }

        public Block map(UnaryOperator<List<Inline>> f) {
            return new Heading(level, f.apply(content));
        }
    }

    /** A list, ordered or not; each item is inline content. */
    record ListBlock(boolean ordered, List<List<Inline>> items) implements Block {
        public ListBlock {
            items = items.stream().map(List::copyOf).toList();
        }

        public Kind kind() {
            return Kind.LIST;
        }

        public Block map(UnaryOperator<List<Inline>> f) {
            return new ListBlock(ordered, items.stream().map(f).toList());
        }
    }

    /** A quotation: one or more paragraphs, and who said it (empty when not given). */
    record Quote(List<List<Inline>> paragraphs, List<Inline> attribution) implements Block {
        public Quote {
            paragraphs = paragraphs.stream().map(List::copyOf).toList();
            attribution = attribution == null ? List.of() : List.copyOf(attribution);
        }

        public Kind kind() {
            return Kind.QUOTE;
        }

        public Block map(UnaryOperator<List<Inline>> f) {
            return new Quote(paragraphs.stream().map(f).toList(), attribution.isEmpty() ? attribution
                    : f.apply(attribution));
        }
    }

    /**
     * A photo: its URL ({@code http(s)} only), alt text, caption and credit (empty when not given), and its size in
     * pixels when known (else null).
     */
    record Figure(String src, String alt, List<Inline> caption, String credit, Integer width, Integer height)
            implements Block {
        public Figure {
            alt = alt == null ? "" : alt;
            caption = caption == null ? List.of() : List.copyOf(caption);
            credit = credit == null ? "" : credit;
        }

        public Kind kind() {
            return Kind.FIGURE;
        }

        public Block map(UnaryOperator<List<Inline>> f) {
            String newAlt = alt.isEmpty() ? alt : Inline.plain(f.apply(Inline.text(alt)));
            return new Figure(src, newAlt, caption.isEmpty() ? caption : f.apply(caption), credit, width, height);
        }
    }

    /** Preformatted text, kept verbatim and never translated. */
    record Preformatted(String text) implements Block {
        public Kind kind() {
            return Kind.PREFORMATTED;
        }

        public Block map(UnaryOperator<List<Inline>> f) {
            return this;
        }
    }

    /** A simple table: rows of cells of inline content; the first row is a header row when {@code header}. */
    record Table(boolean header, List<List<List<Inline>>> rows) implements Block {
        public Table {
            rows = rows.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
        }

        public Kind kind() {
            return Kind.TABLE;
        }

        public Block map(UnaryOperator<List<Inline>> f) {
            return new Table(header, rows.stream().map(r -> r.stream().map(f).toList()).toList());
        }
    }
}
