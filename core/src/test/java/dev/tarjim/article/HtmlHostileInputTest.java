package dev.tarjim.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile pages: whatever the markup, the body rendered from what the parser kept carries no active content. */
class HtmlHostileInputTest {

    private static final String PROSE = "<p>The council met on Tuesday evening to discuss the budget for next year, "
            + "and agreed to keep the libraries open on Sundays.</p>";

    static Stream<String> hostile() {
        return Stream.of(
                "<p><a href=\"javascript:alert(1)\">click</a> <a href=\" JaVaScRiPt:alert(1)\">again</a></p>",
                "<p><a href=\"jav&#x09;ascript:alert(1)\">tab</a><a href=\"&#106;avascript:alert(1)\">ent</a></p>",
                "<p><a href=\"vbscript:msgbox(1)\">vb</a><a href=\"data:text/html,<script>alert(1)</script>\">d</a></p>",
                "<p><img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\" alt=\"x\"></p>",
                "<figure><img src=\"javascript:alert(1)\"><figcaption>caption</figcaption></figure>",
                "<svg onload=\"alert(1)\"><circle r=\"5\"/></svg><p>after svg</p>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
                "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
                "<p style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">styled</p>",
                "<iframe src=\"javascript:alert(1)\"></iframe><object data=\"x.swf\"></object><embed src=\"x\">",
                "<a href=\"https://ok.example/\" onmouseover=\"alert(1)\">ok link</a>",
                "<template><img src=x onerror=alert(1)></template><select><option><img src=x onerror=alert(1)>",
                "<div><base href=\"javascript:/\"><a href=\"/x\">relative</a></div>",
                "<p>&lt;script&gt;alert(1)&lt;/script&gt; as text</p>");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void parse_hostileMarkup_renderedBodyHasNoActiveContent(String fragment) throws Exception {
        String page = "<html><head><title>Budget meeting</title></head><body><article>" + PROSE + fragment
                + PROSE.replace("Tuesday", "Wednesday") + "</article></body></html>";

        ParsedArticle article = HtmlFormat.parse(page);
        String html = BodyHtml.render(article.blocks());

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("vbscript:").doesNotContain("data:", "<svg", "<math", "<iframe",
                        "<object", "<embed", "<style", "style=", "<form", "<base");
        // Parsed again as a browser would, no element carries an event handler or a URL outside the allowlist.
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertThat(e.attributes().asList()).noneMatch(a -> a.getKey().toLowerCase().startsWith("on"));
            for (String attr : new String[] {"href", "src"}) {
                if (e.hasAttr(attr)) {
                    assertThat(e.attr(attr)).matches("(?i)^(https?:|mailto:).*");
                }
            }
            assertThat(e.normalName()).isIn("body", "p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "figure",
                    "figcaption", "img", "small", "a", "em", "strong", "code", "br", "pre", "table", "tr", "th",
                    "td", "tbody");
        }
        assertThat(html).contains("libraries open on Sundays");
    }
}
