package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.support.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Media end to end over the local stack: a PNG and Markdown articles that show it by a relative path are uploaded to
 * the local S3 with the SDK, ingested by the real handler, and read over HTTP through the local gateway: the report,
 * the image at its media URL (the exact bytes, its type, immutable caching), the article page's figure, a missing
 * image reported and left out, an article uploaded before its photo, and a deleted photo withdrawn.
 */
class LocalStackMediaTest {
    private static final String BUCKET = "tarjim-articles";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    private static LocalStack stack;
    private static S3Client s3;
    private static byte[] png;

    @BeforeAll
    static void start() throws Exception {
        stack = TestStacks.start(data, false, Map.of("TARGET_LANGUAGES", ""));
        s3 = LocalStackTest.s3(stack);
        png = png(120, 80);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void png_isServedAtItsMediaUrl_andTheArticleBesideItShowsItWithItsSize() throws Exception {
        JsonNode photo = upload("incoming/harbour/photo.png", png);
        assertThat(photo.get("status").asText()).as(photo.toString()).isEqualTo("media");
        assertThat(photo.get("width").asInt()).isEqualTo(120);
        assertThat(photo.get("height").asInt()).isEqualTo(80);
        assertThat(photo.get("bytes").asLong()).isEqualTo(png.length);
        String url = photo.get("url").asText();
        assertThat(url).startsWith(stack.gatewayEndpoint() + "/media/").endsWith(".png");

        HttpResponse<byte[]> image = get(url, Map.of());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(png);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(image.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'");
        String etag = image.headers().firstValue("ETag").orElseThrow();
        assertThat(get(url, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);

        JsonNode article = upload("incoming/harbour/story.md", markdown("Harbour at dawn",
                "![The harbour at dawn](photo.png \"Boats leaving at dawn\")"));
        assertThat(article.get("status").asText()).as(article.toString()).isEqualTo("stored");
        assertThat(article.get("warnings")).isEmpty();
        for (String field : new String[] {"url", "width", "height", "bytes"}) {
            assertThat(article.has(field)).as(field + " present").isTrue();
            assertThat(article.get(field).isNull()).as(field + " null for an article").isTrue();
        }
        Element img = page(article.get("articleId").asText()).selectFirst("figure img");
        assertThat(img).isNotNull();
        assertThat(img.attr("src")).isEqualTo(url);
        assertThat(img.attr("width")).isEqualTo("120");
        assertThat(img.attr("height")).isEqualTo("80");
        assertThat(img.attr("alt")).isEqualTo("The harbour at dawn");

        JsonNode html = upload("incoming/harbour/page.html", html("Harbour page",
                "<figure><img src=\"photo.png\" alt=\"Boats\"><figcaption>Boats at dawn</figcaption></figure>"));
        assertThat(html.get("status").asText()).as(html.toString()).isEqualTo("stored");
        Element htmlImg = page(html.get("articleId").asText()).selectFirst("figure img");
        assertThat(htmlImg).isNotNull();
        assertThat(htmlImg.attr("src")).isEqualTo(url);
        assertThat(htmlImg.attr("width")).isEqualTo("120");

        String file = url.substring(url.lastIndexOf('/') + 1);
        String other = file.substring(0, file.length() - 4);
        assertThat(get(stack.gatewayEndpoint() + "/media/" + other + ".jpg", Map.of()).statusCode())
                .as("the right id with another type").isEqualTo(404);
        assertThat(get(stack.gatewayEndpoint() + "/media/0000000000000000-0000000000000000.png", Map.of())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void missingImage_isAWarning_andNoImageIsShown() throws Exception {
        JsonNode article = upload("incoming/missing/story.md", markdown("Nothing to see",
                "![A photo never uploaded](absent.jpg \"A caption that stays\")"));

        assertThat(article.get("status").asText()).as(article.toString()).isEqualTo("stored");
        assertThat(article.get("warnings").toString()).contains("absent.jpg").contains("not uploaded");
        Document page = page(article.get("articleId").asText());
        assertThat(page.select("article img, main img, figure")).isEmpty();
        assertThat(page.select("p").eachText()).contains("A caption that stays");
    }

    /**
     * An article uploaded before its photo shows it as soon as the photo arrives, without a new upload of the
     * article; a later upload of the same bytes changes nothing; an article that dropped the image before it arrived
     * is left alone.
     */
    @Test
    void articleUploadedBeforeItsPhoto_showsItWhenThePhotoArrives_andADeletedPhotoIsWithdrawn() throws Exception {
        byte[] md = markdown("Photo arrives late", "![Late photo](late.png)");
        JsonNode first = upload("incoming/late/story.md", md);
        assertThat(first.get("warnings").toString()).contains("late.png");
        String id = first.get("articleId").asText();
        assertThat(page(id).select("figure img")).isEmpty();
        JsonNode dropped = upload("incoming/late/other.md", markdown("Photo dropped", "![Late photo](late.png)"));
        upload("incoming/late/other.md", markdown("Photo dropped", "No photo after all."));

        JsonNode photo = upload("incoming/late/late.png", png(64, 48));

        JsonNode second = report("incoming/late/story.md");
        assertThat(second.get("status").asText()).as(second.toString()).isEqualTo("stored");
        assertThat(second.get("revision").asLong()).isEqualTo(2);
        assertThat(second.get("warnings")).isEmpty();
        Element img = page(id).selectFirst("figure img");
        assertThat(img).isNotNull();
        assertThat(img.attr("src")).isEqualTo(photo.get("url").asText());
        assertThat(img.attr("width")).isEqualTo("64");
        JsonNode other = report("incoming/late/other.md");
        assertThat(other.get("revision").asLong()).as(other.toString()).isEqualTo(2);
        assertThat(other.get("status").asText()).as("not ingested again").isEqualTo("stored");
        assertThat(page(dropped.get("articleId").asText()).select("figure img")).isEmpty();

        JsonNode again = upload("incoming/late/story.md", md);
        assertThat(again.get("status").asText()).isEqualTo("unchanged");
        assertThat(again.get("revision").asLong()).isEqualTo(2);

        s3.deleteObject(b -> b.bucket(BUCKET).key("incoming/late/late.png"));
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(report("incoming/late/late.png").get("status").asText()).isEqualTo("withdrawn");
        assertThat(get(photo.get("url").asText(), Map.of()).statusCode()).isEqualTo(404);
    }

    private static JsonNode upload(String key, byte[] body) throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(60))).isTrue();
        return report(key);
    }

    private static JsonNode report(String key) throws Exception {
        return Json.mapper().readTree(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("reports/" + key + ".json"))
                .asByteArray());
    }

    private static Document page(String id) throws Exception {
        HttpResponse<byte[]> r = get(stack.gatewayEndpoint() + "/articles/" + id + "/en", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        return Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] markdown(String title, String image) {
        return ("---\ntitle: " + title + "\nlang: en\n---\n\nThe boats left the harbour before the sun rose over "
                + "the old town, and the fishermen counted their nets on the quay.\n\n" + image + "\n\n"
                + "By noon the market was full and the first catch had been sold.\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] html(String title, String figure) {
        return ("<!doctype html><html lang=\"en\"><head><title>" + title + "</title></head><body><article><h1>"
                + title + "</h1><p>The boats left the harbour before the sun rose over the old town, and the "
                + "fishermen counted their nets on the quay while the gulls circled above the water.</p>" + figure
                + "<p>By noon the market was full, the first catch had been sold and the cafés along the quay were "
                + "serving lunch to the crews coming back from the sea.</p></article></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
