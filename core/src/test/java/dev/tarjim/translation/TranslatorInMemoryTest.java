package dev.tarjim.translation;

/** The translator with the in-memory translation memory. */
class TranslatorInMemoryTest extends TranslatorContract {
    @Override
    TranslationMemory newMemory() {
        return new InMemoryTranslationMemory();
    }
}
