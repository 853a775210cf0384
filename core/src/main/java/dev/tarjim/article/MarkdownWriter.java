package dev.tarjim.article;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a body of {@link Block}s as the Markdown {@link MarkdownFormat} reads back into the same blocks: the text an
 * editor edits when reviewing a translation, so that the reviewed upload keeps the source's block structure (and
 * the review merges block by block).
 */
public final class MarkdownWriter {
    /** Characters that would start markup inside text. */
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>|])");
    /** Line starts that would make a paragraph something else (heading, quote, list, rule, fence). */
    private static final Pattern BLOCK_START = Pattern.compile("^(#|>|[-+*] |\\d+[.)] |=+$|-+$|~~~|```)");

    private MarkdownWriter() {
    }

    /** The blocks as Markdown, one blank line between blocks. */
    public static String write(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            block(b, out);
        }
        return out.append('\n').toString();
    }

    private static void block(Block block, StringBuilder out) {
        if (block instanceof Block.Paragraph p) {
            out.append(lineStart(inline(p.content())));
        } else if (block instanceof Block.Heading h) {
            out.append("#".repeat(h.level())).append(' ').append(inline(h.content()));
        } else if (block instanceof Block.ListBlock l) {
            int n = 1;
            for (List<Inline> item : l.items()) {
                if (n > 1) {
                    out.append('\n');
                }
                out.append(l.ordered() ? (n + ". ") : "- ").append(inline(item).replace("\n", "\n   "));
                n++;
            }
        } else if (block instanceof Block.Quote q) {
            StringBuilder quote = new StringBuilder();
            for (List<Inline> para : q.paragraphs()) {
                if (quote.length() > 0) {
                    quote.append("\n\n");
                }
                quote.append(lineStart(inline(para)));
            }
            if (!q.attribution().isEmpty()) {
                quote.append("\n\n— ").append(inline(q.attribution()));
            }
            out.append("> ").append(quote.toString().replace("\n", "\n> ").replace("> \n", ">\n"));
        } else if (block instanceof Block.Figure f) {
            out.append("![").append(escape(f.alt())).append("](").append(f.src());
            if (!f.caption().isEmpty()) {
                out.append(" \"").append(Inline.plain(f.caption()).replace("\"", "\\\"")).append('"');
            }
            out.append(')');
        } else if (block instanceof Block.Preformatted pre) {
            String fence = pre.text().contains("```") ? "~~~~" : "```";
            out.append(fence).append('\n').append(pre.text()).append('\n').append(fence);
        } else if (block instanceof Block.Table t) {
            int columns = t.rows().stream().mapToInt(List::size).max().orElse(0);
            boolean first = true;
            for (List<List<Inline>> row : t.rows()) {
                out.append(first ? "" : "\n").append('|');
                for (int c = 0; c < columns; c++) {
                    out.append(' ').append(c < row.size() ? inline(row.get(c)).replace("\n", " ") : "").append(" |");
                }
                if (first) {
                    out.append("\n|").append(" --- |".repeat(columns));
                }
                first = false;
            }
        }
    }

    /** Inline content as Markdown. */
    static String inline(List<Inline> content) {
        StringBuilder out = new StringBuilder();
        for (Inline i : content) {
            if (i instanceof Inline.Text t) {
                out.append(escape(t.text()));
            } else if (i instanceof Inline.Link l) {
                out.append('[').append(inline(l.children())).append("](").append(l.href().replace(" ", "%20")
                        .replace(")", "%29"));
                if (l.title() != null && !l.title().isEmpty()) {
                    out.append(" \"").append(l.title().replace("\"", "\\\"")).append('"');
                }
                out.append(')');
            } else if (i instanceof Inline.Emphasis e) {
                out.append('*').append(inline(e.children())).append('*');
            } else if (i instanceof Inline.Strong s) {
                out.append("**").append(inline(s.children())).append("**");
            } else if (i instanceof Inline.Code c) {
                String tick = c.text().contains("`") ? "`` " : "`";
                out.append(tick).append(c.text()).append(new StringBuilder(tick).reverse());
            } else if (i instanceof Inline.LineBreak) {
                out.append("\\\n");
            }
        }
        return out.toString();
    }

    private static String escape(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$1");
    }

    /** A backslash before what would otherwise turn the paragraph's first line into another block. */
    private static String lineStart(String text) {
        if (!BLOCK_START.matcher(text).find()) {
            return text;
        }
        // A digit cannot be escaped: the list marker's dot or parenthesis is.
        return Character.isDigit(text.charAt(0)) ? text.replaceFirst("^(\\d+)([.)])", "$1\\\\$2") : "\\" + text;
    }
}
