package dev.tarjim.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.support.Json;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** WebSub discovery (W3C WebSub section 4): every feed names its hub and its own (self) URL. */
class WebSubLinksTest {
    private static final String HUB = "https://hub.example.org/";
    private static final FeedSettings WITH_HUB = new FeedSettings("http://127.0.0.1:3000",
            dev.tarjim.feed.SiteBranding.DEFAULT, HUB);
    private static final FeedPage PAGE = FeedPage.single("en",
            List.of(FeedEntry.of(TestArticles.richEnglish())), TestArticles.UPDATED);

    @Test
    void rssAndAtom_linkTheirHubAndThemselves() {
        FeedRenderer renderer = new FeedRenderer(WITH_HUB);
        Document rss = Jsoup.parse(renderer.render(FeedFormat.RSS, PAGE), "", Parser.xmlParser());
        assertThat(rss.select("channel > atom|link[rel=hub]").attr("href")).isEqualTo(HUB);
        assertThat(rss.select("channel > atom|link[rel=self]").attr("href"))
                .isEqualTo("http://127.0.0.1:3000/feeds/en/rss.xml");

        Document atom = Jsoup.parse(renderer.render(FeedFormat.ATOM, PAGE), "", Parser.xmlParser());
        assertThat(atom.select("feed > link[rel=hub]").attr("href")).isEqualTo(HUB);
        assertThat(atom.select("feed > link[rel=self]").attr("href"))
                .isEqualTo("http://127.0.0.1:3000/feeds/en/atom.xml");
    }

    @Test
    void jsonFeed_listsItsHub_andItsFeedUrl() throws Exception {
        JsonNode feed = Json.mapper().readTree(new FeedRenderer(WITH_HUB).render(FeedFormat.JSON_FEED, PAGE));

        assertThat(feed.at("/hubs/0/type").asText()).isEqualTo("WebSub");
        assertThat(feed.at("/hubs/0/url").asText()).isEqualTo(HUB);
        assertThat(feed.get("feed_url").asText()).isEqualTo("http://127.0.0.1:3000/feeds/en/feed.json");
    }

    @Test
    void withoutAHub_noFeedNamesOne() throws Exception {
        FeedRenderer renderer = new FeedRenderer(FeedSettings.of("http://127.0.0.1:3000"));
        assertThat(renderer.render(FeedFormat.RSS, PAGE)).doesNotContain("rel=\"hub\"");
        assertThat(renderer.render(FeedFormat.ATOM, PAGE)).doesNotContain("rel=\"hub\"");
        assertThat(Json.mapper().readTree(renderer.render(FeedFormat.JSON_FEED, PAGE)).has("hubs")).isFalse();
    }
}
