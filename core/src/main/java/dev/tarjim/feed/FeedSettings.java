package dev.tarjim.feed;

import java.util.Objects;

/**
 * What rendering takes from configuration: where the site lives and whose ids these are.
 *
 * @param baseUrl      the public base URL of the API, without a trailing slash ({@code http://127.0.0.1:3000},
 *                     in AWS the stage URL or custom domain); a trailing slash is removed
 * @param tagAuthority the RFC 4151 tagging entity of entry ids, {@code authority,date} ({@code tarjim.dev,2026});
 *                     it must never change once feeds are published, or every reader sees every entry again
 * @param siteTitle    the site's name in feed and page titles
 */
public record FeedSettings(String baseUrl, String tagAuthority, String siteTitle) {

    /** The tagging entity used when configuration gives none. */
    public static final String DEFAULT_TAG_AUTHORITY = "tarjim.dev,2026";

    /** The site name used when configuration gives none. */
    public static final String DEFAULT_SITE_TITLE = "Tarjim";

    public FeedSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(tagAuthority, "tagAuthority");
        Objects.requireNonNull(siteTitle, "siteTitle");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
        }
        if (!tagAuthority.matches("[A-Za-z0-9.@-]+,\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw new IllegalArgumentException("tagAuthority must be 'name,date' as in RFC 4151: " + tagAuthority);
        }
    }

    /** Settings with the default tag authority and site title. */
    public static FeedSettings of(String baseUrl) {
        return new FeedSettings(baseUrl, DEFAULT_TAG_AUTHORITY, DEFAULT_SITE_TITLE);
    }
}
