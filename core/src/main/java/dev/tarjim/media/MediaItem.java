package dev.tarjim.media;

/**
 * One stored version of an uploaded image: its bytes live in S3 under {@code media/}, this record in DynamoDB.
 *
 * <p>The id is the upload's article id and a prefix of the content's SHA-256, so it changes whenever the content
 * does: its URL can be cached as immutable, and two uploads of the same bytes under different keys never share
 * (or withdraw) each other's media.
 *
 * @param id          {@code <upload id>-<content hash prefix>}, 16 + 1 + 16 characters
 * @param bucket      the bucket the image was uploaded to, which holds its bytes too
 * @param uploadKey   the S3 key the editor uploaded the image to
 * @param objectKey   where the bytes are stored: {@code media/<id>.<ext>}
 * @param contentType the image's media type
 * @param bytes       its size in bytes
 * @param width       width in pixels, from its headers
 * @param height      height in pixels, from its headers
 * @param url         its public URL ({@code PUBLIC_BASE_URL/media/<id>.<ext>})
 */
public record MediaItem(String id, String bucket, String uploadKey, String objectKey, String contentType,
        long bytes, int width, int height, String url) {

    /** The prefix of the bucket that holds media bytes, outside the ingest's {@code incoming/} trigger. */
    public static final String PREFIX = "media/";

    /** The item of an image uploaded to {@code bucket}/{@code uploadKey}, whose article id is {@code uploadId}. */
    public static MediaItem of(String uploadId, String contentHashHex, String bucket, String uploadKey,
            ImageInfo image, long bytes, String baseUrl) {
        String id = uploadId + "-" + contentHashHex.substring(0, 16);
        String file = id + "." + image.type().extension();
        return new MediaItem(id, bucket, uploadKey, PREFIX + file, image.type().contentType(), bytes, image.width(),
                image.height(), (baseUrl == null ? "" : baseUrl) + "/media/" + file);
    }

    /** The upload's article id: the first part of the media id. */
    public String uploadId() {
        return id.substring(0, id.indexOf('-'));
    }

    /** The file name under {@code /media/}. */
    public String fileName() {
        return objectKey.substring(PREFIX.length());
    }
}
