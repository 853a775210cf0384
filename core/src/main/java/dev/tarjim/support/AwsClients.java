package dev.tarjim.support;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.TranslateClientBuilder;

/**
 * Builds the AWS SDK v2 clients once per cold start: the lightweight url-connection HTTP client, explicit region and
 * timeouts, and an endpoint override only when one is configured (LocalStack, the local emulators).
 *
 * <p>S3 checksums are computed only when an operation requires them: valid against AWS, and needed by s3proxy,
 * which rejects the SDK's default trailing checksums. Against an endpoint override S3 uses path-style addressing,
 * as emulators on an IP address cannot serve virtual-hosted buckets.
 */
public final class AwsClients {
    private AwsClients() {
    }

    /** A small HTTP client: connection and socket timeouts bounded so a hung endpoint fails into a retry. */
    public static SdkHttpClient httpClient(Duration socketTimeout) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(socketTimeout)
                .build();
    }

    private static ClientOverrideConfiguration overrides(Duration callTimeout) {
        return ClientOverrideConfiguration.builder().apiCallTimeout(callTimeout).build();
    }

    public static DynamoDbClient dynamo(Region region, URI endpoint) {
        DynamoDbClientBuilder b = DynamoDbClient.builder().region(region)
                .httpClient(httpClient(Duration.ofSeconds(10)))
                .overrideConfiguration(overrides(Duration.ofSeconds(30)));
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        return b.build();
    }

    public static S3Client s3(Region region, URI endpoint) {
        S3ClientBuilder b = S3Client.builder().region(region)
                .httpClient(httpClient(Duration.ofSeconds(30)))
                .overrideConfiguration(overrides(Duration.ofSeconds(60)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null) {
            b.endpointOverride(endpoint).forcePathStyle(true);
        }
        return b.build();
    }

    public static TranslateClient translate(Region region, URI endpoint) {
        // The engine adapter retries with its own backoff; SDK retries on top would multiply the attempts.
        TranslateClientBuilder b = TranslateClient.builder().region(region)
                .httpClient(httpClient(Duration.ofSeconds(20)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(60))
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).build());
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        return b.build();
    }
}
