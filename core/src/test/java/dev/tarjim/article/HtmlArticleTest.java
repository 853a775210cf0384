package dev.tarjim.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A news page as sites publish it: the article's blocks and metadata, none of the chrome around it. */
class HtmlArticleTest {

    private static final String NEWS_PAGE = """
            <!doctype html>
            <html lang="en-GB"><head>
            <meta charset="utf-8">
            <title>Harbour reopens after storm repairs | The Coast Gazette</title>
            <link rel="canonical" href="https://news.example/2026/05/harbour-reopens">
            <meta property="og:site_name" content="The Coast Gazette">
            <meta property="og:title" content="Harbour reopens after storm repairs">
            <meta property="og:description" content="Fishing boats are back after six months of work on the sea wall.">
            <meta property="og:url" content="https://news.example/2026/05/harbour-reopens?utm=x">
            <meta property="og:image" content="/media/harbour-lead.jpg">
            <meta property="og:image:width" content="1200">
            <meta property="og:image:height" content="630">
            <meta property="og:image:alt" content="Boats in the harbour">
            <meta property="article:published_time" content="2026-05-04T08:00:00+01:00">
            <meta property="article:tag" content="Harbours">
            <meta property="article:tag" content="Storms">
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "The Coast Gazette", "url": "https://news.example/"},
              {"@type": "NewsArticle", "headline": "Harbour reopens after storm repairs",
               "datePublished": "2026-05-04T07:00:00Z", "dateModified": "2026-05-04T12:30:00Z",
               "author": [{"@type": "Person", "name": "Mariam Haddad"}, {"@type": "Person", "name": "Tom Reed"}],
               "mainEntityOfPage": {"@id": "https://news.example/2026/05/harbour-reopens"}}]}
            </script>
            <script>window.dataLayer = [{"page": "article"}];</script>
            <style>.share { color: red }</style>
            </head>
            <body>
            <header class="site-header"><a href="/">The Coast Gazette</a>
              <nav class="menu"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
              <li><a href="/weather">Weather</a></li></ul></nav></header>
            <div class="layout">
            <main id="main">
            <article class="story">
              <h1>Harbour reopens after storm repairs</h1>
              <div class="share-tools"><a href="https://twitter.example/share">Share on Twitter</a>
                <a href="https://facebook.example/share">Share on Facebook</a></div>
              <div class="story-body">
                <p>The harbour reopened on Monday after six months of repairs to the sea wall, which the winter
                storms had breached in three places, and the first fishing boats came in with the morning tide.</p>
                <p>The council said the work cost <a href="/2026/01/sea-wall-budget">more than the budget allowed</a>,
                but that the town could not wait for another winter without a harbour for its fleet.</p>
                <h2>What was repaired</h2>
                <ul><li>Three breaches in the outer sea wall</li><li>The lifeboat slipway</li>
                <li>Lighting along the north quay</li></ul>
                <blockquote><p>We lost a season, but we did not lose the harbour.</p>
                <footer>— Ali Mansour, harbour master</footer></blockquote>
                <figure><img src="../../media/quay.jpg" alt="The rebuilt north quay" width="800" height="533">
                  <figcaption>The north quay at dawn. <span class="credit">Photo: Sara Lind</span></figcaption>
                </figure>
                <p>Fishermen said they expected the first full week of landings since October, and the fish market
                will open on its usual days from next week, with longer hours on Saturday.</p>
              </div>
              <div class="related-stories"><h3>Related</h3><ul>
                <li><a href="/2026/04/storm-damage">Storm damage counted</a></li>
                <li><a href="/2026/03/sea-wall">Sea wall work begins</a></li></ul></div>
              <section id="comments" class="comments"><h3>3 comments</h3>
                <div class="comment"><p>Great news for the town, at last, after such a long winter!</p></div>
                <form><textarea></textarea><button>Post comment</button></form></section>
            </article>
            </main>
            <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Bus fares rise again</a></li>
              <li><a href="/y">School fete cancelled</a></li></ol>
              <div class="newsletter"><p>Sign up for our newsletter and get the news every morning.</p></div></aside>
            </div>
            <footer class="site-footer"><p>© 2026 The Coast Gazette. All rights reserved.</p>
              <a href="/privacy">Privacy</a></footer>
            </body></html>
            """;

    @Test
    void parse_newsPage_keepsExactlyTheArticleBlocks() throws Exception {
        ParsedArticle article = HtmlFormat.parse(NEWS_PAGE);

        assertThat(article.blocks()).containsExactly(
                Block.Paragraph.of("The harbour reopened on Monday after six months of repairs to the sea wall, "
                        + "which the winter storms had breached in three places, and the first fishing boats came "
                        + "in with the morning tide."),
                new Block.Paragraph(List.of(new Inline.Text("The council said the work cost "),
                        new Inline.Link("https://news.example/2026/01/sea-wall-budget", null,
                                List.of(new Inline.Text("more than the budget allowed"))),
                        new Inline.Text(", but that the town could not wait for another winter without a harbour "
                                + "for its fleet."))),
                new Block.Heading(2, Inline.text("What was repaired")),
                new Block.ListBlock(false, List.of(Inline.text("Three breaches in the outer sea wall"),
                        Inline.text("The lifeboat slipway"), Inline.text("Lighting along the north quay"))),
                new Block.Quote(List.of(Inline.text("We lost a season, but we did not lose the harbour.")),
                        Inline.text("Ali Mansour, harbour master")),
                new Block.Figure("https://news.example/media/quay.jpg", "The rebuilt north quay",
                        Inline.text("The north quay at dawn."), "Photo: Sara Lind", 800, 533),
                Block.Paragraph.of("Fishermen said they expected the first full week of landings since October, "
                        + "and the fish market will open on its usual days from next week, with longer hours on "
                        + "Saturday."));
    }

    @Test
    void parse_newsPage_readsMetadataFromJsonLdAndOpenGraph() throws Exception {
        ParsedArticle article = HtmlFormat.parse(NEWS_PAGE);

        assertThat(article.title()).isEqualTo("Harbour reopens after storm repairs");
        assertThat(article.summary()).isEqualTo("Fishing boats are back after six months of work on the sea wall.");
        assertThat(article.author()).isEqualTo("Mariam Haddad, Tom Reed");
        assertThat(article.published()).isEqualTo(Instant.parse("2026-05-04T07:00:00Z"));
        assertThat(article.updated()).isEqualTo(Instant.parse("2026-05-04T12:30:00Z"));
        assertThat(article.canonicalUrl()).isEqualTo("https://news.example/2026/05/harbour-reopens");
        assertThat(article.leadImage()).isEqualTo(new Block.Figure("https://news.example/media/harbour-lead.jpg",
                "Boats in the harbour", List.of(), "", 1200, 630));
        assertThat(article.tags()).containsExactly("Harbours", "Storms");
        assertThat(article.declaredLanguage()).isEqualTo("en");
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    void parse_newsPage_dropsTheChrome() throws Exception {
        String text = BodyText.render(HtmlFormat.parse(NEWS_PAGE).blocks());

        assertThat(text).doesNotContain("News", "Sport", "Share", "Related", "Storm damage", "comments",
                "Great news", "Post comment", "Most read", "Bus fares", "newsletter", "All rights reserved",
                "Privacy", "dataLayer", "color");
    }

    @Test
    void parse_withoutCanonical_resolvesAgainstOgUrl() throws Exception {
        String html = """
                <html><head><meta property="og:title" content="Rates held">
                <meta property="og:url" content="https://bank.example/news/rates.html"></head>
                <body><article><p>The bank kept its <a href="decisions/may">rates</a> unchanged for the third month
                in a row, citing slowing inflation and weak demand.</p>
                <p><img src="/img/chart.png" alt="Rates chart"></p></article></body></html>
                """;

        ParsedArticle article = HtmlFormat.parse(html);

        assertThat(article.canonicalUrl()).isEqualTo("https://bank.example/news/rates.html");
        Block.Paragraph p = (Block.Paragraph) article.blocks().get(0);
        assertThat(p.content()).contains(new Inline.Link("https://bank.example/news/decisions/may", null,
                Inline.text("rates")));
        assertThat(article.blocks().get(1)).isEqualTo(new Block.Figure("https://bank.example/img/chart.png",
                "Rates chart", List.of(), "", null, null));
    }

    @Test
    void parse_withoutAnyBaseUrl_dropsRelativeUrlsAndWarns() throws Exception {
        String html = """
                <html><head><title>Rates held steady for another month</title></head>
                <body><p>The bank kept its <a href="/decisions/may">rates</a> unchanged.</p></body></html>
                """;

        ParsedArticle article = HtmlFormat.parse(html);

        assertThat(article.canonicalUrl()).isNull();
        assertThat(article.blocks()).containsExactly(Block.Paragraph.of("The bank kept its rates unchanged."));
        assertThat(article.warnings()).singleElement().asString().contains("canonical URL");
    }

    @Test
    void parse_jsonLdOnly_readsArticleInArrayAndImageObject() throws Exception {
        String html = """
                <html><head><script type="application/ld+json">[{"@type":"BreadcrumbList"},
                {"@type":["BlogPosting"],"headline":"Notes from the field","author":"Ana Ruiz",
                 "datePublished":"2026-02-01","url":"https://blog.example/notes",
                 "image":{"@type":"ImageObject","url":"https://cdn.example/n.jpg","width":640,"height":480},
                 "keywords":["travel","notes"]}]</script></head>
                <body><p>We walked for three days along the coast and slept in fishing villages.</p></body></html>
                """;

        ParsedArticle article = HtmlFormat.parse(html);

        assertThat(article.title()).isEqualTo("Notes from the field");
        assertThat(article.author()).isEqualTo("Ana Ruiz");
        assertThat(article.published()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(article.canonicalUrl()).isEqualTo("https://blog.example/notes");
        assertThat(article.leadImage()).isEqualTo(new Block.Figure("https://cdn.example/n.jpg", "", List.of(), "",
                640, 480));
        assertThat(article.tags()).containsExactly("travel", "notes");
    }

    @Test
    void parse_noTitleAnywhere_takesTheFirstSentenceAndWarns() throws Exception {
        String html = "<html><body><p>Quarks may become deconfined at high temperatures. They then form a plasma."
                + "</p></body></html>";

        ParsedArticle article = HtmlFormat.parse(html);

        assertThat(article.title()).isEqualTo("Quarks may become deconfined at high temperatures.");
        assertThat(article.warnings()).anySatisfy(w -> assertThat(w).contains("first sentence"));
        assertThat(BodyText.render(article.blocks())).startsWith("Quarks may become deconfined");
    }

    @Test
    void parse_shortArticleInChrome_dropsCommentsEvenOnReadabilitysRetry() throws Exception {
        String html = """
                <html><head><title>Bridge opens | City Paper</title></head><body>
                <nav><a href="/">Home</a></nav>
                <article><h1>Bridge opens</h1><p>The new bridge opens to traffic in the spring.</p>
                <div class="comments"><p>A reader's comment about the bridge.</p></div></article>
                <footer>Contact us</footer></body></html>
                """;

        ParsedArticle article = HtmlFormat.parse(html);

        assertThat(article.blocks()).containsExactly(Block.Paragraph.of("The new bridge opens to traffic in the spring."));
    }

    @Test
    void parse_bylineElementWithoutAuthorMetadata_becomesTheAuthorNotBodyText() throws Exception {
        String html = """
                <html><head><title>Ferry timetable changes | Island News</title></head><body><article>
                <h1>Ferry timetable changes</h1><p class="byline">By Jane Smith</p>
                <p>The morning ferry will leave half an hour earlier from June, the operator said on Friday, to give
                commuters time to reach the mainland before the first trains leave the harbour station.</p>
                </article></body></html>
                """;

        ParsedArticle article = HtmlFormat.parse(html);

        assertThat(article.author()).isEqualTo("Jane Smith");
        assertThat(article.blocks()).singleElement().satisfies(b -> assertThat(BodyText.block(b))
                .startsWith("The morning ferry"));
    }
}
