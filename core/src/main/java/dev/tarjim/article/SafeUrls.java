package dev.tarjim.article;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URL allowlist of article content: links may be {@code http}, {@code https} or {@code mailto}; images only
 * {@code http(s)}. Everything else ({@code javascript:}, {@code data:}, {@code vbscript:}, {@code file:}, relative
 * URLs that cannot be resolved) is dropped by the parsers, so no renderer ever sees it.
 */
public final class SafeUrls {

    private SafeUrls() {
    }

    /** A link target resolved against {@code base} (may be null), or empty when it is not allowed. */
    public static Optional<String> link(String raw, String base) {
        return resolve(raw, base).filter(u -> {
            String scheme = scheme(u);
            return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
        });
    }

    /** An image source resolved against {@code base} (may be null), or empty when it is not {@code http(s)}. */
    public static Optional<String> image(String raw, String base) {
        return resolve(raw, base).filter(u -> {
            String scheme = scheme(u);
            return scheme.equals("http") || scheme.equals("https");
        });
    }

    /**
     * The source of a body image: as {@link #image}, except that without a base a plain relative path
     * ({@code photo.jpg}, {@code pics/photo.jpg}) is kept as {@code upload:<path>}, for the ingest to resolve
     * against the images uploaded beside the article. The ingest replaces or drops every such source before the
     * article is stored, so renderers still see only {@code http(s)}.
     */
    public static Optional<String> figureImage(String raw, String base) {
        Optional<String> resolved = image(raw, base);
        if (resolved.isPresent() || (base != null && !base.isBlank())) {
            return resolved;
        }
        return uploadPath(raw).map(path -> UPLOAD_PREFIX + path);
    }

    /** The prefix of an image source that names an upload beside the article (see {@link #figureImage}). */
    public static final String UPLOAD_PREFIX = "upload:";

    private static final Pattern UPLOAD_PATH = Pattern.compile(
            "[\\p{L}\\p{N}._~ ()+,=@-]+(/[\\p{L}\\p{N}._~ ()+,=@-]+)*");

    /** A relative path inside the article's folder: no scheme, query, fragment, leading slash or dot segment. */
    private static Optional<String> uploadPath(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String path = raw.strip();
        if (path.isEmpty() || path.length() > 512 || path.indexOf(':') >= 0) {
            return Optional.empty();
        }
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!UPLOAD_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..") || segment.isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static Optional<String> resolve(String raw, String base) {
        if (raw == null) {
            return Optional.empty();
        }
        // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"): so must we.
        String url = raw.strip().replaceAll("[\\x00-\\x20\\x7f]", "");
        if (url.isEmpty() || url.length() > 4096) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.replace(" ", "%20"));
            if (!uri.isAbsolute()) {
                if (base == null || base.isBlank()) {
                    return Optional.empty();
                }
                uri = new URI(base).resolve(uri);
                if (!uri.isAbsolute()) {
                    return Optional.empty();
                }
            }
            String s = uri.toString();
            String scheme = scheme(s);
            if ((scheme.equals("http") || scheme.equals("https")) && (uri.getHost() == null || uri.getHost().isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(s);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
