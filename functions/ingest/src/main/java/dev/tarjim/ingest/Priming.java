package dev.tarjim.ingest;

import dev.tarjim.article.ContentParser;
import dev.tarjim.article.LanguageResolver;
import dev.tarjim.article.ParsedArticle;
import dev.tarjim.support.Json;
import java.nio.charset.StandardCharsets;
import dev.tarjim.support.SnapStartPriming;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, parse a small article of each format and
 * detect its language, so parsers, the detector and Jackson are initialised in the snapshot. Touches no AWS service.
 */
final class Priming {
    private static final String[] SAMPLES = {
        "---\ntitle: Primer\nlang: en\ntags: [a]\n---\n\nThe president sent a letter to the meeting.\n",
        "موقع\n\nعنوان الخبر التجريبي\n\nأرسل الرئيس رسالة إلى الاجتماع الذي عقد اليوم.\n",
        "<html lang=\"en\"><body><article><h1>Primer</h1><p>The meeting was held today.</p></article></body></html>",
        "{\"headlines\":[{\"value\":\"Primer\"}],\"body_text\":\"The meeting was held today.\",\"language\":\"en\"}",
    };
    private static final String[] NAMES = {"primer.md", "primer.txt", "primer.html", "primer.json"};

    private Priming() {
    }

    /** Registers {@link #prime()} to run before the SnapStart snapshot. */
    static void register() {
        SnapStartPriming.register(Priming::prime);
    }

    /** Exercises the parsing paths once; answers the languages found, in sample order. */
    static String prime() throws Exception {
        ContentParser parser = ContentParser.standard();
        LanguageResolver languages = LanguageResolver.standard();
        StringBuilder found = new StringBuilder();
        for (int i = 0; i < SAMPLES.length; i++) {
            ParsedArticle a = parser.parse(SAMPLES[i].getBytes(StandardCharsets.UTF_8), "incoming/" + NAMES[i]);
            found.append(languages.resolve(a)).append(i + 1 < SAMPLES.length ? "," : "");
            Json.mapper().writeValueAsString(a);
        }
        return found.toString();
    }
}
