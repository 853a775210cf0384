package dev.tarjim.article;

/**
 * Turns the bytes of one upload into a {@link ParsedArticle}, choosing the format by content, not only by name.
 *
 * <p>Implementations are thread-safe and stateless after construction.
 */
public interface ArticleParser {

    /**
     * Parses an upload.
     *
     * @param content the uploaded bytes (already size-checked by the caller)
     * @param key     the S3 key (decoded), used only as a hint for the format
     * @return the article, with at least a title and one paragraph
     * @throws UnsupportedUploadException when the upload is not an article Tarjim can read, with a reason for the editor
     */
    ParsedArticle parse(byte[] content, String key) throws UnsupportedUploadException;
}
