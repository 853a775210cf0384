package dev.tarjim.syndication;

import dev.tarjim.support.Hashes;
import java.util.List;

/**
 * One page of a language's change log, oldest first.
 *
 * @param from    the position the page was read after
 * @param changes the changes on this page (at most the requested limit)
 * @param next    the position to ask for next; equal to {@code from} when nothing is new
 * @param hasMore whether more changes can be read right now (false: caught up, poll later)
 */
public record ChangesPage(Cursor from, List<Change> changes, Cursor next, boolean hasMore) {
    public ChangesPage {
        changes = List.copyOf(changes);
    }

    /**
     * An opaque validator (unquoted) for the page's entries: language, both positions and each entry's sequence and revision.
     *
     * <p>It identifies which log entries the page holds. A rendered page also shows each article's current version,
     * so an API that renders content should tag the rendered body (see {@link Syndication.ChangesResponse#etag()});
     * for an empty page both tags are equally stable.
     */
    public String etag() {
        StringBuilder s = new StringBuilder(from.lang()).append('|').append(from.afterSeq()).append('|')
                .append(next.afterSeq()).append('|').append(hasMore);
        for (Change c : changes) {
            s.append('|').append(c.seq()).append(':').append(c.revision());
        }
        return digest(s.toString());
    }

    /** An opaque validator of a text: HTTP quotes it (the API's one entity-tag writer), the domain does not. */
    static String digest(String text) {
        return Hashes.sha256Prefix(text, 16);
    }
}
