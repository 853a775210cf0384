package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerKeysTest {
    @TempDir
    Path dir;

    @Test
    void load_missingFile_createsOnePrivateRandomKey() throws Exception {
        Path file = dir.resolve("partner-keys.json");

        PartnerKeys keys = PartnerKeys.load(file);

        assertThat(keys.all()).singleElement().satisfies(k -> {
            assertThat(k.id()).isEqualTo("demo");
            assertThat(k.key()).matches("[A-Za-z0-9]{40}");
            assertThat(k.languages()).containsExactly("en", "es");
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PartnerKeys.load(dir.resolve("other.json")).all().get(0).key())
                .isNotEqualTo(keys.all().get(0).key());
    }

    @Test
    void match_rightKey_findsItsPartner_wrongOrMissingKey_findsNone() throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, """
                {"keys":[{"id":"a","key":"alpha-key-0123456789","languages":["en"]},
                         {"id":"b","key":"beta-key-0123456789","languages":["es","ca"]}]}""");
        PartnerKeys keys = PartnerKeys.load(file);

        assertThat(keys.match("beta-key-0123456789")).hasValueSatisfying(k -> assertThat(k.id()).isEqualTo("b"));
        assertThat(keys.match("beta-key-012345678")).isEmpty();
        assertThat(keys.match("beta-key-01234567890")).isEmpty();
        assertThat(keys.match("")).isEmpty();
        assertThat(keys.match(null)).isEmpty();
    }

    @Test
    void reload_fileEdited_seesNewKeyWithoutRestart() throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, "{\"keys\":[{\"id\":\"a\",\"key\":\"first-key-0123456789\",\"languages\":[]}]}");
        PartnerKeys keys = PartnerKeys.load(file);
        assertThat(keys.reload()).isInstanceOf(PartnerKeys.Reload.Unchanged.class);

        Files.writeString(file, "{\"keys\":[{\"id\":\"z\",\"key\":\"second-key-0123456789\",\"languages\":[]}]}");

        assertThat(keys.reload()).isInstanceOfSatisfying(PartnerKeys.Reload.Changed.class, c -> {
            assertThat(c.previous()).extracting(PartnerKeys.PartnerKey::id).containsExactly("a");
            assertThat(c.current()).extracting(PartnerKeys.PartnerKey::id).containsExactly("z");
        });
        assertThat(keys.match("second-key-0123456789")).isPresent();
        assertThat(keys.match("first-key-0123456789")).isEmpty();
    }

    @Test
    void reload_malformedFile_keepsLastGoodKeys_andNeverQuotesTheFile() throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, "{\"keys\":[{\"id\":\"a\",\"key\":\"first-key-0123456789\",\"languages\":[\"en\"]}]}");
        PartnerKeys keys = PartnerKeys.load(file);

        Files.writeString(file, "{\"keys\":[{\"id\":\"a\",\"key\":secret-typo-0123456789,\"languages\":[\"en\"]}]}");
        PartnerKeys.Reload refused = keys.reload();
        Files.writeString(file, "{\"keys\":[{\"id\":\"b\",\"key\":\"other-key-0123456789\"}]}");
        PartnerKeys.Reload noLanguages = keys.reload();

        assertThat(refused).isInstanceOfSatisfying(PartnerKeys.Reload.Refused.class, r ->
                assertThat(r.reason()).contains("not valid JSON", "line 1").doesNotContain("secret-typo"));
        assertThat(noLanguages).isInstanceOfSatisfying(PartnerKeys.Reload.Refused.class, r ->
                assertThat(r.reason()).contains("languages"));
        assertThat(keys.match("first-key-0123456789")).isPresent();
        assertThat(keys.match("other-key-0123456789")).isEmpty();
    }

    @Test
    void toString_neverShowsTheSecret() {
        PartnerKeys.PartnerKey key = new PartnerKeys.PartnerKey("demo", "s3cr3t-value-0123456789", java.util.List.of());

        assertThat(key.toString()).contains("demo").doesNotContain("s3cr3t");
    }
}
