package dev.tarjim.syndication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.store.StoredArticle;
import dev.tarjim.support.Json;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders stored articles as IPTC ninjs 2.2 objects (with one Tarjim extension property) for partners.
 *
 * <p>Choices, for partners:
 * <ul>
 *   <li>{@code uri} is {@code urn:tarjim:article:<id>:<lang>}: one per article and language, the same for every
 *       revision and every deployment, so a partner upserts by {@code uri} and orders by {@code version}.</li>
 *   <li>{@code version} is the revision of the original the text belongs to; {@code versioncreated} its time,
 *       {@code firstcreated} the first publication.</li>
 *   <li>A withdrawn article is {@code pubstatus: canceled} with its headline but no body or description: enough to
 *       take it down, nothing left to republish.</li>
 *   <li>The body is HTML, one {@code <p>} per paragraph, text escaped; right-to-left languages get
 *       {@code dir="rtl"} on each paragraph.</li>
 *   <li>ninjs 2.x names ({@code headlines}, {@code bodies}, {@code descriptions}, {@code subjects}) replace 1.x's
 *       {@code headline}, {@code body_html}, {@code description_text}, {@code subject}; renditions and altids are
 *       arrays.</li>
 *   <li>ninjs 2.x forbids unknown properties unless a provider publishes an extended schema and names it in
 *       {@code standard} (IPTC's guidance). The extension property {@code tarjim} (source language and uri, machine
 *       translation, engine) is declared by {@link #extensionSchema()}, which the API serves at
 *       {@code <base>/syndication/v1/ninjs-schema.json}.</li>
 * </ul>
 */
public final class NinjsWriter {
    /** Version of ninjs this output follows. */
    public static final String NINJS_VERSION = "2.2";
    /** Where the extended schema is served, relative to the public base URL. */
    public static final String SCHEMA_PATH = "/syndication/v1/ninjs-schema.json";
    private static final String NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";
    private static final Set<String> RTL = Set.of("ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug");

    private final String baseUrl;
    private final ObjectMapper mapper = Json.mapper();

    /**
     * @param publicBaseUrl the site's public base URL (article pages live at {@code <base>/articles/<id>/<lang>})
     */
    public NinjsWriter(URI publicBaseUrl) {
        String b = publicBaseUrl.toString();
        this.baseUrl = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** The stable ninjs {@code uri} of an article in one language. */
    public static String uri(String articleId, String lang) {
        return "urn:tarjim:article:" + articleId + ":" + lang;
    }

    /** Whether text in this BCP 47 language runs right to left. */
    public static boolean isRightToLeft(String lang) {
        String primary = lang.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return RTL.contains(primary);
    }

    /** The ninjs object of an article's current version in one language. */
    public ObjectNode toNinjs(StoredArticle a) {
        ObjectNode n = mapper.createObjectNode();
        n.put("uri", uri(a.id(), a.language()));
        ObjectNode standard = n.putObject("standard");
        standard.put("name", "ninjs");
        standard.put("version", NINJS_VERSION);
        standard.put("schema", baseUrl + SCHEMA_PATH);
        n.put("type", "text");
        n.put("version", Long.toString(a.revision()));
        n.put("firstcreated", a.published().toString());
        n.put("versioncreated", a.updated().toString());
        n.put("pubstatus", a.withdrawn() ? "canceled" : "usable");
        n.put("language", a.language());
        if (a.withdrawn()) {
            n.put("ednote", "Withdrawn by the publisher: remove this item.");
        }
        n.putArray("headlines").addObject().put("role", "main").put("value", a.title());
        if (!a.withdrawn()) {
            if (a.summary() != null && !a.summary().isBlank()) {
                n.putArray("descriptions").addObject().put("role", "summary").put("contenttype", "text/plain")
                        .put("value", a.summary());
            }
            String text = String.join("\n", a.paragraphs());
            n.putArray("bodies").addObject().put("role", "main").put("contenttype", "text/html")
                    .put("charcount", text.length())
                    .put("wordcount", wordCount(a.paragraphs()))
                    .put("value", bodyHtml(a.paragraphs(), a.language()));
        }
        if (a.author() != null && !a.author().isBlank()) {
            n.put("by", a.author());
        }
        if (a.slug() != null && !a.slug().isBlank()) {
            n.put("slugline", a.slug());
        }
        if (!a.tags().isEmpty()) {
            ArrayNode subjects = n.putArray("subjects");
            a.tags().forEach(t -> subjects.addObject().put("name", t));
        }
        ArrayNode altids = n.putArray("altids");
        altids.addObject().put("role", "tarjim-article-id").put("value", a.id());
        altids.addObject().put("role", "source-key").put("value", a.sourceKey());
        altids.addObject().put("role", "content-sha256").put("value", a.contentHash());
        n.putArray("renditions").addObject()
                .put("name", "html")
                .put("href", baseUrl + "/articles/" + a.id() + "/" + a.language())
                .put("contenttype", "text/html")
                .put("title", a.title());
        ObjectNode ext = n.putObject("tarjim");
        ext.put("sourcelanguage", a.sourceLanguage());
        ext.put("sourceuri", uri(a.id(), a.sourceLanguage()));
        ext.put("machinetranslated", a.machineTranslated());
        if (a.engine() != null) {
            ext.put("engine", a.engine());
        }
        return n;
    }

    /**
     * A page of changes as the API returns it: {@code {"items": [...], "next_cursor": "...", "has_more": b}}.
     *
     * @param items      ninjs objects, in log order
     * @param nextCursor the opaque cursor to poll with next
     */
    public ObjectNode changesPage(List<ObjectNode> items, String nextCursor, boolean hasMore) {
        ObjectNode page = mapper.createObjectNode();
        page.putArray("items").addAll(items);
        page.put("next_cursor", nextCursor);
        page.put("has_more", hasMore);
        return page;
    }

    /**
     * The extended JSON schema these objects are valid against: ninjs 2.2 plus the {@code tarjim} property.
     */
    public ObjectNode extensionSchema() {
        ObjectNode s = mapper.createObjectNode();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("$id", baseUrl + SCHEMA_PATH);
        s.put("title", "Tarjim ninjs: IPTC ninjs 2.2 with a Tarjim extension");
        s.put("type", "object");
        s.putArray("allOf").addObject().put("$ref", NINJS_SCHEMA + "#/$defs/ninjsType");
        s.putArray("required").add("uri");
        ObjectNode tarjim = s.putObject("properties").putObject("tarjim");
        tarjim.put("description", "Where the text comes from: the original's language and uri, and for a machine"
                + " translation the engine that produced it.");
        tarjim.put("type", "object");
        tarjim.put("additionalProperties", false);
        ObjectNode props = tarjim.putObject("properties");
        props.putObject("sourcelanguage").put("type", "string").put("description", "BCP 47 language of the original");
        props.putObject("sourceuri").put("type", "string").put("description", "uri of the original");
        props.putObject("machinetranslated").put("type", "boolean");
        props.putObject("engine").put("type", "string").put("description", "translation engine and version");
        s.put("unevaluatedProperties", false);
        return s;
    }

    static String bodyHtml(List<String> paragraphs, String lang) {
        String open = isRightToLeft(lang) ? "<p dir=\"rtl\">" : "<p>";
        StringBuilder html = new StringBuilder();
        for (String p : paragraphs) {
            html.append(open).append(escape(p)).append("</p>");
        }
        return html.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int wordCount(List<String> paragraphs) {
        int words = 0;
        for (String p : paragraphs) {
            String t = p.strip();
            if (!t.isEmpty()) {
                words += t.split("\\s+").length;
            }
        }
        return words;
    }
}
