package dev.tarjim.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What an HTML page says about its article, from schema.org JSON-LD ({@code NewsArticle}, {@code Article},
 * {@code BlogPosting}..., also inside {@code @graph}), OpenGraph ({@code og:} and {@code article:} properties) and
 * plain {@code <meta>} and {@code <link rel=canonical>}. Each field is null (or empty) when the page does not say.
 *
 * @param title        the headline as declared (og:title, then JSON-LD headline), site name not yet removed
 * @param siteName     og:site_name
 * @param description  the standfirst
 * @param authors      the author names, in order
 * @param published    datePublished or article:published_time
 * @param updated      dateModified or article:modified_time
 * @param canonicalUrl the canonical URL (absolute), else og:url, else the JSON-LD url or mainEntityOfPage
 * @param image        the lead image as declared: its URL (maybe relative), alt text and size
 * @param tags         article:tag, else JSON-LD keywords, else keywords meta
 * @param language     the declared language, not yet normalised
 */
record HtmlMetadata(String title, String siteName, String description, List<String> authors, Instant published,
        Instant updated, String canonicalUrl, Image image, List<String> tags, String language) {

    /** A declared image; width and height are null when not given. */
    record Image(String url, String alt, Integer width, Integer height) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern ARTICLE_TYPES = Pattern.compile("^(?:Article|AdvertiserContentArticle|NewsArticle"
            + "|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle"
            + "|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting"
            + "|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$");
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*[,،]\\s*");

    static HtmlMetadata of(Document doc) {
        JsonNode ld = jsonLdArticle(doc);
        String canonical = firstAbsolute(attr(doc, "link[rel~=(?i)^canonical$]", "href"),
                meta(doc, "meta[property=og:url]"), ld == null ? null : text(ld.get("url")),
                ld == null ? null : id(ld.get("mainEntityOfPage")));

        String title = first(meta(doc, "meta[property=og:title], meta[name=twitter:title]"),
                ld == null ? null : first(text(ld.get("headline")), text(ld.get("name"))));
        String description = first(meta(doc, "meta[name=description], meta[property=og:description]"),
                ld == null ? null : text(ld.get("description")),
                meta(doc, "meta[name=twitter:description]"));

        List<String> authors = ld == null ? new ArrayList<>() : names(ld.get("author"));
        if (authors.isEmpty()) {
            for (Element el : doc.select("meta[name=author], meta[property=article:author], meta[name=byl], "
                    + "meta[name=dc.creator], meta[name=dc:creator], meta[name=parsely-author]")) {
                String value = el.attr("content").strip();
                if (!value.isEmpty() && !value.startsWith("http") && !authors.contains(value)) {
                    authors.add(value);
                }
            }
        }

        Instant published = firstDate(ld == null ? null : text(ld.get("datePublished")),
                meta(doc, "meta[property=article:published_time], meta[itemprop=datePublished], meta[name=date], "
                        + "meta[name=pubdate], meta[name=publish-date]"));
        Instant updated = firstDate(ld == null ? null : text(ld.get("dateModified")),
                meta(doc, "meta[property=article:modified_time], meta[itemprop=dateModified], "
                        + "meta[property=og:updated_time]"));

        Image image = ogImage(doc);
        if (image == null && ld != null) {
            image = ldImage(ld.get("image"));
        }
        return new HtmlMetadata(title, meta(doc, "meta[property=og:site_name]"), description, authors, published,
                updated, canonical, image, tags(doc, ld), language(doc));
    }

    /** The first author name, or null. */
    String author() {
        return authors.isEmpty() ? null : String.join(", ", authors);
    }

    // ------------------------------------------------------------------ JSON-LD

    /** The first JSON-LD object typed as an article, looked for in arrays and {@code @graph}; null when none. */
    static JsonNode jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            String raw = script.data().strip();
            // Some CMSs wrap JSON-LD in CDATA markers.
            raw = raw.replaceFirst("^\\s*<!\\[CDATA\\[", "").replaceFirst("]]>\\s*$", "");
            try {
                JsonNode found = findArticle(JSON.readTree(raw), 0);
                if (found != null) {
                    return found;
                }
            } catch (JsonProcessingException e) {
                // A broken JSON-LD block is common and tells nothing: the next one, or OpenGraph, may.
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node, int depth) {
        if (node == null || depth > 4) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                JsonNode found = findArticle(n, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        if (isArticle(node.get("@type"))) {
            return node;
        }
        return findArticle(node.get("@graph"), depth + 1);
    }

    private static boolean isArticle(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual() && ARTICLE_TYPES.matcher(t.asText()).matches()) {
                    return true;
                }
            }
            return false;
        }
        return type.isTextual() && ARTICLE_TYPES.matcher(type.asText()).matches();
    }

    private static List<String> names(JsonNode author) {
        List<String> out = new ArrayList<>();
        if (author == null) {
            return out;
        }
        if (author.isArray()) {
            for (JsonNode a : author) {
                out.addAll(names(a));
            }
        } else if (author.isObject()) {
            String name = text(author.get("name"));
            if (name != null) {
                out.add(name);
            }
        } else if (author.isTextual() && !author.asText().isBlank() && !author.asText().startsWith("http")) {
            out.add(author.asText().strip());
        }
        return new ArrayList<>(new LinkedHashSet<>(out));
    }

    private static Image ldImage(JsonNode image) {
        if (image == null) {
            return null;
        }
        if (image.isArray()) {
            return image.isEmpty() ? null : ldImage(image.get(0));
        }
        if (image.isTextual()) {
            return image.asText().isBlank() ? null : new Image(image.asText().strip(), "", null, null);
        }
        String url = first(text(image.get("url")), text(image.get("contentUrl")));
        if (url == null) {
            return null;
        }
        String alt = first(text(image.get("caption")), text(image.get("description")));
        return new Image(url, alt == null ? "" : alt, number(image.get("width")), number(image.get("height")));
    }

    private static String id(JsonNode node) {
        if (node == null) {
            return null;
        }
        return node.isObject() ? first(text(node.get("@id")), text(node.get("url"))) : text(node);
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        return node.asText().strip();
    }

    private static Integer number(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            return number(node.get("value"));
        }
        return dimension(node.asText());
    }

    // ------------------------------------------------------------------ OpenGraph and meta

    private static Image ogImage(Document doc) {
        String url = meta(doc, "meta[property=og:image:secure_url], meta[property=og:image], "
                + "meta[property=og:image:url], meta[name=twitter:image], meta[name=twitter:image:src]");
        if (url == null) {
            return null;
        }
        String alt = meta(doc, "meta[property=og:image:alt], meta[name=twitter:image:alt]");
        return new Image(url, alt == null ? "" : alt, dimension(meta(doc, "meta[property=og:image:width]")),
                dimension(meta(doc, "meta[property=og:image:height]")));
    }

    private static List<String> tags(Document doc, JsonNode ld) {
        Set<String> tags = new LinkedHashSet<>();
        for (Element tag : doc.select("meta[property=article:tag]")) {
            if (!tag.attr("content").isBlank()) {
                tags.add(tag.attr("content").strip());
            }
        }
        if (tags.isEmpty() && ld != null && ld.get("keywords") != null) {
            JsonNode keywords = ld.get("keywords");
            if (keywords.isArray()) {
                keywords.forEach(k -> {
                    if (k.isTextual() && !k.asText().isBlank()) {
                        tags.add(k.asText().strip());
                    }
                });
            } else if (keywords.isTextual() && !keywords.asText().isBlank()) {
                tags.addAll(List.of(LIST_SPLIT.split(keywords.asText().strip())));
            }
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

    private static String language(Document doc) {
        Element html = doc.selectFirst("html");
        return first(html == null ? null : blankToNull(html.attr("lang")),
                html == null ? null : blankToNull(html.attr("xml:lang")),
                meta(doc, "meta[http-equiv=content-language]"), meta(doc, "meta[property=og:locale]"));
    }

    static String meta(Document doc, String selector) {
        for (Element el : doc.select(selector)) {
            String content = el.attr("content");
            if (!content.isBlank()) {
                return content.strip();
            }
        }
        return null;
    }

    private static String attr(Document doc, String selector, String attribute) {
        Element el = doc.selectFirst(selector);
        return el == null ? null : blankToNull(el.attr(attribute));
    }

    private static String firstAbsolute(String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                var url = SafeUrls.link(c, null).filter(u -> u.startsWith("http"));
                if (url.isPresent()) {
                    return url.get();
                }
            }
        }
        return null;
    }

    private static Instant firstDate(String... candidates) {
        for (String c : candidates) {
            var when = Dates.parse(c);
            if (when.isPresent()) {
                return when.get();
            }
        }
        return null;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Integer dimension(String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip().replaceFirst("px$", ""));
            return n > 0 && n < 100_000 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
