package dev.tarjim.feed;

/**
 * Renders a feed page in any of the three formats: the one object the API handler needs for its feed routes.
 *
 * <p>Thread-safe; build one per cold start and reuse it.
 */
public final class FeedRenderer {

    private final RssRenderer rss;
    private final AtomRenderer atom;
    private final JsonFeedRenderer json;

    /** Renderers for the site these settings describe. */
    public FeedRenderer(FeedSettings settings) {
        this.rss = new RssRenderer(settings);
        this.atom = new AtomRenderer(settings);
        this.json = new JsonFeedRenderer(settings);
    }

    /** The page in this format; serve it with {@link FeedFormat#mediaType()} and {@code charset=utf-8}. */
    public String render(FeedFormat format, FeedPage page) {
        return switch (format) {
            case RSS -> rss.render(page);
            case ATOM -> atom.render(page);
            case JSON_FEED -> json.render(page);
        };
    }
}
