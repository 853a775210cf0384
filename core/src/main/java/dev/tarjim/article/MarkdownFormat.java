package dev.tarjim.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads Markdown (CommonMark with GFM tables and autolinks) with optional YAML front matter ({@code title},
 * {@code lang}, {@code author}, {@code tags}, {@code published}, {@code updated}, {@code slug}, {@code targets},
 * {@code summary} or {@code standfirst}, {@code embargo}, {@code correction},
 * {@code canonical} or {@code canonical_url}, and the lead image
 * {@code image} with {@code image_alt}, {@code image_caption}, {@code image_credit}).
 *
 * <p>The body keeps its structure: sub-headings (a level-1 heading in the body becomes level 2; levels 2 to 4),
 * paragraphs with links, emphasis, strong text, code and line breaks, lists (nested lists folded into their item),
 * block quotes (a last line starting with an em dash or {@code --} is the attribution), code blocks as preformatted
 * text, tables. An image alone in its paragraph is a figure (its title is the caption); an image inside running
 * text is dropped. URLs pass {@link SafeUrls}: relative ones resolve against the canonical URL, else are dropped.
 * Raw HTML never passes verbatim: it goes through the allowlist of {@link HtmlBlocks}.
 *
 * <p>Without a front-matter title the first level-1 heading is the title; a level-1 heading repeating the
 * front-matter title is dropped. Without either, {@link ContentParser} makes one from the first sentence.
 *
 * <p>The front matter is parsed safely: YAML 1.2 core schema (plain scalars only: no custom or language tags, no
 * timestamps), at most {@value #MAX_ALIASES} aliases (a "billion laughs" document fails fast), no recursive keys,
 * no duplicate keys, no environment-variable substitution, and a size limit.
 */
final class MarkdownFormat {

    static final int MAX_ALIASES = 10;
    private static final Pattern FRONT_MATTER_START = Pattern.compile("\\A---[ \\t]*\\R");
    private static final Pattern FRONT_MATTER_END = Pattern.compile("^(?:---|\\.\\.\\.)[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*[,،]\\s*");
    private static final Pattern ATTRIBUTION = Pattern.compile("^\\s*(?:—|--)\\s*");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();
    /** Renders a paragraph with raw HTML in it, for {@link HtmlBlocks} to sanitise as a whole. */
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    private MarkdownFormat() {
    }

    static boolean hasFrontMatter(String text) {
        return FRONT_MATTER_START.matcher(text).lookingAt();
    }

    static ParsedArticle parse(String text, ParseLimits limits) throws UnsupportedUploadException {
        Map<?, ?> meta = Map.of();
        String markdown = text;
        var start = FRONT_MATTER_START.matcher(text);
        if (start.lookingAt()) {
            var end = FRONT_MATTER_END.matcher(text);
            if (!end.find(start.end())) {
                throw new UnsupportedUploadException("The front matter opened with --- is never closed with ---");
            }
            String yaml = text.substring(start.end(), end.start());
            if (yaml.length() > limits.maxFrontMatterChars()) {
                throw new UnsupportedUploadException("The front matter is " + yaml.length()
                        + " characters long; the limit is " + limits.maxFrontMatterChars());
            }
            meta = frontMatter(yaml, limits);
            markdown = text.substring(end.end());
        }
        String title = string(meta, "title");
        String canonical = string(meta, "canonical", "canonical_url");
        String base = canonical == null ? null : SafeUrls.link(canonical, null)
                .filter(u -> u.startsWith("http")).orElse(null);
        Blocks blocks = new Blocks(title, base);
        blocks.document(MARKDOWN.parse(markdown));
        if (title == null || title.isBlank()) {
            title = blocks.headline;
        }
        String lang = string(meta, "lang", "language");
        Instant when = date(meta, "published", "date");
        Instant updated = date(meta, "updated", "modified");
        List<String> targets = null;
        List<String> rawTargets = list(meta, "targets");
        if (rawTargets != null) {
            Set<String> codes = new LinkedHashSet<>();
            for (String t : rawTargets) {
                codes.add(LanguageTags.require("targets", t));
            }
            targets = List.copyOf(codes);
        }
        List<String> authors = list(meta, "author", "authors");
        List<String> tags = list(meta, "tags");
        return new ParsedArticle("markdown", title, string(meta, "summary", "standfirst", "description"),
                blocks.out, authors == null || authors.isEmpty() ? null : String.join(", ", authors),
                tags == null ? List.of() : tags, when, lang == null ? null : LanguageTags.require("lang", lang),
                string(meta, "slug"), targets, updated, base, leadImage(meta, base), List.of(),
                emptyToNull(string(meta, "translation-of", "translation_of")), emptyToNull(string(meta, "reviewer")),
                date(meta, "embargo"), string(meta, "correction"));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant date(Map<?, ?> meta, String... keys) throws UnsupportedUploadException {
        for (String key : keys) {
            String value = string(meta, key);
            if (value != null) {
                return Dates.parse(value).orElseThrow(() -> new UnsupportedUploadException(key + ": '" + value
                        + "' is not a date; write it as 2024-03-01 or 2024-03-01T10:00:00Z"));
            }
        }
        return null;
    }

    /** The front matter's {@code image}, when it is an {@code http(s)} URL (relative: against the canonical URL). */
    private static Block.Figure leadImage(Map<?, ?> meta, String base) throws UnsupportedUploadException {
        String image = string(meta, "image");
        if (image == null) {
            return null;
        }
        String src = SafeUrls.figureImage(image, base).orElse(null);
        if (src == null) {
            return null;
        }
        String caption = Texts.clean(string(meta, "image_caption"));
        return new Block.Figure(src, Texts.clean(string(meta, "image_alt")),
                caption.isEmpty() ? List.of() : Inline.text(caption), Texts.clean(string(meta, "image_credit")),
                null, null);
    }

    private static Map<?, ?> frontMatter(String yaml, ParseLimits limits) throws UnsupportedUploadException {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setAllowNonScalarKeys(false)
                .setCodePointLimit(limits.maxFrontMatterChars())
                .build();
        Object doc;
        try {
            doc = new Load(settings).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new UnsupportedUploadException("The front matter is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new UnsupportedUploadException("The front matter must be key: value lines (title:, lang:, ...)");
        }
        return map;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip().lines().findFirst().orElse("unreadable");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String string(Map<?, ?> meta, String... keys) throws UnsupportedUploadException {
        for (String key : keys) {
            Object v = meta.get(key);
            if (v instanceof String s) {
                return s;
            }
            if (v instanceof Number || v instanceof Boolean) {
                return v.toString();
            }
            if (v != null) {
                throw new UnsupportedUploadException(key + ": must be a single value, not a list or a map");
            }
        }
        return null;
    }

    /** A YAML list, or a comma-separated string (Arabic commas too). */
    private static List<String> list(Map<?, ?> meta, String... keys) throws UnsupportedUploadException {
        for (String key : keys) {
            Object v = meta.get(key);
            if (v == null) {
                continue;
            }
            List<String> out = new ArrayList<>();
            if (v instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map || item instanceof List) {
                        throw new UnsupportedUploadException(key + ": must be a list of words or a comma-separated line");
                    }
                    if (item != null && !item.toString().isBlank()) {
                        out.add(item.toString().strip());
                    }
                }
            } else if (v instanceof Map) {
                throw new UnsupportedUploadException(key + ": must be a list or a comma-separated line, not a map");
            } else {
                for (String part : LIST_SPLIT.split(v.toString().strip())) {
                    if (!part.isBlank()) {
                        out.add(part);
                    }
                }
            }
            return out;
        }
        return null;
    }

    /** Converts the document's blocks into the content model; remembers the first level-1 heading. */
    private static final class Blocks {
        final List<Block> out = new ArrayList<>();
        final String declaredTitle;
        final String base;
        String headline;

        Blocks(String declaredTitle, String base) {
            this.declaredTitle = declaredTitle == null ? null : Texts.clean(declaredTitle);
            this.base = base;
        }

        void document(Node document) {
            for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
                block(n, out);
            }
        }

        private void block(Node node, List<Block> into) {
            if (node instanceof Heading heading) {
                heading(heading, into);
            } else if (node instanceof Paragraph paragraph) {
                paragraph(paragraph, into);
            } else if (node instanceof BulletList || node instanceof OrderedList) {
                List<List<Inline>> items = new ArrayList<>();
                for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                    List<Inline> content = itemContent(item);
                    if (!Inline.plain(content).isBlank()) {
                        items.add(content);
                    }
                }
                if (!items.isEmpty()) {
                    into.add(new Block.ListBlock(node instanceof OrderedList, items));
                }
            } else if (node instanceof BlockQuote) {
                quote(node, into);
            } else if (node instanceof FencedCodeBlock code) {
                preformatted(code.getLiteral(), into);
            } else if (node instanceof IndentedCodeBlock code) {
                preformatted(code.getLiteral(), into);
            } else if (node instanceof HtmlBlock html) {
                into.addAll(HtmlBlocks.blocks(html.getLiteral(), base));
            } else if (node instanceof TableBlock) {
                table(node, into);
            }
            // Thematic breaks and link reference definitions carry no content.
        }

        private void heading(Heading heading, List<Block> into) {
            List<Inline> content = inlines(heading);
            if (heading.getLevel() == 1 && headline == null) {
                headline = Inline.plain(content);
                boolean isTheTitle = declaredTitle == null || declaredTitle.isEmpty()
                        || into.isEmpty() && Texts.clean(headline).equals(declaredTitle);
                if (isTheTitle) {
                    return;
                }
            }
            if (!Inline.plain(content).isBlank()) {
                into.add(new Block.Heading(heading.getLevel(), content));
            }
        }

        private void paragraph(Paragraph paragraph, List<Block> into) {
            if (containsRawHtml(paragraph)) {
                // Raw HTML tags arrive as separate inline nodes around the text they wrap: only the paragraph as a
                // whole is HTML that the sanitizer can read.
                into.addAll(HtmlBlocks.blocks(HTML.render(paragraph), base));
                return;
            }
            Image alone = aloneImage(paragraph);
            if (alone != null) {
                figure(alone, into);
                return;
            }
            List<Inline> content = inlines(paragraph);
            if (!Inline.plain(content).isBlank()) {
                into.add(new Block.Paragraph(content));
            }
        }

        private void figure(Image image, List<Block> into) {
            String title = Texts.clean(image.getTitle());
            List<Inline> caption = title.isEmpty() ? List.of() : Inline.text(title);
            var src = SafeUrls.figureImage(image.getDestination(), base);
            if (src.isEmpty()) {
                // An image we may not show (data:, javascript:, a path out of the folder): its caption is
                // still text of the article; its alt text describes nothing the reader sees.
                if (!caption.isEmpty()) {
                    into.add(new Block.Paragraph(caption));
                }
                return;
            }
            into.add(new Block.Figure(src.get(), Texts.clean(plainText(image)), caption, "", null, null));
        }

        /** The image of a paragraph made of one image (possibly linked) and blank space only, else null. */
        private static Image aloneImage(Paragraph paragraph) {
            Node only = paragraph.getFirstChild();
            if (only == null || only.getNext() != null) {
                return null;
            }
            if (only instanceof Link link && link.getFirstChild() instanceof Image inner
                    && inner.getNext() == null) {
                return inner;
            }
            return only instanceof Image image ? image : null;
        }

        private void quote(Node quote, List<Block> into) {
            List<Block> inner = new ArrayList<>();
            List<Inline> attribution = List.of();
            for (Node n = quote.getFirstChild(); n != null; n = n.getNext()) {
                if (n.getNext() == null && n instanceof Paragraph last && !containsRawHtml(last)) {
                    Node line = lastLineStart(last);
                    if (line instanceof Text t && ATTRIBUTION.matcher(t.getLiteral()).find()) {
                        List<Inline> cite = new ArrayList<>();
                        cite.add(new Inline.Text(ATTRIBUTION.matcher(t.getLiteral()).replaceFirst("")));
                        for (Node c = line.getNext(); c != null; c = c.getNext()) {
                            inline(c, cite);
                        }
                        attribution = Inline.normalize(cite);
                        List<Inline> before = new ArrayList<>();
                        for (Node c = last.getFirstChild(); c != null && c != line; c = c.getNext()) {
                            inline(c, before);
                        }
                        before = Inline.normalize(before);
                        if (!before.isEmpty()) {
                            inner.add(new Block.Paragraph(before));
                        }
                        continue;
                    }
                }
                block(n, inner);
            }
            List<List<Inline>> paragraphs = new ArrayList<>();
            for (Block b : inner) {
                if (!(b instanceof Block.Figure)) {
                    paragraphs.addAll(b.texts());
                }
            }
            if (!paragraphs.isEmpty()) {
                into.add(new Block.Quote(paragraphs, attribution));
            } else if (!attribution.isEmpty()) {
                // A quote that is only a dash line: its text is the quote, not who said it.
                into.add(new Block.Quote(List.of(attribution), List.of()));
            }
        }

        /** The first node of a paragraph's last line (after its last line break), or its first node. */
        private static Node lastLineStart(Paragraph paragraph) {
            Node start = paragraph.getFirstChild();
            for (Node n = paragraph.getFirstChild(); n != null; n = n.getNext()) {
                if ((n instanceof SoftLineBreak || n instanceof HardLineBreak) && n.getNext() != null) {
                    start = n.getNext();
                }
            }
            return start;
        }

        private static void preformatted(String literal, List<Block> into) {
            String text = Texts.stripControls(literal.replace("\r\n", "\n")).stripTrailing();
            if (!text.isBlank()) {
                into.add(new Block.Preformatted(text));
            }
        }

        private void table(Node table, List<Block> into) {
            List<List<List<Inline>>> rows = new ArrayList<>();
            boolean header = false;
            for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
                for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    if (!(row instanceof TableRow)) {
                        continue;
                    }
                    List<List<Inline>> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (cell instanceof TableCell) {
                            cells.add(inlines(cell));
                        }
                    }
                    if (rows.isEmpty() && section instanceof TableHead) {
                        header = true;
                    }
                    rows.add(cells);
                }
            }
            if (!rows.isEmpty()) {
                into.add(new Block.Table(header, rows));
            }
        }

        /** A list item's content as one run of inline content; its paragraphs and nested lists joined. */
        private List<Inline> itemContent(Node item) {
            List<Inline> content = new ArrayList<>();
            if (!(item instanceof ListItem)) {
                return content;
            }
            List<Block> inner = new ArrayList<>();
            for (Node n = item.getFirstChild(); n != null; n = n.getNext()) {
                block(n, inner);
            }
            for (Block b : inner) {
                for (List<Inline> text : b.texts()) {
                    if (!content.isEmpty()) {
                        content.add(new Inline.Text(" "));
                    }
                    content.addAll(text);
                }
            }
            return Inline.normalize(content);
        }

        // ------------------------------------------------------------------ inline

        private List<Inline> inlines(Node parent) {
            return Inline.normalize(children(parent));
        }

        private List<Inline> children(Node parent) {
            List<Inline> out = new ArrayList<>();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                inline(n, out);
            }
            return out;
        }

        private void inline(Node node, List<Inline> out) {
            if (node instanceof Text text) {
                out.add(new Inline.Text(text.getLiteral()));
            } else if (node instanceof Code code) {
                out.add(new Inline.Code(Texts.clean(code.getLiteral())));
            } else if (node instanceof Emphasis) {
                out.add(new Inline.Emphasis(children(node)));
            } else if (node instanceof StrongEmphasis) {
                out.add(new Inline.Strong(children(node)));
            } else if (node instanceof Link link) {
                List<Inline> children = children(link);
                var href = SafeUrls.link(link.getDestination(), base);
                if (href.isPresent()) {
                    String title = Texts.clean(link.getTitle());
                    out.add(new Inline.Link(href.get(), title.isEmpty() ? null : title, children));
                } else {
                    out.addAll(children);
                }
            } else if (node instanceof SoftLineBreak) {
                out.add(new Inline.Text(" "));
            } else if (node instanceof HardLineBreak) {
                out.add(new Inline.LineBreak());
            } else if (node instanceof Image) {
                // An image inside running text: dropped, and its alt text is not the article's text.
                return;
            } else if (!(node instanceof HtmlInline)) {
                out.addAll(children(node));
            }
        }

        private static boolean containsRawHtml(Node parent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof HtmlInline || containsRawHtml(n)) {
                    return true;
                }
            }
            return false;
        }

        private static String plainText(Node parent) {
            StringBuilder sb = new StringBuilder();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Text t) {
                    sb.append(t.getLiteral());
                } else if (n instanceof Code c) {
                    sb.append(c.getLiteral());
                } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                    sb.append(' ');
                } else {
                    sb.append(plainText(n));
                }
            }
            return sb.toString();
        }
    }
}
