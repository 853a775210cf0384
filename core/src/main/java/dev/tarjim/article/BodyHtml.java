package dev.tarjim.article;

import java.util.List;

/**
 * The one place that renders an article body to HTML: semantic elements ({@code h2}, {@code ul/ol/li},
 * {@code blockquote}, {@code figure/img/figcaption}, {@code a href}, {@code pre}, {@code table}), every text escaped,
 * alt text only in {@code alt}, images lazy with their size when known. The output is well-formed XHTML as well, so
 * feeds can embed it.
 */
public final class BodyHtml {

    private BodyHtml() {
    }

    /** The blocks as an HTML fragment. */
    public static String render(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            block(b, out);
            out.append('\n');
        }
        return out.toString();
    }

    /** Inline content as an HTML fragment (what the translation engines receive and return). */
    public static String inline(List<Inline> content) {
        StringBuilder out = new StringBuilder();
        inline(content, out);
        return out.toString();
    }

    private static void block(Block block, StringBuilder out) {
        if (block instanceof Block.Paragraph p) {
            wrap("p", p.content(), out);
        } else if (block instanceof Block.Heading h) {
            wrap("h" + h.level(), h.content(), out);
        } else if (block instanceof Block.ListBlock l) {
            String tag = l.ordered() ? "ol" : "ul";
            out.append('<').append(tag).append('>');
            for (List<Inline> item : l.items()) {
                wrap("li", item, out);
            }
            out.append("</").append(tag).append('>');
        } else if (block instanceof Block.Quote q) {
            boolean attributed = !q.attribution().isEmpty();
            if (attributed) {
                out.append("<figure class=\"quote\">");
            }
            out.append("<blockquote>");
            for (List<Inline> p : q.paragraphs()) {
                wrap("p", p, out);
            }
            out.append("</blockquote>");
            if (attributed) {
                out.append("<figcaption>— ");
                inline(q.attribution(), out);
                out.append("</figcaption></figure>");
            }
        } else if (block instanceof Block.Figure f && f.src().startsWith(SafeUrls.UPLOAD_PREFIX)) {
            // An upload the ingest did not resolve (a parse shown without the ingest): never an image that breaks.
            if (!f.caption().isEmpty()) {
                wrap("p", f.caption(), out);
            }
        } else if (block instanceof Block.Figure f) {
            out.append("<figure><img src=\"").append(escape(f.src())).append("\" alt=\"").append(escape(f.alt()))
                    .append('"');
            if (f.width() != null && f.height() != null) {
                out.append(" width=\"").append(f.width()).append("\" height=\"").append(f.height()).append('"');
            }
            out.append(" loading=\"lazy\"/>");
            if (!f.caption().isEmpty() || !f.credit().isEmpty()) {
                out.append("<figcaption>");
                inline(f.caption(), out);
                if (!f.credit().isEmpty()) {
                    out.append(f.caption().isEmpty() ? "" : " ").append("<small class=\"credit\">")
                            .append(escape(f.credit())).append("</small>");
                }
                out.append("</figcaption>");
            }
            out.append("</figure>");
        } else if (block instanceof Block.Preformatted p) {
            out.append("<pre>").append(escape(p.text())).append("</pre>");
        } else if (block instanceof Block.Table t) {
            out.append("<table>");
            for (int r = 0; r < t.rows().size(); r++) {
                String cell = t.header() && r == 0 ? "th" : "td";
                out.append("<tr>");
                for (List<Inline> c : t.rows().get(r)) {
                    wrap(cell, c, out);
                }
                out.append("</tr>");
            }
            out.append("</table>");
        }
    }

    private static void wrap(String tag, List<Inline> content, StringBuilder out) {
        out.append('<').append(tag).append('>');
        inline(content, out);
        out.append("</").append(tag).append('>');
    }

    private static void inline(List<Inline> content, StringBuilder out) {
        for (Inline i : content) {
            if (i instanceof Inline.Text t) {
                out.append(escape(t.text()));
            } else if (i instanceof Inline.Code c) {
                out.append("<code>").append(escape(c.text())).append("</code>");
            } else if (i instanceof Inline.LineBreak) {
                out.append("<br/>");
            } else if (i instanceof Inline.Emphasis e) {
                out.append("<em>");
                inline(e.children(), out);
                out.append("</em>");
            } else if (i instanceof Inline.Strong s) {
                out.append("<strong>");
                inline(s.children(), out);
                out.append("</strong>");
            } else if (i instanceof Inline.Link l) {
                out.append("<a href=\"").append(escape(l.href())).append('"');
                if (l.title() != null && !l.title().isEmpty()) {
                    out.append(" title=\"").append(escape(l.title())).append('"');
                }
                out.append('>');
                inline(l.children(), out);
                out.append("</a>");
            }
        }
    }

    /** Escapes text for HTML and XML content and double-quoted attributes. */
    public static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (rep != null) {
                    out.append(rep);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
