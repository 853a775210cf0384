package dev.tarjim.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import dev.tarjim.support.S3Objects;
import dev.tarjim.support.TransientFailureException;

/** Reads uploads from S3, checking the size before reading the body and never reading past the limit. */
public final class S3Uploads implements UploadSource {
    private final S3Objects s3;

    public S3Uploads(S3Objects s3) {
        this.s3 = s3;
    }

    @Override
    public Optional<byte[]> read(String bucket, String key, long maxBytes) throws UploadTooLargeException {
        try {
            Optional<S3Objects.Download> found = s3.open(bucket, key);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            try (S3Objects.Download in = found.get()) {
                if (in.contentLength() > maxBytes) {
                    in.body().abort();
                    throw tooLarge(in.contentLength(), maxBytes);
                }
                return Optional.of(readAtMost(in.body(), maxBytes));
            }
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
