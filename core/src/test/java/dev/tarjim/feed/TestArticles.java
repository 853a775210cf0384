package dev.tarjim.feed;

import dev.tarjim.article.Block;
import dev.tarjim.article.Inline;
import dev.tarjim.article.StoredArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed articles and times for feed and syndication tests: the seed's Arabic article, its translations, rich
 * articles with every kind of block, and hostile uploads.
 */
public final class TestArticles {

    static final FeedSettings SETTINGS = new FeedSettings("http://127.0.0.1:3000/", "tarjim.dev,2026", "Tarjim");
    static final Instant PUBLISHED = Instant.parse("2026-03-01T08:30:00Z");
    static final Instant UPDATED = Instant.parse("2026-03-01T09:15:00Z");

    static final String SEED_ID = "eb83513c9fa28be5";

    private TestArticles() {
    }

    /** The seed's two paragraphs, as its pages and feeds must show them. */
    static final List<String> SEED_PARAGRAPHS = List.of(
            "بعث الرئيس الصيني شي جين بينغ برسالة تهنئة إلى الاجتماع الثامن لآلية الحوار.",
            "وقال شي في رسالته إن العلاقات الصينية الروسية تمر بأفضل مراحلها.");

    /** The seed as its editor wrote it, in Arabic. */
    static StoredArticle arabicOriginal() {
        return new StoredArticle(SEED_ID, "ar", "ar",
                "شي وبوتين يبعثان برسالتي تهنئة إلى الاجتماع الثامن لحوار الحزبين الحاكمين في الصين وروسيا",
                "بعث الرئيس الصيني شي جين بينغ برسالة تهنئة إلى الاجتماع الثامن.",
                SEED_PARAGRAPHS,
                "شؤون صينية", List.of("الصين", "روسيا"), PUBLISHED, UPDATED, 2, "incoming/seed.txt", "abc123",
                false, null, false, null);
    }

    /** A machine translation of an English original into Spanish. */
    static StoredArticle spanishTranslation() {
        return new StoredArticle("a1b2c3", "es", "en", "El presidente envió una carta",
                "El presidente envió una carta.", List.of("El presidente envió una carta.", "Fue leída ayer."),
                null, List.of("politics"), Instant.parse("2026-02-27T10:00:00Z"),
                Instant.parse("2026-02-28T11:00:00Z"), 1, "incoming/letter.md", "def456", true, "apertium 3.8",
                false, "letter");
    }

    /** An Arabic machine translation of an English original (RTL text, LTR note). */
    static StoredArticle arabicTranslation() {
        return new StoredArticle("a1b2c3", "ar", "en", "الرئيس أرسل رسالة", null,
                List.of("أرسل الرئيس رسالة.", "قرئت أمس."), "Jane Doe", List.of(),
                Instant.parse("2026-02-27T10:00:00Z"), Instant.parse("2026-02-28T11:00:00Z"), 1,
                "incoming/letter.md", "def456", true, "amazon-translate", false, "letter");
    }

    /** An upload written to break out of every format. */
    static StoredArticle hostile(String language) {
        return new StoredArticle("evil-1", language, language,
                "\u202Egnp.exe\u202C <b>Breaking</b> \u2066news\u2069",
                "<script>alert('summary')</script> summary",
                List.of("<script>alert(1)</script>",
                        "<img src=x onerror=alert(1)>",
                        "end of CDATA ]]> and ]]&gt; here",
                        "a NUL\u0000 and a BEL\u0007 and a \uD800 lone surrogate",
                        "\"><svg onload=alert(2)>"),
                "<i onmouseover=alert(3)>Mallory</i>", List.of("<script>tag</script>"),
                PUBLISHED, UPDATED, 1, "incoming/evil.html", "0ff", false, null, false, null);
    }

    public static final String RICH_ID = "51ab7e0c0ffee123";
    public static final String LEAD_SRC = "https://images.example.org/photos/lead-summit.png";
    public static final String FIGURE_SRC = "https://images.example.org/photos/delegates.jpg";
    public static final String LINK_HREF = "https://news.example.org/2026/03/summit?ref=feed&lang=en";

    /**
     * A rich English original: a link, bold and italic text, code, a subhead, a list, a quote with attribution, a
     * figure with caption, credit and size, a table, preformatted text and a line break; a lead image of its own.
     */
    public static StoredArticle richEnglish() {
        List<Block> blocks = List.of(
                new Block.Paragraph(List.of(new Inline.Text("Leaders met in "),
                        new Inline.Link(LINK_HREF, "The summit", Inline.text("Beijing")),
                        new Inline.Text(" for a "), new Inline.Strong(Inline.text("historic")),
                        new Inline.Text(" and "), new Inline.Emphasis(Inline.text("long")),
                        new Inline.Text(" summit; the agenda is "), new Inline.Code("agenda-v2"),
                        new Inline.Text("."))),
                new Block.Heading(2, Inline.text("What was agreed")),
                new Block.ListBlock(false, List.of(Inline.text("Trade"),
                        List.of(new Inline.Text("Energy, see "),
                                new Inline.Link("https://example.org/energy", null, Inline.text("the annex"))),
                        Inline.text("Culture"))),
                new Block.Quote(List.of(Inline.text("We are at our best stage.")), Inline.text("Xi Jinping")),
                new Block.Figure(FIGURE_SRC, "Delegates seated at a long table",
                        List.of(new Inline.Text("Delegates at the "), new Inline.Emphasis(Inline.text("opening"))),
                        "Photo: Jane Roe/Agency", 1200, 800),
                new Block.Table(true, List.of(
                        List.of(Inline.text("Country"), Inline.text("Delegates")),
                        List.of(Inline.text("China"), Inline.text("40")),
                        List.of(Inline.text("Russia"), Inline.text("35")))),
                new Block.Preformatted("if (agreed) {\n  sign();\n}"),
                new Block.Paragraph(List.of(new Inline.Text("First line"), new Inline.LineBreak(),
                        new Inline.Text("second line"))));
        return new StoredArticle(RICH_ID, "en", "en", "Leaders meet for a historic summit", null, blocks,
                "Jane Doe", List.of("summit"), PUBLISHED, UPDATED, 1, "incoming/summit.md", "5a5a", false, null,
                false, "summit", "https://news.example.org/2026/03/summit",
                new Block.Figure(LEAD_SRC, "The summit hall", Inline.text("The summit hall in Beijing"),
                        "Photo: Agency", 1600, 900));
    }

    /** The same article in Arabic (RTL), without a lead image of its own: the body's first figure leads. */
    public static StoredArticle richArabic() {
        List<Block> blocks = List.of(
                new Block.Paragraph(List.of(new Inline.Text("التقى القادة في "),
                        new Inline.Link(LINK_HREF, null, Inline.text("بكين")),
                        new Inline.Text(" في قمة "), new Inline.Strong(Inline.text("تاريخية")),
                        new Inline.Text(" وجدول أعمالها "), new Inline.Code("agenda-v2"), new Inline.Text("."))),
                new Block.Heading(2, Inline.text("ما تم الاتفاق عليه")),
                new Block.ListBlock(true, List.of(Inline.text("التجارة"), Inline.text("الطاقة"),
                        Inline.text("الثقافة"))),
                new Block.Quote(List.of(Inline.text("نحن في أفضل مراحلنا.")), Inline.text("شي جين بينغ")),
                new Block.Figure(FIGURE_SRC, "مندوبون حول طاولة طويلة",
                        Inline.text("المندوبون في الافتتاح"), "تصوير: وكالة", 1200, 800),
                new Block.Table(true, List.of(
                        List.of(Inline.text("البلد"), Inline.text("المندوبون")),
                        List.of(Inline.text("الصين"), Inline.text("40")))),
                new Block.Preformatted("if (agreed) {\n  sign();\n}"));
        return new StoredArticle(RICH_ID, "ar", "ar", "القادة يجتمعون في قمة تاريخية", null, blocks, "شؤون صينية",
                List.of("قمة"), PUBLISHED, UPDATED, 1, "incoming/summit-ar.md", "5b5b", false, null, false, null,
                null, null);
    }

    /** A Spanish machine translation of the rich article, with its lead image. */
    public static StoredArticle richSpanishTranslation() {
        StoredArticle en = richEnglish();
        List<Block> blocks = List.of(
                new Block.Paragraph(List.of(new Inline.Text("Los líderes se reunieron en "),
                        new Inline.Link(LINK_HREF, null, Inline.text("Pekín")), new Inline.Text("."))),
                new Block.Figure(FIGURE_SRC, "Delegados sentados", Inline.text("Delegados en la apertura"),
                        "Photo: Jane Roe/Agency", 1200, 800));
        return new StoredArticle(RICH_ID, "es", "en", "Los líderes se reúnen", null, blocks, "Jane Doe",
                List.of("summit"), PUBLISHED, UPDATED, 1, en.sourceKey(), en.contentHash(), true, "apertium 3.8",
                false, "summit", en.canonicalUrl(), en.leadImage());
    }

    /** The rich English article with only this lead image (and the body's figure). */
    public static StoredArticle withLeadImage(String src) {
        StoredArticle a = richEnglish();
        return new StoredArticle(a.id(), a.language(), a.sourceLanguage(), a.title(), a.summary(), a.blocks(),
                a.author(), a.tags(), a.published(), a.updated(), a.revision(), a.sourceKey(), a.contentHash(),
                false, null, false, null, null, new Block.Figure(src, "", List.of(), "", null, null));
    }

    /** Rich blocks whose every text tries to become markup (hrefs as a parser would never let through, too). */
    public static StoredArticle hostileRich(String language) {
        List<Block> blocks = List.of(
                new Block.Paragraph(List.of(new Inline.Link("https://example.org/?q=\"><script>alert(5)</script>",
                        "\" onmouseover=\"alert(6)", Inline.text("<b>link</b>")))),
                new Block.Heading(2, Inline.text("<script>alert(7)</script>")),
                new Block.ListBlock(false, List.of(Inline.text("<img src=x onerror=alert(8)>"))),
                new Block.Quote(List.of(Inline.text("</blockquote><script>alert(9)</script>")),
                        Inline.text("<i>who</i>")),
                new Block.Figure("https://img.example.org/a.jpg?x=\"><svg onload=alert(10)>",
                        "\"><svg onload=alert(11)>", Inline.text("<script>caption</script>"),
                        "<b>credit</b> ]]>", null, null),
                new Block.Preformatted("</pre><script>alert(12)</script>"),
                new Block.Table(false, List.of(List.of(Inline.text("<td onclick=alert(13)>")))));
        return new StoredArticle("evil-2", language, language, "Rich <b>hostile</b>", null, blocks, null,
                List.of(), PUBLISHED, UPDATED, 1, "incoming/evil.md", "0ee", false, null, false, null, null, null);
    }

    /** {@code count} Arabic articles, newest first, one minute apart. */
    static List<StoredArticle> arabicSeries(int count) {
        List<StoredArticle> articles = new ArrayList<>(count);
        StoredArticle seed = arabicOriginal();
        for (int i = 0; i < count; i++) {
            Instant published = PUBLISHED.minusSeconds(60L * i);
            articles.add(new StoredArticle(String.format("art-%03d", i), "ar", "ar", seed.title() + " " + i,
                    seed.summary(), seed.blocks(), seed.author(), seed.tags(), published, published, 1,
                    "incoming/" + i + ".txt", "h" + i, false, null, false, null, null, null));
        }
        return articles;
    }

    static List<FeedEntry> entries(List<StoredArticle> articles, String... otherLanguages) {
        List<FeedEntry> entries = new ArrayList<>(articles.size());
        for (StoredArticle article : articles) {
            entries.add(new FeedEntry(article, List.of(otherLanguages)));
        }
        return entries;
    }
}
