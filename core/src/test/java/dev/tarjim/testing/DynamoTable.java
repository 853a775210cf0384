package dev.tarjim.testing;

import dev.tarjim.emulators.Dynalite;
import dev.tarjim.store.TableSchema;
import dev.tarjim.support.AwsClients;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A dynalite process (in memory) and a fresh table per call of {@link #newTable()}, for emulator tests. */
public final class DynamoTable implements AutoCloseable {
    private static final AtomicInteger TABLES = new AtomicInteger();

    public final Dynalite dynalite;
    public final DynamoDbClient dynamo;

    private DynamoTable(Dynalite dynalite, DynamoDbClient dynamo) {
        this.dynalite = dynalite;
        this.dynamo = dynamo;
    }

    public static DynamoTable start() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        Dynalite d = Dynalite.startInMemory();
        return new DynamoTable(d, AwsClients.dynamo(Region.US_EAST_1, d.endpoint()));
    }

    /** A client of the same dynalite with an interceptor (the benchmark counts requests with it). */
    public DynamoDbClient client(ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(dynalite.endpoint())
                .httpClient(AwsClients.httpClient(Duration.ofSeconds(10)))
                .overrideConfiguration(o -> o.addExecutionInterceptor(interceptor))
                .build();
    }

    /** Creates an empty table and returns its name. */
    public String newTable() {
        String name = "tarjim-test-" + TABLES.incrementAndGet();
        TableSchema.create(dynamo, TableSchema.createTableRequest(name));
        return name;
    }

    @Override
    public void close() {
        dynamo.close();
        dynalite.close();
    }
}
