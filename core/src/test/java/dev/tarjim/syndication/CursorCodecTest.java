package dev.tarjim.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
    private final CursorCodec codec = CursorCodec.ofSecret("a test secret of enough length");

    @Test
    void decode_ofEncoded_givesTheSameCursor() {
        Cursor c = new Cursor("ar", 123_456_789_012L);
        assertThat(codec.decode(codec.encode(c), "ar")).isEqualTo(c);
    }

    @Test
    void encode_isOpaqueUrlSafeText() {
        String token = codec.encode(new Cursor("en", 42));
        assertThat(token).matches("[A-Za-z0-9_-]+").doesNotContain("42");
    }

    @Test
    void decode_tamperedToken_isRefused() {
        String token = codec.encode(new Cursor("en", 42));
        for (int i = 0; i < token.length(); i++) {
            char[] chars = token.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            String tampered = new String(chars);
            if (!tampered.equals(token)) {
                assertThatThrownBy(() -> codec.decode(tampered, "en"))
                        .as("position %d", i).isInstanceOf(InvalidCursorException.class);
            }
        }
    }

    @Test
    void decode_forgedPositionWithoutTheSecret_isRefused() {
        String token = codec.encode(new Cursor("en", 1));
        byte[] raw = Base64.getUrlDecoder().decode(token);
        byte[] forged = ("1|en|9" + new String(raw, StandardCharsets.ISO_8859_1).substring(6))
                .getBytes(StandardCharsets.ISO_8859_1);
        String forgedToken = Base64.getUrlEncoder().withoutPadding().encodeToString(forged);
        assertThatThrownBy(() -> codec.decode(forgedToken, "en"))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("signature");
    }

    @Test
    void decode_truncatedToken_isRefused() {
        String token = codec.encode(new Cursor("en", 42));
        assertThatThrownBy(() -> codec.decode(token.substring(0, token.length() - 3), "en"))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> codec.decode(token.substring(0, 10), "en"))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void decode_garbage_isRefused() {
        for (String garbage : new String[] {"", "x", "!!!not base64!!!", "eyJsYW5nIjoiZW4ifQ", "A".repeat(500)}) {
            assertThatThrownBy(() -> codec.decode(garbage, "en")).as(garbage)
                    .isInstanceOf(InvalidCursorException.class);
        }
    }

    @Test
    void decode_cursorOfAnotherLanguage_isRefused() {
        String arabic = codec.encode(new Cursor("ar", 7));
        assertThatThrownBy(() -> codec.decode(arabic, "en"))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("ar");
    }

    @Test
    void decode_tokenSignedWithAnotherSecret_isRefused() {
        String other = CursorCodec.ofSecret("another secret, also long enough").encode(new Cursor("en", 7));
        assertThatThrownBy(() -> codec.decode(other, "en")).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void constructor_shortSecret_isRefused() {
        assertThatThrownBy(() -> CursorCodec.ofSecret("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
