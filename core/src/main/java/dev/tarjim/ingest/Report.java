package dev.tarjim.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tarjim.article.ArticleState;
import dev.tarjim.article.UploadStatus;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.media.MediaItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The editor's report on an upload: written to {@code reports/<upload key>.json} and served live at
 * {@code /articles/{id}/status}. Built from the article's state only, so both always say the same. Every field is
 * always present (null when unknown), so editors' tools can rely on the shape.
 *
 * @param status         {@code stored}, {@code unchanged}, {@code withdrawn}, {@code failed}, {@code scheduled} or
 *                       {@code media}
 * @param articleId      the article id
 * @param uploadKey      the upload's S3 key
 * @param sourceLanguage the original's language (BCP 47), or {@code null} when nothing was ever stored
 * @param title          the live title, or {@code null}
 * @param revision       the live revision (0: nothing stored)
 * @param errors         readable reasons why the newest upload failed; empty otherwise
 * @param languages      per-language status of the live revision, source language included
 * @param updatedAt      when the state was last written
 * @param warnings       what the editor should check about the live revision (stored nonetheless)
 * @param translationOf  for a reviewed translation's upload: the source article id and the language it reviews,
 *                       else {@code null}
 * @param embargo        when a {@code scheduled} revision is released, else {@code null}
 * @param url            where the image is served when the upload is one ({@code media}), else {@code null}
 * @param width          the image's width in pixels, else {@code null}
 * @param height         the image's height in pixels, else {@code null}
 * @param bytes          the image's size in bytes, else {@code null}
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
        ArticleState.TranslationOf translationOf,
        Instant embargo,
        String url,
        Integer width,
        Integer height,
        Long bytes,
        long characters) {

    /** The report that tells what the state says. */
    public static Report of(ArticleState state) {
        MediaItem media = state.withdrawn() ? null : state.media();
        return new Report(state.status(), state.id(), state.uploadKey(), state.sourceLanguage(), state.title(),
                state.revision(), state.errors(), new TreeMap<>(state.languages()), state.updatedAt(),
                state.warnings(), state.translationOf(), state.embargo(), media == null ? null : media.url(),
                media == null ? null : media.width(), media == null ? null : media.height(),
                media == null ? null : media.bytes(),
                state.languages().values().stream().mapToLong(LanguageStatus::characters).sum());
    }
}
