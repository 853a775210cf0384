package dev.tarjim.media;

import java.util.List;
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

    /**
     * An article that shows an image not uploaded yet.
     *
     * @param articleId the waiting article's id
     * @param bucket    its bucket
     * @param uploadKey its upload key
     */
    record Waiting(String articleId, String bucket, String uploadKey) {
    }

    /** Records that an article shows the image to be uploaded under {@code imageKey} (idempotent). */
    void awaitImage(String imageKey, Waiting article);

    /** The articles waiting for the image uploaded under {@code imageKey} (a strongly consistent read). */
    List<Waiting> waitingFor(String imageKey);

    /** Forgets that an article waits for this image. */
    void stopWaiting(String imageKey, String articleId);
}
