package dev.tarjim.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void required_missingOrBlank_failsNamingTheVariableAndFunction() {
        Environment env = new Environment(Map.of("TABLE_NAME", "  "), "ingest");
        assertThatThrownBy(() -> env.required("TABLE_NAME"))
                .hasMessage("environment variable TABLE_NAME is required by the ingest function");
        assertThat(new Environment(Map.of("TABLE_NAME", " t "), "ingest").required("TABLE_NAME")).isEqualTo("t");
    }

    @Test
    void endpoint_serviceVariableWins_overTheCommonOne() {
        Environment env = new Environment(Map.of("AWS_ENDPOINT_URL", "http://common:4566",
                "AWS_ENDPOINT_URL_S3", "http://s3:9000"), "ingest");
        assertThat(env.endpoint("S3")).isEqualTo(URI.create("http://s3:9000"));
        assertThat(env.endpoint("DYNAMODB")).isEqualTo(URI.create("http://common:4566"));
        assertThat(new Environment(Map.of(), "api").endpoint("DYNAMODB")).isNull();
    }

    @Test
    void or_blankMeansUnset() {
        Environment env = new Environment(Map.of("FEED_PAGE_SIZE", ""), "api");
        assertThat(env.or("FEED_PAGE_SIZE", "50")).isEqualTo("50");
        assertThat(env.optional("FEED_PAGE_SIZE")).isNull();
    }
}
