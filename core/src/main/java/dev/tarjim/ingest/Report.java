package dev.tarjim.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tarjim.article.ArticleState;
import dev.tarjim.article.UploadStatus;
import dev.tarjim.article.LanguageStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The editor's report on an upload: written to {@code reports/<upload key>.json} and served live at
 * {@code /articles/{id}/status}. Built from the article's state only, so both always say the same. Every field is
 * always present (null when unknown), so editors' tools can rely on the shape.
 *
 * @param status         {@code stored}, {@code unchanged}, {@code withdrawn} or {@code failed}
 * @param articleId      the article id
 * @param uploadKey      the upload's S3 key
 * @param sourceLanguage the original's language (BCP 47), or {@code null} when nothing was ever stored
 * @param title          the live title, or {@code null}
 * @param revision       the live revision (0: nothing stored)
 * @param errors         readable reasons why the newest upload failed; empty otherwise
 * @param languages      per-language status of the live revision, source language included
 * @param updatedAt      when the state was last written
 * @param warnings       what the editor should check about the live revision (stored nonetheless)
 * @param characters     characters sent to the translation engine for the languages listed (the sum of their
 *                       {@code characters}; translation-memory hits excluded)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Report(
        UploadStatus status,
        String articleId,
        String uploadKey,
        String sourceLanguage,
        String title,
        long revision,
        List<String> errors,
        Map<String, LanguageStatus> languages,
        Instant updatedAt,
        List<String> warnings,
        long characters) {

    /** The report that tells what the state says. */
    public static Report of(ArticleState state) {
        return new Report(state.status(), state.id(), state.uploadKey(), state.sourceLanguage(), state.title(),
                state.revision(), state.errors(), new TreeMap<>(state.languages()), state.updatedAt(),
                state.warnings(),
                state.languages().values().stream().mapToLong(LanguageStatus::characters).sum());
    }
}
