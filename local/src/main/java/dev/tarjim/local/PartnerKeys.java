package dev.tarjim.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The partner API keys the local gateway accepts, as API Gateway API keys and usage plans hold them in AWS.
 *
 * <p>They live in a JSON file ({@code {"keys":[{"id":"demo","key":"...","languages":["en","es"]}]}}), created with
 * one random key when missing and re-read when it changes, so keys can be added without a restart.
 */
public final class PartnerKeys {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** One partner's key; {@link #toString()} leaves the secret out so it cannot reach a log by accident. */
    public record PartnerKey(String id, String key, List<String> languages) {
        public PartnerKey {
            languages = List.copyOf(languages);
        }

        @Override
        public String toString() {
            return "PartnerKey[id=" + id + ", languages=" + languages + "]";
        }
    }

    private final Path file;
    private volatile Snapshot snapshot;

    private record Snapshot(FileTime modified, List<PartnerKey> keys, List<byte[]> digests) {
    }

    private PartnerKeys(Path file) {
        this.file = file;
        this.snapshot = read(file);
    }

    /** Loads the keys, first creating the file with one key (id {@code demo}, languages en and es) if missing. */
    public static PartnerKeys load(Path file) {
        if (!Files.exists(file)) {
            create(file);
        }
        return new PartnerKeys(file);
    }

    private static void create(Path file) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode demo = root.putArray("keys").addObject();
        demo.put("id", "demo");
        demo.put("key", randomKey());
        demo.putArray("languages").add("en").add("es");
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "partner-keys", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions have to do
            }
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the partner keys file " + file, e);
        }
    }

    /** A key of 40 letters and digits, like the keys API Gateway generates. */
    static String randomKey() {
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    private static Snapshot read(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            JsonNode root = JSON.readTree(file.toFile());
            List<PartnerKey> keys = new ArrayList<>();
            List<byte[]> digests = new ArrayList<>();
            for (JsonNode k : root.path("keys")) {
                String id = k.path("id").asText("");
                String key = k.path("key").asText("");
                if (id.isEmpty() || key.isEmpty()) {
                    throw new IllegalStateException("every key in " + file + " needs an \"id\" and a \"key\"");
                }
                List<String> languages = new ArrayList<>();
                k.path("languages").forEach(l -> languages.add(l.asText()));
                keys.add(new PartnerKey(id, key, languages));
                digests.add(sha256(key));
            }
            return new Snapshot(modified, List.copyOf(keys), List.copyOf(digests));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the partner keys file " + file, e);
        }
    }

    /** The keys file. */
    public Path file() {
        return file;
    }

    /** Every key, as last read. */
    public List<PartnerKey> all() {
        return current().keys();
    }

    /**
     * The key equal to {@code presented}, compared in constant time: every key is compared, through fixed-length
     * digests, so neither a match's position nor a common prefix shows in the timing.
     */
    public Optional<PartnerKey> match(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        Snapshot s = current();
        byte[] digest = sha256(presented);
        PartnerKey found = null;
        for (int i = 0; i < s.keys().size(); i++) {
            if (MessageDigest.isEqual(digest, s.digests().get(i)) && found == null) {
                found = s.keys().get(i);
            }
        }
        return Optional.ofNullable(found);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        try {
            if (!Files.getLastModifiedTime(file).equals(s.modified())) {
                s = read(file);
                snapshot = s;
            }
        } catch (IOException | RuntimeException e) {
            // A file being edited may be briefly unreadable: keep serving the keys last read.
        }
        return s;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
