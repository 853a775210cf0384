package dev.tarjim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates the data folder's credential files: readable by their owner only, and never seen half-written. */
final class SecretFiles {

    private SecretFiles() {
    }

    /**
     * Writes a new file with mode 0600 (through a private temporary file moved into place).
     *
     * @param what what the file is, for the error message
     */
    static void create(Path file, String content, String what) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions have to do
            }
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the " + what + " file " + file, e);
        }
    }
}
