package dev.tarjim.feed;

import java.util.Optional;

/** The three feed formats, with the file name of their route and the media type they are served as. */
public enum FeedFormat {
    RSS("rss.xml", "application/rss+xml", "RSS"),
    ATOM("atom.xml", "application/atom+xml", "Atom"),
    JSON_FEED("feed.json", "application/feed+json", "JSON Feed");

    private final String fileName;
    private final String mediaType;
    private final String label;

    FeedFormat(String fileName, String mediaType, String label) {
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.label = label;
    }

    /** The last path segment of the feed's route: {@code rss.xml}, {@code atom.xml} or {@code feed.json}. */
    public String fileName() {
        return fileName;
    }

    /** The media type for {@code Content-Type} (add {@code ; charset=utf-8}) and autodiscovery links. */
    public String mediaType() {
        return mediaType;
    }

    /** A human name for link texts: {@code RSS}, {@code Atom}, {@code JSON Feed}. */
    public String label() {
        return label;
    }

    /** The format served under this file name, if any: the router's lookup for {@code /feeds/{lang}/{file}}. */
    public static Optional<FeedFormat> fromFileName(String fileName) {
        for (FeedFormat format : values()) {
            if (format.fileName.equals(fileName)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
