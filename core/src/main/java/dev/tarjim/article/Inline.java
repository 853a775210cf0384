package dev.tarjim.article;

import java.util.ArrayList;
import java.util.List;

/**
 * Inline content of a block: text and the few kinds of markup a news article's sentences carry.
 *
 * <p>Immutable. Hrefs are already checked by {@link SafeUrls} when a parser builds them; renderers escape text.
 */
public sealed interface Inline permits Inline.Text, Inline.Link, Inline.Emphasis, Inline.Strong, Inline.Code,
        Inline.LineBreak {

    /** Plain text. */
    record Text(String text) implements Inline {
        public Text {
            text = text == null ? "" : text;
        }
    }

    /** A hyperlink around inline content; {@code title} may be null. */
    record Link(String href, String title, List<Inline> children) implements Inline {
        public Link {
            children = List.copyOf(children);
        }
    }

    /** Emphasis ({@code em}). */
    record Emphasis(List<Inline> children) implements Inline {
        public Emphasis {
            children = List.copyOf(children);
        }
    }

    /** Strong importance ({@code strong}). */
    record Strong(List<Inline> children) implements Inline {
        public Strong {
            children = List.copyOf(children);
        }
    }

    /** Code: shown as is, never translated. */
    record Code(String text) implements Inline {
    }

    /** A hard line break inside a block. */
    record LineBreak() implements Inline {
    }

    /** The children of a link, emphasis or strong; empty for the others. */
    static List<Inline> children(Inline i) {
        if (i instanceof Link l) {
            return l.children();
        } else if (i instanceof Emphasis e) {
            return e.children();
        } else if (i instanceof Strong s) {
            return s.children();
        }
        return List.of();
    }

    /** One text node: the usual content of a block built from plain text. */
    static List<Inline> text(String text) {
        return List.of(new Text(text));
    }

    /** The content as plain text: markup dropped, line breaks as newlines. */
    static String plain(List<Inline> content) {
        StringBuilder out = new StringBuilder();
        appendPlain(content, out);
        return out.toString();
    }

    private static void appendPlain(List<Inline> content, StringBuilder out) {
        for (Inline i : content) {
            if (i instanceof Text t) {
                out.append(t.text());
            } else if (i instanceof Code c) {
                out.append(c.text());
            } else if (i instanceof LineBreak) {
                out.append('\n');
            } else {
                appendPlain(children(i), out);
            }
        }
    }

    /**
     * Tidies content: adjacent text nodes merged, whitespace collapsed (as {@link Texts#clean}), leading and trailing
     * space and line breaks dropped, empty markup removed.
     */
    static List<Inline> normalize(List<Inline> content) {
        List<Inline> out = new ArrayList<>();
        collapse(content, out);
        trimEdges(out);
        return List.copyOf(out);
    }

    private static void collapse(List<Inline> content, List<Inline> out) {
        for (Inline i : content) {
            Inline n;
            if (i instanceof Text t) {
                n = new Text(Texts.collapse(t.text()));
            } else if (i instanceof Code c) {
                n = c.text().isEmpty() ? null : c;
            } else if (i instanceof LineBreak) {
                n = i;
            } else if (i instanceof Link l) {
                n = nonEmpty(l.children(), children -> new Link(l.href(), l.title(), children));
            } else if (i instanceof Emphasis e) {
                n = nonEmpty(e.children(), Emphasis::new);
            } else {
                n = nonEmpty(children(i), Strong::new);
            }
            if (n == null || n instanceof Text t && t.text().isEmpty()) {
                continue;
            }
            if (n instanceof Text t && !out.isEmpty() && out.get(out.size() - 1) instanceof Text prev) {
                String joined = prev.text() + t.text();
                out.set(out.size() - 1, new Text(joined.replace("  ", " ")));
            } else {
                out.add(n);
            }
        }
    }

    private static Inline nonEmpty(List<Inline> children, java.util.function.Function<List<Inline>, Inline> wrap) {
        List<Inline> inner = new ArrayList<>();
        collapse(children, inner);
        return inner.isEmpty() || plain(inner).isBlank() && inner.stream().noneMatch(c -> c instanceof LineBreak)
                ? (inner.isEmpty() ? null : new Text(" "))
                : wrap.apply(inner);
    }

    private static void trimEdges(List<Inline> out) {
        while (!out.isEmpty() && (out.get(0) instanceof LineBreak
                || out.get(0) instanceof Text t && t.text().isBlank())) {
            out.remove(0);
        }
        while (!out.isEmpty() && (out.get(out.size() - 1) instanceof LineBreak
                || out.get(out.size() - 1) instanceof Text t && t.text().isBlank())) {
            out.remove(out.size() - 1);
        }
        if (!out.isEmpty() && out.get(0) instanceof Text t) {
            out.set(0, new Text(t.text().stripLeading()));
        }
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof Text t) {
            out.set(out.size() - 1, new Text(t.text().stripTrailing()));
        }
    }
}
