package dev.tarjim.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test uploads: resources under {@code /article/} and inline text. */
final class Uploads {

    private Uploads() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Uploads.class.getResourceAsStream("/article/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static ParsedArticle parse(byte[] content, String key) throws UnsupportedUploadException {
        return ContentParser.standard().parse(content, key);
    }

    static ParsedArticle parse(String text, String key) throws UnsupportedUploadException {
        return parse(utf8(text), key);
    }
}
