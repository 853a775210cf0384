package dev.tarjim.ingest;

import dev.tarjim.article.ContentParser;
import dev.tarjim.feed.FeedChanges;
import dev.tarjim.article.LanguageResolver;
import dev.tarjim.store.DynamoArticleStates;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.store.DynamoDeferredTranslations;
import dev.tarjim.store.DynamoTranslationReviews;
import dev.tarjim.support.AwsClients;
import dev.tarjim.support.Log;
import dev.tarjim.syndication.ChangeLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import dev.tarjim.translation.AmazonTranslateEngine;
import dev.tarjim.translation.ApertiumEngine;
import dev.tarjim.translation.DynamoTranslationBudget;
import dev.tarjim.translation.DynamoTranslationMemory;
import dev.tarjim.translation.NoEngine;
import dev.tarjim.translation.TranslationBudget;
import dev.tarjim.translation.TranslationEngine;
import dev.tarjim.translation.Translator;
import software.amazon.awssdk.services.translate.model.Formality;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import dev.tarjim.media.S3MediaLibrary;
import dev.tarjim.support.S3Objects;

/** Builds the ingest service from configuration: the one place that knows which adapters run. */
final class IngestWiring {
    /** The lease TTL unless {@code LEASE_TTL_SECONDS} says otherwise: see {@link IngestConfig#DEFAULT_LEASE_TTL}. */
    static final Duration LEASE_TTL = IngestConfig.DEFAULT_LEASE_TTL;

    private IngestWiring() {
    }

    /** @param feedChanges told of every feed the service changes (WebSub), or null */
    static IngestService service(IngestConfig config, Log log, FeedChanges feedChanges) {
        S3Objects s3 = S3Objects.create(config.region(), config.s3Endpoint());
        DynamoDbClient dynamo = AwsClients.dynamo(config.region(), config.dynamoEndpoint());
        return service(config, s3, dynamo, log, feedChanges);
    }

    /** The configured engine behind the translation memory; {@code none} says so honestly for every target. */
    static Translations translations(IngestConfig config, DynamoDbClient dynamo, DynamoArticleStore store,
            ChangeLog changeLog, Clock clock) {
        return translations(config, dynamo, store, changeLog, clock, budget(config, dynamo, clock));
    }

    /** The daily character cap, counted in the table; unlimited when {@code TRANSLATION_DAILY_CHARACTERS} is 0. */
    static TranslationBudget budget(IngestConfig config, DynamoDbClient dynamo, Clock clock) {
        return config.dailyCharacters() > 0
                ? new DynamoTranslationBudget(dynamo, config.tableName(), config.dailyCharacters(), clock)
                : TranslationBudget.unlimited();
    }

    private static Translations translations(IngestConfig config, DynamoDbClient dynamo, DynamoArticleStore store,
            ChangeLog changeLog, Clock clock, TranslationBudget budget) {
        TranslationEngine engine;
        switch (config.engine()) {
            case "none":
                engine = new NoEngine();
                break;
            case "apertium":
                engine = new ApertiumEngine(config.apertiumUrl());
                break;
            default:
                AmazonTranslateEngine.Settings settings = AmazonTranslateEngine.Settings.defaults();
                if (config.terminology() != null) {
                    settings = settings.withTerminologyNames(List.of(config.terminology()));
                }
                if (config.formality() != null) {
                    settings = settings.withFormality(Formality.fromValue(config.formality()));
                }
                engine = new AmazonTranslateEngine(AwsClients.translate(config.region(), config.translateEndpoint()),
                        settings);
        }
        EngineTranslations machine = new EngineTranslations(new Translator(engine,
                new DynamoTranslationMemory(dynamo, config.tableName(), clock), clock, budget), store, changeLog, clock);
        return new ReviewedTranslations(machine, new DynamoTranslationReviews(dynamo, config.tableName()), store,
                changeLog, clock);
    }

    static IngestService service(IngestConfig config, S3Objects s3, DynamoDbClient dynamo, Log log) {
        return service(config, s3, dynamo, log, null);
    }

    static IngestService service(IngestConfig config, S3Objects s3, DynamoDbClient dynamo, Log log,
            FeedChanges feedChanges) {
        Clock clock = Clock.systemUTC();
        DynamoArticleStore store = new DynamoArticleStore(dynamo, config.tableName(), clock,
                config.branding().tagAuthority(), feedChanges);
        ChangeLog changeLog = new ChangeLog(dynamo, config.tableName(), clock, ChangeLog.Settings.defaults());
        TranslationBudget budget = budget(config, dynamo, clock);
        Translations translations = translations(config, dynamo, store, changeLog, clock, budget);
        return new IngestService(new S3Uploads(s3), ContentParser.standard(), LanguageResolver.standard(), store,
                store, new S3Reports(s3), changeLog, translations,
                new IngestService.Settings(config.maxUploadBytes(), config.targets(), config.leaseTtl(),
                        config.leaseWait()),
                clock, log, new DynamoDeferredTranslations(dynamo, config.tableName()), budget)
                .withMedia(new S3MediaLibrary(s3, dynamo, config.tableName()), config.publicBaseUrl());
    }

    /** The dead-letter marking: the article states and reports only (no engine, no parser). */
    static DeadLetters deadLetters(IngestConfig config, Log log) {
        Clock clock = Clock.systemUTC();
        return new DeadLetters(new DynamoArticleStates(AwsClients.dynamo(config.region(), config.dynamoEndpoint()),
                config.tableName(), clock), new S3Reports(S3Objects.create(config.region(), config.s3Endpoint())),
                config.leaseTtl(), config.leaseWait(), clock, log);
    }

    /** The embargo release over the same table, lease rules and change log as the ingest. */
    static EmbargoRelease release(ReleaseConfig config, Log log, FeedChanges feedChanges) {
        IngestConfig ingest = config.ingest();
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = AwsClients.dynamo(ingest.region(), ingest.dynamoEndpoint());
        S3Objects s3 = S3Objects.create(ingest.region(), ingest.s3Endpoint());
        DynamoArticleStore store = new DynamoArticleStore(dynamo, ingest.tableName(), clock,
                ingest.branding().tagAuthority(), feedChanges);
        ChangeLog changeLog = new ChangeLog(dynamo, ingest.tableName(), clock, ChangeLog.Settings.defaults());
        return new EmbargoRelease(store, store, new S3Reports(s3), changeLog, config.bucket(), ingest.leaseTtl(),
                ingest.leaseWait(), clock, log);
    }
}
