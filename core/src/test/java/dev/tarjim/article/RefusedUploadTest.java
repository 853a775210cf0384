package dev.tarjim.article;

import static dev.tarjim.article.Uploads.parse;
import static dev.tarjim.article.Uploads.utf8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RefusedUploadTest {

    static Object[][] binaries() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(utf8("Headline\n\nBody."));
        }
        return new Object[][] {
            {bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0), "This is a PNG image, not an article"},
            {bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'), "This is a JPEG image, not an article"},
            {utf8("GIF89a......"), "This is a GIF image, not an article"},
            {utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "This is a PDF document, not an article"},
            {bytes('P', 'K', 3, 4, 20, 0, 6, 0), "This is a ZIP archive"},
            {gz.toByteArray(), "This is a gzip-compressed file, not an article"},
            {bytes('a', 'b', 0, 'c', 'd'), "This is a binary file, not an article"},
        };
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void parse_binaryContent_namesTheDetectedType(byte[] content, String reason) {
        assertThatThrownBy(() -> parse(content, "incoming/article.txt"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageStartingWith(reason);
    }

    static Object[][] emptyFiles() {
        return new Object[][] {{new byte[0]}, {utf8("   \n\n\t  \r\n")}};
    }

    @ParameterizedTest
    @MethodSource("emptyFiles")
    void parse_emptyOrBlankFile_isRefusedAsEmpty(byte[] content) {
        assertThatThrownBy(() -> parse(content, "incoming/empty.txt"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageStartingWith("The file is empty");
    }

    @Test
    void parse_latin1Bytes_isRefusedAsNotUtf8() {
        byte[] latin1 = "Café crème\n\nLe café est servi.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> parse(latin1, "incoming/cafe.txt"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessage("The file is not valid UTF-8 text (invalid byte at offset 3): save it as UTF-8");
    }

    static java.util.stream.Stream<Arguments> noTitleOrBody() {
        return java.util.stream.Stream.of(
                // An HTML page with a body but no title gets its first sentence as title (HtmlParsingTest).
                Arguments.of("<html><body><p> </p><img src=x></body></html>", "a.html", "No title found"),
                Arguments.of("---\nlang: en\n---\n```\n\n```\n", "a.md", "No title found"),
                Arguments.of("{\"headline\": \"A headline only\"}", "a.json", "No body paragraphs found"),
                Arguments.of("A headline alone\n\nLeave a reply\n\n0\n", "a.txt", "No body paragraphs found"));
    }

    @ParameterizedTest
    @MethodSource("noTitleOrBody")
    void parse_missingTitleOrBody_saysWhichIsMissing(String text, String key, String reason) {
        assertThatThrownBy(() -> parse(text, "incoming/" + key))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    void parse_tooManyParagraphs_isRefusedWithTheLimit() {
        String text = "Headline\n\n" + "A paragraph.\n".repeat(6);
        ContentParser parser = new ContentParser(new ParseLimits(5, 1_000, 65_536));

        assertThatThrownBy(() -> parser.parse(utf8(text), "incoming/long.txt"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessage("The article has 6 blocks (paragraphs, headings, lists...); the limit is 5");
    }

    @Test
    void parse_titleOverTheLimit_isRefusedWithTheLimit() {
        String text = "x".repeat(1_001) + "\n\nBody paragraph.";

        assertThatThrownBy(() -> parse(text, "incoming/long-title.txt"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageStartingWith("The title is 1001 characters long; the limit is 1000");
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
