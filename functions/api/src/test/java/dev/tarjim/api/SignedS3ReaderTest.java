package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.emulators.S3Server;
import dev.tarjim.support.AwsClients;
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
 * The API's S3 reader without the S3 client: signed GETs and presigned links against s3proxy, which checks SigV4
 * signatures with the emulator's credentials (a tampered signature is refused, so a wrong one could not pass).
 */
class SignedS3ReaderTest {
    private static final String BUCKET = "reader-test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    private static S3Server server;
    private static S3Client s3;
    private static SignedS3Reader reader;

    @BeforeAll
    static void start() {
        System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
        server = S3Server.start(dev.tarjim.emulators.Ports.free(), data, null);
        server.createBucket(BUCKET);
        s3 = AwsClients.s3(Region.US_EAST_1, server.endpoint());
        reader = new SignedS3Reader(Region.US_EAST_1, server.endpoint());
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
