package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import dev.tarjim.article.StoredArticle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paging through a feed as a reader would: follow {@code next} until it ends; every entry exactly once. */
class PagingTest {

    private static final int PAGE_SIZE = 4;

    private final FeedRenderer renderer = new FeedRenderer(SETTINGS);
    private final List<StoredArticle> articles = TestArticles.arabicSeries(10);

    /** A fake of the store's page query: tokens are the index of the page's first article. */
    private final Map<String, FeedPage> pagesByUrl = new HashMap<>();

    private FeedPage page(String token) {
        int start = token == null ? 0 : Integer.parseInt(token);
        int end = Math.min(start + PAGE_SIZE, articles.size());
        String next = end < articles.size() ? Integer.toString(end) : null;
        return new FeedPage("ar", TestArticles.entries(articles.subList(start, end), "en"), null, token, next);
    }

    private FeedPage pageAt(SiteLinks links, FeedFormat format, String url) {
        for (String token : new String[] {null, "4", "8"}) {
            pagesByUrl.put(links.feedPageUrl("ar", format, token), page(token));
        }
        return pagesByUrl.get(url);
    }

    @Test
    void atom_followingNextLinks_visitsEveryEntryExactlyOnceNewestFirst() throws Exception {
        SiteLinks links = new SiteLinks(SETTINGS);
        List<String> ids = new ArrayList<>();
        String url = links.feedUrl("ar", FeedFormat.ATOM);
        int pages = 0;
        while (url != null) {
            Feed feed = AtomRendererTest.parse(renderer.render(FeedFormat.ATOM, pageAt(links, FeedFormat.ATOM, url)));
            feed.getEntries().stream().map(Entry::getId).forEach(ids::add);
            url = feed.getOtherLinks().stream().filter(l -> l.getRel().equals("next")).map(Link::getHref)
                    .findFirst().orElse(null);
            if (pages > 0) {
                assertThat(feed.getOtherLinks()).extracting(Link::getRel).contains("first");
            }
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(ids).doesNotHaveDuplicates().hasSize(articles.size());
        assertThat(ids).containsExactlyElementsOf(
                articles.stream().map(a -> links.entryId(a.id(), "ar")).toList());
    }

    @Test
    void rss_followingNextLinks_visitsEveryEntryExactlyOnce() throws Exception {
        SiteLinks links = new SiteLinks(SETTINGS);
        List<String> ids = new ArrayList<>();
        String url = links.feedUrl("ar", FeedFormat.RSS);
        while (url != null) {
            Channel channel = RssRendererTest.parse(renderer.render(FeedFormat.RSS, pageAt(links, FeedFormat.RSS, url)));
            channel.getItems().forEach(i -> ids.add(i.getGuid().getValue()));
            url = RssRendererTest.atomLinks(channel.getForeignMarkup()).stream()
                    .filter(l -> "next".equals(l.getAttributeValue("rel")))
                    .map(l -> l.getAttributeValue("href")).findFirst().orElse(null);
        }

        assertThat(ids).doesNotHaveDuplicates().hasSize(articles.size());
    }

    @Test
    void jsonFeed_followingNextUrl_visitsEveryEntryExactlyOnce() throws Exception {
        SiteLinks links = new SiteLinks(SETTINGS);
        ObjectMapper mapper = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        String url = links.feedUrl("ar", FeedFormat.JSON_FEED);
        while (url != null) {
            JsonNode feed = mapper.readTree(renderer.render(FeedFormat.JSON_FEED,
                    pageAt(links, FeedFormat.JSON_FEED, url)));
            feed.path("items").forEach(i -> ids.add(i.path("id").asText()));
            url = feed.has("next_url") ? feed.path("next_url").asText() : null;
        }

        assertThat(ids).doesNotHaveDuplicates().hasSize(articles.size());
    }

    @Test
    void newRevision_keepsEntryIdAndChangesUpdated() throws Exception {
        StoredArticle first = TestArticles.arabicOriginal();
        StoredArticle edited = new StoredArticle(first.id(), "ar", "ar", first.title() + " (محدث)", first.summary(),
                first.blocks(), first.author(), first.tags(), first.published(),
                first.updated().plusSeconds(3600), first.revision() + 1, first.sourceKey(), "newhash", false, null,
                false, null, null, null);

        Entry before = AtomRendererTest.parse(renderer.render(FeedFormat.ATOM,
                FeedPage.single("ar", List.of(FeedEntry.of(first)), null))).getEntries().get(0);
        Entry after = AtomRendererTest.parse(renderer.render(FeedFormat.ATOM,
                FeedPage.single("ar", List.of(FeedEntry.of(edited)), null))).getEntries().get(0);

        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(after.getUpdated()).isAfter(before.getUpdated());
        assertThat(after.getPublished()).isEqualTo(before.getPublished());
    }

    @Test
    void withdrawnArticle_leavesEveryFeed() throws Exception {
        StoredArticle live = TestArticles.arabicOriginal();
        StoredArticle gone = TestArticles.arabicTranslation();
        StoredArticle withdrawn = new StoredArticle(gone.id(), gone.language(), gone.sourceLanguage(), gone.title(),
                gone.summary(), gone.blocks(), gone.author(), gone.tags(), gone.published(), gone.updated(),
                gone.revision(), gone.sourceKey(), gone.contentHash(), true, gone.engine(), true, gone.slug(), null,
                null);
        FeedPage page = FeedPage.single("ar", List.of(FeedEntry.of(live), FeedEntry.of(withdrawn)), null);

        assertThat(RssRendererTest.parse(renderer.render(FeedFormat.RSS, page)).getItems()).hasSize(1);
        assertThat(AtomRendererTest.parse(renderer.render(FeedFormat.ATOM, page)).getEntries()).hasSize(1);
        assertThat(new ObjectMapper().readTree(renderer.render(FeedFormat.JSON_FEED, page)).path("items"))
                .hasSize(1);
    }
}
