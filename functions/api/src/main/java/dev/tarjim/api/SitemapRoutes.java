package dev.tarjim.api;

import dev.tarjim.article.ArticleListing;
import dev.tarjim.article.ArticleStates;
import dev.tarjim.feed.SiteLinks;
import dev.tarjim.feed.Sitemaps;
import dev.tarjim.store.FeedIndex;
import dev.tarjim.support.Hashes;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search engines' routes: {@code /robots.txt}, {@code /sitemap.xml} and {@code /sitemaps/<lang>/...}
 * ({@link Sitemaps} says what each holds). Every sitemap's ETag is made from the version items of all languages
 * (a translation going live changes the alternates of the other languages' entries) and, where the News window
 * matters, the hour: a conditional poll costs one GetItem per language and renders nothing.
 */
final class SitemapRoutes {
    private static final Pattern NEWS = Pattern.compile("/sitemaps/([^/]+)/news\\.xml");
    private static final Pattern MONTH = Pattern.compile("/sitemaps/([^/]+)/(\\d{4}-\\d{2})\\.xml");
    private static final String XML = "application/xml; charset=utf-8";

    private final FeedIndex feeds;
    private final ArticleStates states;
    private final ApiConfig config;
    private final Clock clock;
    private final PageCache pages;

    SitemapRoutes(FeedIndex feeds, ArticleStates states, PageCache pages, ApiConfig config, Clock clock) {
        this.pages = pages;
        this.feeds = feeds;
        this.states = states;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The publication's name in a language, as Google News shows it: the site's name in that language where the
     * branding gives one ({@code SITE_NAME_BY_LANGUAGE}), else {@code SITE_NAME}.
     */
    private static String publicationName(SiteLinks links, String language) {
        return links.settings().siteTitle(language);
    }

    /** The response for a search engines' path, or empty when the path is none of theirs. */
    Optional<Response> handle(Request request, SiteLinks links) {
        String path = request.path();
        Sitemaps sitemaps = new Sitemaps(links, lang -> publicationName(links, lang));
        if (path.equals("/robots.txt")) {
            return Optional.of(Response.of(200, "text/plain; charset=utf-8", sitemaps.robots())
                    .header("Cache-Control", "public, max-age=" + config.maxAgeSeconds()));
        }
        if (path.equals("/sitemap.xml")) {
            return Optional.of(index(request, sitemaps));
        }
        Matcher m = NEWS.matcher(path);
        if (m.matches()) {
            return Optional.of(news(request, sitemaps, Routes.language(m.group(1))));
        }
        m = MONTH.matcher(path);
        if (m.matches()) {
            return Optional.of(month(request, sitemaps, Routes.language(m.group(1)), month(m.group(2))));
        }
        return Optional.empty();
    }

    private Response index(Request request, Sitemaps sitemaps) {
        Instant since = newsSince();
        Site site = site();
        return conditional(request, site, "index-" + since, key(sitemaps, "index"), () -> {
            List<Sitemaps.Entry> entries = new ArrayList<>();
            for (Map.Entry<String, FeedIndex.Version> lang : site.versions().entrySet()) {
                List<YearMonth> months = feeds.months(lang.getKey());
                if (months.isEmpty()) {
                    continue;
                }
                // Listed only while it has an article: an empty url set is not a valid sitemap.
                if (!feeds.listingsSince(lang.getKey(), since, 1).isEmpty()) {
                    entries.add(new Sitemaps.Entry(sitemaps.newsUrl(lang.getKey()), lang.getValue().updatedAt()));
                }
                for (YearMonth month : months) {
                    entries.add(new Sitemaps.Entry(sitemaps.monthUrl(lang.getKey(), month), null));
                }
            }
            return sitemaps.index(entries);
        });
    }

    private Response news(Request request, Sitemaps sitemaps, String lang) {
        Site site = site();
        requireLanguage(site, lang);
        Instant since = newsSince();
        return conditional(request, site, "news-" + lang + "-" + since, key(sitemaps, "news/" + lang), () -> {
            List<ArticleListing> recent = feeds.listingsSince(lang, since, Sitemaps.MAX_NEWS_URLS);
            if (recent.isEmpty()) {
                // An empty url set is not a valid sitemap; the index lists this one only while it has articles.
                throw ApiException.notFound("no article in language " + lang + " in the last 48 hours");
            }
            return sitemaps.news(lang, recent, since);
        });
    }

    private Response month(Request request, Sitemaps sitemaps, String lang, YearMonth month) {
        Site site = site();
        requireLanguage(site, lang);
        return conditional(request, site, "month-" + lang + "-" + month, key(sitemaps, lang + "/" + month),
                () -> {
            List<ArticleListing> articles = feeds.listings(lang, month, Sitemaps.MAX_URLS);
            if (articles.isEmpty()) {
                throw ApiException.notFound("no article in language " + lang + " published in " + month);
            }
            Map<String, List<String>> live = states.liveLanguages(articles.stream().map(ArticleListing::id).toList());
            return sitemaps.articles(articles, live);
        });
    }

    /** The key a sitemap is kept rendered under (per domain, as its links are). */
    private static String key(Sitemaps sitemaps, String which) {
        return "sitemap/" + which + "@" + Hashes.sha256Prefix(sitemaps.indexUrl(), 6);
    }

    /** Every language's version item: what any sitemap's content depends on besides the clock. */
    private record Site(Map<String, FeedIndex.Version> versions) {
        Instant lastChange() {
            return versions.values().stream().map(FeedIndex.Version::updatedAt).max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
        }
    }

    private Site site() {
        Map<String, FeedIndex.Version> versions = new java.util.LinkedHashMap<>();
        for (String lang : feeds.languages()) {
            feeds.version(lang).ifPresent(v -> versions.put(lang, v));
        }
        return new Site(versions);
    }

    private static void requireLanguage(Site site, String lang) {
        if (!site.versions().containsKey(lang)) {
            throw ApiException.notFound("no sitemap in language " + lang);
        }
    }

    /**
     * The sitemap with its validators, or 304 when the client holds it. As for feeds, right after a change the
     * index (eventually consistent in AWS) may lag: then the answer carries no validator and is not cached.
     */
    private Response conditional(Request request, Site site, String what, String key,
            java.util.function.Supplier<String> body) {
        StringBuilder state = new StringBuilder(what);
        site.versions().forEach((lang, v) -> state.append('|').append(lang).append(':').append(v.version()));
        EntityTag etag = EntityTag.strong("sm-" + Hashes.sha256Prefix(state.toString(), 12));
        boolean settled = site.lastChange().isBefore(clock.instant().minusSeconds(config.settleSeconds()));
        boolean notModified = settled && ContentCoding.matchesAny(etag, request.header("If-None-Match"));
        // Kept rendered like feeds: a sitemap is rendered once per version of the site (and hour, for News).
        return pages.serve(request, etag, notModified, key, XML, settled, body, (response, coding) -> {
            Response out = response.header("Vary", "Accept-Encoding");
            return settled ? out.header("ETag", coding.tag(etag).toString())
                    .header("Cache-Control", "public, max-age=" + config.maxAgeSeconds())
                    : out.header("Cache-Control", "no-cache");
        });
    }

    /**
     * The start of the News window, on the hour: the News sitemap changes as articles age out, and on the hour it
     * changes (and its ETag with it) at most once an hour rather than with every request.
     */
    private Instant newsSince() {
        return clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Sitemaps.NEWS_WINDOW);
    }

    private static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.notFound("no sitemap for " + value);
        }
    }
}
