package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.Json;
import dev.tarjim.syndication.NinjsWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes every output of the rich articles, in English and in Arabic, to {@code core/target/rich-samples/} so that
 * the external checkers (W3C feed validator, RFC 4287 RELAX NG, JSON Feed schema, feedparser, newsboat, IPTC's
 * ninjs schema) can be run on them by hand (English, Spanish machine translation, Arabic, and a hostile set):
 *
 * <pre>
 * T=../shared/tools; S=core/target/rich-samples
 * $T/feed-checkers/w3c-validate --base http://127.0.0.1:3000/feeds/ar/atom.xml $S/ar-atom.xml
 * $T/feed-checkers/atom-rng $S/ar-atom.xml; $T/feed-checkers/jsonfeed-check $S/ar-feed.json
 * $T/ninjs-check/ninjs-check --strip tarjim $S/ninjs-ar.json
 * </pre>
 *
 * <p>or all at once, where the checkers are set up (their README), with
 * {@code mvn -pl core -am test -Dtest=RichSamplesTest -Dtarjim.checkers=/path/to/shared/tools}.
 */
class RichSamplesTest {

    private static final Path DIR = Path.of("target", "rich-samples");
    private static final List<String> SETS = List.of("en", "es", "ar", "hostile-ar");

    @Test
    void writeRichSamples_inEnglishAndArabic_allWellFormed() throws Exception {
        writeSamples(DIR);
        assertThat(DIR.resolve("ar-atom.xml")).isNotEmptyFile();
    }

    /**
     * Every checker accepts every sample: no error from the W3C validator (the hostile set's text draws warnings),
     * RFC 4287's RELAX NG schema, the JSON Feed schema, feedparser and IPTC's ninjs 2.2 schema.
     */
    @Test
    @EnabledIfSystemProperty(named = "tarjim.checkers", matches = ".+")
    void externalCheckers_acceptEverySample() throws Exception {
        Path tools = Path.of(System.getProperty("tarjim.checkers"));
        Path feeds = tools.resolve("feed-checkers");
        writeSamples(DIR);
        for (String set : SETS) {
            String lang = set.replace("hostile-", "");
            for (String format : List.of("rss.xml", "atom.xml")) {
                assertChecker(feeds.resolve("w3c-validate").toString(), "--base",
                        SETTINGS.baseUrl() + "/feeds/" + lang + "/" + format, file(set + "-" + format));
                assertChecker(feeds.resolve("feedparser-check").toString(), file(set + "-" + format));
            }
            assertChecker(feeds.resolve("atom-rng").toString(), file(set + "-atom.xml"));
            assertChecker(feeds.resolve("jsonfeed-check").toString(), file(set + "-feed.json"));
            assertChecker(tools.resolve("ninjs-check/ninjs-check").toString(), "--strip", "tarjim",
                    file("ninjs-" + set + ".json"));
        }
    }

    private static String file(String name) {
        return DIR.resolve(name).toAbsolutePath().toString();
    }

    private static void assertChecker(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s\n%s", String.join(" ", command), output).isZero();
    }

    private static void writeSamples(Path dir) throws Exception {
        Files.createDirectories(dir);
        FeedRenderer feeds = new FeedRenderer(SETTINGS);
        PageRenderer pages = new PageRenderer(SETTINGS);
        NinjsWriter ninjs = new NinjsWriter(URI.create(SETTINGS.baseUrl()));

        List<StoredArticle> english = List.of(TestArticles.richEnglish());
        List<StoredArticle> spanish = List.of(TestArticles.richSpanishTranslation(),
                TestArticles.spanishTranslation());
        List<StoredArticle> arabic = List.of(TestArticles.richArabic(), TestArticles.arabicOriginal(),
                TestArticles.arabicTranslation());
        // The hostile set holds what parsers never let through (an image URL that is not a URI, for one): the
        // checkers' findings on it are about its text, never about the feed's structure.
        List<StoredArticle> hostile = List.of(TestArticles.hostileRich("ar"), TestArticles.hostile("ar"));
        for (List<StoredArticle> articles : List.of(english, spanish, arabic, hostile)) {
            String lang = (articles == hostile ? "hostile-" : "") + articles.get(0).language();
            FeedPage page = new FeedPage(articles.get(0).language(), TestArticles.entries(articles, "ar", "en", "es"), null, null,
                    "older-page");
            String rss = feeds.render(FeedFormat.RSS, page);
            String atom = feeds.render(FeedFormat.ATOM, page);
            String json = feeds.render(FeedFormat.JSON_FEED, page);
            XmlTrees.parse(rss);
            XmlTrees.parse(atom);
            JsonFeedRendererTest.assertValidJsonFeed11(Json.mapper().readTree(json));
            write(dir.resolve(lang + "-rss.xml"), rss);
            write(dir.resolve(lang + "-atom.xml"), atom);
            write(dir.resolve(lang + "-feed.json"), json);
            write(dir.resolve(lang + "-page.html"), pages.article(new FeedEntry(articles.get(0), List.of("es"))));
            List<ObjectNode> items = new ArrayList<>();
            articles.forEach(a -> items.add(ninjs.toNinjs(a)));
            write(dir.resolve("ninjs-" + lang + ".json"),
                    Json.mapper().writeValueAsString(ninjs.changesPage(items, "cursor", false)));
        }
    }

    private static void write(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
