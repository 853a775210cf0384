package dev.tarjim.feed;

import dev.tarjim.article.Block;
import dev.tarjim.article.StoredArticle;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The photos of an article as every output announces them: the lead image (the upload's, else the body's first
 * figure), every figure once, and what can honestly be said about an image file from its URL alone.
 */
public final class ArticleImages {

    /** Media types that an image URL's extension names without doubt; anything else is left unsaid. */
    private static final Map<String, String> TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif",
            "webp", "image/webp", "avif", "image/avif");

    private ArticleImages() {
    }

    /** The lead image: the article's own, else the first figure of its body; empty when it has no photo. */
    public static Optional<Block.Figure> lead(StoredArticle article) {
        if (article.leadImage() != null && announceable(article.leadImage())) {
            return Optional.of(article.leadImage());
        }
        return bodyFigures(article).stream().filter(ArticleImages::announceable).findFirst();
    }

    /** The lead image when the body does not show it already (a page or feed shows it above the body). */
    public static Optional<Block.Figure> leadOutsideBody(StoredArticle article) {
        Block.Figure lead = article.leadImage();
        if (lead == null || bodyFigures(article).stream().anyMatch(f -> f.src().equals(lead.src()))) {
            return Optional.empty();
        }
        return Optional.of(lead);
    }

    /**
     * Every photo of the article once (by URL): the lead image first, then the body's figures in order. Like
     * {@link #lead}, it leaves out an image whose URL is not an absolute URI: parsers never store one, and a feed
     * must not announce one.
     */
    public static List<Block.Figure> all(StoredArticle article) {
        List<Block.Figure> figures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        leadOutsideBody(article).filter(ArticleImages::announceable).ifPresent(lead -> {
            figures.add(lead);
            seen.add(lead.src());
        });
        for (Block.Figure figure : bodyFigures(article)) {
            if (announceable(figure) && seen.add(figure.src())) {
                figures.add(figure);
            }
        }
        return figures;
    }

    private static boolean announceable(Block.Figure figure) {
        try {
            URI uri = new URI(figure.src());
            return uri.isAbsolute() && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The body's figures, in order. */
    static List<Block.Figure> bodyFigures(StoredArticle article) {
        List<Block.Figure> figures = new ArrayList<>();
        for (Block block : article.blocks()) {
            if (block instanceof Block.Figure figure) {
                figures.add(figure);
            }
        }
        return figures;
    }

    /**
     * The image's media type when its path ends in an extension that names one ({@code .jpg}, {@code .png},
     * {@code .webp}...); empty otherwise, since a wrong type is worse than none.
     */
    public static Optional<String> mediaType(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash) {
            return Optional.empty();
        }
        return Optional.ofNullable(TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /**
     * The URL in US-ASCII (non-ASCII characters percent-encoded): feed validators and URI-format schemas refuse
     * IRIs where a URL is expected. The URL is returned unchanged if it does not parse ({@link #lead} and
     * {@link #all} never return such an image).
     */
    public static String asciiUrl(String url) {
        try {
            return URI.create(url).toASCIIString();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
