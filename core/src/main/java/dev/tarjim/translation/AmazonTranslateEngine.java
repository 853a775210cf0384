package dev.tarjim.translation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.Formality;
import software.amazon.awssdk.services.translate.model.InternalServerException;
import software.amazon.awssdk.services.translate.model.LimitExceededException;
import software.amazon.awssdk.services.translate.model.ServiceUnavailableException;
import software.amazon.awssdk.services.translate.model.TextSizeLimitExceededException;
import software.amazon.awssdk.services.translate.model.TooManyRequestsException;
import software.amazon.awssdk.services.translate.model.TranslateException;
import software.amazon.awssdk.services.translate.model.TranslateTextRequest;
import software.amazon.awssdk.services.translate.model.TranslationSettings;

/**
 * {@link TranslationEngine} on Amazon Translate's TranslateText, the default engine in AWS.
 *
 * <p>Markup: segments are inline HTML ({@link EngineFragment}). TranslateText, not TranslateDocument, carries them,
 * for every pair. TranslateDocument takes {@code text/html} up to 100 KB but "supports translations from English to
 * any supported language, and from any supported language to English" (API Reference, TranslateDocument), so it
 * cannot do ar→zh, a pair this project needs. TranslateText keeps HTML elements: the Developer Guide's "Using
 * do-not-translate" page says the real-time operations TranslateText and TranslateDocument take "any type of HTML
 * element" in the source text and shows TranslateText returning {@code <p>} elements intact with the text inside
 * translated and a {@code translate="no"} element untouched; code placeholders carry {@code translate="no"} for
 * that reason. The guide also calls TranslateText's input plain text ("How Amazon Translate works"), so nothing here
 * relies on the tags coming back: the {@link Translator} checks every answer's link and code placeholders and falls
 * back to plain text for a piece whose structure was lost.
 *
 * <p>Paragraphs are split and packed by a {@link Segmenter} so that no call exceeds 10,000 UTF-8 bytes; several
 * short paragraphs travel in one call, joined by line breaks, and if the answer does not have as many lines as
 * the call, its pieces are sent again one by one. Throttling, 5xx answers and timeouts are retried with
 * exponential backoff, then surface as {@link TranslationUnavailableException}. The caller builds the
 * {@link TranslateClient} (once per cold start, url-connection HTTP client); give it no retries of its own
 * ({@code AwsRetryStrategy.doNotRetry()}) or its retries multiply with these.
 */
public final class AmazonTranslateEngine implements TranslationEngine {
    public static final String NAME = "amazon-translate";

    /** Targets for which Amazon Translate honours the formality setting (Developer Guide, "Setting formality"). */
    private static final Set<String> FORMALITY_TARGETS =
            Set.of("nl", "fr", "fr-CA", "de", "hi", "it", "ja", "ko", "pt-PT", "es", "es-MX");
    /** Translate codes that keep a region or script; every other code is reduced to its language subtag. */
    private static final Set<String> REGIONAL_CODES = Set.of("zh-TW", "fr-CA", "es-MX", "pt-PT", "fa-AF");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("zh-Hans", "zh"), Map.entry("zh-CN", "zh"), Map.entry("zh-SG", "zh"),
            Map.entry("zh-Hant", "zh-TW"), Map.entry("zh-HK", "zh-TW"), Map.entry("zh-MO", "zh-TW"),
            Map.entry("fil", "tl"), Map.entry("nb", "no"), Map.entry("nn", "no"), Map.entry("iw", "he"));

    private final TranslateClient client;
    private final Settings settings;
    private final Segmenter segmenter = new Segmenter(Segmenter.AMAZON_TRANSLATE_MAX_BYTES);

    /**
     * The adapter's configuration.
     *
     * @param terminologyNames custom terminologies applied to every call (e.g. one fixing "شي جين بينغ" as
     *                         "Xi Jinping"); empty for none
     * @param formality        {@code FORMAL} or {@code INFORMAL} for targets that support it, or {@code null}
     * @param maxAttempts      attempts per call before giving up on throttling or outages (at least 1)
     * @param initialBackoff   the wait after the first failed attempt; it doubles after each further one
     */
    public record Settings(List<String> terminologyNames, Formality formality, int maxAttempts,
            Duration initialBackoff) {
        public Settings {
            terminologyNames = List.copyOf(terminologyNames);
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
            }
        }

        /** No terminology, no formality, 4 attempts from 200 ms (200, 400, 800 ms: under 1.5 s of waiting). */
        public static Settings defaults() {
            return new Settings(List.of(), null, 4, Duration.ofMillis(200));
        }

        public Settings withTerminologyNames(List<String> names) {
            return new Settings(names, formality, maxAttempts, initialBackoff);
        }

        public Settings withFormality(Formality value) {
            return new Settings(terminologyNames, value, maxAttempts, initialBackoff);
        }

        public Settings withRetries(int attempts, Duration backoff) {
            return new Settings(terminologyNames, formality, attempts, backoff);
        }
    }

    public AmazonTranslateEngine(TranslateClient client, Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Translate names no model version; the API version and what shapes the output stand for it. */
    @Override
    public String version() {
        StringBuilder version = new StringBuilder("TranslateText 2017-07-01");
        if (!settings.terminologyNames().isEmpty()) {
            version.append(", terminology ").append(String.join("+", settings.terminologyNames()));
        }
        if (settings.formality() != null) {
            version.append(", formality ").append(settings.formality());
        }
        return version.toString();
    }

    /** Translate's list of pairs is not asked for: an unsupported pair shows up as its error on the first call. */
    @Override
    public Optional<String> unsupportedReason(String sourceLang, String targetLang) {
        if (translateCode(sourceLang).equals(translateCode(targetLang))) {
            return Optional.of(NAME + ": source and target are both " + sourceLang);
        }
        return Optional.empty();
    }

    @Override
    public List<TranslatedSegment> translate(String sourceLang, String targetLang, List<String> segments) {
        String source = translateCode(sourceLang);
        String target = translateCode(targetLang);
        List<Segmenter.Piece> pieces = segmenter.split(segments);
        String[] translated = new String[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            translated[i] = pieces.get(i).text(); // blank pieces are never sent and stay as they are
        }
        for (List<Integer> batch : segmenter.batches(pieces)) {
            String answer = call(sourceLang, targetLang, source, target, Segmenter.batchText(pieces, batch));
            String[] lines = answer.split(Segmenter.BATCH_SEPARATOR, -1);
            if (lines.length == batch.size()) {
                for (int k = 0; k < lines.length; k++) {
                    translated[batch.get(k)] = lines[k];
                }
            } else {
                // The engine merged or split lines: the pieces cannot be told apart, so ask for each alone.
                for (int index : batch) {
                    translated[index] = call(sourceLang, targetLang, source, target, pieces.get(index).text());
                }
            }
        }
        List<TranslatedSegment> result = new ArrayList<>(segments.size());
        for (String paragraph : Segmenter.rejoin(segments.size(), pieces, Arrays.asList(translated))) {
            result.add(new TranslatedSegment(paragraph, 0));
        }
        return result;
    }

    /** Maps a BCP 47 code to Translate's code: mostly the same ({@code zh}, {@code zh-TW}, {@code fr-CA}). */
    static String translateCode(String bcp47) {
        String tag = Locale.forLanguageTag(bcp47.replace('_', '-')).toLanguageTag();
        String alias = ALIASES.get(tag);
        if (alias != null) {
            return alias;
        }
        if (REGIONAL_CODES.contains(tag)) {
            return tag;
        }
        Locale locale = Locale.forLanguageTag(tag);
        String language = ALIASES.getOrDefault(locale.getLanguage(), locale.getLanguage());
        if ("zh".equals(language) && "Hant".equals(locale.getScript())) {
            return "zh-TW";
        }
        return language;
    }

    private String call(String sourceLang, String targetLang, String source, String target, String text) {
        TranslateTextRequest.Builder request = TranslateTextRequest.builder()
                .sourceLanguageCode(source)
                .targetLanguageCode(target)
                .text(text);
        if (!settings.terminologyNames().isEmpty()) {
            request.terminologyNames(settings.terminologyNames());
        }
        if (settings.formality() != null && FORMALITY_TARGETS.contains(target)) {
            request.settings(TranslationSettings.builder().formality(settings.formality()).build());
        }
        TranslateTextRequest built = request.build();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                sleep(settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 2, 16)));
            }
            try {
                return client.translateText(built).translatedText();
            } catch (software.amazon.awssdk.services.translate.model.UnsupportedLanguagePairException e) {
                throw new UnsupportedLanguagePairException(NAME, sourceLang, targetLang,
                        NAME + ": no " + sourceLang + "→" + targetLang + " pair", e);
            } catch (TextSizeLimitExceededException e) {
                throw new TranslationFailedException(NAME + ": a call of " + Segmenter.utf8Length(text)
                        + " bytes exceeded the text size limit (a segmenter bug)", e);
            } catch (TooManyRequestsException | ServiceUnavailableException | InternalServerException
                    | LimitExceededException | SdkClientException e) {
                last = e;
            } catch (TranslateException e) {
                if (e.statusCode() < 500 && !e.isThrottlingException()) {
                    throw new TranslationFailedException(NAME + " refused " + sourceLang + "→" + targetLang + ": "
                            + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage(), e);
                }
                last = e;
            }
        }
        throw new TranslationUnavailableException(NAME + ": TranslateText " + sourceLang + "→" + targetLang
                + " still failing after " + settings.maxAttempts() + " attempts: " + last.getMessage(), last);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationUnavailableException(NAME + ": interrupted while backing off", e);
        }
    }
}
