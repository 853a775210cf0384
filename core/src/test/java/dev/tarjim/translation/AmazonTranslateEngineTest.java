package dev.tarjim.translation;

import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.Block;
import dev.tarjim.article.Inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarjim.emulators.Ports;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.Formality;

class AmazonTranslateEngineTest {
    private static final AmazonTranslateEngine.Settings FAST =
            AmazonTranslateEngine.Settings.defaults().withRetries(3, Duration.ofMillis(1));

    private TranslateServer server;
    private TranslateClient client;

    @BeforeEach
    void start() throws Exception {
        server = new TranslateServer();
        client = server.client();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void translate_arabicBodyOf60000Bytes_everyRequestWithinLimitAndParagraphsKept() {
        List<String> body = SegmenterTest.arabicBody(60_000);
        AmazonTranslateEngine engine = new AmazonTranslateEngine(client, FAST);

        List<TranslatedSegment> result = engine.translate("ar", "en", body);

        assertThat(server.violations()).isEmpty();
        assertThat(server.received()).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(r -> assertThat(r.textBytes()).isLessThanOrEqualTo(10_000));
        assertThat(result.stream().map(TranslatedSegment::text).collect(Collectors.toList())).isEqualTo(body);
    }

    @Test
    void translate_withTerminology_sendsItsNameAndCodesAndTheServiceAppliesIt() {
        AmazonTranslateEngine engine = new AmazonTranslateEngine(client,
                FAST.withTerminologyNames(List.of(TranslateServer.TERMINOLOGY)));

        List<TranslatedSegment> result = engine.translate("ar", "zh-Hant",
                List.of("بعث شي جين بينغ رسالة تهنئة.", "وأكد أهمية الحوار."));

        assertThat(server.received()).singleElement().satisfies(r -> {
            assertThat(r.sourceLanguageCode()).isEqualTo("ar");
            assertThat(r.targetLanguageCode()).isEqualTo("zh-TW");
            assertThat(r.terminologyNames()).containsExactly(TranslateServer.TERMINOLOGY);
            assertThat(r.text()).isEqualTo("بعث شي جين بينغ رسالة تهنئة.\nوأكد أهمية الحوار.");
        });
        assertThat(result).extracting(TranslatedSegment::text)
                .containsExactly("بعث XI JINPING رسالة تهنئة.", "وأكد أهمية الحوار.");
        assertThat(engine.version()).contains(TranslateServer.TERMINOLOGY);
    }

    @Test
    void translator_arabicToChineseParagraphWithLinkAndCode_sendsHtmlWithoutUrlsOrCodeAndKeepsTheLink() {
        String href = "https://example.org/news?id=1&x=2";
        Block paragraph = new Block.Paragraph(List.of(new Inline.Text("بعث "),
                new Inline.Link(href, null, Inline.text("شي جين بينغ")), new Inline.Text(" رسالة "),
                new Inline.Emphasis(Inline.text("tahnia")), new Inline.Text(" عبر "), new Inline.Code("git push")));
        AmazonTranslateEngine engine = new AmazonTranslateEngine(client,
                FAST.withTerminologyNames(List.of(TranslateServer.TERMINOLOGY)));

        TranslationOutcome.Translated zh = (TranslationOutcome.Translated) new Translator(engine,
                new InMemoryTranslationMemory(), Clock.systemUTC()).translate("ar", "zh", "عنوان",
                List.of(paragraph));

        assertThat(server.violations()).isEmpty();
        assertThat(server.received()).singleElement().satisfies(r -> {
            assertThat(r.sourceLanguageCode()).isEqualTo("ar");
            assertThat(r.targetLanguageCode()).isEqualTo("zh");
            assertThat(r.text()).isEqualTo("عنوان\nبعث <a id=\"l1\">شي جين بينغ</a> رسالة <em>tahnia</em> عبر "
                    + "<code id=\"c1\" translate=\"no\"></code>");
        });
        assertThat(zh.markupFallbacks()).isZero();
        assertThat(((Block.Paragraph) zh.blocks().get(0)).content()).containsExactly(new Inline.Text("بعث "),
                new Inline.Link(href, null, Inline.text("XI JINPING")), new Inline.Text(" رسالة "),
                new Inline.Emphasis(Inline.text("TAHNIA")), new Inline.Text(" عبر "), new Inline.Code("git push"));
    }

    @Test
    void translate_withFormality_sendsItOnlyToTargetsThatSupportIt() {
        AmazonTranslateEngine engine = new AmazonTranslateEngine(client, FAST.withFormality(Formality.FORMAL));

        engine.translate("en", "es", List.of("Are you sure?"));
        engine.translate("en", "ar", List.of("Are you sure?"));

        assertThat(server.received()).extracting(TranslateServer.Received::formality)
                .containsExactly("FORMAL", null);
        assertThat(server.received()).allSatisfy(r -> assertThat(r.terminologyNames()).isEmpty());
    }

    @Test
    void translate_throttledTwice_retriesWithBackoffAndSucceeds() {
        server.failNext(new TranslateServer.Failure(400, "TooManyRequestsException", "Rate exceeded"),
                new TranslateServer.Failure(400, "TooManyRequestsException", "Rate exceeded"));
        AmazonTranslateEngine engine = new AmazonTranslateEngine(client, FAST);

        List<TranslatedSegment> result = engine.translate("en", "es", List.of("The president sent a letter."));

        assertThat(server.received()).hasSize(3);
        assertThat(result).extracting(TranslatedSegment::text).containsExactly("THE PRESIDENT SENT A LETTER.");
    }

    @Test
    void translate_serviceUnavailableOnEveryAttempt_throwsTranslationUnavailableAfterTheLastAttempt() {
        TranslateServer.Failure outage = new TranslateServer.Failure(503, "ServiceUnavailableException",
                "Service Unavailable");
        server.failNext(outage, outage, outage, outage);
        AmazonTranslateEngine engine = new AmazonTranslateEngine(client, FAST);

        assertThatThrownBy(() -> engine.translate("en", "es", List.of("Hello.")))
                .isInstanceOf(TranslationUnavailableException.class)
                .hasMessageContaining("3 attempts");
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void translate_internalServerErrorOnce_isRetried() {
        server.failNext(new TranslateServer.Failure(500, "InternalServerException", "Internal error"));
        AmazonTranslateEngine engine = new AmazonTranslateEngine(client, FAST);

        assertThat(engine.translate("en", "fr", List.of("Hello."))).extracting(TranslatedSegment::text)
                .containsExactly("HELLO.");
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void translate_unsupportedPair_throwsUnsupportedAtOnceAndTheTranslatorReportsTheStatus() {
        AmazonTranslateEngine engine = new AmazonTranslateEngine(client, FAST);

        assertThatThrownBy(() -> engine.translate("ar", "sw", List.of("مرحبا.")))
                .isInstanceOf(UnsupportedLanguagePairException.class)
                .hasMessage("amazon-translate: no ar→sw pair");
        assertThat(server.received()).hasSize(1);

        TranslationOutcome outcome = new Translator(engine, new InMemoryTranslationMemory(), Clock.systemUTC())
                .translate("ar", "sw", "عنوان", List.of(Block.Paragraph.of("مرحبا.")));
        assertThat(outcome).isEqualTo(new TranslationOutcome.Unsupported("sw", "amazon-translate",
                "amazon-translate: no ar→sw pair"));
        assertThat(outcome.status()).isEqualTo(TranslationStatus.UNSUPPORTED);
    }

    @Test
    void translate_missingTerminology_isAPermanentFailureNotRetried() {
        server.failNext(new TranslateServer.Failure(400, "ResourceNotFoundException",
                "The resource tarjim-names could not be found."));
        AmazonTranslateEngine engine = new AmazonTranslateEngine(client,
                FAST.withTerminologyNames(List.of(TranslateServer.TERMINOLOGY)));

        assertThatThrownBy(() -> engine.translate("ar", "en", List.of("مرحبا.")))
                .isInstanceOf(TranslationFailedException.class)
                .hasMessageContaining("ResourceNotFoundException");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void translate_answerMergesLines_sendsEachPieceAloneAndKeepsParagraphs() {
        server.mergeLines(true);
        AmazonTranslateEngine engine = new AmazonTranslateEngine(client, FAST);

        List<TranslatedSegment> result = engine.translate("en", "es", List.of("One.", "Two.", "Three."));

        assertThat(result).extracting(TranslatedSegment::text).containsExactly("ONE.", "TWO.", "THREE.");
        assertThat(server.received()).extracting(TranslateServer.Received::text)
                .containsExactly("One.\nTwo.\nThree.", "One.", "Two.", "Three.");
    }

    @Test
    void translate_nobodyListening_throwsTranslationUnavailable() {
        URI nowhere = URI.create("http://127.0.0.1:" + Ports.free());
        try (TranslateClient deadClient = TranslateClient.builder().endpointOverride(nowhere)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            AmazonTranslateEngine engine = new AmazonTranslateEngine(deadClient, FAST);

            assertThatThrownBy(() -> engine.translate("en", "es", List.of("Hello.")))
                    .isInstanceOf(TranslationUnavailableException.class);
        }
    }

    @Test
    void translateCode_mapsBcp47ToTranslateCodes() {
        assertThat(AmazonTranslateEngine.translateCode("zh")).isEqualTo("zh");
        assertThat(AmazonTranslateEngine.translateCode("zh-CN")).isEqualTo("zh");
        assertThat(AmazonTranslateEngine.translateCode("zh-TW")).isEqualTo("zh-TW");
        assertThat(AmazonTranslateEngine.translateCode("zh-Hant-HK")).isEqualTo("zh-TW");
        assertThat(AmazonTranslateEngine.translateCode("en-US")).isEqualTo("en");
        assertThat(AmazonTranslateEngine.translateCode("pt-PT")).isEqualTo("pt-PT");
        assertThat(AmazonTranslateEngine.translateCode("fil")).isEqualTo("tl");
        assertThat(AmazonTranslateEngine.translateCode("ar")).isEqualTo("ar");
    }
}
