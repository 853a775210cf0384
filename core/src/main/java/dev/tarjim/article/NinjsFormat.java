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
 * Reads IPTC ninjs (news in JSON), versions 1.x and 2.x.
 *
 * <p>Fields: {@code headlines[].value} (2.x, role {@code main} first) or {@code headline} (1.x);
 * {@code bodies[].value} (2.x, HTML preferred) or {@code body_html} / {@code body_text} (1.x);
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
        List<String> paragraphs = body(root);
        if (headline == null && paragraphs.isEmpty()) {
            throw new UnsupportedUploadException(NOT_NINJS);
        }
        if (headline == null) {
            throw new UnsupportedUploadException("No title found: the ninjs item has no headline");
        }
        String language = text(root, "language");
        Instant published = null;
        for (String field : new String[] {"firstcreated", "versioncreated"}) {
            String value = text(root, field);
            if (value != null) {
                published = Dates.parse(value).orElseThrow(() -> new UnsupportedUploadException(
                        field + ": '" + value + "' is not an ISO 8601 date-time"));
                break;
            }
        }
        return new ParsedArticle("ninjs", headline, summary(root), paragraphs, author(root), tags(root), published,
                language == null ? null : LanguageTags.require("language", language), text(root, "slugline"), null);
    }

    private static List<String> body(JsonNode root) {
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
            return HtmlFormat.paragraphs(Jsoup.parseBodyFragment(html).body());
        }
        return plain != null ? PlainTextFormat.paragraphs(plain) : new ArrayList<>();
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
