package dev.tarjim.syndication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.article.Block;
import dev.tarjim.article.BodyHtml;
import dev.tarjim.article.BodyText;
import dev.tarjim.article.Inline;
import dev.tarjim.article.TagAuthority;
import dev.tarjim.article.Texts;
import dev.tarjim.feed.ArticleImages;
import dev.tarjim.feed.EntryHtml;
import dev.tarjim.feed.Languages;
import dev.tarjim.feed.SiteBranding;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders stored articles as IPTC ninjs 2.2 objects (with one Tarjim extension property) for partners.
 *
 * <p>Choices, for partners:
 * <ul>
 *   <li>{@code uri} is the entry's {@code tag:} id, as in the feeds ({@code tag:<authority>:article/<id>/<lang>},
 *       minted once from the publisher's {@code TAG_AUTHORITY}); articles stored before ids were kept with them, or
 *       under the default authority, have {@code urn:tarjim:article:<id>:<lang>} as ninjs always gave them. One per article and language, the same for every revision, so
 *       a partner upserts by {@code uri} and orders by {@code version}.</li>
 *   <li>The publisher (the site's name in the item's language, {@code SITE_NAME}) is the {@code copyrightholder}
 *       and the one {@code infosources} party (with {@code SITE_URL} as its {@code uri} when configured).</li>
 *   <li>{@code version} is the revision of the original the text belongs to; {@code versioncreated} its time,
 *       {@code firstcreated} the first publication.</li>
 *   <li>A withdrawn article is {@code pubstatus: canceled} with its headline but no body or description: enough to
 *       take it down, nothing left to republish.</li>
 *   <li>{@code bodies} holds the body twice, both {@code role: main}: as HTML ({@code text/html}, the one body
 *       renderer's semantic markup: subheads, links, lists, quotes, figures with captions, tables; right-to-left
 *       languages wrapped in a {@code div} with {@code dir} and {@code lang}) and as plain text
 *       ({@code text/plain}, blocks separated by a blank line). {@code charcount} and {@code wordcount} leave out
 *       figure captions, as ninjs defines them.</li>
 *   <li>{@code associations} holds a {@code type: picture} object per photo (the lead image first): its URL as
 *       {@code uri} and as the {@code href} of its one rendition (with width, height and media type when known),
 *       the caption as headline and {@code caption} description, the alt text as {@code alt} description, the
 *       credit as {@code copyrightnotice}.</li>
 *   <li>A translation says what it is in {@code ednote} ("Machine-translated from ..." or "Reviewed translation
 *       from ... by ..."), as well as in the {@code tarjim} extension.</li>
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

    private final String baseUrl;
    private final SiteBranding branding;
    private final ObjectMapper mapper = Json.mapper();

    /**
     * @param publicBaseUrl the site's public base URL (article pages live at {@code <base>/articles/<id>/<lang>})
     */
    public NinjsWriter(URI publicBaseUrl) {
        this(publicBaseUrl, SiteBranding.DEFAULT);
    }

    /**
     * @param publicBaseUrl the site's public base URL (article pages live at {@code <base>/articles/<id>/<lang>})
     * @param branding      who publishes: named as copyright holder and information source
     */
    public NinjsWriter(URI publicBaseUrl, SiteBranding branding) {
        String b = publicBaseUrl.toString();
        this.baseUrl = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.branding = branding;
    }

    /** The ninjs {@code uri} of an article in one language stored before ids were kept with articles. */
    public static String uri(String articleId, String lang) {
        return "urn:tarjim:article:" + articleId + ":" + lang;
    }

    /**
     * The stable ninjs {@code uri} of a text in one of its article's languages: the {@code tag:} id minted when the
     * article was first stored, or for an article stored before ids were kept or under the default authority, the
     * {@code urn:tarjim:} one ninjs has always shown for those.
     */
    public static String uri(StoredArticle a, String lang) {
        // Minted from the default authority: the one ninjs showed as its urn: form before it was configurable.
        boolean legacy = a.idAuthority() == null || a.idAuthority().equals(TagAuthority.LEGACY);
        return legacy ? uri(a.id(), lang) : a.idAuthority().articleUri(a.id(), lang);
    }

    /** Whether text in this BCP 47 language runs right to left (as feeds and pages decide it). */
    public static boolean isRightToLeft(String lang) {
        return Languages.isRightToLeft(lang);
    }

    /** The ninjs object of an article's current version in one language. */
    public ObjectNode toNinjs(StoredArticle a) {
        ObjectNode n = mapper.createObjectNode();
        n.put("uri", uri(a, a.language()));
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
        } else if (EntryHtml.hasNote(a) || !a.corrections().isEmpty()) {
            // Corrections first (newest first): what a partner's editor must act on; then the translation's note.
            String corrections = EntryHtml.correctionsText(a);
            String note = EntryHtml.hasNote(a) ? EntryHtml.noteText(a) : "";
            n.put("ednote", corrections.isEmpty() ? note
                    : note.isEmpty() ? corrections : corrections + "\n" + note);
        }
        n.putArray("headlines").addObject().put("role", "main").put("value", a.title());
        if (!a.withdrawn()) {
            if (a.summary() != null && !a.summary().isBlank()) {
                n.putArray("descriptions").addObject().put("role", "summary").put("contenttype", "text/plain")
                        .put("value", a.summary());
            }
            String counted = countedText(a.blocks());
            int chars = counted.codePointCount(0, counted.length());
            int words = wordCount(counted);
            ArrayNode bodies = n.putArray("bodies");
            bodies.addObject().put("role", "main").put("contenttype", "text/html")
                    .put("charcount", chars).put("wordcount", words)
                    .put("value", bodyHtml(a.blocks(), a.language()));
            bodies.addObject().put("role", "main").put("contenttype", "text/plain")
                    .put("charcount", chars).put("wordcount", words)
                    .put("value", Texts.xmlBody(BodyText.render(a.blocks())));
        }
        if (a.author() != null && !a.author().isBlank()) {
            n.put("by", a.author());
        }
        String publisher = branding.name(a.language());
        n.put("copyrightholder", publisher);
        ObjectNode source = n.putArray("infosources").addObject().put("name", publisher);
        if (branding.siteUrl() != null) {
            source.put("uri", branding.siteUrl());
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
        if (!a.withdrawn()) {
            List<Block.Figure> pictures = ArticleImages.all(a);
            if (!pictures.isEmpty()) {
                ArrayNode associations = n.putArray("associations");
                for (int i = 0; i < pictures.size(); i++) {
                    associations.add(picture(pictures.get(i), i + 1, a.language()));
                }
            }
        }
        ObjectNode ext = n.putObject("tarjim");
        ext.put("sourcelanguage", a.sourceLanguage());
        ext.put("sourceuri", uri(a, a.sourceLanguage()));
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

    /** The body as HTML; a right-to-left body in a {@code div} that says so, for partners' left-to-right pages. */
    static String bodyHtml(List<Block> blocks, String lang) {
        String html = Texts.xmlBody(BodyHtml.render(blocks));
        if (!isRightToLeft(lang)) {
            return html;
        }
        return "<div dir=\"rtl\" lang=\"" + BodyHtml.escape(lang) + "\">" + html + "</div>";
    }

    /**
     * One photo as an associated ninjs object: {@code name} {@code picture1}, {@code picture2}... in order (the
     * lead image first), the image URL as {@code uri} and rendition {@code href}.
     */
    private ObjectNode picture(Block.Figure figure, int number, String lang) {
        String url = ArticleImages.asciiUrl(figure.src());
        ObjectNode p = mapper.createObjectNode();
        p.put("name", "picture" + number);
        p.put("uri", url);
        p.put("type", "picture");
        p.put("language", lang);
        String caption = Texts.xmlLine(Inline.plain(figure.caption())).strip();
        String alt = Texts.xmlLine(figure.alt()).strip();
        if (!caption.isEmpty()) {
            p.putArray("headlines").addObject().put("role", "main").put("value", caption);
        }
        if (!caption.isEmpty() || !alt.isEmpty()) {
            ArrayNode descriptions = p.putArray("descriptions");
            if (!caption.isEmpty()) {
                descriptions.addObject().put("role", "caption").put("contenttype", "text/plain").put("value", caption);
            }
            if (!alt.isEmpty()) {
                descriptions.addObject().put("role", "alt").put("contenttype", "text/plain").put("value", alt);
            }
        }
        String credit = Texts.xmlLine(figure.credit()).strip();
        if (!credit.isEmpty()) {
            p.put("copyrightnotice", credit);
        }
        ObjectNode rendition = p.putArray("renditions").addObject().put("name", "original").put("href", url);
        ArticleImages.mediaType(figure.src()).ifPresent(type -> rendition.put("contenttype", type));
        if (figure.width() != null && figure.height() != null) {
            rendition.put("width", figure.width()).put("height", figure.height());
        }
        return p;
    }

    /** The words ninjs counts: every block's text but figures' (list markers and quotation dashes left out). */
    private static String countedText(List<Block> blocks) {
        List<String> texts = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Block.Preformatted p) {
                texts.add(p.text());
            } else if (!(block instanceof Block.Figure)) {
                block.texts().forEach(t -> texts.add(Inline.plain(t)));
            }
        }
        return Texts.xmlBody(String.join("\n", texts));
    }

    private static int wordCount(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
