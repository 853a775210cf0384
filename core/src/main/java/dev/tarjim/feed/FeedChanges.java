package dev.tarjim.feed;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The feeds changed by the work of one event: the store records each language whose feed it changed (a new entry, an
 * update, a withdrawal, a release), and the function announces each changed feed once when the event's work is done.
 */
public final class FeedChanges {
    private final Set<String> languages = new TreeSet<>();
    private Instant last;

    /**
     * The languages changed since the last drain and the time of the latest change.
     *
     * @param languages  the changed languages, sorted
     * @param lastChange when the latest of those changes was written, or null when nothing changed
     */
    public record Batch(Set<String> languages, Instant lastChange) {
        public Batch {
            languages = Set.copyOf(languages);
        }

        public boolean isEmpty() {
            return languages.isEmpty();
        }
    }

    /** Records that a language's feed changed at the given time. */
    public synchronized void changed(String language, Instant at) {
        languages.add(language);
        if (last == null || at.isAfter(last)) {
            last = at;
        }
    }

    /** What changed since the last drain, and forgets it. */
    public synchronized Batch drain() {
        Batch batch = new Batch(new TreeSet<>(languages), last);
        languages.clear();
        last = null;
        return batch;
    }
}
