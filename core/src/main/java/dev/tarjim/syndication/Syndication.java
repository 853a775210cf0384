package dev.tarjim.syndication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partner syndication use cases: record changes (called by the ingest) and serve change pages and single
 * articles as ninjs (called by the API).
 *
 * <p>A change entry names an article and language; the page shows the article's <em>current</em> version, so a
 * partner that reads an older entry already receives the newest text, and a withdrawn article answers
 * {@code canceled}. Several changes of one article on one page yield one item. An entry whose article item cannot be found (never expected: entries are appended after the
 * article is written) is skipped, the cursor still moving past it.
 */
public final class Syndication {
    private final ChangeLog log;
    private final ArticleRepository store;
    private final NinjsWriter writer;
    private final CursorCodec cursors;

    public Syndication(ChangeLog log, ArticleRepository store, NinjsWriter writer, CursorCodec cursors) {
        this.log = log;
        this.store = store;
        this.writer = writer;
        this.cursors = cursors;
    }

    /**
     * A rendered changes page.
     *
     * @param json  the response body: {@code {"items": [...], "next_cursor": "...", "has_more": b}}
     * @param etag  an opaque validator (unquoted) of exactly this body; an unchanged poll gets the same one
     * @param page  the log page it was rendered from
     */
    public record ChangesResponse(String json, String etag, ChangesPage page) {
    }

    // ---------------------------------------------------------------- for the API

    /**
     * The changes after a partner's cursor.
     *
     * @param cursorTokenOrNull the {@code cursor} query parameter, or {@code null}/empty to start at the beginning
     * @throws InvalidCursorException when the cursor is forged, malformed or of another language (400)
     */
    public ChangesResponse changes(String lang, String cursorTokenOrNull, int limit) {
        Cursor cursor = cursorTokenOrNull == null || cursorTokenOrNull.isEmpty()
                ? null : cursors.decode(cursorTokenOrNull, lang);
        ChangesPage page = log.changes(lang, cursor, limit);
        // Several changes of one article on a page all show its current version: render and send it once. The
        // articles are read together (one request per hundred with DynamoDB), not one by one.
        List<String> ids = page.changes().stream().map(Change::articleId).distinct().toList();
        Map<String, StoredArticle> current = ids.isEmpty() ? Map.of() : store.articles(ids, lang);
        List<ObjectNode> items = new ArrayList<>();
        for (String id : ids) {
            StoredArticle a = current.get(id);
            if (a != null && a.embargo() == null) {
                items.add(writer.toNinjs(a));
            }
        }
        String json = write(writer.changesPage(items, cursors.encode(page.next()), page.hasMore()));
        return new ChangesResponse(json, ChangesPage.digest(json), page);
    }

    /**
     * The current ninjs of one article in one language (withdrawn: {@code canceled}), or empty (404), also while it
     * is under embargo: partners must not learn of it before its release.
     */
    public Optional<String> article(String articleId, String lang) {
        return store.article(articleId, lang).filter(a -> a.embargo() == null).map(a -> write(writer.toNinjs(a)));
    }

    /** The extended ninjs schema, for {@code GET /syndication/v1/ninjs-schema.json}. */
    public String schema() {
        return write(writer.extensionSchema());
    }

    private static String write(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
