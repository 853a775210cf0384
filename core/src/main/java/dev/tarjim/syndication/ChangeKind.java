package dev.tarjim.syndication;

/** What happened to an article in one language. */
public enum ChangeKind {
    /** New, or a new revision (a re-upload or a new translation). */
    UPSERT("upsert"),
    /** The upload was deleted: partners must take the article down. */
    WITHDRAW("withdraw");

    private final String wire;

    ChangeKind(String wire) {
        this.wire = wire;
    }

    /** The value stored in the log item's {@code kind} attribute. */
    public String wire() {
        return wire;
    }

    static ChangeKind fromWire(String value) {
        for (ChangeKind k : values()) {
            if (k.wire.equals(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown change kind " + value);
    }
}
