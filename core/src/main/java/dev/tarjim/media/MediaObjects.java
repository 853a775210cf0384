package dev.tarjim.media;

import java.util.Optional;

/**
 * Where media bytes live (S3 in AWS and locally): the part of {@link S3MediaLibrary} that moves bytes, apart from the
 * DynamoDB items that make them servable ({@code dev.tarjim.support.S3Objects} is the adapter: signed requests,
 * no S3 client).
 */
public interface MediaObjects {
    /** Stores the bytes under the key, cacheable for good (their key changes with their content). */
    void put(String bucket, String key, String contentType, byte[] bytes);

    /** Deletes the object (nothing when it is already gone). */
    void delete(String bucket, String key);

    /** The object's bytes, or empty when there is no such object. */
    Optional<byte[]> get(String bucket, String key);
}
