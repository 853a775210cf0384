package dev.tarjim.api;

import dev.tarjim.media.MediaObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import dev.tarjim.support.AwsClients;

/**
 * Reads media objects with one SigV4-signed {@code GET}, using the SDK's own signer, credentials and HTTP client but
 * not its S3 client: the S3 module is a third of the API's zip and its client a good part of its cold start, for one
 * call. Path-style against an endpoint override (s3proxy, LocalStack), virtual-hosted against AWS, as the SDK does.
 */
final class SignedS3Reader implements MediaObjects {
    /** The SHA-256 of an empty payload: a GET's body. */
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final Region region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http = AwsClients.httpClient(Duration.ofSeconds(30));
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** @param endpoint the S3 endpoint override, or null for AWS's regional endpoint */
    SignedS3Reader(Region region, URI endpoint) {
        this.region = region;
        this.endpoint = endpoint;
        // Resolved when a request is signed, so a role's temporary credentials are renewed by the provider.
        this.credentials = DefaultCredentialsProvider.builder().build();
    }

    /** The object's URL: each key segment percent-encoded as S3's canonical URI wants it. */
    URI url(String bucket, String key) {
        StringBuilder path = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20")
                    .replace("*", "%2A").replace("%7E", "~"));
        }
        if (endpoint != null) {
            String base = endpoint.toString().replaceAll("/+$", "");
            return URI.create(base + "/" + bucket + path);
        }
        return URI.create("https://" + bucket + ".s3." + region.id() + ".amazonaws.com" + path);
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(url(bucket, key))
                .putHeader("x-amz-content-sha256", EMPTY_SHA256).build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                // S3's canonical URI is the path as sent: neither normalised nor encoded twice.
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false));
        ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .build());
        try {
            HttpExecuteResponse response = call.call();
            int status = response.httpResponse().statusCode();
            try (InputStream body = response.responseBody().<InputStream>map(b -> b)
                    .orElse(InputStream.nullInputStream())) {
                if (status == 200) {
                    return Optional.of(body.readAllBytes());
                }
                if (status == 404) {
                    return Optional.empty();
                }
                String detail = new String(body.readNBytes(512), StandardCharsets.UTF_8);
                throw new IllegalStateException("S3 GET " + bucket + "/" + key + " answered " + status + ": "
                        + detail);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("S3 GET " + bucket + "/" + key + " failed", e);
        }
    }

    /**
     * A presigned GET of the object (SigV4 in the query string, unsigned payload, as the SDK's S3 presigner makes
     * them): a link that works for {@code ttl} without credentials.
     */
    String presignedGet(String bucket, String key, Duration ttl) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(url(bucket, key)).build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, ttl)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        return signed.request().getUri().toString();
    }

    @Override
    public void put(String bucket, String key, String contentType, byte[] bytes) {
        throw new UnsupportedOperationException("the API only reads media");
    }

    @Override
    public void delete(String bucket, String key) {
        throw new UnsupportedOperationException("the API only reads media");
    }
}
