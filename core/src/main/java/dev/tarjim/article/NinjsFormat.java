package dev.tarjim.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Reads IPTC ninjs (news in JSON), versions 1.x, 2.x and 3.x.
 *
 * <p>Fields: {@code headlines[].value} (2.x, role {@code main} first) or {@code headline} (1.x);
 * {@code bodies[].value} (2.x/3.x, HTML preferred) or {@code body_html} / {@code body_text} (1.x), the HTML through
 * the allowlist of {@link HtmlBlocks} (relative URLs against the item's {@code uri} when it is a web address);
 * {@code associations} (an object in 1.x, an array in 2.x/3.x) of type {@code picture}: the first is the lead
 * image, the others figures after the body (the largest rendition's {@code href}, {@code width} and {@code height};
 * {@code description_text} else {@code headline} as caption; {@code copyrightnotice} else {@code by} as credit);
 * {@code descriptions[].value} or {@code description_text} / {@code description_html} as summary; {@code language};
 * {@code by} or {@code authors[]} (strings or objects with {@code name}); {@code subject[].name} /
 * {@code subjects[].name} (else {@code keywords}) as tags; {@code slugline} as slug.
 *
 * <p>The publication time is {@code firstcreated}, else {@code versioncreated}: a correction creates a new version,
 * and a feed ordered by the version time would move a corrected article back to the top.
 */
final class NinjsFormat {

    static final String NOT_NINJS = "JSON upload is not an IPTC ninjs article: no headline/body";

    private NinjsFormat() {
    }

    static ParsedArticle parse(String json) throws UnsupportedUploadException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new UnsupportedUploadException("The file looks like JSON but is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        }
        if (root == null || !root.isObject()) {
            throw new UnsupportedUploadException(NOT_NINJS);
        }
        String headline = preferred(root.path("headlines"), "main");
        if (headline == null) {
            headline = text(root, "headline");
        }
        String uri = text(root, "uri");
        String base = uri == null ? null : SafeUrls.link(uri, null).filter(u -> u.startsWith("http")).orElse(null);
        List<Block> blocks = new ArrayList<>(body(root, base));
        if (headline == null && blocks.isEmpty()) {
            throw new UnsupportedUploadException(NOT_NINJS);
        }
        String language = text(root, "language");
        Instant published = date(root, "firstcreated", "versioncreated");
        Instant updated = root.has("firstcreated") ? date(root, "versioncreated") : null;
        List<Block.Figure> pictures = pictures(root.path("associations"), base);
        blocks.addAll(pictures.isEmpty() ? List.of() : pictures.subList(1, pictures.size()));
        return new ParsedArticle("ninjs", headline, summary(root), blocks, author(root), tags(root), published,
                language == null ? null : LanguageTags.require("language", language), text(root, "slugline"), null,
                updated, base, pictures.isEmpty() ? null : pictures.get(0), List.of(), date(root, "embargoed"),
                null);
    }

    private static Instant date(JsonNode root, String... fields) throws UnsupportedUploadException {
        for (String field : fields) {
            String value = text(root, field);
            if (value != null) {
                return Dates.parse(value).orElseThrow(() -> new UnsupportedUploadException(
                        field + ": '" + value + "' is not an ISO 8601 date-time"));
            }
        }
        return null;
    }

    private static List<Block> body(JsonNode root, String base) {
        String html = null;
        String plain = null;
        JsonNode bodies = root.path("bodies");
        for (JsonNode body : bodies) {
            String type = body.path("contenttype").asText("");
            String value = body.path("value").asText(null);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (html == null && type.contains("html")) {
                html = value;
            } else if (plain == null && !type.contains("html")) {
                plain = value;
            }
        }
        if (html == null) {
            html = text(root, "body_html");
        }
        if (plain == null) {
            plain = text(root, "body_text");
        }
        if (html != null) {
            return HtmlBlocks.blocks(html, base);
        }
        return plain == null ? List.of()
                : PlainTextFormat.paragraphs(plain).stream().map(p -> (Block) Block.Paragraph.of(p)).toList();
    }

    /** The associated pictures, in order, as figures; those without an {@code http(s)} rendition are skipped. */
    private static List<Block.Figure> pictures(JsonNode associations, String base) {
        List<Block.Figure> out = new ArrayList<>();
        for (JsonNode item : associations) {
            if (!item.isObject() || !"picture".equals(item.path("type").asText(""))) {
                continue;
            }
            JsonNode best = null;
            for (JsonNode rendition : item.path("renditions")) {
                if (SafeUrls.image(rendition.path("href").asText(null), base).isPresent()
                        && (best == null || rendition.path("width").asInt(0) > best.path("width").asInt(0))) {
                    best = rendition;
                }
            }
            String src = best != null ? SafeUrls.image(best.path("href").asText(null), base).orElse(null)
                    : SafeUrls.image(text(item, "uri"), base).orElse(null);
            if (src == null) {
                continue;
            }
            String headline = preferred(item.path("headlines"), "main");
            if (headline == null) {
                headline = text(item, "headline");
            }
            String description = preferred(item.path("descriptions"), "caption");
            if (description == null) {
                description = text(item, "description_text");
            }
            String caption = description != null ? description : headline;
            String credit = text(item, "copyrightnotice");
            if (credit == null) {
                credit = text(item, "by");
            }
            out.add(new Block.Figure(src, headline != null && description != null ? Texts.clean(headline) : "",
                    caption == null ? List.of() : Inline.text(Texts.clean(caption)), Texts.clean(credit),
                    dimension(best, "width"), dimension(best, "height")));
        }
        return out;
    }

    private static Integer dimension(JsonNode rendition, String field) {
        if (rendition == null) {
            return null;
        }
        int n = rendition.path(field).asInt(0);
        return n > 0 ? n : null;
    }

    private static String summary(JsonNode root) {
        String description = preferred(root.path("descriptions"), "summary");
        if (description == null) {
            description = text(root, "description_text");
        }
        if (description == null) {
            String html = text(root, "description_html");
            description = html == null ? null : Jsoup.parseBodyFragment(html).text();
        }
        return description;
    }

    private static String author(JsonNode root) {
        String by = text(root, "by");
        if (by != null) {
            return by;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode author : root.path("authors")) {
            String name = author.isTextual() ? author.asText() : author.path("name").asText(null);
            if (name != null && !name.isBlank()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static List<String> tags(JsonNode root) {
        Set<String> tags = new LinkedHashSet<>();
        for (String field : new String[] {"subject", "subjects"}) {
            for (JsonNode subject : root.path(field)) {
                String name = subject.isTextual() ? subject.asText() : subject.path("name").asText(null);
                if (name != null && !name.isBlank()) {
                    tags.add(name);
                }
            }
        }
        if (tags.isEmpty()) {
            for (JsonNode keyword : root.path("keywords")) {
                if (keyword.isTextual()) {
                    tags.add(keyword.asText());
                }
            }
        }
        return new ArrayList<>(tags);
    }

    /** The value of the array item with the given role, else of the first item. */
    private static String preferred(JsonNode items, String role) {
        String first = null;
        for (JsonNode item : items) {
            String value = item.isTextual() ? item.asText() : item.path("value").asText(null);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (role.equals(item.path("role").asText(""))) {
                return value;
            }
            if (first == null) {
                first = value;
            }
        }
        return first;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** The mapper is built on the first JSON upload only: text, Markdown and HTML uploads never pay for it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
