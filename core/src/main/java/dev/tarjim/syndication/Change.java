package dev.tarjim.syndication;

import java.time.Instant;

/**
 * One entry of a language's change log: "article {@code articleId} changed at revision {@code revision}".
 *
 * <p>The entry carries no content: the API renders the article's current version, so a partner always receives
 * the latest text (and {@code canceled} once it is withdrawn), whichever entry made it look.
 *
 * @param lang      BCP 47 language of the log
 * @param seq       position in that log (1, 2, ...; gap-free once voids are counted)
 * @param articleId the article id
 * @param revision  revision of the original this change belongs to
 * @param kind      upsert or withdrawal
 * @param at        when the change was appended
 */
public record Change(String lang, long seq, String articleId, long revision, ChangeKind kind, Instant at) {
}
