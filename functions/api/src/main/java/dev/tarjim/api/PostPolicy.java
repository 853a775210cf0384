package dev.tarjim.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser upload form for S3, signed with Signature Version 4 (S3's "POST policy"): the AWS SDK for Java v2 has no
 * helper for it. The policy lets the form's holder put one object whose key starts with a prefix, of at most a size,
 * until it expires; the credentials never leave the function (the form carries only the access key id, the
 * signature and, for temporary credentials, the session token S3 needs to check it).
 *
 * <p>See "Browser-Based Uploads Using POST (AWS Signature Version 4)" in the S3 API reference; the unit test checks
 * the signing against that page's worked example.
 */
final class PostPolicy {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXPIRATION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * A signed form: post it as {@code multipart/form-data} to {@code url} with these fields, then the file last
     * (a field named {@code file}).
     *
     * @param url      where the form posts (the bucket's endpoint)
     * @param fields   the hidden fields, {@code key} included (its value is the prefix: the page appends a name)
     * @param keyPrefix what every key must start with
     * @param maxBytes the largest upload the policy allows
     * @param expires  when the policy stops working
     */
    record Form(String url, Map<String, String> fields, String keyPrefix, long maxBytes, Instant expires) {
    }

    /**
     * The credentials that sign: an access key pair, and the session token of temporary credentials (a Lambda
     * function's role) or null.
     */
    record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        @Override
        public String toString() {
            return "Credentials[" + accessKeyId + ", secret and token hidden]";
        }
    }

    private PostPolicy() {
    }

    /**
     * Signs a form that uploads one object under {@code keyPrefix} into {@code bucket}, of 1 to {@code maxBytes}
     * bytes, valid for {@code ttl} from {@code now}. S3 answers a successful post with {@code 204 No Content}, on
     * which browsers stay on the page that posted.
     */
    static Form sign(Credentials credentials, String region, String bucket, String url, String keyPrefix,
            long maxBytes, Instant now, Duration ttl) {
        String credential = credentials.accessKeyId() + "/" + DATE.format(now) + "/" + region + "/s3/aws4_request";
        String amzDate = DATE_TIME.format(now);
        Instant expires = now.plus(ttl).truncatedTo(ChronoUnit.MILLIS);

        ObjectNode policy = Json.mapper().createObjectNode();
        policy.put("expiration", EXPIRATION.format(expires));
        ArrayNode conditions = policy.putArray("conditions");
        conditions.addObject().put("bucket", bucket);
        conditions.addArray().add("starts-with").add("$key").add(keyPrefix);
        conditions.addArray().add("content-length-range").add(1).add(maxBytes);
        conditions.addObject().put("success_action_status", "204");
        conditions.addObject().put("x-amz-algorithm", ALGORITHM);
        conditions.addObject().put("x-amz-credential", credential);
        conditions.addObject().put("x-amz-date", amzDate);
        if (credentials.sessionToken() != null) {
            conditions.addObject().put("x-amz-security-token", credentials.sessionToken());
        }
        String encoded;
        try {
            encoded = Base64.getEncoder().encodeToString(Json.mapper().writeValueAsBytes(policy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", keyPrefix);
        fields.put("success_action_status", "204");
        fields.put("x-amz-algorithm", ALGORITHM);
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", amzDate);
        if (credentials.sessionToken() != null) {
            fields.put("x-amz-security-token", credentials.sessionToken());
        }
        fields.put("policy", encoded);
        fields.put("x-amz-signature", signature(credentials.secretAccessKey(), DATE.format(now), region, encoded));
        return new Form(url, fields, keyPrefix, maxBytes, expires);
    }

    /**
     * The signature of a base64-encoded policy: HMAC-SHA256 of the policy under the SigV4 signing key of the day,
     * region and service {@code s3}, in lower-case hex.
     *
     * @param date the credential scope's date, {@code yyyyMMdd}
     */
    static String signature(String secretAccessKey, String date, String region, String base64Policy) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, base64Policy));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
