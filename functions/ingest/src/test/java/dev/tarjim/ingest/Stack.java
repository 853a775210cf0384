package dev.tarjim.ingest;

import dev.tarjim.emulators.Dynalite;
import dev.tarjim.emulators.Ports;
import dev.tarjim.emulators.S3Server;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.store.TableSchema;
import dev.tarjim.support.AwsClients;
import dev.tarjim.support.Json;
import dev.tarjim.support.Log;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The emulated AWS of the ingest tests: dynalite and an in-process s3proxy on free ports, real SDK clients over HTTP.
 */
final class Stack implements AutoCloseable {
    static final String BUCKET = "tarjim-articles";
    static final String TABLE = "tarjim-test";

    final Dynalite dynalite;
    final S3Server s3Server;
    final S3Client s3;
    /** What the functions use for S3: signed requests (no S3 client in their zips). */
    final dev.tarjim.support.S3Objects objects;
    final DynamoDbClient dynamo;
    final DynamoArticleStore store;

    Stack() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        try {
            Path dir = Files.createTempDirectory("tarjim-s3-");
            dynalite = Dynalite.startInMemory();
            s3Server = S3Server.start(Ports.free(), dir, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s3Server.createBucket(BUCKET);
        s3 = AwsClients.s3(Region.US_EAST_1, s3Server.endpoint());
        objects = dev.tarjim.support.S3Objects.create(Region.US_EAST_1, s3Server.endpoint());
        dynamo = AwsClients.dynamo(Region.US_EAST_1, dynalite.endpoint());
        TableSchema.create(dynamo, TableSchema.createTableRequest(TABLE));
        store = new DynamoArticleStore(dynamo, TABLE, Clock.systemUTC());
    }

    /** The configuration the handler would read from its environment, pointing at this stack. */
    IngestConfig config(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("TABLE_NAME", TABLE);
        env.put("AWS_ENDPOINT_URL_S3", s3Server.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
        env.put("TRANSLATION_ENGINE", "none");
        env.put("TARGET_LANGUAGES", "en,es");
        env.put("LEASE_WAIT_SECONDS", "5");
        env.putAll(overrides);
        return IngestConfig.from(env);
    }

    IngestHandler handler(Map<String, String> overrides) {
        return new IngestHandler(IngestWiring.service(config(overrides), objects, dynamo, Log.forFunction("ingest-test")));
    }

    void upload(String key, byte[] body) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
    }

    void remove(String key) {
        s3.deleteObject(b -> b.bucket(BUCKET).key(key));
    }

    JsonNode report(String uploadKey) {
        try {
            return Json.mapper().readTree(s3.getObjectAsBytes(b -> b.bucket(BUCKET)
                    .key(S3Reports.reportKey(uploadKey))).asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        s3.close();
        dynamo.close();
        s3Server.close();
        dynalite.close();
    }
}
