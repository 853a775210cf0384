package dev.tarjim.feed;

import dev.tarjim.article.LanguageTags;
import dev.tarjim.article.TagAuthority;
import dev.tarjim.support.Environment;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who publishes: the site's name (in each language where it has its own, e.g. its Arabic name), its home page and
 * the RFC 4151 authority of the ids it mints. Feed titles, page titles, the publisher named in feeds and ninjs, and
 * new entries' {@code tag:} ids come from here.
 *
 * <p>Configured by environment variables, read by both functions (see {@link #from(Environment)}):
 * {@code SITE_NAME} (default {@code Tarjim}), {@code SITE_NAME_BY_LANGUAGE} ({@code ar=...;zh=...}),
 * {@code SITE_URL} and {@code TAG_AUTHORITY} (default {@code tarjim.dev,2026}, the authority of ids minted before it
 * was configurable).
 *
 * @param name         the site's name where a language has none of its own
 * @param names        the site's name per language (BCP 47 primary subtag, e.g. {@code ar})
 * @param siteUrl      the publisher's home page (absolute http(s) URL), or {@code null} when not configured
 * @param tagAuthority the authority of ids minted from now on (ids already minted keep theirs)
 */
public record SiteBranding(String name, Map<String, String> names, String siteUrl, TagAuthority tagAuthority) {

    /** Today's branding of a deployment that configures none. */
    public static final SiteBranding DEFAULT = new SiteBranding("Tarjim", Map.of(), null, TagAuthority.LEGACY);

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*");
    private static final int MAX_NAME = 200;

    public SiteBranding {
        name = checkName(name, "SITE_NAME");
        names = Map.copyOf(names);
        names.forEach((lang, n) -> checkName(n, "SITE_NAME_BY_LANGUAGE"));
        Objects.requireNonNull(tagAuthority, "tagAuthority");
        if (siteUrl != null) {
            siteUrl = checkUrl(siteUrl);
        }
    }

    /** The site's name in a language: its own name there, else the default name. */
    public String name(String language) {
        if (language == null) {
            return name;
        }
        String own = names.get(language);
        if (own == null) {
            own = LanguageTags.normalise(language).map(names::get).orElse(null);
        }
        return own == null ? name : own;
    }

    /**
     * Reads {@code SITE_NAME}, {@code SITE_NAME_BY_LANGUAGE}, {@code SITE_URL} and {@code TAG_AUTHORITY}.
     *
     * @throws IllegalStateException naming the variable and what is wrong with it
     */
    public static SiteBranding from(Environment env) {
        try {
            String name = env.or("SITE_NAME", DEFAULT.name());
            Map<String, String> names = parseNames(env.optional("SITE_NAME_BY_LANGUAGE"));
            String url = env.optional("SITE_URL");
            TagAuthority authority;
            String configured = env.optional("TAG_AUTHORITY");
            try {
                authority = configured == null ? DEFAULT.tagAuthority() : TagAuthority.parse(configured);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("TAG_AUTHORITY: " + e.getMessage(), e);
            }
            return new SiteBranding(name, names, url, authority);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("site branding: " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code SITE_NAME_BY_LANGUAGE}: entries {@code <BCP 47 tag>=<name>} separated by {@code ;} (so a name
     * cannot hold a {@code ;}), e.g. {@code ar=غلوبال تايمز;zh=环球时报}. Tags are reduced to their primary language
     * subtag, as feeds are per language.
     */
    static Map<String, String> parseNames(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("SITE_NAME_BY_LANGUAGE: '" + entry.strip()
                        + "' is not 'language=name' (entries are separated by ';', e.g. 'ar=...;zh=...')");
            }
            String tag = entry.substring(0, eq).strip();
            String lang = LANGUAGE.matcher(tag).matches() ? LanguageTags.normalise(tag).orElse(null) : null;
            if (lang == null) {
                throw new IllegalArgumentException("SITE_NAME_BY_LANGUAGE: '" + tag
                        + "' is not a BCP 47 language tag (e.g. ar, zh, es)");
            }
            String name = checkName(entry.substring(eq + 1), "SITE_NAME_BY_LANGUAGE (" + tag + ")");
            if (out.put(lang, name) != null) {
                throw new IllegalArgumentException("SITE_NAME_BY_LANGUAGE names language " + lang + " twice");
            }
        }
        return out;
    }

    private static String checkName(String name, String variable) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException(variable + ": the site name is empty");
        }
        if (n.codePointCount(0, n.length()) > MAX_NAME) {
            throw new IllegalArgumentException(variable + ": the site name is longer than " + MAX_NAME
                    + " characters");
        }
        if (n.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D)) {
            // Bidi overrides and other invisible controls could disguise the name in feeds and pages.
            throw new IllegalArgumentException(variable + ": the site name holds control or bidi characters");
        }
        return n;
    }

    private static String checkUrl(String url) {
        String u = url.strip();
        try {
            URI uri = new URI(u);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("SITE_URL must be an absolute http(s) URL, not '" + u + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("SITE_URL is not a URL: '" + u + "'", e);
        }
        return u;
    }
}
