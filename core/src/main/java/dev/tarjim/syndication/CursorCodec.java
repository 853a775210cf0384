package dev.tarjim.syndication;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns cursors into opaque, signed tokens for partners and back, so partners cannot forge positions.
 *
 * <p>A token is base64url (no padding) of {@code "1|<lang>|<afterSeq>"} followed by its HMAC-SHA256 under a secret
 * from configuration. Decoding checks the MAC in constant time before reading anything else, then the language.
 * Rotating the secret invalidates every cursor in circulation (partners then restart from a position they kept,
 * or from the beginning).
 */
public final class CursorCodec {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final Pattern PAYLOAD = Pattern.compile("1\\|([A-Za-z0-9-]{1,35})\\|(0|[1-9][0-9]{0,18})");

    private final SecretKeySpec key;

    /**
     * @param secret the signing secret (at least 16 bytes; kept in configuration, never logged)
     */
    public CursorCodec(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the cursor secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** A codec for a secret given as text in configuration (its UTF-8 bytes are the key). */
    public static CursorCodec ofSecret(String secret) {
        return new CursorCodec(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The opaque token for a cursor. */
    public String encode(Cursor cursor) {
        byte[] payload = ("1|" + cursor.lang() + "|" + cursor.afterSeq()).getBytes(StandardCharsets.US_ASCII);
        byte[] mac = mac(payload);
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac, 0, token, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /**
     * The cursor a token stands for.
     *
     * @param expectedLang the language of the request: a cursor issued for another language is refused
     * @throws InvalidCursorException when the token is garbage, truncated, tampered with or of another language
     */
    public Cursor decode(String token, String expectedLang) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            throw new InvalidCursorException("malformed cursor");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("malformed cursor");
        }
        if (raw.length <= MAC_BYTES) {
            throw new InvalidCursorException("malformed cursor");
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - MAC_BYTES);
        byte[] given = Arrays.copyOfRange(raw, raw.length - MAC_BYTES, raw.length);
        if (!MessageDigest.isEqual(mac(payload), given)) {
            throw new InvalidCursorException("cursor signature does not match: it was not issued by this service");
        }
        Matcher m = PAYLOAD.matcher(new String(payload, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            // Signed by us but unreadable: a format this version does not know.
            throw new InvalidCursorException("unsupported cursor format");
        }
        if (!m.group(1).equals(expectedLang)) {
            throw new InvalidCursorException("cursor belongs to language " + m.group(1) + ", not " + expectedLang);
        }
        return new Cursor(m.group(1), Long.parseLong(m.group(2)));
    }

    private byte[] mac(byte[] payload) {
        try {
            // Mac instances are not thread-safe; creating one per call is cheap next to a DynamoDB round trip.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
