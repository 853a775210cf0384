package dev.tarjim.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.ArticleStates;
import dev.tarjim.feed.FeedEntry;
import dev.tarjim.feed.FeedFormat;
import dev.tarjim.feed.FeedPage;
import dev.tarjim.feed.FeedRenderer;
import dev.tarjim.feed.BilingualRenderer;
import dev.tarjim.feed.FeedSettings;
import dev.tarjim.feed.FrontPageRenderer;
import dev.tarjim.feed.PageRenderer;
import dev.tarjim.feed.RenderedPages;
import dev.tarjim.feed.SiteLinks;
import dev.tarjim.ingest.Report;
import dev.tarjim.media.ImageType;
import dev.tarjim.media.MediaItem;
import dev.tarjim.media.MediaLibrary;
import dev.tarjim.media.S3MediaLibrary;
import dev.tarjim.article.ArticleState;
import dev.tarjim.store.DynamoRenderedPages;
import dev.tarjim.store.FeedIndex;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.AwsClients;
import dev.tarjim.support.Lazy;
import dev.tarjim.support.Json;
import dev.tarjim.syndication.ChangeLog;
import dev.tarjim.syndication.CursorCodec;
import dev.tarjim.syndication.NinjsWriter;
import dev.tarjim.syndication.PartnerRegistry;
import dev.tarjim.syndication.Syndication;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The API's routes: each maps a request to a domain call and its result to a response.
 */
final class Routes {
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern FEED = Pattern.compile("/feeds/([^/]+)/([^/]+)");
    private static final Pattern FRONT = Pattern.compile("/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)/");
    private static final Pattern ARTICLE = Pattern.compile("/articles/([^/]+)/([^/]+)");
    private static final Pattern MEDIA = Pattern.compile("/media/([0-9a-f]{16}-[0-9a-f]{16})\\.([a-z]{3,4})");
    /** Media URLs change with their content, so they may be cached for good (RFC 8246). */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Pattern PARTNER_ARTICLE = Pattern.compile("/syndication/v1/articles/([^/]+)");
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final int MAX_DOMAINS = 16;
    private static final int FRONT_PAGE_SIZE = 20;

    private final ArticleRepository store;
    private final ArticleStates states;
    private final FeedIndex feeds;
    private final ApiConfig config;
    private final Function<String, Renderers> renderers;
    private final Function<String, Syndication> syndication;
    private final PartnerRegistry partners;
    private final MediaLibrary media;
    private final SitemapRoutes sitemaps;
    private final Clock clock;
    private final EditorDesk desk;
    private final PageCache pages;
    private final Map<String, CachedVersion> versionCache = new ConcurrentHashMap<>();

    /**
     * The renderers and syndication service for one base URL (made once per base URL, then cached), each built on
     * first use: a request answered from kept pages loads no renderer (nor Rome) at all.
     */
    static final class Renderers {
        private final SiteLinks links;
        private final String site;
        private final Lazy<FeedRenderer> feeds;
        private final Lazy<PageRenderer> pages;
        private final Lazy<FrontPageRenderer> fronts;
        private final Lazy<BilingualRenderer> bilingual;
        private final Lazy<Syndication> syndication;

        Renderers(FeedSettings settings, java.util.function.Supplier<Syndication> syndication) {
            this.links = new SiteLinks(settings);
            this.site = dev.tarjim.support.Hashes.sha256Prefix(settings.baseUrl(), 6);
            this.feeds = Lazy.of(() -> new FeedRenderer(settings));
            this.pages = Lazy.of(() -> new PageRenderer(settings));
            this.fronts = Lazy.of(() -> new FrontPageRenderer(settings));
            this.bilingual = Lazy.of(() -> new BilingualRenderer(settings));
            this.syndication = Lazy.of(syndication);
        }

        SiteLinks links() {
            return links;
        }

        FeedRenderer feeds() {
            return feeds.get();
        }

        PageRenderer pages() {
            return pages.get();
        }

        FrontPageRenderer fronts() {
            return fronts.get();
        }

        BilingualRenderer bilingual() {
            return bilingual.get();
        }

        /** The partner API's service, or null when it is not configured. */
        Syndication syndication() {
            return syndication.get();
        }

        /** The key a rendered page is kept under: links differ per domain, so the domain is part of it. */
        String key(String page) {
            return page + "@" + site;
        }
    }

    Routes(ArticleRepository store, ArticleStates states, FeedIndex feeds, ChangeLog changeLog,
            PartnerRegistry partners, ApiConfig config) {
        this(store, states, feeds, changeLog, partners, config, Clock.systemUTC());
    }

    Routes(ArticleRepository store, ArticleStates states, FeedIndex feeds, ChangeLog changeLog,
            PartnerRegistry partners, ApiConfig config, Clock clock) {
        this(store, states, feeds, changeLog, partners, null, config, clock);
    }

    /** @param media the uploaded images (null: no media is served) */
    Routes(ArticleRepository store, ArticleStates states, FeedIndex feeds, ChangeLog changeLog,
            PartnerRegistry partners, MediaLibrary media, ApiConfig config, Clock clock) {
        this(store, states, feeds, changeLog, partners, media, null, config, clock);
    }

    /** @param desk the editors' dashboard ({@code /editor/}; null: none) */
    Routes(ArticleRepository store, ArticleStates states, FeedIndex feeds, ChangeLog changeLog,
            PartnerRegistry partners, MediaLibrary media, EditorDesk desk, ApiConfig config, Clock clock) {
        this(store, states, feeds, changeLog, partners, media, desk, null, config, clock);
    }

    /** @param rendered where rendered pages are kept for every instance (null: in this instance's memory only) */
    Routes(ArticleRepository store, ArticleStates states, FeedIndex feeds, ChangeLog changeLog,
            PartnerRegistry partners, MediaLibrary media, EditorDesk desk, RenderedPages rendered, ApiConfig config,
            Clock clock) {
        this.pages = new PageCache(rendered, PageCache.DEFAULT_MEMORY_BYTES);
        this.desk = desk;
        this.media = media;
        this.clock = clock;
        this.store = store;
        this.states = states;
        this.feeds = feeds;
        this.config = config;
        this.partners = partners;
        this.sitemaps = new SitemapRoutes(feeds, states, pages, config, clock);
        CursorCodec cursors = config.cursorSecret().isEmpty() ? null : CursorCodec.ofSecret(config.cursorSecret());
        this.syndication = base -> cursors == null ? null
                : new Syndication(changeLog, store, new NinjsWriter(URI.create(base), config.branding()), cursors);
        Map<String, Renderers> cache = new ConcurrentHashMap<>();
        Function<String, Renderers> build = b -> new Renderers(
                new FeedSettings(b, config.branding(), config.websubHub()), () -> syndication.apply(b));
        // One entry per domain the API is served on (its own and any custom domains): a handful, never per client.
        this.renderers = base -> cache.size() < MAX_DOMAINS ? cache.computeIfAbsent(base, build)
                : cache.getOrDefault(base, build.apply(base));
    }

    static Routes fromConfig(ApiConfig config) {
        DynamoDbClient dynamo = AwsClients.dynamo(config.region(), config.dynamoEndpoint());
        Clock clock = Clock.systemUTC();
        // The DynamoDB adapter of both ports: article texts, and the states that say which languages are live.
        dev.tarjim.store.DynamoArticleStore store = new dev.tarjim.store.DynamoArticleStore(dynamo,
                config.tableName(), clock, config.branding().tagAuthority());
        return new Routes(store, store, new FeedIndex(dynamo, config.tableName(), store),
                new ChangeLog(dynamo, config.tableName(), clock, ChangeLog.Settings.defaults()),
                new PartnerRegistry(dynamo, config.tableName()),
                new S3MediaLibrary(dev.tarjim.support.S3Objects.create(config.region(), config.s3Endpoint()), dynamo,
                        config.tableName()),
                EditorWiring.desk(store, config, clock), new DynamoRenderedPages(dynamo, config.tableName(), clock),
                config, clock);
    }

    /** The pages kept rendered (tests count renders with it). */
    PageCache pages() {
        return pages;
    }

    Response handle(Request request) {
        if (!Set.of("GET", "HEAD").contains(request.method())) {
            throw new ApiException(405, "method " + request.method() + " not allowed; use GET");
        }
        Renderers r = renderers.apply(baseUrl(request));
        String path = request.path();
        if (path.equals("/")) {
            return home(request, r);
        }
        Matcher front = FRONT.matcher(path);
        if (front.matches()) {
            return frontPage(request, r, front.group(1));
        }
        Matcher m = FEED.matcher(path);
        if (m.matches()) {
            String file = m.group(2);
            FeedFormat format = FeedFormat.fromFileName(file)
                    .orElseThrow(() -> ApiException.notFound("no such feed: " + file));
            return feed(request, r, language(m.group(1)), format);
        }
        m = ARTICLE.matcher(path);
        if (m.matches()) {
            String id = id(m.group(1));
            if ("status".equals(m.group(2))) {
                return status(request, id);
            }
            String beside = request.query().get("beside");
            return beside == null ? page(r, id, language(m.group(2))) : beside(r, id, language(m.group(2)),
                    language(beside));
        }
        if (path.startsWith("/syndication/v1/")) {
            return partner(request, r);
        }
        m = MEDIA.matcher(path);
        if (m.matches()) {
            return media(request, m.group(1), m.group(2));
        }
        if (desk != null && EditorDesk.owns(path)) {
            return desk.handle(request, baseUrl(request));
        }
        Optional<Response> searchEngines = sitemaps.handle(request, r.links());
        if (searchEngines.isPresent()) {
            return searchEngines.get();
        }
        throw ApiException.notFound("no such resource: " + path);
    }

    /**
     * The base of every link: {@code PUBLIC_BASE_URL}, else the domain API Gateway served the request on (from the
     * request context, which clients cannot set), never the {@code Host} header.
     */
    private String baseUrl(Request request) {
        if (config.publicBaseUrl() != null) {
            return config.publicBaseUrl();
        }
        if (request.baseUrl() == null) {
            throw new IllegalStateException("PUBLIC_BASE_URL is empty and the request context names no domain");
        }
        return request.baseUrl();
    }

    // ------------------------------------------------------------------ feeds

    private Response feed(Request request, Renderers r, String lang, FeedFormat format) {
        String before = request.query().get(SiteLinks.PAGE_PARAMETER);
        FeedIndex.Version version = version(lang)
                .orElseThrow(() -> ApiException.notFound("no feed in language " + lang));
        String kind = lang + "-" + format.name().toLowerCase();
        Validators validators = validators(kind, version, before);
        return served(request, validators, r.key("feed/" + kind), before, format.mediaType() + "; charset=utf-8",
                () -> {
                    FeedIndex.Page page = feeds.page(lang, before, config.feedPageSize());
                    List<FeedEntry> entries = new ArrayList<>(page.articles().size());
                    Map<String, List<String>> alternates = states.liveLanguages(page.articles().stream()
                            .map(StoredArticle::id).toList());
                    for (StoredArticle a : page.articles()) {
                        entries.add(new FeedEntry(a, alternates.getOrDefault(a.id(), List.of())));
                    }
                    return r.feeds().render(format, new FeedPage(lang, entries, version.updatedAt(), before,
                            page.nextBefore(), version.feedId(lang)));
                });
    }

    /** A version item as read at {@code readAt} ({@link System#nanoTime()}). */
    private record CachedVersion(Optional<FeedIndex.Version> version, long readAt) {
    }

    /**
     * A language's feed version, reused for {@code FEED_VERSION_CACHE_MS} by this instance: within it a poll, 304 or
     * 200, costs no read at all. At most a few hundred languages are remembered (the path is only pattern-checked).
     */
    private Optional<FeedIndex.Version> version(String lang) {
        long window = config.versionCacheMillis() * 1_000_000L;
        if (window <= 0) {
            return feeds.version(lang);
        }
        long now = System.nanoTime();
        CachedVersion known = versionCache.get(lang);
        if (known != null && now - known.readAt() < window) {
            return known.version();
        }
        Optional<FeedIndex.Version> read = feeds.version(lang);
        if (versionCache.size() < 512 || versionCache.containsKey(lang)) {
            versionCache.put(lang, new CachedVersion(read, now));
        }
        return read;
    }

    /**
     * A versioned page (a feed, a front page) as a static file: 304 when the client holds this version, else the
     * page's bytes in the coding the client accepts, rendered only when no instance has rendered this version yet.
     * The newest page of each is kept; older pages ({@code before}) are rendered when asked, as they are rarely read.
     */
    private Response served(Request request, Validators validators, String key, String before, String contentType,
            java.util.function.Supplier<String> render) {
        return pages.serve(request, validators.etag(), validators.notModified(request), key, contentType,
                validators.settled() && before == null, render, validators::apply);
    }

    /**
     * The cache validators of a page rendered from one language's feed index (a feed page, a front page): an ETag
     * and Last-Modified from the small version item alone, so a conditional poll never queries or renders.
     *
     * @param kind   what is rendered ({@code en-rss}, {@code en-front}): part of the ETag
     * @param before the page's position, or null for the first page
     */
    private Validators validators(String kind, FeedIndex.Version version, String before) {
        EntityTag etag = EntityTag.strong(kind + "-v" + version.version()
                + (before == null ? "" : "-" + Integer.toHexString(before.hashCode())));
        Instant lastModified = version.updatedAt().truncatedTo(ChronoUnit.SECONDS);
        // Right after a change the feed index (a GSI, eventually consistent in AWS) may not show it yet: a page
        // rendered then must not be cached under the new version, or readers would keep it until the next change.
        boolean settled = version.updatedAt().isBefore(clock.instant().minusSeconds(config.settleSeconds()));
        return new Validators(etag, lastModified, settled, config.maxAgeSeconds());
    }

    /**
     * See {@link #validators}: the headers a versioned page is served with, and whether a request may get 304.
     *
     * @param etag the identity coding's tag; each coding's response carries its own ({@link ContentCoding#tag})
     */
    private record Validators(EntityTag etag, Instant lastModified, boolean settled, int maxAgeSeconds) {
        boolean notModified(Request request) {
            return settled && Routes.notModified(request, etag, lastModified);
        }

        Response apply(Response response, ContentCoding coding) {
            Response out = response.header("Vary", "Accept-Encoding");
            return settled
                    ? withHeaders(out, Map.of("ETag", coding.tag(etag).toString(),
                            "Last-Modified", HttpDates.format(lastModified),
                            "Cache-Control", "public, max-age=" + maxAgeSeconds))
                    : withHeaders(out, Map.of("Cache-Control", "no-cache"));
        }
    }

    // ------------------------------------------------------------------ front pages

    /**
     * {@code /}: a browser is sent to the front page of the language it prefers most among those with content
     * ({@code Accept-Language}, RFC 4647 lookup); a client that states no preference (or none we publish) gets the
     * plain page of every language.
     */
    private Response home(Request request, Renderers r) {
        List<String> languages = feeds.languages();
        String cache = "public, max-age=" + config.maxAgeSeconds();
        Optional<String> preferred = preferredLanguage(request.header("Accept-Language"), languages);
        if (preferred.isPresent()) {
            return new Response(302, Map.of(), "").header("Location", r.fronts().url(preferred.get(), null))
                    .header("Vary", "Accept-Language").header("Cache-Control", cache);
        }
        return Response.of(200, HTML, r.pages().index(languages)).header("Vary", "Accept-Language")
                .header("Cache-Control", cache);
    }

    static Optional<String> preferredLanguage(String acceptLanguage, List<String> languages) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || languages.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<java.util.Locale.LanguageRange> ranges = java.util.Locale.LanguageRange.parse(acceptLanguage);
            // Filtering keeps the client's order of preference: "es-MX, en;q=0.5" picks es over en.
            for (java.util.Locale.LanguageRange range : ranges) {
                if (range.getWeight() <= 0 || range.getRange().equals("*")) {
                    continue;
                }
                List<String> match = java.util.Locale.filterTags(List.of(range), languages);
                if (match.isEmpty()) {
                    // "es-MX" is served by "es": fall back to the range's language.
                    String base = range.getRange().split("-")[0];
                    match = java.util.Locale.filterTags(java.util.Locale.LanguageRange.parse(base), languages);
                }
                if (!match.isEmpty()) {
                    return Optional.of(match.get(0));
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code /{lang}/}: the language's newest articles, paged like its feeds and cached by the same version. */
    private Response frontPage(Request request, Renderers r, String lang) {
        String before = request.query().get(SiteLinks.PAGE_PARAMETER);
        FeedIndex.Version version = version(lang)
                .orElseThrow(() -> ApiException.notFound("no articles in language " + lang));
        Validators validators = validators(lang + "-front", version, before);
        return served(request, validators, r.key("front/" + lang), before, HTML, () -> {
            FeedIndex.Page page = feeds.page(lang, before, FRONT_PAGE_SIZE);
            List<FeedEntry> entries = new ArrayList<>(page.articles().size());
            for (StoredArticle a : page.articles()) {
                entries.add(FeedEntry.of(a));
            }
            return r.fronts().render(new FeedPage(lang, entries, version.updatedAt(), before, page.nextBefore()),
                    feeds.languages());
        });
    }

    /** RFC 9110 section 13.2.2: {@code If-None-Match} when present, else {@code If-Modified-Since}. */
    static boolean notModified(Request request, EntityTag etag, Instant lastModified) {
        String inm = request.header("If-None-Match");
        if (inm != null) {
            // Whichever coding the client was sent: a tag of any of them names the same version.
            return ContentCoding.matchesAny(etag, inm);
        }
        return HttpDates.parse(request.header("If-Modified-Since"))
                .map(since -> !lastModified.isAfter(since)).orElse(false);
    }

    private static Response withHeaders(Response response, Map<String, String> headers) {
        Response out = response;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            out = out.header(h.getKey(), h.getValue());
        }
        return out;
    }

    // ------------------------------------------------------------------ pages and status

    private Response page(Renderers r, String id, String lang) {
        // An embargoed article is not there yet: 404, the same as one never uploaded (a 410 would tell it exists).
        StoredArticle article = readable(id, lang);
        return Response.of(200, HTML, r.pages().article(new FeedEntry(article, store.languages(id))))
                .header("Cache-Control", "public, max-age=" + config.maxAgeSeconds());
    }

    /** The bilingual view: two live languages of an article side by side (404 unless both are readable). */
    private Response beside(Renderers r, String id, String lang, String other) {
        if (lang.equals(other)) {
            throw ApiException.notFound("an article beside itself: choose another language");
        }
        StoredArticle first = readable(id, lang);
        StoredArticle second = readable(id, other);
        return Response.of(200, HTML, r.bilingual().render(first, second))
                .header("Cache-Control", "public, max-age=" + config.maxAgeSeconds());
    }

    private StoredArticle readable(String id, String lang) {
        StoredArticle article = store.article(id, lang).filter(a -> a.embargo() == null)
                .orElseThrow(() -> ApiException.notFound("no article " + id + " in language " + lang));
        if (article.withdrawn()) {
            throw new ApiException(410, "article " + id + " was withdrawn");
        }
        return article;
    }

    /**
     * The editor's report, for editors only: the gateway's authorizer (Cognito in AWS, the editor token locally)
     * admits editors; checked here again so a route the authorizer does not cover can never serve it.
     */
    private Response status(Request request, String id) {
        if (request.editor() == null) {
            throw new ApiException(401, "an editor credential is required");
        }
        ArticleState state = states.state(id).orElseThrow(() -> ApiException.notFound("no upload for article " + id));
        return json(200, Report.of(state)).header("Cache-Control", "no-cache");
    }

    // ------------------------------------------------------------------ media

    /**
     * An uploaded image, as uploaded: its bytes with their own type, cacheable for good (the id changes with the
     * content), and a policy that lets nothing in it run even if it is opened as a document.
     */
    private Response media(Request request, String id, String extension) {
        ImageType type = ImageType.ofExtension(extension);
        MediaItem item = (media == null || type == null ? Optional.<MediaItem>empty() : media.find(id))
                .filter(i -> i.contentType().equals(type.contentType()))
                .orElseThrow(() -> ApiException.notFound("no media " + id + "." + extension));
        EntityTag etag = EntityTag.strong(item.id());
        Map<String, String> headers = Map.of("ETag", etag.toString(), "Cache-Control", IMMUTABLE,
                "Content-Security-Policy", "default-src 'none'");
        if (etag.matchesIfNoneMatch(request.header("If-None-Match"))) {
            return withHeaders(new Response(304, Map.of(), ""), headers);
        }
        byte[] bytes = media.read(item).orElseThrow(() -> ApiException.notFound("no media " + id + "." + extension));
        return withHeaders(Response.binary(200, item.contentType(), bytes), headers);
    }

    // ------------------------------------------------------------------ partners

    private Response partner(Request request, Renderers r) {
        Syndication s = r.syndication();
        if (s == null) {
            throw new ApiException(503, "the partner API is not configured (CURSOR_SECRET)");
        }
        // Deny by default, and the same bare 403 whatever the reason (unknown key, no licence, another language).
        PartnerRegistry.Licence licence = partners.licence(request.apiKey()).orElseThrow(ApiException::forbidden);
        String path = request.path();
        if (path.equals("/syndication/v1/ninjs-schema.json")) {
            return Response.of(200, JSON, s.schema()).header("Cache-Control", "public, max-age=86400");
        }
        String lang = Optional.ofNullable(request.query().get("lang"))
                .orElseThrow(() -> new ApiException(400, "the lang query parameter is required, e.g. lang=en"));
        language(lang);
        if (!licence.allows(lang)) {
            throw ApiException.forbidden();
        }
        if (path.equals("/syndication/v1/changes")) {
            int limit = limit(request.query().get("limit"));
            Syndication.ChangesResponse page = s.changes(lang, request.query().get("cursor"), limit);
            EntityTag etag = EntityTag.strong(page.etag());
            if (etag.matchesIfNoneMatch(request.header("If-None-Match"))) {
                return new Response(304, Map.of(), "").header("ETag", etag.toString())
                        .header("Cache-Control", "private, no-cache");
            }
            return Response.of(200, JSON, page.json()).header("ETag", etag.toString())
                    .header("Cache-Control", "private, no-cache");
        }
        Matcher m = PARTNER_ARTICLE.matcher(path);
        if (m.matches()) {
            String id = id(m.group(1));
            return Response.of(200, JSON, s.article(id, lang).orElseThrow(
                    () -> ApiException.notFound("no article " + id + " in language " + lang)))
                    .header("Cache-Control", "private, no-cache");
        }
        throw ApiException.notFound("no such resource: " + path);
    }

    private static int limit(String value) {
        if (value == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > 100) {
                throw new ApiException(400, "limit must be between 1 and 100");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "limit must be a number between 1 and 100");
        }
    }

    // ------------------------------------------------------------------ helpers

    static String language(String value) {
        if (!LANG.matcher(value).matches()) {
            throw ApiException.notFound("unknown language: " + value);
        }
        return value;
    }

    private static String id(String value) {
        if (!ID.matcher(value).matches()) {
            throw ApiException.notFound("no article " + value);
        }
        return value;
    }

    private static Response json(int status, Object body) {
        try {
            return Response.of(status, JSON, Json.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
