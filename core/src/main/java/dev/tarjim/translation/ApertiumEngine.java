package dev.tarjim.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link TranslationEngine} on Apertium's APy HTTP server, the default engine locally.
 *
 * <p>APy's pairs are asked for once ({@code /listPairs}) and kept. Codes are mapped between BCP 47 and Apertium's
 * ISO 639-3 ({@code en}↔{@code eng}); a pair APy lacks is unsupported ({@code apertium: no ar→en pair}). Words
 * Apertium cannot handle come back marked ({@code *} unknown, {@code #} generation error, {@code @} transfer
 * error): the word is kept, the mark dropped, and each counts as an unknown word. Paragraphs go one request each,
 * so APy's line handling cannot shift text between them.
 *
 * <p>Segments are inline HTML ({@link EngineFragment}) and go with {@code format=html}: APy's {@code /translate}
 * handler ({@code apertium_apy/handlers/translate.py}, {@code get_format}) then runs {@code apertium-deshtml} before
 * the pair's pipeline and {@code apertium-rehtml} after it, so tags pass through as format blanks while the words
 * between them are translated, and entities stay escaped. (Without {@code format} APy defaults to the same HTML
 * deformatter with the {@code html-noent} reformatter, which is not pinned here on purpose.)
 */
public final class ApertiumEngine implements TranslationEngine {
    public static final String NAME = "apertium";

    private static final Map<String, String> ISO_639_3 = Map.ofEntries(
            Map.entry("en", "eng"), Map.entry("es", "spa"), Map.entry("ca", "cat"), Map.entry("ar", "ara"),
            Map.entry("zh", "zho"), Map.entry("fr", "fra"), Map.entry("ru", "rus"), Map.entry("de", "deu"),
            Map.entry("it", "ita"), Map.entry("pt", "por"), Map.entry("gl", "glg"), Map.entry("eu", "eus"),
            Map.entry("eo", "epo"), Map.entry("oc", "oci"), Map.entry("an", "arg"), Map.entry("ast", "ast"),
            Map.entry("is", "isl"), Map.entry("mk", "mkd"), Map.entry("hbs", "hbs"), Map.entry("sh", "hbs"),
            Map.entry("sv", "swe"), Map.entry("da", "dan"), Map.entry("nb", "nob"), Map.entry("nn", "nno"),
            Map.entry("ro", "ron"), Map.entry("cy", "cym"), Map.entry("br", "bre"), Map.entry("mt", "mlt"),
            Map.entry("kk", "kaz"), Map.entry("tt", "tat"), Map.entry("uk", "ukr"), Map.entry("bg", "bul"),
            Map.entry("pl", "pol"), Map.entry("cs", "ces"), Map.entry("sk", "slk"), Map.entry("sl", "slv"),
            Map.entry("hi", "hin"), Map.entry("ur", "urd"), Map.entry("id", "ind"), Map.entry("ms", "msa"),
            Map.entry("nl", "nld"), Map.entry("af", "afr"), Map.entry("sc", "srd"), Map.entry("fo", "fao"));
    private static final Map<String, String> BCP_47 = new HashMap<>();

    static {
        ISO_639_3.forEach((bcp, iso) -> BCP_47.putIfAbsent(iso, bcp));
        BCP_47.put("hbs", "sh");
    }

    /**
     * A mark directly before a word; the look-behind spares e-mail addresses and the like, and numeric character
     * references ({@code &#39;}) in the HTML answers.
     */
    private static final Pattern MARK = Pattern.compile("(?<![\\p{L}\\p{N}&])[*#@](?=[\\p{L}\\p{N}])");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One paragraph of a batch's answer (segments are inline HTML: none holds a paragraph of its own). */
    private static final Pattern PARAGRAPH = Pattern.compile("\\s*<p>(.*?)</p>\\s*", Pattern.DOTALL);
    /** Most characters and segments one batch request carries. */
    private static final int BATCH_CHARS = 12_000;
    private static final int BATCH_SEGMENTS = 64;
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    private final URI endpoint;
    private final HttpClient http;
    private final Duration timeout;
    private volatile Map<String, String> pairs;

    /**
     * @param endpoint APy's base URI, e.g. {@code http://127.0.0.1:2737}
     * @param http     the HTTP client (built once)
     * @param timeout  the longest wait for one answer
     */
    public ApertiumEngine(URI endpoint, HttpClient http, Duration timeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** With a fresh HTTP client and a 60 s timeout per request (a pair's first call starts its pipeline). */
    public ApertiumEngine(URI endpoint) {
        this(endpoint, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(60));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** APy names no version of its own; the pair's mode names the model (see {@link #version(String, String)}). */
    @Override
    public String version() {
        return "apertium-apy";
    }

    /** E.g. {@code apertium-apy eng-spa}. */
    @Override
    public String version(String sourceLang, String targetLang) {
        String mode = mode(sourceLang, targetLang);
        return mode == null ? version() : version() + " " + mode;
    }

    @Override
    public Optional<String> unsupportedReason(String sourceLang, String targetLang) {
        return mode(sourceLang, targetLang) == null
                ? Optional.of(NAME + ": no " + sourceLang + "→" + targetLang + " pair")
                : Optional.empty();
    }

    /**
     * The pairs APy serves, in BCP 47 ({@code en} → {@code es}, {@code en} → {@code ca-valencia}), asked once.
     *
     * @return source and target code per pair, in APy's order
     */
    public List<Map.Entry<String, String>> listPairs() {
        List<Map.Entry<String, String>> result = new ArrayList<>();
        for (String mode : pairs().values()) {
            String[] codes = mode.split("-", 2);
            result.add(Map.entry(toBcp47(codes[0]), toBcp47(codes[1])));
        }
        return result;
    }

    @Override
    public List<TranslatedSegment> translate(String sourceLang, String targetLang, List<String> segments) {
        String mode = mode(sourceLang, targetLang);
        if (mode == null) {
            throw new UnsupportedLanguagePairException(NAME, sourceLang, targetLang,
                    NAME + ": no " + sourceLang + "→" + targetLang + " pair", null);
        }
        String langpair = mode.replace('-', '|');
        TranslatedSegment[] result = new TranslatedSegment[segments.size()];
        List<Integer> batch = new ArrayList<>();
        int chars = 0;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.isBlank()) {
                result[i] = new TranslatedSegment(segment, 0);
                continue;
            }
            if (!batch.isEmpty() && (chars + segment.length() > BATCH_CHARS || batch.size() == BATCH_SEGMENTS)) {
                translateBatch(langpair, segments, batch, result);
                batch.clear();
                chars = 0;
            }
            batch.add(i);
            chars += segment.length();
        }
        if (!batch.isEmpty()) {
            translateBatch(langpair, segments, batch, result);
        }
        return List.of(result);
    }

    /**
     * Translates several segments in one request, each as its own paragraph ({@code <p>…</p>}: a block boundary,
     * which Apertium's HTML deformatter keeps in place, so no word crosses from one segment to the next). A request
     * costs APy and its pipeline ~45 ms however short it is, and a 40-segment batch ~70 ms: batching is what makes an
     * article's translation cost its words rather than its segments. Answers are checked: unless exactly one
     * paragraph comes back per segment, the batch is translated again one segment at a time.
     */
    private void translateBatch(String langpair, List<String> segments, List<Integer> batch,
            TranslatedSegment[] result) {
        if (batch.size() == 1) {
            int i = batch.get(0);
            result[i] = translateOne(langpair, segments.get(i));
            return;
        }
        StringBuilder q = new StringBuilder();
        for (int i : batch) {
            q.append("<p>").append(segments.get(i)).append("</p>");
        }
        List<String> paragraphs = paragraphs(request(langpair, q.toString()).strip());
        if (paragraphs == null || paragraphs.size() != batch.size()) {
            for (int i : batch) {
                result[i] = translateOne(langpair, segments.get(i));
            }
            return;
        }
        for (int k = 0; k < batch.size(); k++) {
            result[batch.get(k)] = unmark(paragraphs.get(k).strip());
        }
    }

    /** The paragraphs of a batch's answer, in order, or null when it is not a sequence of paragraphs only. */
    static List<String> paragraphs(String answer) {
        Matcher m = PARAGRAPH.matcher(answer);
        List<String> out = new ArrayList<>();
        int at = 0;
        while (m.find() && m.start() == at) {
            out.add(m.group(1));
            at = m.end();
        }
        return at == answer.length() ? out : null;
    }

    private TranslatedSegment translateOne(String langpair, String text) {
        return unmark(request(langpair, text).strip());
    }

    /** One {@code /translate} request; the translated text as APy answers it. */
    private String request(String langpair, String text) {
        String form = "langpair=" + URLEncoder.encode(langpair, StandardCharsets.UTF_8)
                + "&format=html&markUnknown=yes&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/translate"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        JsonNode answer = send(request, "translate " + langpair);
        String translated = answer.path("responseData").path("translatedText").asText(null);
        if (translated == null) {
            throw new TranslationFailedException(NAME + ": no translatedText in the answer for " + langpair, null);
        }
        return translated;
    }

    /** Drops Apertium's marks before words, counting them. */
    static TranslatedSegment unmark(String text) {
        Matcher m = MARK.matcher(text);
        StringBuilder clean = new StringBuilder(text.length());
        int marks = 0;
        while (m.find()) {
            m.appendReplacement(clean, "");
            marks++;
        }
        m.appendTail(clean);
        return new TranslatedSegment(clean.toString(), marks);
    }

    /** APy's mode for the pair, e.g. {@code eng-spa}, or {@code null} when it has none. */
    private String mode(String sourceLang, String targetLang) {
        Map<String, String> served = pairs();
        String exact = served.get(toIso(sourceLang) + "-" + toIso(targetLang));
        if (exact != null) {
            return exact;
        }
        return served.get(toIso(baseLanguage(sourceLang)) + "-" + toIso(baseLanguage(targetLang)));
    }

    private Map<String, String> pairs() {
        Map<String, String> known = pairs;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (pairs == null) {
                HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/listPairs")).timeout(timeout).GET()
                        .build();
                Map<String, String> loaded = new LinkedHashMap<>();
                for (JsonNode pair : send(request, "listPairs").path("responseData")) {
                    String mode = pair.path("sourceLanguage").asText() + "-" + pair.path("targetLanguage").asText();
                    loaded.put(mode.toLowerCase(Locale.ROOT), mode);
                }
                pairs = Map.copyOf(loaded);
            }
            return pairs;
        }
    }

    /** How many requests this engine sent to APy (tests check that segments go in batches). */
    long requests() {
        return requests.get();
    }

    private JsonNode send(HttpRequest request, String what) {
        requests.incrementAndGet();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TranslationUnavailableException(NAME + ": " + what + " at " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationUnavailableException(NAME + ": interrupted during " + what, e);
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new TranslationUnavailableException(NAME + ": " + what + " answered HTTP " + response.statusCode(),
                    null);
        }
        if (response.statusCode() != 200) {
            throw new TranslationFailedException(NAME + ": " + what + " answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()), null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new TranslationFailedException(NAME + ": " + what + " answered no JSON: "
                    + abbreviate(response.body()), e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    /** {@code en} → {@code eng}, {@code en-US} → {@code eng_us} (APy writes variants with an underscore). */
    private static String toIso(String bcp47) {
        String[] parts = bcp47.toLowerCase(Locale.ROOT).replace('_', '-').split("-", 2);
        String language = ISO_639_3.getOrDefault(parts[0], parts[0]);
        return parts.length == 1 ? language : language + "_" + parts[1].replace('-', '_');
    }

    /** {@code eng} → {@code en}, {@code eng_US} → {@code en-US}, {@code cat_valencia} → {@code ca-valencia}. */
    private static String toBcp47(String apertium) {
        String[] parts = apertium.split("_", 2);
        String language = BCP_47.getOrDefault(parts[0], parts[0]);
        return parts.length == 1 ? language : language + "-" + parts[1].replace('_', '-');
    }

    private static String baseLanguage(String bcp47) {
        return bcp47.replace('_', '-').split("-", 2)[0];
    }
}
