package dev.tarjim.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of an upload's newest event, as the editor's report says it. Written and stored as its lower-case code. */
public enum UploadStatus {
    STORED, UNCHANGED, WITHDRAWN, FAILED,
    /** Stored and translated under an embargo: visible nowhere until it is released. */
    SCHEDULED,
    /** The upload is an image, stored as media (served at its media URL, referenced by articles beside it). */
    MEDIA;

    /** The code users see and the store holds: the name in lower case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a code. */
    @JsonCreator
    public static UploadStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code();
    }
}
