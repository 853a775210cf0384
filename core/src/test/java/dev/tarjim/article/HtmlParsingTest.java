package dev.tarjim.article;

import static dev.tarjim.article.Uploads.parse;
import static dev.tarjim.article.Uploads.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlParsingTest {

    @Test
    void parse_wordpressPage_keepsTheArticleBody() throws Exception {
        ParsedArticle article = parse(resource("wordpress-en.html"), "incoming/cycling.html");

        assertThat(article.format()).isEqualTo("html");
        assertThat(article.title()).isEqualTo("City council approves new cycling lanes");
        assertThat(article.paragraphs()).containsExactly(
                "The city council voted on Tuesday to build a network of protected cycling lanes across the city "
                        + "centre, ending a debate that had lasted for almost two years.",
                "The plan, which will cost about 12 million pounds, includes 30 kilometres of lanes separated from "
                        + "traffic by kerbs and planters.",
                "Shops worried about parking",
                "Some shop owners on the high street said they feared losing customers because dozens of parking "
                        + "spaces will disappear.",
                "\"We are not against bikes, we are against empty shops,\" said one of them.",
                "Work is due to start in the summer.");
    }

    @Test
    void parse_wordpressPage_dropsNavigationCommentsAndSharing() throws Exception {
        String body = String.join("\n", parse(resource("wordpress-en.html"), "incoming/cycling.html").paragraphs());

        assertThat(body).doesNotContain("News", "Sport", "Share this", "Twitter", "Related", "Bus fares",
                "Leave a Reply", "email address", "Finally!", "Recent Posts", "All rights reserved", "dataLayer",
                "margin");
    }

    @Test
    void parse_wordpressPage_readsMetadata() throws Exception {
        ParsedArticle article = parse(resource("wordpress-en.html"), "incoming/cycling.html");

        assertThat(article.declaredLanguage()).isEqualTo("en");
        assertThat(article.author()).isEqualTo("Jane Porter");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-03-14T09:30:00Z"));
        assertThat(article.tags()).containsExactly("Transport", "City council");
        assertThat(article.summary()).isEqualTo("The council voted 9 to 2 for a network of protected cycling lanes.");
    }

    @Test
    void parse_titleFromOgTitleOrTitleElement_dropsSiteSuffix() throws Exception {
        String og = "<html><head><title>Ignored | Site</title><meta property=\"og:title\" content=\"Rates held steady\">"
                + "</head><body><main><p>The bank kept rates unchanged.</p></main></body></html>";
        String titleOnly = "<html><head><title>Rates held steady for another month | Daily Ledger</title></head>"
                + "<body><p>The bank kept rates unchanged.</p></body></html>";

        assertThat(parse(og, "incoming/a.html").title()).isEqualTo("Rates held steady");
        assertThat(parse(titleOnly, "incoming/b").title()).isEqualTo("Rates held steady for another month");
    }

    @Test
    void parse_arabicPage_readsLangTimeAndRelAuthor() throws Exception {
        String html = """
                <!doctype html><html lang="ar" dir="rtl"><head><title>افتتاح الجسر الجديد - جريدة المدينة</title></head>
                <body><nav><a href="/">الرئيسية</a></nav>
                <article><h1>افتتاح الجسر الجديد في الربيع</h1>
                <p>بقلم <a rel="author" href="/a">سارة أحمد</a> <time datetime="2024-03-14">١٤ مارس</time></p>
                <p>قالت السلطات إن الجسر الجديد سيفتح أمام حركة المرور في الربيع.</p>
                <div class="comments"><p>تعليق من قارئ</p></div>
                <p>شارك</p><p>أضف تعليقاً</p></article></body></html>
                """;

        ParsedArticle article = parse(html, "incoming/bridge.html");

        assertThat(article.title()).isEqualTo("افتتاح الجسر الجديد في الربيع");
        assertThat(article.declaredLanguage()).isEqualTo("ar");
        assertThat(article.author()).isEqualTo("سارة أحمد");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-03-14T00:00:00Z"));
        assertThat(article.paragraphs()).contains("قالت السلطات إن الجسر الجديد سيفتح أمام حركة المرور في الربيع.")
                .doesNotContain("تعليق من قارئ", "شارك", "أضف تعليقاً", "الرئيسية");
    }

    @Test
    void parse_xxeDoctype_yieldsNoFileContent() throws Exception {
        String html = """
                <?xml version="1.0"?>
                <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY host SYSTEM "file:///etc/hostname">]>
                <html><head><title>Entity test</title></head>
                <body><article><h1>Entity test</h1><p>Before &xxe; after &host;.</p></article></body></html>
                """;

        ParsedArticle article = parse(html, "incoming/xxe.html");

        String all = article.title() + "\n" + String.join("\n", article.paragraphs());
        assertThat(all).doesNotContain("root:", "/bin/", "daemon");
        assertThat(article.paragraphs()).allSatisfy(p -> assertThat(p).doesNotContain("]>"));
        assertThat(article.paragraphs()).containsExactly("Before &xxe; after &host;.");
    }

    @Test
    void parse_htmlByContentDespiteTxtExtension() throws Exception {
        String html = "<!DOCTYPE html><html><body><h1>Headline</h1><p>Body text here.</p></body></html>";

        ParsedArticle article = parse(html, "incoming/page.txt");

        assertThat(article.format()).isEqualTo("html");
        assertThat(article.paragraphs()).containsExactly("Body text here.");
    }
}
