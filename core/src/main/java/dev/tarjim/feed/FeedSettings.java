package dev.tarjim.feed;

import dev.tarjim.article.TagAuthority;
import java.util.Map;
import java.util.Objects;

/**
 * What rendering takes from configuration: where the site lives and who publishes it.
 *
 * @param baseUrl  the public base URL of the API, without a trailing slash ({@code http://127.0.0.1:3000},
 *                 in AWS the stage URL or custom domain); a trailing slash is removed
 * @param branding the site's name per language, home page and the authority of ids minted from now on
 * @param hub      the WebSub hub every feed advertises ({@code WEBSUB_HUB}), or {@code null} for none
 */
public record FeedSettings(String baseUrl, SiteBranding branding, String hub) {

    /** The tagging entity used when configuration gives none (and of every id minted before it could). */
    public static final String DEFAULT_TAG_AUTHORITY = TagAuthority.LEGACY.value();

    /** The site name used when configuration gives none. */
    public static final String DEFAULT_SITE_TITLE = SiteBranding.DEFAULT.name();

    public FeedSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(branding, "branding");
        hub = hub == null || hub.isBlank() ? null : hub.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
        }
    }

    /** Settings without a WebSub hub. */
    public FeedSettings(String baseUrl, SiteBranding branding) {
        this(baseUrl, branding, null);
    }

    /**
     * Settings with one site name and a tag authority.
     *
     * @param tagAuthority the RFC 4151 tagging entity, {@code authority,date} ({@code tarjim.dev,2026})
     * @param siteTitle    the site's name in every language
     */
    public FeedSettings(String baseUrl, String tagAuthority, String siteTitle) {
        this(baseUrl, new SiteBranding(siteTitle, Map.of(), null, TagAuthority.parse(tagAuthority)));
    }

    /** Settings with the default branding. */
    public static FeedSettings of(String baseUrl) {
        return new FeedSettings(baseUrl, SiteBranding.DEFAULT);
    }

    /** The tagging entity of ids minted from now on (ids already minted are stored with their entries). */
    public String tagAuthority() {
        return branding.tagAuthority().value();
    }

    /** The site's default name (where a language has none of its own). */
    public String siteTitle() {
        return branding.name();
    }

    /** The site's name in a language. */
    public String siteTitle(String language) {
        return branding.name(language);
    }

    /** The publisher's home page ({@code SITE_URL}), or {@code null} when not configured. */
    public String publisherUrl() {
        return branding.siteUrl();
    }
}
