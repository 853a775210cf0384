package dev.tarjim.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Converts HTML (a page's main content, a ninjs {@code body_html}, a translation engine's answer) into the content
 * model. This is the sanitizer at the boundary: it is an allowlist, so only the model's elements survive, links only
 * to {@code http}, {@code https} and {@code mailto}, images only from {@code http(s)}; scripts, styles, event
 * handlers, forms, frames, SVG and everything else are dropped (their text too, where it is not content).
 */
public final class HtmlBlocks {
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "frame",
            "frameset", "object", "embed", "applet", "svg", "math", "canvas", "form", "input", "button", "select",
            "textarea", "option", "datalist", "audio", "video", "source", "track", "map", "area", "head", "title",
            "meta", "link", "base", "nav", "dialog", "menu", "param", "portal", "slot");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "body", "html",
            "header", "footer", "aside", "center", "details", "summary", "address", "hgroup", "dl", "dd", "dt",
            "picture", "tbody", "thead", "tfoot", "span-block");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> BLOCK_LEVEL = Set.of("p", "div", "section", "article", "main", "header",
            "footer", "aside", "center", "details", "summary", "address", "hgroup", "dl", "dd", "dt", "ul", "ol",
            "li", "blockquote", "figure", "figcaption", "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot",
            "h1", "h2", "h3", "h4", "h5", "h6", "hr", "body", "html");
    private static final Set<String> CREDIT_CLASSES = Set.of("credit", "copyright", "photo-credit", "image-credit",
            "byline", "source", "attribution");

    /** An image title that is only the file's name ("IMG_3886.JPG") is no caption. */
    private static final Pattern FILE_NAME = Pattern.compile("(?i)[\\w .()-]+\\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?)");

    private final String base;

    private HtmlBlocks(String base) {
        this.base = base;
    }

    /**
     * The blocks of an element's content.
     *
     * @param root the content (its own tag is not a block: a {@code <p>} root gives its inline content as a paragraph)
     * @param base the URL relative links and images resolve against (the page's canonical URL), or null
     */
    public static List<Block> blocks(Element root, String base) {
        HtmlBlocks converter = new HtmlBlocks(base);
        List<Block> out = new ArrayList<>();
        converter.container(root, out);
        return List.copyOf(out);
    }

    /** The blocks of an HTML fragment. */
    public static List<Block> blocks(String html, String base) {
        return blocks(Jsoup.parseBodyFragment(html == null ? "" : html).body(), base);
    }

    /** Inline content of an HTML fragment (markup outside the model dropped, its text kept). */
    public static List<Inline> inline(String html, String base) {
        HtmlBlocks converter = new HtmlBlocks(base);
        List<Inline> out = new ArrayList<>();
        converter.inlineChildren(Jsoup.parseBodyFragment(html == null ? "" : html).body(), out);
        return Inline.normalize(out);
    }

    // ------------------------------------------------------------------ blocks

    private void container(Element element, List<Block> out) {
        List<Inline> pending = new ArrayList<>();
        for (Node child : element.childNodes()) {
            if (child instanceof Element e && isBlock(e)) {
                flush(pending, out);
                block(e, out);
            } else if (child instanceof Element e && isImage(e) && standalone(e)) {
                flush(pending, out);
                figure(e, null, out);
            } else {
                inlineNode(child, pending);
            }
        }
        flush(pending, out);
    }

    private void flush(List<Inline> pending, List<Block> out) {
        if (pending.isEmpty()) {
            return;
        }
        paragraph(new ArrayList<>(pending), out);
        pending.clear();
    }

    private void paragraph(List<Inline> raw, List<Block> out) {
        List<Inline> content = Inline.normalize(raw);
        if (!content.isEmpty() && !Inline.plain(content).isBlank()) {
            out.add(new Block.Paragraph(content));
        }
    }

    private boolean isBlock(Element e) {
        String tag = e.normalName();
        return BLOCK_LEVEL.contains(tag) || DROPPED.contains(tag);
    }

    private void block(Element e, List<Block> out) {
        String tag = e.normalName();
        if (DROPPED.contains(tag) || hidden(e)) {
            return;
        }
        switch (tag) {
            case "p" -> {
                Optional<Element> image = onlyImage(e);
                if (image.isPresent()) {
                    figure(image.get(), null, out);
                } else {
                    container(e, out);
                }
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                List<Inline> content = inlineOf(e);
                if (!Inline.plain(content).isBlank()) {
                    int level = tag.charAt(1) - '0';
                    out.add(new Block.Heading(level <= 2 ? 2 : level == 3 ? 3 : 4, content));
                }
            }
            case "ul", "ol" -> list(e, out);
            case "blockquote" -> quote(e, null, out);
            case "figure" -> figureElement(e, out);
            case "pre" -> {
                String text = e.wholeText().replace("\r\n", "\n").strip();
                if (!text.isEmpty()) {
                    out.add(new Block.Preformatted(Texts.stripControls(text)));
                }
            }
            case "table" -> table(e, out);
            case "hr" -> {
            }
            case "li" -> {
                List<Inline> content = inlineOf(e);
                if (!Inline.plain(content).isBlank()) {
                    out.add(new Block.ListBlock(false, List.of(content)));
                }
            }
            default -> container(e, out);
        }
    }

    private void list(Element e, List<Block> out) {
        boolean ordered = e.normalName().equals("ol");
        List<List<Inline>> items = new ArrayList<>();
        // Old pages put text or other blocks straight into a list; browsers show it, so it is kept, in order.
        List<Inline> stray = new ArrayList<>();
        for (Node child : e.childNodes()) {
            boolean item = child instanceof Element li && li.normalName().equals("li");
            boolean block = !item && child instanceof Element b && isBlock(b);
            if ((item || block) && !Inline.plain(Inline.normalize(stray)).isBlank()) {
                emitList(ordered, items, out);
                paragraph(new ArrayList<>(stray), out);
            }
            if (item || block) {
                stray.clear();
            }
            if (item) {
                Element li = (Element) child;
                if (hidden(li)) {
                    continue;
                }
                // A nested list is folded into its item: the model's lists are one level deep.
                List<Inline> content = inlineOf(li);
                if (!Inline.plain(content).isBlank()) {
                    items.add(content);
                }
            } else if (block) {
                emitList(ordered, items, out);
                block((Element) child, out);
            } else {
                inlineNode(child, stray);
            }
        }
        emitList(ordered, items, out);
        paragraph(stray, out);
    }

    private static void emitList(boolean ordered, List<List<Inline>> items, List<Block> out) {
        if (!items.isEmpty()) {
            out.add(new Block.ListBlock(ordered, List.copyOf(items)));
            items.clear();
        }
    }

    private void quote(Element blockquote, List<Inline> attribution, List<Block> out) {
        List<List<Inline>> paragraphs = new ArrayList<>();
        List<Inline> cite = attribution;
        List<Block> inner = new ArrayList<>();
        Element copy = blockquote.clone();
        for (Element footer : copy.select("footer, cite")) {
            if (cite == null && footer.normalName().equals("footer")) {
                cite = inlineOf(footer);
                footer.remove();
            }
        }
        container(copy, inner);
        for (Block b : inner) {
            b.texts().forEach(t -> {
                if (b instanceof Block.Figure) {
                    return;
                }
                paragraphs.add(t);
            });
        }
        if (cite != null) {
            cite = Inline.normalize(stripDash(cite));
        }
        if (!paragraphs.isEmpty()) {
            out.add(new Block.Quote(paragraphs, cite));
        }
    }

    private static List<Inline> stripDash(List<Inline> cite) {
        if (!cite.isEmpty() && cite.get(0) instanceof Inline.Text t) {
            List<Inline> copy = new ArrayList<>(cite);
            copy.set(0, new Inline.Text(t.text().replaceFirst("^\\s*[—–-]+\\s*", "")));
            return copy;
        }
        return cite;
    }

    private void figureElement(Element figure, List<Block> out) {
        Element caption = figure.selectFirst("figcaption");
        Element quote = figure.selectFirst("blockquote");
        if (quote != null) {
            quote(quote, caption == null ? null : inlineOf(caption), out);
            return;
        }
        Element img = figure.selectFirst("img");
        if (img == null) {
            Element copy = figure.clone();
            copy.select("figcaption").remove();
            container(copy, out);
            if (caption != null) {
                paragraph(inlineOf(caption), out);
            }
            return;
        }
        figure(img, caption, out);
    }

    private void figure(Element img, Element caption, List<Block> out) {
        Optional<String> src = SafeUrls.figureImage(imageSource(img), base);
        List<Inline> captionContent = List.of();
        String credit = "";
        if (caption != null) {
            Element copy = caption.clone();
            for (Element c : copy.select("small, [class]")) {
                if (c.normalName().equals("small") || c.classNames().stream()
                        .anyMatch(n -> CREDIT_CLASSES.contains(n.toLowerCase(Locale.ROOT)))) {
                    credit = Texts.clean((credit + " " + c.text()));
                    c.remove();
                }
            }
            captionContent = inlineOf(copy);
        }
        if (src.isEmpty()) {
            // An image we may not show (data:, javascript:, unresolvable): its caption is still text of the article.
            paragraph(new ArrayList<>(captionContent), out);
            return;
        }
        String title = img.attr("title");
        if (captionContent.isEmpty() && !title.isBlank() && !FILE_NAME.matcher(title.strip()).matches()) {
            captionContent = Inline.text(Texts.clean(title));
        }
        out.add(new Block.Figure(src.get(), Texts.clean(img.attr("alt")), captionContent, credit,
                dimension(img.attr("width")), dimension(img.attr("height"))));
    }

    private static String imageSource(Element img) {
        for (String attr : List.of("src", "data-src", "data-lazy-src", "data-original", "data-url")) {
            String v = img.attr(attr).strip();
            if (!v.isEmpty() && !v.startsWith("data:")) {
                return v;
            }
        }
        String srcset = img.attr("srcset").strip();
        if (!srcset.isEmpty()) {
            return srcset.split("[\\s,]+")[0];
        }
        return img.attr("src");
    }

    private static Integer dimension(String value) {
        try {
            int n = Integer.parseInt(value.strip().replaceFirst("px$", ""));
            return n > 0 && n < 100_000 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void table(Element table, List<Block> out) {
        List<List<List<Inline>>> rows = new ArrayList<>();
        boolean header = false;
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            List<List<Inline>> cells = new ArrayList<>();
            boolean allTh = true;
            for (Element cell : tr.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    cells.add(inlineOf(cell));
                    allTh &= cell.normalName().equals("th");
                }
            }
            if (!cells.isEmpty()) {
                if (rows.isEmpty()) {
                    header = allTh;
                }
                rows.add(cells);
            }
        }
        if (!rows.isEmpty()) {
            out.add(new Block.Table(header, rows));
        }
    }

    // ------------------------------------------------------------------ inline

    private List<Inline> inlineOf(Element e) {
        List<Inline> out = new ArrayList<>();
        inlineChildren(e, out);
        return Inline.normalize(out);
    }

    private void inlineChildren(Element e, List<Inline> out) {
        for (Node child : e.childNodes()) {
            inlineNode(child, out);
        }
    }

    private void inlineNode(Node node, List<Inline> out) {
        if (node instanceof TextNode t) {
            out.add(new Inline.Text(t.getWholeText()));
            return;
        }
        if (!(node instanceof Element e) || DROPPED.contains(e.normalName()) || hidden(e)) {
            return;
        }
        switch (e.normalName()) {
            case "br" -> out.add(new Inline.LineBreak());
            case "a" -> {
                List<Inline> children = new ArrayList<>();
                inlineChildren(e, children);
                Optional<String> href = SafeUrls.link(e.attr("href"), base);
                if (href.isPresent() && !href.get().isEmpty()) {
                    String title = Texts.clean(e.attr("title"));
                    out.add(new Inline.Link(href.get(), title.isEmpty() ? null : title, children));
                } else {
                    out.addAll(children);
                }
            }
            case "em", "i", "cite", "dfn", "var" -> out.add(new Inline.Emphasis(inlineList(e)));
            case "strong", "b" -> out.add(new Inline.Strong(inlineList(e)));
            case "code", "kbd", "samp", "tt" -> out.add(new Inline.Code(Texts.clean(e.text())));
            case "img" -> {
                // An image inside a sentence: its alt text is not the article's text; the image is dropped.
            }
            default -> {
                boolean block = BLOCK_LEVEL.contains(e.normalName());
                if (block) {
                    out.add(new Inline.Text(" "));
                }
                inlineChildren(e, out);
                if (block) {
                    out.add(new Inline.Text(" "));
                }
            }
        }
    }

    private List<Inline> inlineList(Element e) {
        List<Inline> children = new ArrayList<>();
        inlineChildren(e, children);
        return children;
    }

    // ------------------------------------------------------------------ helpers

    private static boolean isImage(Element e) {
        return e.normalName().equals("img");
    }

    /** An image directly in a container, not inside running text: a figure of its own. */
    private static boolean standalone(Element img) {
        Node prev = img.previousSibling();
        Node next = img.nextSibling();
        return blankOrBlock(prev) && blankOrBlock(next);
    }

    private static boolean blankOrBlock(Node n) {
        while (n instanceof TextNode t && t.isBlank()) {
            n = n.previousSibling() == null ? null : n;
            break;
        }
        return n == null || n instanceof TextNode t && t.isBlank()
                || n instanceof Element e && (BLOCK_LEVEL.contains(e.normalName()) || e.normalName().equals("br")
                || e.normalName().equals("img"));
    }

    /** A paragraph whose only content is one image (possibly linked): a figure, not a paragraph. */
    private static Optional<Element> onlyImage(Element p) {
        if (!p.text().isBlank()) {
            return Optional.empty();
        }
        var images = p.select("img");
        return images.size() == 1 ? Optional.of(images.first()) : Optional.empty();
    }

    private static boolean hidden(Element e) {
        return e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))
                || e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none");
    }
}
