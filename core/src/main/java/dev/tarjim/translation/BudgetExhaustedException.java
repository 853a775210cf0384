package dev.tarjim.translation;

/** The engine call would cross the daily character cap: the language is deferred until budget returns. */
public final class BudgetExhaustedException extends RuntimeException {
    /** What the editor's report says of a deferred language. */
    public static final String REASON = "daily translation budget reached";

    private final long characters;

    public BudgetExhaustedException(long characters) {
        super(REASON + " (" + characters + " characters to send)");
        this.characters = characters;
    }

    /** The characters the refused call would have sent. */
    public long characters() {
        return characters;
    }
}
