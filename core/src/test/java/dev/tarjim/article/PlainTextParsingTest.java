package dev.tarjim.article;

import static dev.tarjim.article.Uploads.parse;
import static dev.tarjim.article.Uploads.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainTextParsingTest {

    private static final String SEED = "000_eb83513c9fa28be5.txt";

    @Test
    void parse_seed_titleIsTheHeadlineNotTheSiteName() throws Exception {
        ParsedArticle article = parse(resource(SEED), "incoming/" + SEED);

        assertThat(article.format()).isEqualTo("text");
        assertThat(article.title()).isEqualTo(
                "شي وبوتين يرسلان خطابي تهنئة إلى الاجتماع الثامن لآلية الحوار الصينية-الروسية بين الحزبين الحاكمين");
    }

    /**
     * The seed has ten body lines between "أرسل الرئيس الصيني" and "...الشاملة." (issue 3 says eleven; the file has
     * ten, one paragraph per line, and every one of them is kept).
     */
    @Test
    void parse_seed_bodyIsEveryParagraphFromFirstToLast() throws Exception {
        ParsedArticle article = parse(resource(SEED), "incoming/" + SEED);
        long bodyLines = new String(resource(SEED), StandardCharsets.UTF_8).lines()
                .dropWhile(l -> !l.startsWith("أرسل الرئيس الصيني"))
                .takeWhile(l -> !l.isBlank())
                .count();

        assertThat(article.paragraphs()).hasSize((int) bodyLines).hasSize(10);
        assertThat(article.paragraphs().get(0)).isEqualTo("أرسل الرئيس الصيني شي جين بينغ والرئيس الروسي فلاديمير "
                + "بوتين، اليوم (الخميس)، خطابي تهنئة إلى الاجتماع الثامن لآلية الحوار بين الحزبين الحاكمين في الصين "
                + "وروسيا، الذي عقد عبر رابط فيديو.");
        assertThat(article.paragraphs().get(article.paragraphs().size() - 1)).isEqualTo("وأعرب بوتين عن ايمانه بأن "
                + "الاجتماع سيشهد مناقشات غنية ومفيدة، وسيطرح أفكارا ومبادرات جديدة، وسيوطد شراكة التنسيق الاستراتيجية "
                + "الروسية-الصينية الشاملة.");
    }

    @Test
    void parse_seed_dropsSiteNameCounterAndCommentForm() throws Exception {
        ParsedArticle article = parse(resource(SEED), "incoming/" + SEED);

        assertThat(article.paragraphs()).doesNotContain("0", "اترك رد", "لن يتم نشر عنوان بريدك الإلكتروني.",
                "موقع متخصص بالشؤون الصينية");
        assertThat(String.join("\n", article.paragraphs())).doesNotContain("بريدك", "اترك");
        assertThat(article.summary()).startsWith("أرسل الرئيس الصيني").endsWith("فيديو.");
        assertThat(article.declaredLanguage()).isNull();
    }

    @Test
    void parse_englishWordpressPaste_dropsFurnitureAndComments() throws Exception {
        String text = """
                Riverside News

                City council approves new cycling lanes after two-year debate

                By Jane Porter

                3 Comments

                The city council voted on Tuesday to build a network of protected cycling lanes.
                Some shop owners said they feared losing customers.
                Share this:
                Tags: transport, council

                Related posts

                Bus fares to rise in April

                Leave a Reply

                Your email address will not be published. Required fields are marked *
                """;

        ParsedArticle article = parse(text, "incoming/cycling.txt");

        assertThat(article.title()).isEqualTo("City council approves new cycling lanes after two-year debate");
        assertThat(article.author()).isEqualTo("Jane Porter");
        assertThat(article.paragraphs()).containsExactly(
                "The city council voted on Tuesday to build a network of protected cycling lanes.",
                "Some shop owners said they feared losing customers.");
    }

    @Test
    void parse_firstLineIsARealHeadline_keepsIt() throws Exception {
        String text = "Floods close the northern motorway\n\nHeavy rain closed the motorway on Sunday night.\n"
                + "Drivers were told to avoid the area.\n";

        ParsedArticle article = parse(text, "incoming/floods.txt");

        assertThat(article.title()).isEqualTo("Floods close the northern motorway");
        assertThat(article.paragraphs()).hasSize(2);
    }

    @Test
    void parse_hardWrappedBlock_joinsIntoOneParagraph() throws Exception {
        String text = """
                Glacier melting faster than expected

                A study published on Monday shows that the glacier is melting twice
                as fast as it did in the 1990s, according to researchers who combined
                drone flights with thirty years of satellite images of the valley.

                The team will return in the autumn.
                """;

        ParsedArticle article = parse(text, "incoming/glacier.txt");

        assertThat(article.paragraphs()).hasSize(2);
        assertThat(article.paragraphs().get(0)).startsWith("A study").contains("twice as fast").endsWith("valley.");
    }

    @Test
    void parse_bidiAndControlCharacters_areStripped() throws Exception {
        String text = "Title \u202Egnirts\u202C with override\u0007\n\nBody \u2066isolated\u2069 text\u0000 here.\tTabbed.\n";

        ParsedArticle article = parse(text.replace("\u0000", "\u0001"), "incoming/bidi.txt");

        assertThat(article.title()).isEqualTo("Title gnirts with override");
        assertThat(article.paragraphs()).containsExactly("Body isolated text here. Tabbed.");
        assertThat(article.title() + article.paragraphs()).doesNotContain("\u202E", "\u202C", "\u2066", "\u2069");
    }

    @Test
    void parse_utf16WithBom_isDecoded() throws Exception {
        String text = "\uFEFFعنوان المقال\n\nهذه فقرة أولى من المقال.\n";

        ParsedArticle le = parse(text.getBytes(StandardCharsets.UTF_16LE), "incoming/a.txt");
        ParsedArticle be = parse(text.getBytes(StandardCharsets.UTF_16BE), "incoming/a.txt");

        assertThat(le.title()).isEqualTo("عنوان المقال");
        assertThat(le.paragraphs()).containsExactly("هذه فقرة أولى من المقال.");
        assertThat(be).isEqualTo(le);
    }

    @Test
    void parse_utf8Bom_isIgnored() throws Exception {
        byte[] body = "Headline here\n\nFirst paragraph.".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        assertThat(parse(withBom, "incoming/a.txt").title()).isEqualTo("Headline here");
    }

    @Test
    void parse_longFirstParagraph_summaryIsCutAtAWord() throws Exception {
        String sentence = "The council discussed the budget for the coming year in great detail. ";
        String text = "Budget debate\n\n" + sentence.repeat(10) + "\n";

        ParsedArticle article = parse(text, "incoming/budget.txt");

        assertThat(article.summary()).endsWith("…").hasSizeLessThanOrEqualTo(301);
        assertThat(article.summary().substring(0, article.summary().length() - 1))
                .isEqualTo(article.paragraphs().get(0).substring(0, article.summary().length() - 1));
        assertThat(article.paragraphs().get(0).charAt(article.summary().length() - 1)).isEqualTo(' ');
    }
}
