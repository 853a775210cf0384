package dev.tarjim.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Extracts the article from an HTML page with jsoup.
 *
 * <p>The article is the largest {@code <article>}, else the main content element ({@code [itemprop=articleBody]},
 * {@code main}, {@code .entry-content}...), narrowed to its body container when it has one. Navigation, headers,
 * footers, asides, scripts, forms, and comment, sharing, related-post and tag areas are removed before the text is
 * read; each block element (p, li, h2..., blockquote, div with text) then gives one paragraph.
 *
 * <p>jsoup's HTML parser never fetches or expands DTD entities, so an XXE doctype yields no file content; what is
 * left of a doctype's internal subset is punctuation, which {@link Boilerplate} drops.
 */
final class HtmlFormat {

    private static final String JUNK = "nav, header, footer, aside, script, style, noscript, template, form, iframe, "
            + "svg, canvas, object, embed, button, select, textarea, input, figure, [hidden], [aria-hidden=true], "
            + "#comments, .comments, .comments-area, .comment-respond, #respond, .comment-list, .commentlist, "
            + ".sharedaddy, .sd-sharing, .share, .shares, .sharing, .social-share, .social, .addtoany_share_save_container, "
            + ".related, .related-posts, .jp-relatedposts, .yarpp-related, .crp_related, .post-tags, .tags, .tag-links, "
            + ".tagcloud, .cat-links, .entry-meta, .post-meta, .byline, .author-bio, .author-box, .breadcrumb, "
            + ".breadcrumbs, .navigation, .post-navigation, .nav-links, .pagination, .advertisement, .ads, .ad, "
            + ".screen-reader-text, .sr-only, .newsletter, .subscribe, .wp-block-buttons, .print-only";
    private static final String MAIN = "[itemprop=articleBody], main, [role=main], .entry-content, .post-content, "
            + ".article-body, .article-content, .story-body, .td-post-content, #content";
    private static final String BODY = "[itemprop=articleBody], .entry-content, .post-content, .article-body, "
            + ".article-content, .story-body, .td-post-content";
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "dl", "dt", "dd", "blockquote", "section", "article", "main", "header", "footer", "pre", "table", "tr",
            "td", "th", "figcaption", "br", "hr", "address", "center", "details", "summary", "body");
    private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s+(?:\\||–|—|-|::|«|»|·|•)\\s+");
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*[,،]\\s*");

    private HtmlFormat() {
    }

    static ParsedArticle parse(String html) throws UnsupportedUploadException {
        Document doc = Jsoup.parse(html);
        String siteName = meta(doc, "meta[property=og:site_name]");
        Element root = articleRoot(doc);
        String title = title(doc, root, siteName);
        if (title == null) {
            throw new UnsupportedUploadException("No title found: the page has no og:title, <h1> or <title>");
        }
        String author = author(doc);
        Instant published = published(doc, root);
        List<String> tags = tags(doc);
        String summary = meta(doc, "meta[name=description], meta[property=og:description]");
        String lang = language(doc);

        Element body = root.selectFirst(BODY);
        Element content = body != null ? body : root;
        content.select(JUNK).remove();
        List<String> paragraphs = paragraphs(content);
        if (!paragraphs.isEmpty() && Texts.clean(paragraphs.get(0)).equals(Texts.clean(title))) {
            paragraphs.remove(0);
        }
        return new ParsedArticle("html", title, summary, paragraphs, author, tags, published, lang, null, null);
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

    private static Element articleRoot(Document doc) {
        Element best = null;
        int bestLength = -1;
        for (Element article : doc.select("article")) {
            int length = article.text().length();
            if (length > bestLength) {
                best = article;
                bestLength = length;
            }
        }
        if (best != null) {
            return best;
        }
        Element main = doc.selectFirst(MAIN);
        return main != null ? main : doc.body();
    }

    private static String title(Document doc, Element root, String siteName) {
        String og = meta(doc, "meta[property=og:title], meta[name=twitter:title]");
        if (og != null) {
            return withoutSiteName(og, siteName, false);
        }
        Element h1 = root.selectFirst("h1");
        if (h1 == null) {
            h1 = doc.selectFirst("h1");
        }
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text();
        }
        String title = doc.title();
        return title.isBlank() ? null : withoutSiteName(title, siteName, true);
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

    private static String author(Document doc) {
        String meta = meta(doc, "meta[name=author], meta[property=article:author], meta[name=byl]");
        if (meta != null && !meta.startsWith("http")) {
            return meta;
        }
        Element el = doc.selectFirst("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], .byline .author, .author-name");
        return el == null || el.text().isBlank() ? null : el.text();
    }

    private static Instant published(Document doc, Element root) {
        String meta = meta(doc, "meta[property=article:published_time], meta[itemprop=datePublished], "
                + "meta[name=date], meta[name=pubdate], meta[name=publish-date]");
        Element time = root.selectFirst("time[datetime]");
        if (time == null) {
            time = doc.selectFirst("time[datetime]");
        }
        for (String candidate : new String[] {meta, time == null ? null : time.attr("datetime")}) {
            var when = Dates.parse(candidate);
            if (when.isPresent()) {
                return when.get();
            }
        }
        return null;
    }

    private static List<String> tags(Document doc) {
        Set<String> tags = new LinkedHashSet<>();
        for (Element tag : doc.select("meta[property=article:tag]")) {
            tags.add(tag.attr("content"));
        }
        if (tags.isEmpty()) {
            String keywords = meta(doc, "meta[name=keywords], meta[name=news_keywords]");
            if (keywords != null) {
                tags.addAll(List.of(LIST_SPLIT.split(keywords)));
            }
        }
        if (tags.isEmpty()) {
            for (Element tag : doc.select("a[rel=tag]")) {
                tags.add(tag.text());
            }
        }
        return new ArrayList<>(tags);
    }

    /** The page's declared language; a malformed attribute is ignored (detection decides) rather than refused. */
    private static String language(Document doc) {
        Element html = doc.selectFirst("html");
        String[] candidates = {
            html == null ? null : html.attr("lang"),
            html == null ? null : html.attr("xml:lang"),
            meta(doc, "meta[http-equiv=content-language]"),
            meta(doc, "meta[property=og:locale]")
        };
        for (String candidate : candidates) {
            var code = LanguageTags.normalise(candidate);
            if (code.isPresent()) {
                return code.get();
            }
        }
        return null;
    }

    private static String meta(Document doc, String selector) {
        for (Element el : doc.select(selector)) {
            String content = el.attr("content");
            if (!content.isBlank()) {
                return content.strip();
            }
        }
        return null;
    }
}
