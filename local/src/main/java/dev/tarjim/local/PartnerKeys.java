package dev.tarjim.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.support.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The partner API keys the local gateway accepts, and their licences, as API Gateway API keys, usage plans and the
 * licence items hold them in AWS.
 *
 * <p>They live in a JSON file ({@code {"keys":[{"id":"demo","key":"...","languages":["en","es"]}]}}; {@code "*"}
 * licenses every language, an empty list none), created with one random key when missing. {@link #reload()} re-reads
 * it when its content changed (the local stack calls it every second), so keys are added, limited and revoked
 * without a restart; a malformed file keeps the last good keys.
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

    /** What a {@link #reload()} found. */
    public sealed interface Reload {
        /** The file's content is what was last read (or last refused). */
        record Unchanged() implements Reload {
        }

        /** New keys are in force; {@code previous} were in force before. */
        record Changed(List<PartnerKey> previous, List<PartnerKey> current) implements Reload {
        }

        /** The file changed but cannot be used; the last good keys stay in force. */
        record Refused(String reason) implements Reload {
        }
    }

    private final Path file;
    private volatile Snapshot snapshot;
    private byte[] lastSeen;

    private record Snapshot(List<PartnerKey> keys, List<byte[]> digests) {
    }

    private PartnerKeys(Path file, byte[] content) {
        this.file = file;
        this.lastSeen = digest(content);
        this.snapshot = parse(file, content);
    }

    /**
     * Loads the keys, first creating the file with one key (id {@code demo}, languages en and es) if missing.
     *
     * @throws IllegalStateException when the file is malformed (the message says why)
     */
    public static PartnerKeys load(Path file) {
        if (!Files.exists(file)) {
            create(file);
        }
        try {
            return new PartnerKeys(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the partner keys file " + file, e);
        }
    }

    private static void create(Path file) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode demo = root.putArray("keys").addObject();
        demo.put("id", "demo");
        demo.put("key", randomKey());
        demo.putArray("languages").add("en").add("es");
        try {
            SecretFiles.create(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                    "partner keys");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
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

    private static Snapshot parse(Path file, byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Only the position: Jackson's message may quote the offending token, which can be part of a key.
            var at = e.getLocation();
            throw new IllegalStateException(file + " is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new IllegalStateException(file + " cannot be read: " + e.getClass().getSimpleName());
        }
        if (root == null || !root.path("keys").isArray()) {
            throw new IllegalStateException(file + " needs a \"keys\" array");
        }
        List<PartnerKey> keys = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        for (JsonNode k : root.path("keys")) {
            String id = k.path("id").asText("");
            String key = k.path("key").asText("");
            if (id.isEmpty() || key.isEmpty()) {
                throw new IllegalStateException("every key in " + file + " needs an \"id\" and a \"key\"");
            }
            if (!k.path("languages").isArray()) {
                throw new IllegalStateException("key " + id + " in " + file + " needs a \"languages\" array"
                        + " (language codes, or \"*\" for all)");
            }
            List<String> languages = new ArrayList<>();
            k.path("languages").forEach(l -> languages.add(l.asText()));
            keys.add(new PartnerKey(id, key, languages));
            digests.add(digest(key.getBytes(StandardCharsets.UTF_8)));
        }
        return new Snapshot(List.copyOf(keys), List.copyOf(digests));
    }

    /**
     * Re-reads the file when its content changed since it was last read. Thread-safe; meant for one poller.
     */
    public synchronized Reload reload() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Reload.Refused("cannot read " + file + ": " + e);
        }
        byte[] seen = digest(content);
        if (MessageDigest.isEqual(seen, lastSeen)) {
            return new Reload.Unchanged();
        }
        lastSeen = seen;
        try {
            Snapshot next = parse(file, content);
            List<PartnerKey> previous = snapshot.keys();
            snapshot = next;
            return new Reload.Changed(previous, next.keys());
        } catch (RuntimeException e) {
            return new Reload.Refused(e.getMessage());
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
        byte[] digest = digest(presented.getBytes(StandardCharsets.UTF_8));
        PartnerKey found = null;
        for (int i = 0; i < s.keys().size(); i++) {
            if (MessageDigest.isEqual(digest, s.digests().get(i)) && found == null) {
                found = s.keys().get(i);
            }
        }
        return Optional.ofNullable(found);
    }

    private Snapshot current() {
        return snapshot;
    }

    private static byte[] digest(byte[] value) {
        return Hashes.sha256(value);
    }
}
