package dev.tarjim.bench;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.tarjim.article.BodyHtml;
import dev.tarjim.article.ContentParser;
import dev.tarjim.article.ParsedArticle;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.feed.FeedEntry;
import dev.tarjim.feed.FeedFormat;
import dev.tarjim.feed.FeedPage;
import dev.tarjim.feed.FeedRenderer;
import dev.tarjim.feed.FeedSettings;
import dev.tarjim.article.StoredArticle;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: rendering one 50-entry page of the Arabic feed, in each of Tarjim's formats ({@link FeedRenderer}), beside
 * Rome's plain {@link SyndFeedOutput} of the same entries (RSS 2.0 and Atom 1.0, no {@code xml:lang}, no
 * alternates, no RTL markup: the floor of what a Rome-based feed costs).
 *
 * <p>The entries are the seed article (parsed by the real {@link ContentParser}) fifty times, each with its own id
 * and time and alternates in two other languages. Both sides build their feed model from the stored articles in
 * every invocation, as a request does. Run through {@link FeedRenderMain}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FeedRenderBenchmark {
    static final String SEED = "core/src/test/resources/article/000_eb83513c9fa28be5.txt";
    static final int ENTRIES = 50;
    private static final String BASE = "http://127.0.0.1:3000";

    /** Tarjim's renderer in one format, or Rome's plain output ({@code ROME_RSS}, {@code ROME_ATOM}). */
    @Param({"RSS", "ATOM", "JSON_FEED", "ROME_RSS", "ROME_ATOM"})
    public String format;

    private FeedRenderer renderer;
    private FeedPage page;

    @Setup
    public void setUp() throws Exception {
        renderer = new FeedRenderer(FeedSettings.of(BASE));
        page = arabicPage();
    }

    @Benchmark
    public String render() throws FeedException {
        return switch (format) {
            case "ROME_RSS" -> plainRome(page, "rss_2.0");
            case "ROME_ATOM" -> plainRome(page, "atom_1.0");
            default -> renderer.render(FeedFormat.valueOf(format), page);
        };
    }

    /** Fifty stored Arabic articles made from the seed, newest first. */
    static FeedPage arabicPage() throws Exception {
        byte[] seed = Files.readAllBytes(ProjectPaths.root().resolve(SEED));
        ParsedArticle parsed = ContentParser.standard().parse(seed, "incoming/000_eb83513c9fa28be5.txt");
        Instant newest = Instant.parse("2026-11-25T01:30:00Z");
        List<FeedEntry> entries = new ArrayList<>(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            Instant published = newest.minusSeconds(3600L * i);
            StoredArticle article = new StoredArticle(String.format("%016x", 0xeb83513c9fa28be5L + i), "ar", "ar",
                    parsed.title() + " " + i, parsed.summary(), parsed.blocks(), parsed.author(),
                    List.of("الصين", "روسيا"), published, published.plusSeconds(60), 1,
                    "incoming/" + i + ".txt", "0".repeat(64), false, null, false, null, parsed.canonicalUrl(),
                    parsed.leadImage());
            entries.add(new FeedEntry(article, List.of("en", "es")));
        }
        return FeedPage.single("ar", entries, newest.plusSeconds(60));
    }

    /** The same entries through Rome's generic model and writer, with nothing Tarjim adds. */
    static String plainRome(FeedPage page, String type) throws FeedException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle("Tarjim (ar)");
        feed.setLink(BASE + "/");
        feed.setUri(BASE + "/feeds/ar/" + ("rss_2.0".equals(type) ? "rss.xml" : "atom.xml"));
        feed.setDescription("Tarjim articles in ar");
        feed.setLanguage(page.language());
        feed.setPublishedDate(Date.from(page.updated()));
        List<SyndEntry> entries = new ArrayList<>(page.entries().size());
        for (FeedEntry e : page.entries()) {
            StoredArticle a = e.article();
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(a.title());
            entry.setLink(BASE + "/articles/" + a.id() + "/" + a.language());
            entry.setUri("tag:tarjim.dev,2026:article/" + a.id() + "/" + a.language());
            entry.setPublishedDate(Date.from(a.published()));
            entry.setUpdatedDate(Date.from(a.updated()));
            if (a.author() != null) {
                entry.setAuthor(a.author());
            }
            SyndContent summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(a.summary());
            entry.setDescription(summary);
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(BodyHtml.render(a.blocks()));
            entry.setContents(List.of(content));
            List<SyndCategory> categories = new ArrayList<>();
            for (String tag : a.tags()) {
                SyndCategory c = new SyndCategoryImpl();
                c.setName(tag);
                categories.add(c);
            }
            entry.setCategories(categories);
            entries.add(entry);
        }
        feed.setEntries(entries);
        return new SyndFeedOutput().outputString(feed);
    }
}
