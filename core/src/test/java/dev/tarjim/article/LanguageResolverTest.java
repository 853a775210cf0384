package dev.tarjim.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageResolverTest {

    private final LanguageResolver resolver = LanguageResolver.standard();

    private static ParsedArticle article(String declared, String... paragraphs) {
        return new ParsedArticle("text", "Title", null, List.of(paragraphs), null, List.of(), null, declared, null,
                null);
    }

    @ParameterizedTest
    @CsvSource({"ara,ar", "Arabic,ar", "AR,ar", "ar-EG,ar", "en_US,en", "English,en", "zh-Hans,zh", "chi,zh",
            "fre,fr", "fra,fr", "العربية,ar", "中文,zh", "Español,es", "pt-BR,pt", "he,he", "iw,he"})
    void normalise_commonSpellings_toBcp47(String declared, String expected) {
        assertThat(LanguageTags.normalise(declared)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"xx", "qqq", "klingonish", "e", "123"})
    void normalise_nonLanguages_isEmpty(String declared) {
        assertThat(LanguageTags.normalise(declared)).isEmpty();
    }

    @Test
    void contradiction_declaredAgainstTheText_isAWarning_agreementIsNot() throws Exception {
        ParsedArticle mislabelled = article("ar", "The president sent a letter to the meeting of the two parties.");
        assertThat(resolver.contradiction(mislabelled, resolver.resolve(mislabelled)))
                .hasValueSatisfying(w -> assertThat(w).contains("lang: ar").contains("reads as en"));
        ParsedArticle right = article("en", "The president sent a letter to the meeting of the two parties.");
        assertThat(resolver.contradiction(right, resolver.resolve(right))).isEmpty();
        ParsedArticle undeclared = article(null, "The president sent a letter to the meeting of the two parties.");
        assertThat(resolver.contradiction(undeclared, resolver.resolve(undeclared))).isEmpty();
    }

    @Test
    void resolve_declaredLanguage_winsOverDetection() throws Exception {
        assertThat(resolver.resolve(article("ara", "The president sent a letter to the meeting of the parties.")))
                .isEqualTo("ar");
    }

    @Test
    void resolve_noDeclaration_detectsFromBody() throws Exception {
        assertThat(resolver.resolve(article(null, "Le président a adressé une lettre de félicitations à la réunion.")))
                .isEqualTo("fr");
    }

    @Test
    void resolve_invalidDeclaration_isRefused() {
        assertThatThrownBy(() -> resolver.resolve(article("elvish", "Some text that is English.")))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageContaining("'elvish' is not a language");
    }

    @Test
    void resolve_undetectable_asksToDeclare() {
        LanguageResolver never = new LanguageResolver(text -> Optional.empty());

        assertThatThrownBy(() -> never.resolve(article(null, "Xi Jinping")))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessage("Could not detect the language; declare it with lang: in front matter");
    }

    @Test
    void resolve_seed_isArabic() throws Exception {
        ParsedArticle seed = ContentParser.standard().parse(Uploads.resource("000_eb83513c9fa28be5.txt"), "seed.txt");

        assertThat(resolver.resolve(seed)).isEqualTo("ar");
    }
}
