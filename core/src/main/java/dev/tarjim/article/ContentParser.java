package dev.tarjim.article;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@link ArticleParser} for every format Tarjim reads: plain text copied from a web page, Markdown with YAML
 * front matter, HTML pages and IPTC ninjs JSON, told apart by their content (the key's extension is only a hint).
 *
 * <p>Whatever the format, the result is cleaned the same way: control and bidi-override characters are removed,
 * whitespace is collapsed, CMS furniture (comment forms, share and related-post lines, counters) is dropped from the
 * paragraphs and sub-headings, and the title and block count are checked against {@link ParseLimits}. An article with
 * a body but no title is accepted with its first sentence as title and a warning for the editor. Uploads that are
 * not articles (empty, binary, not UTF-8, JSON that is not ninjs, no body) are refused with an
 * {@link UnsupportedUploadException} whose message is written for the editor.
 *
 * <p>Stateless and thread-safe; build one per function instance.
 */
public final class ContentParser implements ArticleParser {

    private static final Pattern HTML_START = Pattern.compile(
            "\\A<(?:!doctype\\s+html|html|head|body|article|main|div|p|h1|meta|title|section|\\?xml[^>]*>\\s*<(?:!doctype\\s+html|html))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_ANYWHERE = Pattern.compile("<(?:html|body|article)[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("\\A#{1,6}[ \\t]+\\S");

    private final ParseLimits limits;

    /** A parser with {@link ParseLimits#defaults()}. */
    public ContentParser() {
        this(ParseLimits.defaults());
    }

    public ContentParser(ParseLimits limits) {
        this.limits = limits;
    }

    /** A parser with {@link ParseLimits#defaults()}. */
    public static ContentParser standard() {
        return new ContentParser();
    }

    @Override
    public ParsedArticle parse(byte[] content, String key) throws UnsupportedUploadException {
        String text = UploadDecoder.decode(content);
        if (text.isBlank()) {
            throw new UnsupportedUploadException("The file is empty: it contains only blank space");
        }
        ParsedArticle raw = switch (formatOf(text, key == null ? "" : key.toLowerCase(Locale.ROOT))) {
            case "ninjs" -> NinjsFormat.parse(text);
            case "markdown" -> MarkdownFormat.parse(text, limits);
            case "html" -> HtmlFormat.parse(text);
            default -> PlainTextFormat.parse(text);
        };
        return finish(raw);
    }

    /** Content first; the extension only decides between Markdown and plain text, which look alike. */
    static String formatOf(String text, String key) {
        String head = text.stripLeading();
        if (head.startsWith("{") || head.startsWith("[") && key.endsWith(".json")) {
            return "ninjs";
        }
        if (MarkdownFormat.hasFrontMatter(head)) {
            return "markdown";
        }
        if (HTML_START.matcher(head).lookingAt()
                || head.startsWith("<") && HTML_ANYWHERE.matcher(head.substring(0, Math.min(head.length(), 4096))).find()
                || (key.endsWith(".html") || key.endsWith(".htm")) && head.startsWith("<")) {
            return "html";
        }
        if (key.endsWith(".md") || key.endsWith(".markdown") || MARKDOWN_HEADING.matcher(head).lookingAt()) {
            return "markdown";
        }
        return "text";
    }

    private ParsedArticle finish(ParsedArticle raw) throws UnsupportedUploadException {
        String title = Texts.clean(raw.title());
        if (title.length() > limits.maxTitleChars()) {
            throw new UnsupportedUploadException("The title is " + title.length() + " characters long; the limit is "
                    + limits.maxTitleChars() + " (is the headline missing, so that a paragraph was taken for it?)");
        }
        // A page's subheads are the page's own (its extractor read the structure): the line rules must not cut an
        // article at a subhead such as "Responses". They still drop stray furniture lines ("Share", "Leave a reply").
        List<Block> blocks = Boilerplate.stripBlocks(tidy(raw.blocks()), "html".equals(raw.format()));
        List<String> warnings = new ArrayList<>(raw.warnings());
        if (title.isEmpty()) {
            String first = blocks.stream().filter(b -> b instanceof Block.Paragraph).findFirst()
                    .or(() -> blocks.stream().filter(b -> !BodyText.block(b).isBlank()).findFirst())
                    .map(b -> Texts.clean(BodyText.block(b))).orElse("");
            if (first.isEmpty()) {
                throw new UnsupportedUploadException("No title found, and no text to take one from");
            }
            title = Titles.fromFirstSentence(first);
            warnings.add("No title found: the title \"" + title + "\" was made from the first sentence. Give the "
                    + "article a title (title: in the front matter, a # heading, or a headline) and upload it again.");
        } else if (!blocks.isEmpty() && blocks.get(0) instanceof Block.Paragraph p
                && Texts.clean(Inline.plain(p.content())).equals(title)) {
            blocks.remove(0);
        }
        if (blocks.isEmpty()) {
            throw new UnsupportedUploadException("No body paragraphs found: the article has a title (\""
                    + abbreviate(title) + "\") but no text");
        }
        if (blocks.size() > limits.maxParagraphs()) {
            throw new UnsupportedUploadException("The article has " + blocks.size()
                    + " blocks (paragraphs, headings, lists...); the limit is " + limits.maxParagraphs());
        }
        String summary = Texts.clean(raw.summary());
        if (summary.isEmpty()) {
            summary = blocks.stream().filter(b -> b instanceof Block.Paragraph).findFirst()
                    .map(b -> Summaries.summaryOf(Texts.clean(BodyText.block(b))))
                    .orElseGet(() -> Summaries.summaryOf(Texts.clean(BodyText.block(blocks.get(0)))));
        }
        return new ParsedArticle(raw.format(), title, summary, blocks,
                emptyToNull(Texts.clean(raw.author())),
                distinctClean(raw.tags()),
                raw.published(),
                raw.declaredLanguage(),
                emptyToNull(Texts.clean(raw.slug())),
                raw.targets(),
                raw.updated(),
                emptyToNull(Texts.clean(raw.canonicalUrl())),
                raw.leadImage(),
                warnings,
                emptyToNull(Texts.clean(raw.translationOf())),
                emptyToNull(Texts.clean(raw.reviewer())),
                raw.embargo(),
                emptyToNull(Texts.clean(raw.correction())));
    }

    /** Every block's text normalised (as {@link Texts#clean}); blocks left without content dropped. */
    private static List<Block> tidy(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            Block tidy = b.map(Inline::normalize);
            boolean empty = tidy instanceof Block.Paragraph || tidy instanceof Block.Heading
                    ? BodyText.block(tidy).isBlank()
                    : tidy instanceof Block.ListBlock l ? l.items().isEmpty()
                    : tidy instanceof Block.Quote q ? q.paragraphs().isEmpty()
                    : tidy instanceof Block.Preformatted pre && pre.text().isBlank();
            if (!empty) {
                out.add(tidy);
            }
        }
        return out;
    }

    private static List<String> distinctClean(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String c = Texts.clean(v);
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
