package dev.tarjim.article;

import dev.tarjim.media.MediaItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What became of the upload behind one article: the newest event applied, the live revision and every language's
 * status. This is the editor's report, live.
 *
 * @param id             the article id
 * @param uploadKey      the S3 key of the upload
 * @param sequencer      the S3 sequencer of the newest event applied (normalised, see {@code store.Sequencers})
 * @param status         outcome of that event: stored, unchanged, withdrawn or failed
 * @param revision       the live revision (0 when no upload was ever stored)
 * @param contentHash    SHA-256 of the live revision's bytes, or {@code null}
 * @param sourceLanguage BCP 47 language of the original, or {@code null}
 * @param title          the live title, or {@code null}
 * @param format         the parser that read the live revision
 * @param errors         readable reasons of the newest event, empty unless it failed
 * @param languages      per-language status, the source language included
 * @param targets        target languages of the live revision
 * @param updatedAt      when this state was written
 * @param warnings       things the editor should check about the live revision (it was stored nonetheless)
 * @param translationOf  for an editor's reviewed translation: the source article and language it reviews, else
 *                       {@code null}
 * @param embargo        when the live revision is {@link UploadStatus#SCHEDULED}: the time it is released, else
 *                       {@code null}
 * @param media          the stored image when the upload is one ({@code status} {@code media}), else {@code null}
 */
public record ArticleState(
        String id,
        String uploadKey,
        String sequencer,
        UploadStatus status,
        long revision,
        String contentHash,
        String sourceLanguage,
        String title,
        String format,
        List<String> errors,
        Map<String, LanguageStatus> languages,
        List<String> targets,
        Instant updatedAt,
        List<String> warnings,
        TranslationOf translationOf,
        Instant embargo,
        MediaItem media) {

    /**
     * What a reviewed-translation upload applies to.
     *
     * @param articleId the source article's id
     * @param language  the language it is the reviewed translation into
     */
    public record TranslationOf(String articleId, String language) {
    }

    public ArticleState {
        errors = errors == null ? List.of() : List.copyOf(errors);
        languages = languages == null ? Map.of() : Map.copyOf(languages);
        targets = targets == null ? List.of() : List.copyOf(targets);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The state of a reviewed-translation upload (never embargoed, never an image). */
    public ArticleState(String id, String uploadKey, String sequencer, UploadStatus status, long revision,
            String contentHash, String sourceLanguage, String title, String format, List<String> errors,
            Map<String, LanguageStatus> languages, List<String> targets, Instant updatedAt, List<String> warnings,
            TranslationOf translationOf) {
        this(id, uploadKey, sequencer, status, revision, contentHash, sourceLanguage, title, format, errors,
                languages, targets, updatedAt, warnings, translationOf, null, null);
    }

    /** The state of an article upload (not a reviewed translation), embargoed or not. */
    public ArticleState(String id, String uploadKey, String sequencer, UploadStatus status, long revision,
            String contentHash, String sourceLanguage, String title, String format, List<String> errors,
            Map<String, LanguageStatus> languages, List<String> targets, Instant updatedAt, List<String> warnings,
            Instant embargo) {
        this(id, uploadKey, sequencer, status, revision, contentHash, sourceLanguage, title, format, errors,
                languages, targets, updatedAt, warnings, null, embargo, null);
    }

    /** The state of an image upload. */
    public ArticleState(String id, String uploadKey, String sequencer, UploadStatus status, long revision,
            String contentHash, String sourceLanguage, String title, String format, List<String> errors,
            Map<String, LanguageStatus> languages, List<String> targets, Instant updatedAt, List<String> warnings,
            MediaItem media) {
        this(id, uploadKey, sequencer, status, revision, contentHash, sourceLanguage, title, format, errors,
                languages, targets, updatedAt, warnings, null, null, media);
    }

    /** The state of an article upload: a reviewed translation or not, embargoed or not. */
    public ArticleState(String id, String uploadKey, String sequencer, UploadStatus status, long revision,
            String contentHash, String sourceLanguage, String title, String format, List<String> errors,
            Map<String, LanguageStatus> languages, List<String> targets, Instant updatedAt, List<String> warnings,
            TranslationOf translationOf, Instant embargo) {
        this(id, uploadKey, sequencer, status, revision, contentHash, sourceLanguage, title, format, errors,
                languages, targets, updatedAt, warnings, translationOf, embargo, null);
    }

    /** The state of an upload that is neither a reviewed translation, nor embargoed, nor an image. */
    public ArticleState(String id, String uploadKey, String sequencer, UploadStatus status, long revision,
            String contentHash, String sourceLanguage, String title, String format, List<String> errors,
            Map<String, LanguageStatus> languages, List<String> targets, Instant updatedAt, List<String> warnings) {
        this(id, uploadKey, sequencer, status, revision, contentHash, sourceLanguage, title, format, errors,
                languages, targets, updatedAt, warnings, null, null, null);
    }

    /** A state without warnings. */
    public ArticleState(String id, String uploadKey, String sequencer, UploadStatus status, long revision,
            String contentHash, String sourceLanguage, String title, String format, List<String> errors,
            Map<String, LanguageStatus> languages, List<String> targets, Instant updatedAt) {
        this(id, uploadKey, sequencer, status, revision, contentHash, sourceLanguage, title, format, errors,
                languages, targets, updatedAt, List.of(), null, null, null);
    }

    /** Whether the live revision waits for its embargo: stored and translated, visible nowhere. */
    public boolean scheduled() {
        return status == UploadStatus.SCHEDULED;
    }

    /** Whether the article is currently withdrawn (its upload was deleted). */
    public boolean withdrawn() {
        return status == UploadStatus.WITHDRAWN;
    }
}
