package dev.tarjim.ingest;

import dev.tarjim.article.Block;
import dev.tarjim.article.ParsedArticle;
import dev.tarjim.article.SafeUrls;
import dev.tarjim.media.MediaItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves an article's relative images ({@code upload:<path>} sources, see {@link SafeUrls#figureImage}) to the
 * images uploaded in the same folder: the figure gets the media URL and the image's size. An image that is not
 * uploaded (or was deleted) is a warning and its figure is left out, caption kept as text: never a broken image.
 * The ingest records that the article waits for it, and ingests the article again when the image arrives.
 */
final class MediaReferences {

    /**
     * The article with every relative image resolved or left out.
     *
     * @param article  the article to store
     * @param warnings one per image left out
     * @param mediaIds the media shown, in order (part of the article's content hash)
     * @param missing  the upload keys of the images left out, in order (the article waits for them)
     */
    record Resolved(ParsedArticle article, List<String> warnings, List<String> mediaIds, List<String> missing) {
    }

    private MediaReferences() {
    }

    static Resolved resolve(ParsedArticle parsed, String uploadKey, Function<String, Optional<MediaItem>> media) {
        String folder = uploadKey.substring(0, uploadKey.lastIndexOf('/') + 1);
        List<String> warnings = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Block> blocks = new ArrayList<>(parsed.blocks().size());
        boolean changed = false;
        for (Block block : parsed.blocks()) {
            if (block instanceof Block.Figure figure && figure.src().startsWith(SafeUrls.UPLOAD_PREFIX)) {
                changed = true;
                Optional<Block.Figure> resolved = figure(figure, folder, media, warnings, ids, missing);
                if (resolved.isPresent()) {
                    blocks.add(resolved.get());
                } else if (!figure.caption().isEmpty()) {
                    // As the parsers do for an image that may not be shown: its caption is still text of the article.
                    blocks.add(new Block.Paragraph(figure.caption()));
                }
            } else {
                blocks.add(block);
            }
        }
        Block.Figure lead = parsed.leadImage();
        if (lead != null && lead.src().startsWith(SafeUrls.UPLOAD_PREFIX)) {
            changed = true;
            lead = figure(lead, folder, media, warnings, ids, missing).orElse(null);
        }
        if (!changed) {
            return new Resolved(parsed, List.of(), List.of(), List.of());
        }
        ParsedArticle article = new ParsedArticle(parsed.format(), parsed.title(), parsed.summary(), blocks,
                parsed.author(), parsed.tags(), parsed.published(), parsed.declaredLanguage(), parsed.slug(),
                parsed.targets(), parsed.updated(), parsed.canonicalUrl(), lead, parsed.warnings());
        return new Resolved(article, warnings, ids, missing);
    }

    /** The upload keys of every relative image the article shows (its figures and lead image). */
    static List<String> imageKeys(ParsedArticle parsed, String uploadKey) {
        List<String> keys = new ArrayList<>();
        resolve(parsed, uploadKey, key -> {
            keys.add(key);
            return Optional.empty();
        });
        return keys;
    }

    private static Optional<Block.Figure> figure(Block.Figure figure, String folder,
            Function<String, Optional<MediaItem>> media, List<String> warnings, List<String> ids,
            List<String> missing) {
        String path = figure.src().substring(SafeUrls.UPLOAD_PREFIX.length());
        Optional<MediaItem> item = media.apply(folder + path);
        if (item.isEmpty()) {
            if (!missing.contains(folder + path)) {
                missing.add(folder + path);
            }
            warnings.add("The image '" + path + "' is not uploaded (" + folder + path + "): it was left out until "
                    + "it is; upload it and the article shows it, without a new upload of the article");
            return Optional.empty();
        }
        MediaItem m = item.get();
        ids.add(m.id());
        return Optional.of(new Block.Figure(m.url(), figure.alt(), figure.caption(), figure.credit(), m.width(),
                m.height()));
    }
}
