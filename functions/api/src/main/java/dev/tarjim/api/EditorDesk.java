package dev.tarjim.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.ArticleState;
import dev.tarjim.article.ArticleStates;
import dev.tarjim.article.Block;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.article.MarkdownWriter;
import dev.tarjim.article.RecentUploads;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.UploadStatus;
import dev.tarjim.ingest.Report;
import dev.tarjim.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editors' dashboard at {@code /editor/}: a page with no data in it (HTML, script and stylesheet, public) and the
 * JSON it reads under {@code /editor/api/}, for editors only (the gateway's authorizer, checked here again).
 *
 * <p>A browser sends no {@code Authorization} header when it navigates, and API Gateway's Cognito authorizer reads
 * only that header; so the page itself is public and holds nothing, and its script keeps the editor's token and
 * sends it with each API call. Uploads go from the browser straight to S3 through a signed POST form
 * ({@link PostPolicy}): no file passes through the function.
 */
final class EditorDesk {
    static final String UPLOAD_PREFIX = "incoming/";
    private static final String JSON = "application/json; charset=utf-8";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern UPLOAD = Pattern.compile("/editor/api/uploads/([^/]+)");
    private static final Pattern REVIEW = Pattern.compile("/editor/api/review/([^/]+)/([^/]+)");
    /** How many of the newest uploads a list is drawn from (filters apply to these). */
    private static final int WINDOW = 500;
    private static final Duration FORM_TTL = Duration.ofHours(1);
    private static final Map<String, String[]> ASSETS = Map.of(
            "/editor/", new String[] {"editor/index.html", "text/html; charset=utf-8"},
            "/editor/app.js", new String[] {"editor/app.js", "text/javascript; charset=utf-8"},
            "/editor/editor.css", new String[] {"editor/editor.css", "text/css; charset=utf-8"});

    /**
     * Where browsers upload: the bucket, its URL as a browser reaches it, and the largest upload.
     *
     * @param bucket   the upload bucket ({@code BUCKET_NAME})
     * @param url      the form's action: the bucket's virtual-hosted URL in AWS, {@code <endpoint>/<bucket>} locally
     * @param region   the bucket's region (the signature's scope)
     * @param maxBytes the policy's {@code content-length-range} maximum ({@code MAX_UPLOAD_BYTES})
     */
    record Uploads(String bucket, String url, String region, long maxBytes) {

        static Uploads of(String bucket, URI endpoint, String region, long maxBytes) {
            String url = endpoint == null ? "https://" + bucket + ".s3." + region + ".amazonaws.com/"
                    : endpoint.toString().replaceAll("/+$", "") + "/" + bucket;
            return new Uploads(bucket, url, region, maxBytes);
        }

        /** The form's origin, which the page's {@code form-action} must allow. */
        String origin() {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getRawAuthority();
        }
    }

    private final RecentUploads recent;
    private final ArticleStates states;
    private final ArticleRepository store;
    private final Uploads uploads;
    private final Supplier<PostPolicy.Credentials> credentials;
    private final Function<String, String> sourceLinks;
    private final Clock clock;

    /**
     * @param uploads     where browsers upload, or null when no bucket is configured (the page lists, without forms)
     * @param credentials the function's credentials, which sign upload forms
     * @param sourceLinks an upload key to a short-lived link to the uploaded file (a presigned GET), or null
     */
    EditorDesk(RecentUploads recent, ArticleStates states, ArticleRepository store, Uploads uploads,
            Supplier<PostPolicy.Credentials> credentials, Function<String, String> sourceLinks, Clock clock) {
        this.recent = recent;
        this.states = states;
        this.store = store;
        this.uploads = uploads;
        this.credentials = credentials;
        this.sourceLinks = sourceLinks;
        this.clock = clock;
    }

    /** Whether a path is the dashboard's. */
    static boolean owns(String path) {
        return path.equals("/editor") || path.startsWith("/editor/");
    }

    Response handle(Request request, String baseUrl) {
        String path = request.path();
        if (path.equals("/editor")) {
            return new Response(301, Map.of("Location", baseUrl + "/editor/", "Cache-Control", "no-cache"), "");
        }
        String[] asset = ASSETS.get(path);
        if (asset != null) {
            return Response.of(200, asset[1], resource(asset[0]))
                    .header("Cache-Control", "no-cache")
                    .header("Content-Security-Policy", contentSecurityPolicy())
                    .header("Referrer-Policy", "no-referrer");
        }
        if (!path.startsWith("/editor/api/")) {
            throw ApiException.notFound("no such resource: " + path);
        }
        if (request.editor() == null) {
            throw new ApiException(401, "an editor credential is required");
        }
        Response answer = api(request, baseUrl, path);
        // Editors' data: never stored by a browser or a shared cache.
        return answer.header("Cache-Control", "no-store");
    }

    /**
     * The page's policy: its own script and stylesheet only, calls to its own API, forms only to itself and to the
     * upload bucket; nothing else loads, and nothing may frame it.
     */
    String contentSecurityPolicy() {
        return "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
                + "form-action 'self'" + (uploads == null ? "" : " " + uploads.origin())
                + "; base-uri 'none'; frame-ancestors 'none'";
    }

    private Response api(Request request, String baseUrl, String path) {
        if (path.equals("/editor/api/uploads")) {
            return json(uploads(request.query(), baseUrl, request.editor()));
        }
        if (path.equals("/editor/api/upload-form")) {
            if (uploads == null) {
                throw new ApiException(503, "uploads from the browser are not configured (BUCKET_NAME)");
            }
            PostPolicy.Form form = PostPolicy.sign(credentials.get(), uploads.region(), uploads.bucket(),
                    uploads.url(), UPLOAD_PREFIX, uploads.maxBytes(), clock.instant(), FORM_TTL);
            return json(Json.mapper().valueToTree(form));
        }
        Matcher m = UPLOAD.matcher(path);
        if (m.matches()) {
            String id = id(m.group(1));
            ArticleState state = states.state(id)
                    .orElseThrow(() -> ApiException.notFound("no upload for article " + id));
            return json(Json.mapper().valueToTree(Report.of(state)));
        }
        m = REVIEW.matcher(path);
        if (m.matches()) {
            return json(review(id(m.group(1)), lang(m.group(2))));
        }
        throw ApiException.notFound("no such resource: " + path);
    }

    // ------------------------------------------------------------------ the list

    /**
     * The newest uploads, those that need an editor first (a failed upload, a failed language, a translation to
     * review again), then newest first; filtered by {@code status} (the upload's or a language's) and {@code lang}.
     */
    private ObjectNode uploads(Map<String, String> query, String baseUrl, String editor) {
        String status = query.get("status");
        String lang = query.get("lang");
        int limit = limit(query.get("limit"));
        List<ArticleState> window = recent.recent(WINDOW);
        TreeSet<String> languages = new TreeSet<>();
        window.forEach(s -> languages.addAll(s.languages().keySet()));
        List<ArticleState> shown = new ArrayList<>();
        for (ArticleState s : window) {
            if (matches(s, blankToNull(status), blankToNull(lang))) {
                shown.add(s);
            }
        }
        shown.sort(Comparator.comparing((ArticleState s) -> !needsAttention(s))
                .thenComparing(ArticleState::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())));

        ObjectNode out = Json.mapper().createObjectNode();
        out.put("editor", editor);
        out.put("total", shown.size());
        ArrayNode list = out.putArray("uploads");
        for (ArticleState s : shown.subList(0, Math.min(limit, shown.size()))) {
            list.add(row(s, baseUrl));
        }
        ArrayNode langs = out.putArray("languages");
        languages.forEach(langs::add);
        ArrayNode statuses = out.putArray("statuses");
        for (UploadStatus u : UploadStatus.values()) {
            statuses.add(u.toString());
        }
        for (TranslationStatus t : TranslationStatus.values()) {
            statuses.add(t.code());
        }
        return out;
    }

    static boolean matches(ArticleState s, String status, String lang) {
        if (lang != null && !s.languages().containsKey(lang)) {
            return false;
        }
        if (status == null || s.status().toString().equals(status)) {
            return true;
        }
        if (lang != null) {
            LanguageStatus l = s.languages().get(lang);
            return l.status() != null && l.status().code().equals(status);
        }
        return s.languages().values().stream().anyMatch(l -> l.status() != null && l.status().code().equals(status));
    }

    /** A failed upload or language, or a reviewed translation the source has moved past. */
    static boolean needsAttention(ArticleState s) {
        return s.status() == UploadStatus.FAILED || s.languages().values().stream()
                .anyMatch(l -> l.status() == TranslationStatus.FAILED || l.status() == TranslationStatus.NEEDS_REVIEW);
    }

    private ObjectNode row(ArticleState s, String baseUrl) {
        ObjectNode row = Json.mapper().valueToTree(Report.of(s));
        row.put("attention", needsAttention(s));
        row.put("report", "/editor/api/uploads/" + s.id());
        ObjectNode pages = row.putObject("pages");
        if (!s.withdrawn() && !s.scheduled() && s.media() == null) {
            new TreeMap<>(s.languages()).forEach((lang, l) -> {
                if (l.status() != null && l.status().live()) {
                    pages.put(lang, baseUrl + "/articles/" + s.id() + "/" + lang);
                }
            });
        }
        row.put("source", s.withdrawn() || sourceLinks == null || s.uploadKey() == null ? null
                : sourceLinks.apply(s.uploadKey()));
        return row;
    }

    // ------------------------------------------------------------------ side-by-side review

    /**
     * A translation beside its source, block by block, as Markdown the editor edits; the reviewed text goes up as
     * an ordinary upload ({@code translation-of:}, {@code lang:}) under {@code incoming/reviews/}.
     */
    private ObjectNode review(String id, String lang) {
        ArticleState state = states.state(id).orElseThrow(() -> ApiException.notFound("no upload for article " + id));
        if (state.sourceLanguage() == null || state.translationOf() != null || state.media() != null) {
            throw ApiException.notFound("article " + id + " has no text to translate");
        }
        if (lang.equals(state.sourceLanguage())) {
            throw ApiException.notFound("language " + lang + " is the original of article " + id);
        }
        StoredArticle source = store.article(id, state.sourceLanguage())
                .orElseThrow(() -> ApiException.notFound("no original text of article " + id));
        Optional<StoredArticle> translation = store.article(id, lang);
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("articleId", id);
        out.put("language", lang);
        out.put("sourceLanguage", state.sourceLanguage());
        LanguageStatus status = state.languages().get(lang);
        out.set("status", status == null ? null : Json.mapper().valueToTree(status));
        out.put("key", UPLOAD_PREFIX + "reviews/" + id + "." + lang + ".md");
        out.set("source", text(source));
        // With no translation yet, the editor starts from the original.
        out.set("translation", text(translation.orElse(source)));
        out.put("machine", translation.isPresent());
        return out;
    }

    private static ObjectNode text(StoredArticle a) {
        ObjectNode t = Json.mapper().createObjectNode();
        t.put("language", a.language());
        t.put("title", a.title());
        ArrayNode blocks = t.putArray("blocks");
        for (Block b : a.blocks()) {
            blocks.addObject().put("kind", b.kind().name().toLowerCase()).put("markdown",
                    MarkdownWriter.write(List.of(b)).strip());
        }
        return t;
    }

    // ------------------------------------------------------------------ helpers

    private static String resource(String name) {
        try (InputStream in = EditorDesk.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String id(String value) {
        if (!ID.matcher(value).matches()) {
            throw ApiException.notFound("no article " + value);
        }
        return value;
    }

    private static String lang(String value) {
        if (!LANG.matcher(value).matches()) {
            throw ApiException.notFound("unknown language: " + value);
        }
        return value;
    }

    private static int limit(String value) {
        if (value == null) {
            return 100;
        }
        try {
            return Math.max(1, Math.min(WINDOW, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "limit must be a number");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Response json(Object body) {
        try {
            return Response.of(200, JSON, Json.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
