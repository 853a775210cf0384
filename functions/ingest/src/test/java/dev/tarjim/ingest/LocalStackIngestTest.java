package dev.tarjim.ingest;

import dev.tarjim.emulators.TestContext;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.store.TableSchema;
import dev.tarjim.support.AwsClients;
import dev.tarjim.support.Json;
import dev.tarjim.support.Log;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The seed's flow against LocalStack: the same handler code, only endpoints differ. Needs Docker; where there is
 * none (as on the build machines) JUnit reports it skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIngestTest {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse("localstack/localstack:4.4")).withServices(Service.S3, Service.DYNAMODB);

    @Test
    void seed_isStoredAndReported_onLocalStack() throws Exception {
        System.setProperty("aws.accessKeyId", LOCALSTACK.getAccessKey());
        System.setProperty("aws.secretAccessKey", LOCALSTACK.getSecretKey());
        Region region = Region.of(LOCALSTACK.getRegion());
        S3Client s3 = AwsClients.s3(region, LOCALSTACK.getEndpointOverride(Service.S3));
        DynamoDbClient dynamo = AwsClients.dynamo(region, LOCALSTACK.getEndpointOverride(Service.DYNAMODB));
        s3.createBucket(b -> b.bucket(Stack.BUCKET));
        TableSchema.create(dynamo, TableSchema.createTableRequest(Stack.TABLE));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(Stack.TABLE));

        IngestConfig config = IngestConfig.from(Map.of("AWS_REGION", LOCALSTACK.getRegion(),
                "TABLE_NAME", Stack.TABLE, "TRANSLATION_ENGINE", "none", "TARGET_LANGUAGES", "en"));
        IngestHandler handler = new IngestHandler(IngestWiring.service(config,
                dev.tarjim.support.S3Objects.create(region, LOCALSTACK.getEndpointOverride(Service.S3)), dynamo,
                Log.forFunction("ls")));
        byte[] seed = Files.readAllBytes(ProjectPaths.root().resolve("samples/000_eb83513c9fa28be5.txt")
                .normalize());
        String key = "incoming/seed.txt";
        s3.putObject(b -> b.bucket(Stack.BUCKET).key(key), RequestBody.fromBytes(seed));
        handler.handleRequest(S3Events.put(Stack.BUCKET, key, seed.length, S3Events.nextSequencer()),
                new TestContext());

        JsonNode report = Json.mapper().readTree(s3.getObjectAsBytes(b -> b.bucket(Stack.BUCKET)
                .key(S3Reports.reportKey(key))).asByteArray());
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(new DynamoArticleStore(dynamo, Stack.TABLE, Clock.systemUTC())
                .article(IngestService.articleId(key), "ar").orElseThrow().paragraphs()).hasSize(10);
    }
}
