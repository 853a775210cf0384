package dev.tarjim.media;

import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Media bytes through the SDK's S3 client (the ingest, which also stores and deletes them). */
public final class S3MediaObjects implements MediaObjects {
    private final S3Client s3;

    public S3MediaObjects(S3Client s3) {
        this.s3 = s3;
    }

    /** The media library over this S3 client and the article table. */
    public static MediaLibrary library(S3Client s3, DynamoDbClient dynamo, String table) {
        return new S3MediaLibrary(new S3MediaObjects(s3), dynamo, table);
    }

    @Override
    public void put(String bucket, String key, String contentType, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType)
                .cacheControl("public, max-age=31536000, immutable"), RequestBody.fromBytes(bytes));
    }

    @Override
    public void delete(String bucket, String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        }
    }
}
