package dev.tarjim.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One page of one language's feed, as the store returned it: newest first.
 *
 * <p>The caller's order is kept. Withdrawn articles and repeats of an article id (a page boundary read twice)
 * are dropped here, so no feed ever shows an entry twice or a withdrawn one.
 *
 * @param language      BCP 47 language of the feed; every entry must be in it
 * @param entries       the entries of this page, newest first
 * @param updated       when the feed last changed (the feed version item's time); {@code null} to take the
 *                      newest {@code updated} of the entries (or the epoch for an empty feed), never the clock
 * @param pageToken     the token of this page, {@code null} for the first (newest) page
 * @param nextPageToken the token of the page of older entries, {@code null} when there are none
 * @param feedId        the feed's stable id as the store minted it, or {@code null} for one minted from the
 *                      configured tag authority
 */
public record FeedPage(String language, List<FeedEntry> entries, Instant updated, String pageToken,
                       String nextPageToken, String feedId) {

    /** A page whose feed id is minted from the configured tag authority. */
    public FeedPage(String language, List<FeedEntry> entries, Instant updated, String pageToken,
            String nextPageToken) {
        this(language, entries, updated, pageToken, nextPageToken, null);
    }

    public FeedPage {
        Objects.requireNonNull(language, "language");
        List<FeedEntry> kept = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        for (FeedEntry entry : entries) {
            if (!language.equals(entry.article().language())) {
                throw new IllegalArgumentException("entry " + entry.article().id() + " is in "
                        + entry.article().language() + ", not in the feed's language " + language);
            }
            if (!entry.article().withdrawn() && seen.add(entry.article().id())) {
                kept.add(entry);
            }
        }
        entries = List.copyOf(kept);
        if (updated == null) {
            updated = kept.stream().map(e -> e.article().updated()).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(Instant.EPOCH);
        }
    }

    /** The first page of a feed that has no older entries. */
    public static FeedPage single(String language, List<FeedEntry> entries, Instant updated) {
        return new FeedPage(language, entries, updated, null, null);
    }

    /** Whether this is the newest page. */
    public boolean isFirstPage() {
        return pageToken == null;
    }
}
