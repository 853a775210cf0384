package dev.tarjim.api;

import dev.tarjim.store.DynamoArticleStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** Builds the editors' dashboard from the function's configuration and credentials. */
final class EditorWiring {
    /** How long a dashboard link to an uploaded file works. */
    private static final Duration SOURCE_LINK_TTL = Duration.ofMinutes(15);

    private EditorWiring() {
    }

    static EditorDesk desk(DynamoArticleStore store, ApiConfig config, Clock clock) {
        // The function's own credentials (its role in AWS, the test keys locally), read when a form is signed:
        // a role's temporary credentials are renewed by the provider.
        AwsCredentialsProvider provider = DefaultCredentialsProvider.builder().build();
        Supplier<PostPolicy.Credentials> credentials = () -> {
            AwsCredentials c = provider.resolveCredentials();
            return new PostPolicy.Credentials(c.accessKeyId(), c.secretAccessKey(),
                    c instanceof AwsSessionCredentials s ? s.sessionToken() : null);
        };
        EditorDesk.Uploads uploads = config.uploadBucket() == null ? null
                : EditorDesk.Uploads.of(config.uploadBucket(), config.s3Endpoint(), config.region().id(),
                        config.maxUploadBytes());
        Function<String, String> sources = null;
        if (uploads != null) {
            dev.tarjim.support.S3Objects s3 = dev.tarjim.support.S3Objects.create(config.region(), config.s3Endpoint());
            String bucket = uploads.bucket();
            sources = key -> s3.presignedGet(bucket, key, SOURCE_LINK_TTL);
        }
        return new EditorDesk(store.states(), store, store, uploads, credentials, sources, clock);
    }
}
