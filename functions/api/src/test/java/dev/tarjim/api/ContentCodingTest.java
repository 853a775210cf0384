package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Accept-Encoding negotiation (RFC 9110 section 12.5.3) and the per-coding entity tags. */
class ContentCodingTest {

    @Test
    void noHeader_orNothingAcceptable_isIdentity() {
        assertThat(ContentCoding.negotiate(null, true)).isEqualTo(ContentCoding.IDENTITY);
        assertThat(ContentCoding.negotiate("", true)).isEqualTo(ContentCoding.IDENTITY);
        assertThat(ContentCoding.negotiate("identity", true)).isEqualTo(ContentCoding.IDENTITY);
        assertThat(ContentCoding.negotiate("deflate, compress", true)).isEqualTo(ContentCoding.IDENTITY);
        assertThat(ContentCoding.negotiate("gzip;q=0, br;q=0", true)).isEqualTo(ContentCoding.IDENTITY);
    }

    @Test
    void brotliBeforeGzip_atEqualWeight_andOnlyWhenThePageHasIt() {
        assertThat(ContentCoding.negotiate("gzip, deflate, br, zstd", true)).isEqualTo(ContentCoding.BROTLI);
        assertThat(ContentCoding.negotiate("gzip, deflate, br", false)).isEqualTo(ContentCoding.GZIP);
        assertThat(ContentCoding.negotiate("br", false)).isEqualTo(ContentCoding.IDENTITY);
    }

    @Test
    void weightsAndWildcards_decide() {
        assertThat(ContentCoding.negotiate("br;q=0.5, gzip;q=0.8", true)).isEqualTo(ContentCoding.GZIP);
        assertThat(ContentCoding.negotiate("br;q=0, *", true)).isEqualTo(ContentCoding.GZIP);
        assertThat(ContentCoding.negotiate("*;q=0.1", true)).isEqualTo(ContentCoding.BROTLI);
        assertThat(ContentCoding.negotiate("x-gzip", true)).isEqualTo(ContentCoding.GZIP);
        assertThat(ContentCoding.negotiate("GZIP;Q=1", true)).isEqualTo(ContentCoding.GZIP);
        assertThat(ContentCoding.negotiate("gzip;q=nonsense", true)).isEqualTo(ContentCoding.IDENTITY);
    }

    @Test
    void eachCoding_hasItsOwnTag_andAnyOfThemMatchesTheVersion() {
        EntityTag identity = EntityTag.strong("en-rss-v7");
        assertThat(ContentCoding.GZIP.tag(identity).toString()).isEqualTo("\"en-rss-v7-gzip\"");
        assertThat(ContentCoding.BROTLI.tag(identity).toString()).isEqualTo("\"en-rss-v7-br\"");
        assertThat(ContentCoding.IDENTITY.tag(identity)).isEqualTo(identity);
        assertThat(ContentCoding.matchesAny(identity, "\"en-rss-v7-br\"")).isTrue();
        assertThat(ContentCoding.matchesAny(identity, "W/\"en-rss-v7-gzip\"")).isTrue();
        assertThat(ContentCoding.matchesAny(identity, "\"en-rss-v6-gzip\", \"en-rss-v7\"")).isTrue();
        assertThat(ContentCoding.matchesAny(identity, "\"en-rss-v6-gzip\"")).isFalse();
        assertThat(ContentCoding.matchesAny(identity, "\"en-rss-v7-deflate\"")).isFalse();
        assertThat(ContentCoding.held(identity, "\"en-rss-v6\", \"en-rss-v7-br\"")).isEqualTo(ContentCoding.BROTLI);
        assertThat(ContentCoding.held(identity, null)).isNull();
    }
}
