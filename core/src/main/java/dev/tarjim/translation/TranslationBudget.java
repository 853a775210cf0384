package dev.tarjim.translation;

/**
 * The daily cap on characters sent to the translation engine ({@code TRANSLATION_DAILY_CHARACTERS}). Characters
 * are reserved before each engine call, all or nothing, so concurrent ingests can never overspend the cap together.
 * The DynamoDB adapter is {@code dev.tarjim.store.DynamoTranslationBudget}.
 */
public interface TranslationBudget {

    /**
     * Reserves characters from the current UTC day's budget, all or nothing.
     *
     * @return whether they were reserved; {@code false} when they would cross the cap (nothing is reserved)
     */
    boolean reserve(long characters);

    /** Whether any character is left today (what the release of deferred translations checks first). */
    boolean available();

    /** No cap. */
    static TranslationBudget unlimited() {
        return new TranslationBudget() {
            @Override
            public boolean reserve(long characters) {
                return true;
            }

            @Override
            public boolean available() {
                return true;
            }
        };
    }
}
