package dev.tarjim.feed;

import dev.tarjim.store.StoredArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Fixed articles and times for feed tests: the seed's Arabic article, its translations, and a hostile upload. */
final class TestArticles {

    static final FeedSettings SETTINGS = new FeedSettings("http://127.0.0.1:3000/", "tarjim.dev,2026", "Tarjim");
    static final Instant PUBLISHED = Instant.parse("2026-03-01T08:30:00Z");
    static final Instant UPDATED = Instant.parse("2026-03-01T09:15:00Z");

    static final String SEED_ID = "eb83513c9fa28be5";

    private TestArticles() {
    }

    /** The seed as its editor wrote it, in Arabic. */
    static StoredArticle arabicOriginal() {
        return new StoredArticle(SEED_ID, "ar", "ar",
                "شي وبوتين يبعثان برسالتي تهنئة إلى الاجتماع الثامن لحوار الحزبين الحاكمين في الصين وروسيا",
                "بعث الرئيس الصيني شي جين بينغ برسالة تهنئة إلى الاجتماع الثامن.",
                List.of("بعث الرئيس الصيني شي جين بينغ برسالة تهنئة إلى الاجتماع الثامن لآلية الحوار.",
                        "وقال شي في رسالته إن العلاقات الصينية الروسية تمر بأفضل مراحلها."),
                "شؤون صينية", List.of("الصين", "روسيا"), PUBLISHED, UPDATED, 2, "incoming/seed.txt", "abc123",
                false, null, false, null);
    }

    /** A machine translation of an English original into Spanish. */
    static StoredArticle spanishTranslation() {
        return new StoredArticle("a1b2c3", "es", "en", "El presidente envió una carta",
                "El presidente envió una carta.", List.of("El presidente envió una carta.", "Fue leída ayer."),
                null, List.of("politics"), Instant.parse("2026-02-27T10:00:00Z"),
                Instant.parse("2026-02-28T11:00:00Z"), 1, "incoming/letter.md", "def456", true, "apertium 3.8",
                false, "letter");
    }

    /** An Arabic machine translation of an English original (RTL text, LTR note). */
    static StoredArticle arabicTranslation() {
        return new StoredArticle("a1b2c3", "ar", "en", "الرئيس أرسل رسالة", null,
                List.of("أرسل الرئيس رسالة.", "قرئت أمس."), "Jane Doe", List.of(),
                Instant.parse("2026-02-27T10:00:00Z"), Instant.parse("2026-02-28T11:00:00Z"), 1,
                "incoming/letter.md", "def456", true, "amazon-translate", false, "letter");
    }

    /** An upload written to break out of every format. */
    static StoredArticle hostile(String language) {
        return new StoredArticle("evil-1", language, language,
                "\u202Egnp.exe\u202C <b>Breaking</b> \u2066news\u2069",
                "<script>alert('summary')</script> summary",
                List.of("<script>alert(1)</script>",
                        "<img src=x onerror=alert(1)>",
                        "end of CDATA ]]> and ]]&gt; here",
                        "a NUL\u0000 and a BEL\u0007 and a \uD800 lone surrogate",
                        "\"><svg onload=alert(2)>"),
                "<i onmouseover=alert(3)>Mallory</i>", List.of("<script>tag</script>"),
                PUBLISHED, UPDATED, 1, "incoming/evil.html", "0ff", false, null, false, null);
    }

    /** {@code count} Arabic articles, newest first, one minute apart. */
    static List<StoredArticle> arabicSeries(int count) {
        List<StoredArticle> articles = new ArrayList<>(count);
        StoredArticle seed = arabicOriginal();
        for (int i = 0; i < count; i++) {
            Instant published = PUBLISHED.minusSeconds(60L * i);
            articles.add(new StoredArticle(String.format("art-%03d", i), "ar", "ar", seed.title() + " " + i,
                    seed.summary(), seed.paragraphs(), seed.author(), seed.tags(), published, published, 1,
                    "incoming/" + i + ".txt", "h" + i, false, null, false, null));
        }
        return articles;
    }

    static List<FeedEntry> entries(List<StoredArticle> articles, String... otherLanguages) {
        List<FeedEntry> entries = new ArrayList<>(articles.size());
        for (StoredArticle article : articles) {
            entries.add(new FeedEntry(article, List.of(otherLanguages)));
        }
        return entries;
    }
}
