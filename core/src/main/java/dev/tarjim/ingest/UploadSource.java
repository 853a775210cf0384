package dev.tarjim.ingest;

import java.util.Optional;

/** Reads uploaded objects, refusing to read more than a limit. */
public interface UploadSource {

    /**
     * Reads an object whole.
     *
     * @return the bytes, or empty when the object no longer exists (a later delete removed it)
     * @throws UploadTooLargeException when the object exceeds {@code maxBytes} (checked before reading it)
     */
    Optional<byte[]> read(String bucket, String key, long maxBytes) throws UploadTooLargeException;
}
