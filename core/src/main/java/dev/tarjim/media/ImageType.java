package dev.tarjim.media;

/** The image formats Tarjim stores as media: the raster formats every browser shows and that carry no script. */
public enum ImageType {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    private final String contentType;
    private final String extension;

    ImageType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The media type served in {@code Content-Type}. */
    public String contentType() {
        return contentType;
    }

    /** The file extension of its media URL (without the dot). */
    public String extension() {
        return extension;
    }

    /** The type whose extension this is, or {@code null}. */
    public static ImageType ofExtension(String extension) {
        for (ImageType t : values()) {
            if (t.extension.equals(extension)) {
                return t;
            }
        }
        return null;
    }
}
