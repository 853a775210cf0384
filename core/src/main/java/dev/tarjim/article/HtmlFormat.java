package dev.tarjim.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an HTML page: the article's structure (paragraphs, subheads, lists, quotes, figures, tables) without the
 * site's chrome, and its metadata.
 *
 * <p>The main content is found by {@link HtmlExtractor} (Mozilla Readability's content scoring, ported) and converted
 * by {@link HtmlBlocks}, the allowlist sanitizer, with relative links and images resolved against the page's
 * canonical URL. Metadata comes from {@link HtmlMetadata} (JSON-LD, OpenGraph, {@code <meta>}), with the page's
 * {@code <h1>} and {@code <title>} as the title's fallbacks.
 *
 * <p>jsoup's HTML parser never fetches or expands DTD entities, so an XXE doctype yields no file content; what is
 * left of a doctype's internal subset is punctuation, which {@link Boilerplate} drops.
 */
final class HtmlFormat {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "dl", "dt", "dd", "blockquote", "section", "article", "main", "header", "footer", "pre", "table", "tr",
            "td", "th", "figcaption", "br", "hr", "address", "center", "details", "summary", "body");
    private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s+(?:\\||–|—|-|::|«|»|·|•)\\s+");

    private static final Pattern BY = Pattern.compile("^(?:by|par|por|von|di|بقلم|كتب|كتبت)\\s*:?\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?。؟](?=\\s|$)");

    private HtmlFormat() {
    }

    static ParsedArticle parse(String html) throws UnsupportedUploadException {
        Document doc = Jsoup.parse(html);
        HtmlMetadata meta = HtmlMetadata.of(doc);
        String title = title(doc, meta);
        String base = meta.canonicalUrl();
        HtmlExtractor.Result extracted = HtmlExtractor.extract(doc, title, meta.author() == null);
        List<String> warnings = new ArrayList<>();
        boolean declaredTitle = title != null;
        if (title == null) {
            title = firstSentence(extracted.content().text());
            if (title.isEmpty()) {
                throw new UnsupportedUploadException("No title found: the page has no og:title, <h1> or <title>");
            }
            warnings.add("The page has no title (og:title, <h1> or <title>): its first sentence was taken as the "
                    + "title");
        }
        if (base == null && hasRelativeUrls(extracted.content())) {
            warnings.add("The page names no canonical URL (<link rel=canonical> or og:url): its relative links were "
                    + "dropped (relative images are looked up among the images uploaded beside it)");
        }
        List<Block> blocks = HtmlBlocks.blocks(extracted.content(), base);
        if (declaredTitle) {
            blocks = withoutTitle(blocks, title);
        }
        String author = meta.author() != null ? meta.author() : byline(extracted.byline());
        if (author == null) {
            author = pageAuthor(doc);
        }
        Instant published = meta.published() != null ? meta.published() : timeElement(doc);
        Block.Figure lead = leadImage(meta.image(), base);
        // An editor's reviewed translation says what it translates in <meta name="translation-of">.
        return new ParsedArticle("html", title, meta.description(), blocks, author, meta.tags(), published,
                language(meta.language()), null, null, meta.updated(), base, lead, warnings,
                HtmlMetadata.meta(doc, "meta[name=translation-of]"), HtmlMetadata.meta(doc, "meta[name=reviewer]"),
                embargo(doc), HtmlMetadata.meta(doc, "meta[name=correction]"));
    }

    /**
     * The page's explicit {@code <meta name="embargo" content="...">}: a publication time in the future (JSON-LD,
     * {@code article:published_time}) is not an embargo, as pages are often pre-dated by their CMS.
     */
    private static Instant embargo(Document doc) throws UnsupportedUploadException {
        String value = HtmlMetadata.meta(doc, "meta[name=embargo]");
        if (value == null) {
            return null;
        }
        return Dates.parse(value).orElseThrow(() -> new UnsupportedUploadException(
                "<meta name=\"embargo\">: '" + value + "' is not an ISO 8601 date-time"));
    }

    private static String title(Document doc, HtmlMetadata meta) {
        if (meta.title() != null) {
            return withoutSiteName(meta.title(), meta.siteName(), false);
        }
        Element h1 = doc.selectFirst("article h1, main h1");
        if (h1 == null) {
            h1 = doc.selectFirst("h1");
        }
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text();
        }
        String title = doc.title();
        return title.isBlank() ? null : withoutSiteName(title, meta.siteName(), true);
    }

    /** The body without a leading heading or paragraph that repeats the title (the page's own {@code <h1>}). */
    private static List<Block> withoutTitle(List<Block> blocks, String title) {
        List<Block> out = new ArrayList<>(blocks);
        String t = Texts.clean(title);
        while (!out.isEmpty() && (out.get(0) instanceof Block.Heading || out.get(0) instanceof Block.Paragraph)
                && Texts.clean(BodyText.block(out.get(0))).equals(t)) {
            out.remove(0);
        }
        return out;
    }

    /** The text's first sentence, cut at a word boundary near 150 characters when it is longer. */
    static String firstSentence(String text) {
        String t = Texts.clean(text);
        Matcher end = SENTENCE_END.matcher(t);
        String sentence = end.find() ? t.substring(0, end.start() + 1) : t;
        if (sentence.length() <= 150) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', 150);
        return sentence.substring(0, cut > 50 ? cut : 150).stripTrailing() + "…";
    }

    private static boolean hasRelativeUrls(Element content) {
        for (Element e : content.select("a[href]")) {
            String url = e.attr("href");
            String u = url.strip();
            if (!u.isEmpty() && !u.startsWith("#") && !u.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
                return true;
            }
        }
        return false;
    }

    private static Block.Figure leadImage(HtmlMetadata.Image image, String base) {
        if (image == null) {
            return null;
        }
        return SafeUrls.image(image.url(), base)
                .map(src -> new Block.Figure(src, Texts.clean(image.alt()), List.of(), "", image.width(),
                        image.height()))
                .orElse(null);
    }

    private static String pageAuthor(Document doc) {
        Element el = doc.selectFirst("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], "
                + ".byline .author, .author-name");
        return el == null || el.text().isBlank() ? null : el.text();
    }

    private static Instant timeElement(Document doc) {
        Element time = doc.selectFirst("article time[datetime], main time[datetime]");
        if (time == null) {
            time = doc.selectFirst("time[datetime]");
        }
        return time == null ? null : Dates.parse(time.attr("datetime")).orElse(null);
    }

    /** The page's declared language; a malformed attribute is ignored (detection decides) rather than refused. */
    private static String language(String declared) {
        return LanguageTags.normalise(declared).orElse(null);
    }

    /** A byline element's text without its "By" ("By Jane Porter" → "Jane Porter"). */
    private static String byline(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = BY.matcher(Texts.clean(text)).replaceFirst("");
        return name.isBlank() ? null : name;
    }

    /** One paragraph per block element's run of text, in document order. */
    static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        collect(root, current, out);
        flush(current, out);
        return out;
    }

    private static void collect(Node node, StringBuilder current, List<String> out) {
        if (node instanceof TextNode text) {
            current.append(text.getWholeText());
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        boolean block = BLOCKS.contains(element.normalName());
        if (block) {
            flush(current, out);
        }
        for (Node child : element.childNodes()) {
            collect(child, current, out);
        }
        if (block) {
            flush(current, out);
        }
    }

    private static void flush(StringBuilder current, List<String> out) {
        String text = Texts.clean(current.toString());
        if (!text.isEmpty()) {
            out.add(text);
        }
        current.setLength(0);
    }

    /**
     * Drops a trailing " | Site name" (or " – ", " - "...): always when it is the page's og:site_name, and when
     * {@code guess} (for {@code <title>}, which CMSs suffix by habit) also when that part is shorter than the rest.
     */
    static String withoutSiteName(String title, String siteName, boolean guess) {
        String t = Texts.clean(title);
        var m = TITLE_SEPARATORS.matcher(t);
        int lastStart = -1;
        int lastEnd = -1;
        while (m.find()) {
            lastStart = m.start();
            lastEnd = m.end();
        }
        if (lastStart > 0) {
            String head = t.substring(0, lastStart);
            String tail = t.substring(lastEnd);
            boolean isSite = siteName != null && tail.equalsIgnoreCase(Texts.clean(siteName));
            if (isSite || guess && tail.length() < head.length() && tail.length() <= 60) {
                return head;
            }
        }
        return t;
    }

}
