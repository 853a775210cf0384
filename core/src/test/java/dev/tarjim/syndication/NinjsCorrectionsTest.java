package dev.tarjim.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.article.Correction;
import dev.tarjim.article.StoredArticle;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Corrections reach partners as ninjs {@code ednote}, newest first, beside the machine-translation note. */
class NinjsCorrectionsTest {
    private final NinjsWriter writer = new NinjsWriter(URI.create("https://news.example.org/"));

    private static StoredArticle withCorrections(StoredArticle a, List<Correction> corrections) {
        return new StoredArticle(a.id(), a.language(), a.sourceLanguage(), a.title(), a.summary(), a.blocks(),
                a.author(), a.tags(), a.published(), a.updated(), a.revision(), a.sourceKey(), a.contentHash(),
                a.machineTranslated(), a.engine(), a.withdrawn(), a.slug(), a.canonicalUrl(), a.leadImage(), null,
                corrections);
    }

    @Test
    void original_withCorrections_ednoteListsThemNewestFirst() {
        ObjectNode n = writer.toNinjs(withCorrections(NinjsWriterTest.arabicOriginal(3, false), List.of(
                new Correction(Instant.parse("2026-03-03T09:00:00Z"), 3, "تصحيح الاسم"),
                new Correction(Instant.parse("2026-03-02T09:00:00Z"), 2, "تصحيح الرقم"))));

        assertThat(n.get("ednote").asText())
                .isEqualTo("Correction (2026-03-03): تصحيح الاسم\nCorrection (2026-03-02): تصحيح الرقم");
    }

    @Test
    void translation_withACorrection_ednoteHasTheCorrectionThenTheMachineNote() {
        ObjectNode n = writer.toNinjs(withCorrections(NinjsWriterTest.englishTranslation(2, false), List.of(
                new Correction(Instant.parse("2026-03-02T09:00:00Z"), 2, "The figure was corrected."))));

        assertThat(n.get("ednote").asText()).startsWith("Correction (2026-03-02): The figure was corrected.\n")
                .contains("Machine-translated from");
    }

    @Test
    void original_withoutCorrections_hasNoEdnote() {
        assertThat(writer.toNinjs(NinjsWriterTest.arabicOriginal(1, false)).has("ednote")).isFalse();
    }
}
