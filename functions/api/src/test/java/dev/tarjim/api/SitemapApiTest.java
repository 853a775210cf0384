package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.tarjim.emulators.SitemapSchemas;
import java.io.StringReader;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The search engines' routes through the handler, on dynalite: robots.txt, the index of every language's News and
 * monthly sitemaps, alternates from the articles' live languages, withdrawn texts left out, and 304 on a repeat.
 */
class SitemapApiTest {
    private static final String BASE = "http://127.0.0.1:3000";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant OLD = Instant.parse("2025-03-14T10:00:00Z");
    private static ApiStack stack;

    @BeforeAll
    static void start() {
        stack = new ApiStack(Map.of("FEED_SETTLE_SECONDS", "0", "SITE_NAME_BY_LANGUAGE", "es=Tiempos Globales"));
        stack.put("5e00000000000001", "en", "en", "Fresh & <new>", NOW.minus(2, ChronoUnit.HOURS), 1,
                List.of("Fresh."));
        stack.put("5e00000000000001", "es", "en", "Fresco", NOW.minus(2, ChronoUnit.HOURS), 1, List.of("Fresco."));
        stack.put("5e00000000000002", "en", "en", "Last year", OLD, 1, List.of("Old news."));
        stack.put("5e00000000000003", "en", "en", "Withdrawn", NOW.minus(1, ChronoUnit.HOURS), 1, List.of("Gone."));
        stack.withdraw("5e00000000000003", "en");
        stack.put("5a00000000000001", "ar", "ar", "خبر قديم", OLD.minus(40, ChronoUnit.DAYS), 1, List.of("نص."));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static APIGatewayProxyResponseEvent get(String path, Map<String, String> headers) {
        return stack.get(path, Map.of(), headers, null);
    }

    @Test
    void robots_isPlainText_namingTheIndex() {
        APIGatewayProxyResponseEvent r = get("/robots.txt", Map.of());
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.getBody()).contains("Sitemap: " + BASE + "/sitemap.xml").contains("Disallow: /editor/")
                .contains("Disallow: /syndication/");
    }

    @Test
    void index_listsNewsOnlyWhereRecent_andEveryMonthWithArticles_andAnswers304OnARepeat() throws Exception {
        APIGatewayProxyResponseEvent r = get("/sitemap.xml", Map.of());
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/xml; charset=utf-8");
        assertThat(r.getHeaders().get("Cache-Control")).startsWith("public, max-age=");
        SitemapSchemas.validateIndex(r.getBody());
        String month = YearMonth.from(NOW.minus(2, ChronoUnit.HOURS).atZone(ZoneOffset.UTC)).toString();
        assertThat(locs(r.getBody(), "sitemap")).containsExactlyInAnyOrder(
                BASE + "/sitemaps/ar/2025-02.xml",
                BASE + "/sitemaps/en/news.xml", BASE + "/sitemaps/en/" + month + ".xml", BASE + "/sitemaps/en/2025-03.xml",
                BASE + "/sitemaps/es/news.xml", BASE + "/sitemaps/es/" + month + ".xml");

        String etag = r.getHeaders().get("ETag");
        assertThat(etag).startsWith("\"sm-");
        APIGatewayProxyResponseEvent again = get("/sitemap.xml", Map.of("If-None-Match", etag));
        assertThat(again.getStatusCode()).isEqualTo(304);
        assertThat(again.getBody()).isNullOrEmpty();
    }

    @Test
    void news_listsTheLastTwoDays_withoutWithdrawnTexts_andPassesGooglesSchema() throws Exception {
        APIGatewayProxyResponseEvent r = get("/sitemaps/en/news.xml", Map.of());
        assertThat(r.getStatusCode()).isEqualTo(200);
        SitemapSchemas.validateUrlset(r.getBody());
        assertThat(locs(r.getBody(), "url")).containsExactly(BASE + "/articles/5e00000000000001/en");
        assertThat(r.getBody()).contains("<news:name>Tarjim</news:name>").contains("<news:language>en</news:language>")
                .contains("<news:title>Fresh &amp; &lt;new&gt;</news:title>");
        // The publication's name in the sitemap's language, where the branding gives one.
        assertThat(get("/sitemaps/es/news.xml", Map.of()).getBody())
                .contains("<news:name>Tiempos Globales</news:name>");
        assertThat(get("/sitemaps/ar/news.xml", Map.of()).getStatusCode()).as("nothing recent in Arabic")
                .isEqualTo(404);
    }

    @Test
    void monthSitemap_namesEachLiveTranslation_andXDefault() throws Exception {
        String month = YearMonth.from(NOW.minus(2, ChronoUnit.HOURS).atZone(ZoneOffset.UTC)).toString();
        APIGatewayProxyResponseEvent r = get("/sitemaps/es/" + month + ".xml", Map.of());
        assertThat(r.getStatusCode()).isEqualTo(200);
        SitemapSchemas.validateUrlset(r.getBody());
        Document doc = parse(r.getBody());
        assertThat(locs(r.getBody(), "url")).containsExactly(BASE + "/articles/5e00000000000001/es");
        NodeList links = doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
        assertThat(links.getLength()).isEqualTo(3);
        Map<String, String> alternates = new java.util.TreeMap<>();
        for (int i = 0; i < links.getLength(); i++) {
            Element l = (Element) links.item(i);
            alternates.put(l.getAttribute("hreflang"), l.getAttribute("href"));
        }
        assertThat(alternates).containsExactly(Map.entry("en", BASE + "/articles/5e00000000000001/en"),
                Map.entry("es", BASE + "/articles/5e00000000000001/es"),
                Map.entry("x-default", BASE + "/articles/5e00000000000001/en"));

        APIGatewayProxyResponseEvent old = get("/sitemaps/en/2025-03.xml", Map.of());
        SitemapSchemas.validateUrlset(old.getBody());
        assertThat(locs(old.getBody(), "url")).containsExactly(BASE + "/articles/5e00000000000002/en");
        assertThat(get("/sitemaps/en/2025-04.xml", Map.of()).getStatusCode()).isEqualTo(404);
        assertThat(get("/sitemaps/fr/2025-03.xml", Map.of()).getStatusCode()).isEqualTo(404);
        assertThat(get("/sitemaps/en/2025-13.xml", Map.of()).getStatusCode()).isEqualTo(404);
        assertThat(get("/sitemaps/EN!/news.xml", Map.of()).getStatusCode()).isEqualTo(404);
    }

    private static List<String> locs(String xml, String parent) throws Exception {
        Document doc = parse(xml);
        NodeList nodes = doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode().getLocalName().equals(parent)) {
                out.add(nodes.item(i).getTextContent());
            }
        }
        return out;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
