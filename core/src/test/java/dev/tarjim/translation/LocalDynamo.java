package dev.tarjim.translation;

import dev.tarjim.emulators.Dynalite;
import dev.tarjim.store.TableSchema;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A DynamoDB client on a dynalite process, as tests and the benchmark use it. */
final class LocalDynamo {
    private LocalDynamo() {
    }

    static DynamoDbClient client(Dynalite dynalite) {
        return DynamoDbClient.builder()
                .endpointOverride(dynalite.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates a fresh table laid out as {@link TableSchema} says and returns its name. */
    static String newTable(DynamoDbClient dynamo) {
        String table = "tarjim-" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.createTable(TableSchema.createTableRequest(table));
        return table;
    }
}
