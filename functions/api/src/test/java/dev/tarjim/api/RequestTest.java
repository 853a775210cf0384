package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.emulators.ProjectPaths;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The proxy event read with the streaming parser: the fields the routes use, whatever else the event holds. */
class RequestTest {

    private static Request read(String json) throws Exception {
        return Request.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRealApiGatewayEvent() throws Exception {
        Request r = Request.read(Files.newInputStream(ProjectPaths.root().resolve("events/api-feed-atom.json")));
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).startsWith("/feeds/");
        assertThat(r.header("accept")).isNotNull();
        assertThat(r.baseUrl()).startsWith("https://").contains(".execute-api.").endsWith("/prod");
        assertThat(r.editor()).isNull();
    }

    @Test
    void headersAreCaseInsensitive_queryDecodedAsGiven_stageOnlyOnTheDefaultDomain() throws Exception {
        Request r = read("""
                {"httpMethod":"head","path":"/feeds/en/rss.xml","headers":{"If-None-Match":"\\"x\\"","X-N":7},
                 "multiValueHeaders":{"If-None-Match":["\\"x\\""]},"queryStringParameters":{"before":"2026-01-01#a"},
                 "requestContext":{"domainName":"news.example.com","stage":"prod","identity":{"apiKey":"k1",
                 "sourceIp":"1.2.3.4"},"extra":{"deep":[1,{"a":2}]}},"body":null,"isBase64Encoded":false}""");
        assertThat(r.method()).isEqualTo("HEAD");
        assertThat(r.header("if-none-match")).isEqualTo("\"x\"");
        assertThat(r.headers()).doesNotContainKey("X-N");
        assertThat(r.query()).containsExactly(java.util.Map.entry("before", "2026-01-01#a"));
        assertThat(r.baseUrl()).isEqualTo("https://news.example.com");
        assertThat(r.apiKey()).isEqualTo("k1");
    }

    @Test
    void editors_fromCognitoClaims_orALambdaAuthorizersPrincipal() throws Exception {
        assertThat(read("""
                {"path":"/editor/api/uploads","requestContext":{"authorizer":{"principalId":"ignored",
                 "claims":{"sub":"e-42","token_use":"id"}}}}""").editor()).isEqualTo("e-42");
        assertThat(read("""
                {"path":"/articles/x/status","requestContext":{"authorizer":{"principalId":"local-editor"}}}""")
                .editor()).isEqualTo("local-editor");
        assertThat(read("""
                {"requestContext":{"authorizer":{"claims":{"sub":""}}}}""").editor()).isNull();
    }

    @Test
    void nullsAndOddShapes_giveDefaults() throws Exception {
        Request r = read("""
                {"httpMethod":null,"path":"","headers":null,"queryStringParameters":null,"requestContext":null}""");
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/");
        assertThat(r.headers()).isEmpty();
        assertThat(r.query()).isEmpty();
        assertThat(r.baseUrl()).isNull();
        assertThat(read("").path()).isEqualTo("/");
        assertThat(read("[1,2]").method()).isEqualTo("GET");
    }
}
