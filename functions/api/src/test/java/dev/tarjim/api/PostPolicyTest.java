package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.support.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PostPolicyTest {
    /** The policy of the S3 API reference's worked example ("Example: Browser-Based Upload using HTTP POST"). */
    private static final String EXAMPLE_POLICY = String.join("\r\n",
            "{ \"expiration\": \"2015-12-30T12:00:00.000Z\",",
            "  \"conditions\": [",
            "    {\"bucket\": \"sigv4examplebucket\"},",
            "    [\"starts-with\", \"$key\", \"user/user1/\"],",
            "    {\"acl\": \"public-read\"},",
            "    {\"success_action_redirect\": \"http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html\"},",
            "    [\"starts-with\", \"$Content-Type\", \"image/\"],",
            "    {\"x-amz-meta-uuid\": \"14365123651274\"},",
            "    {\"x-amz-server-side-encryption\": \"AES256\"},",
            "    [\"starts-with\", \"$x-amz-meta-tag\", \"\"],",
            "",
            "    {\"x-amz-credential\": \"AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request\"},",
            "    {\"x-amz-algorithm\": \"AWS4-HMAC-SHA256\"},",
            "    {\"x-amz-date\": \"20151229T000000Z\" }",
            "  ]",
            "}");
    private static final String EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void signature_ofTheS3ReferenceExample_isTheOnePublished() {
        String encoded = Base64.getEncoder().encodeToString(EXAMPLE_POLICY.getBytes(StandardCharsets.UTF_8));
        assertThat(encoded).startsWith("eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAg")
                .endsWith("IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9");

        assertThat(PostPolicy.signature(EXAMPLE_SECRET, "20151229", "us-east-1", encoded))
                .isEqualTo("8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e");
    }

    @Test
    void sign_temporaryCredentials_limitKeySizeAndTime_andCarryTheSessionToken() throws Exception {
        Instant now = Instant.parse("2026-12-02T07:30:05.123456Z");
        PostPolicy.Form form = PostPolicy.sign(new PostPolicy.Credentials("ASIAEXAMPLE", EXAMPLE_SECRET, "tok+en/="),
                "eu-west-1", "news-uploads", "https://news-uploads.s3.eu-west-1.amazonaws.com/", "incoming/",
                5_242_880, now, Duration.ofHours(1));

        JsonNode policy = Json.mapper().readTree(Base64.getDecoder().decode(form.fields().get("policy")));
        assertThat(policy.get("expiration").asText()).isEqualTo("2026-12-02T08:30:05.123Z");
        assertThat(policy.get("conditions").toString())
                .contains("{\"bucket\":\"news-uploads\"}")
                .contains("[\"starts-with\",\"$key\",\"incoming/\"]")
                .contains("[\"content-length-range\",1,5242880]")
                .contains("{\"x-amz-credential\":\"ASIAEXAMPLE/20261202/eu-west-1/s3/aws4_request\"}")
                .contains("{\"x-amz-date\":\"20261202T073005Z\"}")
                .contains("{\"x-amz-security-token\":\"tok+en/=\"}");
        assertThat(form.fields()).containsEntry("x-amz-credential", "ASIAEXAMPLE/20261202/eu-west-1/s3/aws4_request")
                .containsEntry("x-amz-security-token", "tok+en/=").containsEntry("key", "incoming/")
                .containsEntry("x-amz-algorithm", "AWS4-HMAC-SHA256")
                .containsEntry("x-amz-signature", PostPolicy.signature(EXAMPLE_SECRET, "20261202", "eu-west-1",
                        form.fields().get("policy")))
                .doesNotContainValue(EXAMPLE_SECRET);
        // Every field the browser sends (but the policy and signature) is one the policy names.
        for (String field : form.fields().keySet()) {
            if (!field.equals("policy") && !field.equals("x-amz-signature")) {
                assertThat(policy.get("conditions").toString()).contains("\"" + (field.equals("key") ? "$key" : field)
                        + "\"");
            }
        }
    }

    @Test
    void sign_longTermCredentials_haveNoSessionToken() {
        PostPolicy.Form form = PostPolicy.sign(new PostPolicy.Credentials("test", "test", null), "us-east-1",
                "tarjim-articles", "http://127.0.0.1:9000/tarjim-articles", "incoming/", 100,
                Instant.parse("2026-12-02T00:00:00Z"), Duration.ofMinutes(5));

        assertThat(form.fields()).doesNotContainKey("x-amz-security-token");
        assertThat(new String(Base64.getDecoder().decode(form.fields().get("policy")), StandardCharsets.UTF_8))
                .doesNotContain("security-token");
        assertThat(new PostPolicy.Credentials("test", "s3cret", "t0ken").toString()).doesNotContain("s3cret", "t0ken");
    }
}
