package dev.tarjim.media;

import java.util.Optional;

/** The port to stored media: the bytes (S3 in AWS and locally) and one item per media version (DynamoDB). */
public interface MediaLibrary {

    /** Stores the bytes, then the item that makes them servable (idempotent: same id, same bytes). */
    void store(MediaItem item, byte[] bytes);

    /** Withdraws every version of the image uploaded under this upload id: no longer served, bytes deleted. */
    void withdraw(String uploadId);

    /** The servable media of this id: empty when there is none or it was withdrawn. */
    Optional<MediaItem> find(String id);

    /** The stored bytes of a media item, or empty when they are gone (withdrawn meanwhile). */
    Optional<byte[]> read(MediaItem item);
}
