package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.tarjim.emulators.Ports;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The whole stack on free ports, with test doubles as functions: what an editor's upload sets in motion. */
class LocalStackTest {
    private static final Path AWS_CLI = Path.of("/usr/bin/aws");
    private static final StaticCredentialsProvider TEST_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    @TempDir
    static Path data;

    static LocalStack stack;
    static final RecordingIngest INGEST = new RecordingIngest();
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        stack = LocalStack.start(config(data, INGEST).build());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static LocalConfig.Builder config(Path dataDir, RecordingIngest ingest) {
        return LocalConfig.builder(dataDir).freePorts().apy(false).retryDelay(Duration.ofMillis(10))
                .ingestFunction(() -> ingest)
                .apiFunction(() -> (event, context) -> new APIGatewayProxyResponseEvent().withStatusCode(200)
                        .withHeaders(Map.of("Content-Type", "text/plain; charset=utf-8"))
                        .withBody(context.getFunctionName() + " " + event.getPath()))
                .out(new PrintStream(LOG, true, StandardCharsets.UTF_8));
    }

    static S3Client s3(LocalStack s) {
        return S3Client.builder().endpointOverride(s.s3Endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(TEST_CREDENTIALS).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void awsCliUpload_withArabicKey_thenDelete_invokeIngestWithS3Events() throws Exception {
        assumeTrue(Files.isExecutable(AWS_CLI), "Debian's AWS CLI v2 is not installed");
        int before = INGEST.records.size();
        Path article = Files.writeString(data.resolve("upload.txt"), "عنوان\n\nفقرة أولى.");
        String target = "s3://tarjim-articles/incoming/مقال جديد.txt";

        aws("s3", "cp", article.toString(), target);
        try (S3Client s3 = s3(stack)) {
            s3.deleteObject(r -> r.bucket("tarjim-articles").key("incoming/مقال جديد.txt"));
        }
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(20))).isTrue();

        assertThat(INGEST.eventsAndKeys().subList(before, INGEST.records.size())).containsExactly(
                "ObjectCreated:Put incoming/مقال جديد.txt", "ObjectRemoved:Delete incoming/مقال جديد.txt");
        var put = INGEST.records.get(before).getS3();
        assertThat(put.getObject().getKey()).isEqualTo(
                "incoming/%D9%85%D9%82%D8%A7%D9%84+%D8%AC%D8%AF%D9%8A%D8%AF.txt");
        assertThat(put.getObject().getSizeAsLong()).isEqualTo(Files.size(article));
        assertThat(put.getObject().geteTag()).matches("[0-9a-f]{32}");
        assertThat(put.getBucket().getName()).isEqualTo("tarjim-articles");
        assertThat(INGEST.records.get(before + 1).getS3().getObject().getSequencer())
                .isGreaterThan(put.getObject().getSequencer());
    }

    @Test
    void sdkPutOutsideTheTriggerPrefix_invokesNothing() throws Exception {
        int before = INGEST.records.size();
        try (S3Client s3 = s3(stack)) {
            s3.putObject(r -> r.bucket("tarjim-articles").key("reports/incoming/x.txt.json"),
                    RequestBody.fromString("{}"));
            s3.putObject(r -> r.bucket("tarjim-articles").key("incoming/x.txt"), RequestBody.fromString("x"));
        }
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(20))).isTrue();

        assertThat(INGEST.eventsAndKeys().subList(before, INGEST.records.size()))
                .containsExactly("ObjectCreated:Put incoming/x.txt");
    }

    @Test
    void start_createsTableBucketAndPartnerKeys() {
        try (DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(stack.dynamoEndpoint())
                .region(Region.US_EAST_1).credentialsProvider(TEST_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
                S3Client s3 = s3(stack)) {
            assertThat(ddb.describeTable(r -> r.tableName("tarjim")).table().tableStatusAsString())
                    .isEqualTo("ACTIVE");
            s3.headBucket(r -> r.bucket("tarjim-articles"));
        }
        assertThat(stack.partnerKeys().all()).hasSize(1);
        assertThat(data.resolve("partner-keys.json")).exists();
    }

    @Test
    void gateway_invokesTheApiFunction() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(stack.gatewayEndpoint().resolve("/feeds/ar/rss.xml")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ApiFunction /feeds/ar/rss.xml");
    }

    @Test
    void start_portTaken_failsNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalConfig config = config(data.resolve("other"), new RecordingIngest())
                    .ports(Ports.free(), taken.getLocalPort(), Ports.free(), Ports.free()).build();

            assertThatThrownBy(() -> LocalStack.start(config))
                    .isInstanceOf(LocalStack.PortInUseException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("S3");
            assertThat(Ports.listening(config.dynamoPort())).isFalse();
        }
    }

    @Test
    void restart_keepsObjectsAndTable_andSequencersKeepGrowing(@TempDir Path own) throws Exception {
        RecordingIngest ingest = new RecordingIngest();
        try (LocalStack first = LocalStack.start(config(own, ingest).build()); S3Client s3 = s3(first)) {
            s3.putObject(r -> r.bucket("tarjim-articles").key("incoming/a.md"), RequestBody.fromString("a"));
            assertThat(first.awaitIngestIdle(Duration.ofSeconds(20))).isTrue();
        }
        try (LocalStack second = LocalStack.start(config(own, ingest).build()); S3Client s3 = s3(second)) {
            assertThat(s3.getObjectAsBytes(r -> r.bucket("tarjim-articles").key("incoming/a.md")).asUtf8String())
                    .isEqualTo("a");
            s3.deleteObject(r -> r.bucket("tarjim-articles").key("incoming/a.md"));
            assertThat(second.awaitIngestIdle(Duration.ofSeconds(20))).isTrue();
        }

        assertThat(ingest.eventsAndKeys()).containsExactly("ObjectCreated:Put incoming/a.md",
                "ObjectRemoved:Delete incoming/a.md");
        assertThat(ingest.records.get(1).getS3().getObject().getSequencer())
                .isGreaterThan(ingest.records.get(0).getS3().getObject().getSequencer());
    }

    private static void aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AWS_CLI.toString(), "--endpoint-url",
                stack.s3Endpoint().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", new File(data.toFile(), "no-aws-config").getPath());
        env.put("AWS_SHARED_CREDENTIALS_FILE", new File(data.toFile(), "no-aws-credentials").getPath());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("aws %s: %s", String.join(" ", args), output).isZero();
    }

}
