package dev.tarjim.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.emulators.S3Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 without the S3 client: signed GET, PUT and DELETE and presigned links against s3proxy, which checks SigV4
 * signatures with the emulator's credentials (a tampered signature is refused, so a wrong one could not pass); what
 * one writes the SDK's own client reads back, and the other way round.
 */
class S3ObjectsTest {
    private static final String BUCKET = "reader-test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    private static S3Server server;
    private static S3Client s3;
    private static S3Objects reader;

    @BeforeAll
    static void start() {
        System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
        server = S3Server.start(dev.tarjim.emulators.Ports.free(), data, null);
        server.createBucket(BUCKET);
        s3 = AwsClients.s3(Region.US_EAST_1, server.endpoint());
        reader = S3Objects.create(Region.US_EAST_1, server.endpoint());
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    @Test
    void signedGet_readsTheObject_andAMissingOneIsEmpty() {
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        s3.putObject(b -> b.bucket(BUCKET).key("media/a b+c~d.png"), RequestBody.fromBytes(bytes));
        assertThat(reader.get(BUCKET, "media/a b+c~d.png")).contains(bytes);
        assertThat(reader.get(BUCKET, "media/none.png")).isEmpty();
    }

    @Test
    void put_isReadBackByTheSdk_withItsHeaders_andDeleteRemovesIt() {
        byte[] json = "{\"status\":\"stored\",\"title\":\"الخبر\"}".getBytes(StandardCharsets.UTF_8);
        reader.put(BUCKET, "reports/incoming/a b.md.json", "application/json; charset=utf-8", "no-cache", json);
        var object = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("reports/incoming/a b.md.json"));
        assertThat(object.asByteArray()).isEqualTo(json);
        // s3proxy (jclouds) drops the space after the semicolon; the type and charset are what was sent.
        assertThat(object.response().contentType()).isEqualToIgnoringWhitespace("application/json; charset=utf-8");
        assertThat(object.response().cacheControl()).isEqualTo("no-cache");

        assertThat(reader.open(BUCKET, "reports/incoming/a b.md.json").orElseThrow().contentLength())
                .isEqualTo(json.length);
        reader.delete(BUCKET, "reports/incoming/a b.md.json");
        assertThat(reader.get(BUCKET, "reports/incoming/a b.md.json")).isEmpty();
        reader.delete(BUCKET, "reports/incoming/a b.md.json");
    }

    @Test
    void aRefusal_isTheSdksServiceException_withItsStatus() {
        S3Objects wrongKey = new S3Objects(Region.US_EAST_1, server.endpoint(),
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "wrong")),
                AwsClients.httpClient(Duration.ofSeconds(5)), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrongKey.get(BUCKET, "media/x.png"))
                .isInstanceOf(software.amazon.awssdk.core.exception.SdkServiceException.class)
                .satisfies(e -> assertThat(((software.amazon.awssdk.core.exception.SdkServiceException) e).statusCode())
                        .isEqualTo(403));
    }

    @Test
    void presignedLink_works_withoutCredentials_andNotOnceTampered() throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key("incoming/report 1.md"), RequestBody.fromString("# Title\n"));
        String link = reader.presignedGet(BUCKET, "incoming/report 1.md", Duration.ofMinutes(5));
        assertThat(link).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
        HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("# Title\n");

        assertThat(link).matches(".*[?&]X-Amz-Signature=[0-9a-f]{64}$");
        String tampered = link.substring(0, link.length() - 1) + (link.endsWith("0") ? "1" : "0");
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(tampered)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(403);
    }
}
