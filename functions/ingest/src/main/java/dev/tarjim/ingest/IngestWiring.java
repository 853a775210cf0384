package dev.tarjim.ingest;

import dev.tarjim.article.ContentParser;
import dev.tarjim.article.LanguageResolver;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.support.AwsClients;
import dev.tarjim.support.Log;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the ingest service from configuration: the one place that knows which adapters run. */
final class IngestWiring {
    private IngestWiring() {
    }

    static IngestService service(IngestConfig config, Log log) {
        S3Client s3 = AwsClients.s3(config.region(), config.s3Endpoint());
        DynamoDbClient dynamo = AwsClients.dynamo(config.region(), config.dynamoEndpoint());
        return service(config, s3, dynamo, log);
    }

    static IngestService service(IngestConfig config, S3Client s3, DynamoDbClient dynamo, Log log) {
        Clock clock = Clock.systemUTC();
        DynamoArticleStore store = new DynamoArticleStore(dynamo, config.tableName(), clock);
        Translations translations = Translations.none(clock);
        return new IngestService(new S3Uploads(s3), ContentParser.standard(), LanguageResolver.standard(), store, new S3Reports(s3), translations,
                new IngestService.Settings(config.maxUploadBytes(), config.targets(), Duration.ofMinutes(5),
                        config.leaseWait()),
                clock, log);
    }
}
