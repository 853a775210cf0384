package dev.tarjim.feed;

import dev.tarjim.article.TagAuthority;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The site's URL layout and entry identities, in one place so that feeds, pages and the router agree.
 *
 * <p>Routes: {@code /}, {@code /articles/{id}/{lang}}, {@code /feeds/{lang}/{file}} and older pages of a feed at
 * {@code /feeds/{lang}/{file}?before={token}}, where the token is whatever the caller put in
 * {@link FeedPage#nextPageToken()} (opaque here). Ids are {@code tag:} URIs (RFC 4151) built from the article id
 * and the language only, so they never change across revisions.
 */
public final class SiteLinks {

    /** The query parameter that carries the page token of an older feed page. */
    public static final String PAGE_PARAMETER = "before";

    private final FeedSettings settings;

    /** Links for the site these settings describe. */
    public SiteLinks(FeedSettings settings) {
        this.settings = settings;
    }

    /** The settings these links are built from. */
    public FeedSettings settings() {
        return settings;
    }

    /** The index page, {@code <base>/}. */
    public String indexUrl() {
        return settings.baseUrl() + "/";
    }

    /** A language's front page, {@code <base>/<lang>/}. */
    public String frontPageUrl(String language) {
        return settings.baseUrl() + "/" + segment(language) + "/";
    }

    /** The article page, {@code <base>/articles/<id>/<lang>}. */
    public String articleUrl(String articleId, String language) {
        return settings.baseUrl() + "/articles/" + segment(articleId) + "/" + segment(language);
    }

    /** The first page of a feed, {@code <base>/feeds/<lang>/<file>}. */
    public String feedUrl(String language, FeedFormat format) {
        return settings.baseUrl() + "/feeds/" + segment(language) + "/" + format.fileName();
    }

    /** A page of a feed: the first page when {@code pageToken} is null, else the older page it names. */
    public String feedPageUrl(String language, FeedFormat format, String pageToken) {
        String first = feedUrl(language, format);
        if (pageToken == null) {
            return first;
        }
        return first + "?" + PAGE_PARAMETER + "=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8);
    }

    /**
     * The id an article in one language gets when minted now, {@code tag:<authority>:article/<id>/<lang>};
     * renderers show the one stored with the entry ({@code StoredArticle.entryId()}).
     */
    public String entryId(String articleId, String language) {
        return settings.branding().tagAuthority().articleUri(articleId, language);
    }

    /** The id a language's feed gets when minted now, {@code tag:<authority>:feed/<lang>}. */
    public String feedId(String language) {
        return settings.branding().tagAuthority().feedUri(language);
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so an id can never break out of its segment. */
    static String segment(String value) {
        return TagAuthority.segment(value);
    }
}
