package dev.tarjim.support;

import dev.tarjim.media.MediaObjects;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.regions.Region;

/**
 * The four S3 calls Tarjim makes (GET, PUT, DELETE of one object, and presigned GET links), each one SigV4-signed
 * request made with the SDK's own signer, credentials and url-connection HTTP client, without the SDK's S3 client:
 * that module is 4.4 MB of each function's zip and a good part of its cold start, for four calls.
 *
 * <p>As the SDK does: path-style against an endpoint override ({@code AWS_ENDPOINT_URL_S3}: s3proxy, LocalStack),
 * virtual-hosted against AWS (path-style for bucket names with dots, which virtual-hosted TLS cannot serve); three
 * attempts with backoff on I/O errors and 500/502/503/504; errors as the SDK's exception types
 * ({@link SdkClientException} for I/O, {@link SdkServiceException} with the status for refusals), so callers' handling
 * is unchanged.
 */
public final class S3Objects implements MediaObjects {
    /** The SHA-256 of an empty payload. */
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final int ATTEMPTS = 3;

    /** Called before each request with its operation name (GetObject, PutObject, DeleteObject): tests inject faults. */
    public interface Hook {
        void before(String operation, String bucket, String key);
    }

    private final Region region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final Hook hook;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param endpoint the endpoint override, or null for AWS
     * @param hook     called before every request, or null
     */
    public S3Objects(Region region, URI endpoint, AwsCredentialsProvider credentials, SdkHttpClient http, Hook hook) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.http = http;
        this.hook = hook;
    }

    /** With the default credential chain (the function's role in AWS, the test keys locally), resolved per request. */
    public static S3Objects create(Region region, URI endpoint) {
        return new S3Objects(region, endpoint, DefaultCredentialsProvider.builder().build(),
                AwsClients.httpClient(Duration.ofSeconds(30)), null);
    }

    /** An object being read: its length (-1 when not said) and its body, which the caller closes or aborts. */
    public record Download(long contentLength, AbortableInputStream body) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /** Opens the object for reading; empty when there is no such object. */
    public Optional<Download> open(String bucket, String key) {
        HttpExecuteResponse response = execute("GetObject", bucket, key,
                request(SdkHttpMethod.GET, bucket, key).putHeader("x-amz-content-sha256", EMPTY_SHA256), null);
        int status = response.httpResponse().statusCode();
        AbortableInputStream body = response.responseBody().orElse(AbortableInputStream.create(
                InputStream.nullInputStream()));
        if (status == 404) {
            closeQuietly(body);
            return Optional.empty();
        }
        long length = response.httpResponse().firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(-1L);
        return Optional.of(new Download(length, body));
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        Optional<Download> download = open(bucket, key);
        if (download.isEmpty()) {
            return Optional.empty();
        }
        try (Download d = download.get()) {
            return Optional.of(d.body().readAllBytes());
        } catch (IOException e) {
            throw SdkClientException.create("reading s3://" + bucket + "/" + key + " failed", e);
        }
    }

    @Override
    public void put(String bucket, String key, String contentType, byte[] bytes) {
        put(bucket, key, contentType, "public, max-age=31536000, immutable", bytes);
    }

    /** Stores the object with its media type and {@code Cache-Control}. */
    public void put(String bucket, String key, String contentType, String cacheControl, byte[] bytes) {
        SdkHttpRequest.Builder request = request(SdkHttpMethod.PUT, bucket, key)
                .putHeader("Content-Type", contentType).putHeader("Cache-Control", cacheControl)
                .putHeader("Content-Length", Integer.toString(bytes.length))
                .putHeader("x-amz-content-sha256", Hashes.sha256Hex(bytes));
        closeQuietly(execute("PutObject", bucket, key, request, bytes));
    }

    @Override
    public void delete(String bucket, String key) {
        // S3 answers 204 whether or not the object was there.
        closeQuietly(execute("DeleteObject", bucket, key,
                request(SdkHttpMethod.DELETE, bucket, key).putHeader("x-amz-content-sha256", EMPTY_SHA256), null));
    }

    /**
     * A presigned GET of the object (SigV4 in the query string, unsigned payload, as the SDK's S3 presigner makes
     * them): a link that works for {@code ttl} without credentials.
     */
    public String presignedGet(String bucket, String key, Duration ttl) {
        return signer.sign(r -> common(r.identity(credentials.resolveCredentials())
                .request(request(SdkHttpMethod.GET, bucket, key).build()))
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, ttl)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false))
                .request().getUri().toString();
    }

    /** The object's URL: each key segment percent-encoded as S3's canonical URI wants it. */
    URI url(String bucket, String key) {
        StringBuilder path = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20")
                    .replace("*", "%2A").replace("%7E", "~"));
        }
        if (endpoint != null) {
            return URI.create(endpoint.toString().replaceAll("/+$", "") + "/" + bucket + path);
        }
        String host = "s3." + region.id() + ".amazonaws.com";
        return bucket.contains(".") ? URI.create("https://" + host + "/" + bucket + path)
                : URI.create("https://" + bucket + "." + host + path);
    }

    private SdkHttpRequest.Builder request(SdkHttpMethod method, String bucket, String key) {
        return SdkHttpRequest.builder().method(method).uri(url(bucket, key));
    }

    /** S3's canonical URI is the path as sent: neither normalised nor encoded twice. */
    private <B extends SignRequest.Builder<?>> B common(B r) {
        r.putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false);
        return r;
    }

    /** Signs and sends, retrying I/O errors and server errors; any other answer than 2xx and 404 throws. */
    private HttpExecuteResponse execute(String operation, String bucket, String key, SdkHttpRequest.Builder builder,
            byte[] body) {
        if (hook != null) {
            hook.before(operation, bucket, key);
        }
        ContentStreamProvider payload = body == null ? null : () -> new ByteArrayInputStream(body);
        SdkHttpRequest unsigned = builder.build();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                backOff(attempt);
            }
            SdkHttpRequest signed = signer.sign(r -> common(r.identity(credentials.resolveCredentials())
                    .request(unsigned).payload(payload))).request();
            try {
                HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed)
                        .contentStreamProvider(payload).build()).call();
                int status = response.httpResponse().statusCode();
                if (status / 100 == 2 || status == 404) {
                    return response;
                }
                String detail = detail(response);
                SdkServiceException refused = SdkServiceException.builder().statusCode(status)
                        .message(operation + " s3://" + bucket + "/" + key + " answered " + status + ": " + detail)
                        .build();
                if (status != 500 && status != 502 && status != 503 && status != 504) {
                    throw refused;
                }
                last = refused;
            } catch (IOException e) {
                last = SdkClientException.create(operation + " s3://" + bucket + "/" + key + " failed", e);
            }
        }
        throw last;
    }

    private static String detail(HttpExecuteResponse response) {
        try (InputStream body = response.responseBody().<InputStream>map(b -> b).orElse(InputStream.nullInputStream())) {
            return new String(body.readNBytes(512), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "(no detail: " + e + ")";
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 100L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted between S3 attempts"));
        }
    }

    private static void closeQuietly(HttpExecuteResponse response) {
        response.responseBody().ifPresent(S3Objects::closeQuietly);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Nothing more to read from it.
        }
    }
}
