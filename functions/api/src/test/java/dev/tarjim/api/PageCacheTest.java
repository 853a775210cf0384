package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.feed.RenderedPage;
import dev.tarjim.feed.RenderedPages;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The page cache's own rules, with a store that holds pages in a map (the DynamoDB adapter is exercised over
 * dynalite by StaticPagesTest): what is kept where, what is never kept, and that keeping never fails a request.
 */
class PageCacheTest {
    private static final String XML = "application/xml; charset=utf-8";

    /** A store in a map, with a size limit like an item's, that can be told to fail. */
    static final class MapStore implements RenderedPages {
        final Map<String, RenderedPage> pages = new HashMap<>();
        final AtomicInteger saves = new AtomicInteger();
        final int max;
        boolean failing;

        MapStore(int max) {
            this.max = max;
        }

        @Override
        public Optional<RenderedPage> find(String key) {
            if (failing) {
                throw new IllegalStateException("store down");
            }
            return Optional.ofNullable(pages.get(key));
        }

        @Override
        public void save(RenderedPage page) {
            if (failing) {
                throw new IllegalStateException("store down");
            }
            assertThat(page.storedBytes()).isLessThanOrEqualTo(max);
            saves.incrementAndGet();
            pages.put(page.key(), page);
        }

        @Override
        public int maxBytes() {
            return max;
        }
    }

    /** Text that compresses poorly: random letters of a large alphabet. */
    private static String noise(int chars, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            b.append((char) (0x4E00 + r.nextInt(2000)));
        }
        return b.toString();
    }

    @Test
    void aPageTooBigForAnItem_isServedAndRemembered_butNotStored() {
        MapStore store = new MapStore(20_000);
        PageCache cache = new PageCache(store, 64L << 20);
        String big = noise(30_000, 1);
        PageCache.Page page = cache.page("sitemap/ar/2026-11@x", "v1", XML, true, () -> big);
        assertThat(page.text()).isEqualTo(big);
        assertThat(store.saves.get()).isZero();
        assertThat(cache.page("sitemap/ar/2026-11@x", "v1", XML, true, () -> "not again")).isSameAs(page);
        assertThat(cache.renders()).isEqualTo(1);
    }

    @Test
    void whenBothCodingsDoNotFit_gzipAloneIsStored() {
        String text = noise(9_000, 2);
        byte[] gzip = PageCache.gzip(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MapStore store = new MapStore(gzip.length + 200);
        PageCache cache = new PageCache(store, 64L << 20);
        PageCache.Page page = cache.page("feed/zh/rss@x", "v3", XML, true, () -> text);
        assertThat(page.brotli()).isNotNull();
        assertThat(store.saves.get()).isEqualTo(1);
        assertThat(store.pages.get("feed/zh/rss@x").brotli()).isNull();
        assertThat(store.pages.get("feed/zh/rss@x").gzip()).isEqualTo(gzip);
    }

    @Test
    void aFailingStore_neverFailsTheRequest() {
        MapStore store = new MapStore(400_000);
        store.failing = true;
        PageCache cache = new PageCache(store, 64L << 20);
        assertThat(cache.page("feed/en/atom@x", "v1", XML, true, () -> "<feed/>").text()).isEqualTo("<feed/>");
        assertThat(new PageCache(store, 64L << 20).page("feed/en/atom@x", "v1", XML, true, () -> "<feed/>")
                .gzip()).isNotEmpty();
    }

    @Test
    void unsettledPages_areNeitherKeptNorLookedUp() {
        MapStore store = new MapStore(400_000);
        PageCache cache = new PageCache(store, 64L << 20);
        cache.page("feed/en/rss@x", "v9", XML, false, () -> "<rss>one</rss>");
        PageCache.Page again = cache.page("feed/en/rss@x", "v9", XML, false, () -> "<rss>two</rss>");
        assertThat(again.text()).isEqualTo("<rss>two</rss>");
        assertThat(again.brotli()).isNull();
        assertThat(store.saves.get()).isZero();
        assertThat(cache.renders()).isEqualTo(2);
    }

    @Test
    void memoryIsBounded_theLeastRecentlyUsedPageGoesFirst() {
        String text = noise(10_000, 3);
        long size = new PageCache(null, 64L << 20).page("probe", "v1", XML, true, () -> text).bytes();
        // Room for four such pages (none may take more than a quarter of the budget), not five.
        PageCache cache = new PageCache(null, size * 9 / 2);
        for (String key : new String[] {"a", "b", "c", "d"}) {
            cache.page(key, "v1", XML, true, () -> text);
        }
        assertThat(cache.renders()).isEqualTo(4);
        cache.page("a", "v1", XML, true, () -> "not rendered: remembered");  // a is now the most recently used
        assertThat(cache.renders()).isEqualTo(4);
        cache.page("e", "v1", XML, true, () -> text);                         // over budget: b, the eldest, goes
        assertThat(cache.renders()).isEqualTo(5);
        for (String kept : new String[] {"a", "c", "d", "e"}) {
            assertThat(cache.page(kept, "v1", XML, true, () -> "rendered again").text()).as(kept).isEqualTo(text);
        }
        assertThat(cache.renders()).isEqualTo(5);
        assertThat(cache.page("b", "v1", XML, true, () -> "rendered again").text()).isEqualTo("rendered again");
        // A page bigger than a quarter of the budget is served but not remembered.
        PageCache small = new PageCache(null, size * 3);
        small.page("big", "v1", XML, true, () -> text);
        assertThat(small.page("big", "v1", XML, true, () -> "again").text()).isEqualTo("again");
    }
}
