package dev.tarjim.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import dev.tarjim.support.TransientFailureException;

/** Reads uploads from S3, checking the size before reading the body and never reading past the limit. */
public final class S3Uploads implements UploadSource {
    private final S3Client s3;

    public S3Uploads(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Optional<byte[]> read(String bucket, String key, long maxBytes) throws UploadTooLargeException {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            Long length = in.response().contentLength();
            if (length != null && length > maxBytes) {
                in.abort();
                throw tooLarge(length, maxBytes);
            }
            return Optional.of(readAtMost(in, maxBytes));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        } catch (IOException | SdkClientException e) {
            throw new TransientFailureException("could not read s3://" + bucket + "/" + key, e);
        }
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException, UploadTooLargeException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length, maxBytes);
        }
        return bytes;
    }

    private static UploadTooLargeException tooLarge(long size, long maxBytes) {
        return new UploadTooLargeException(String.format(
                "The file is too large: %,d bytes; the limit is %,d bytes. Split the article or remove embedded media.",
                size, maxBytes));
    }
}
