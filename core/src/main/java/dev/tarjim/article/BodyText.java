package dev.tarjim.article;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that renders an article body as plain text: one block after another, separated by a blank line;
 * list items on their own lines, quotes in quotation marks with their attribution, figures by their caption and
 * credit (alt text describes the image and is not part of the text).
 */
public final class BodyText {

    private BodyText() {
    }

    /** The blocks as plain text, blocks separated by a blank line. */
    public static String render(List<Block> blocks) {
        List<String> parts = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            String s = block(b);
            if (!s.isBlank()) {
                parts.add(s);
            }
        }
        return String.join("\n\n", parts);
    }

    /** One block as plain text (possibly empty: a figure without caption). */
    public static String block(Block block) {
        if (block instanceof Block.Paragraph p) {
            return Inline.plain(p.content());
        } else if (block instanceof Block.Heading h) {
            return Inline.plain(h.content());
        } else if (block instanceof Block.ListBlock l) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < l.items().size(); i++) {
                lines.add((l.ordered() ? (i + 1) + ". " : "- ") + Inline.plain(l.items().get(i)));
            }
            return String.join("\n", lines);
        } else if (block instanceof Block.Quote q) {
            List<String> lines = new ArrayList<>();
            q.paragraphs().forEach(p -> lines.add(Inline.plain(p)));
            if (!q.attribution().isEmpty()) {
                lines.add("— " + Inline.plain(q.attribution()));
            }
            return String.join("\n", lines);
        } else if (block instanceof Block.Figure f) {
            String caption = Inline.plain(f.caption());
            return f.credit().isEmpty() ? caption : (caption.isEmpty() ? f.credit() : caption + " " + f.credit());
        } else if (block instanceof Block.Preformatted p) {
            return p.text();
        }
        Block.Table t = (Block.Table) block;
        List<String> rows = new ArrayList<>();
        for (List<List<Inline>> row : t.rows()) {
            rows.add(String.join("\t", row.stream().map(Inline::plain).toList()));
        }
        return String.join("\n", rows);
    }
}
