package dev.tarjim.feed;

import dev.tarjim.article.Block;
import dev.tarjim.article.BodyHtml;
import dev.tarjim.article.BodyText;
import dev.tarjim.article.Correction;
import dev.tarjim.article.Summaries;
import dev.tarjim.article.Texts;
import dev.tarjim.article.StoredArticle;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every feed and page says about an entry beyond its metadata: the body as HTML (through {@link BodyHtml}, the
 * one renderer of blocks) and as plain text (through {@link BodyText}), the machine-translation note, and the plain
 * summary, all cleaned of characters XML cannot carry.
 *
 * <p>Text from an upload never becomes markup: {@link BodyHtml} escapes every text and attribute, the note is built
 * with {@link BodyHtml#escape}, and only URLs that {@code SafeUrls} accepted are in the model at all.
 */
public final class EntryHtml {

    private final SiteLinks links;

    EntryHtml(SiteLinks links) {
        this.links = links;
    }

    /**
     * The article's full content as an HTML fragment: a {@code div} carrying {@code lang} and {@code dir} (so
     * readers lay out Arabic right to left), the machine-translation note if any, then the body
     * ({@link #bodyHtml}).
     */
    String content(StoredArticle article) {
        String language = BodyHtml.escape(article.language());
        return "<div lang=\"" + language + "\" dir=\"" + Languages.direction(article.language()) + "\">"
                + noteHtml(article) + correctionsHtml(article) + bodyHtml(article) + "</div>";
    }

    /**
     * The article's correction notes, newest first, each dated, as HTML; {@code ""} when it has none. The note is in
     * the article's language; its label is English and says so.
     */
    static String correctionsHtml(StoredArticle article) {
        if (article.corrections().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<aside class=\"tarjim-corrections\">");
        for (Correction c : article.corrections()) {
            String day = DateTimeFormatter.ISO_LOCAL_DATE.format(c.at().atOffset(ZoneOffset.UTC));
            out.append("<p class=\"tarjim-correction\"><strong lang=\"en\" dir=\"ltr\">Correction (<time datetime=\"")
                    .append(PageRenderer.machineTime(c.at())).append("\">").append(day).append("</time>):</strong> ")
                    .append(BodyHtml.escape(Texts.xmlLine(c.text()))).append("</p>");
        }
        return out.append("</aside>").toString();
    }

    /** The correction notes as plain text, newest first: {@code Correction (2026-12-02): ...}, one a line. */
    public static String correctionsText(StoredArticle article) {
        StringBuilder out = new StringBuilder();
        for (Correction c : article.corrections()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("Correction (").append(DateTimeFormatter.ISO_LOCAL_DATE.format(c.at().atOffset(ZoneOffset.UTC)))
                    .append("): ").append(Texts.xmlLine(c.text()));
        }
        return out.toString();
    }

    /**
     * The body as HTML: the lead image first when the body does not show it, then every block; characters that
     * XML forbids dropped.
     */
    static String bodyHtml(StoredArticle article) {
        return Texts.xmlBody(BodyHtml.render(blocks(article)));
    }

    /** The body as plain text (blocks separated by a blank line), after the note for a machine translation. */
    static String text(StoredArticle article) {
        String body = BodyText.render(blocks(article));
        String text = hasNote(article) ? noteText(article) + "\n\n" + body : body;
        if (!article.corrections().isEmpty()) {
            text = correctionsText(article) + "\n\n" + text;
        }
        return Texts.xmlBody(text);
    }

    /** The blocks an entry shows: the lead image first when the body does not show it already, then the body. */
    static List<Block> blocks(StoredArticle article) {
        Optional<Block.Figure> lead = ArticleImages.leadOutsideBody(article);
        if (lead.isEmpty()) {
            return article.blocks();
        }
        List<Block> blocks = new ArrayList<>(article.blocks().size() + 1);
        blocks.add(lead.get());
        blocks.addAll(article.blocks());
        return blocks;
    }

    /**
     * The visible machine-translation note (engine and source language named, original linked) as HTML, or
     * {@code ""} for an original. The note is English whatever the article's language: it says so with
     * {@code lang} and {@code dir}, or an RTL page would mis-order it.
     */
    String noteHtml(StoredArticle article) {
        if (!hasNote(article)) {
            return "";
        }
        return "<p class=\"tarjim-mt-note\" lang=\"en\" dir=\"ltr\"><em>" + BodyHtml.escape(noteText(article))
                + " <a href=\"" + BodyHtml.escape(links.articleUrl(article.id(), article.sourceLanguage()))
                + "\" hreflang=\"" + BodyHtml.escape(article.sourceLanguage()) + "\">Read the original</a></em></p>";
    }

    /** Whether the article is a translation, machine or reviewed, and so carries a note saying which. */
    public static boolean hasNote(StoredArticle article) {
        return article.machineTranslated() || article.review() != null;
    }

    /**
     * {@code Machine-translated from Arabic by apertium 3.8.}, or for an editor's review {@code Reviewed
     * translation from English by Ana García.}, dated where the source changed since: what every output says of a
     * translation.
     */
    public static String noteText(StoredArticle article) {
        StoredArticle.Review review = article.review();
        if (review != null) {
            String reviewer = Texts.xmlLine(review.reviewer()).strip();
            String note = "Reviewed translation from " + Languages.englishName(article.sourceLanguage())
                    + (reviewer.isEmpty() ? "" : " by " + reviewer) + ".";
            String date = DateTimeFormatter.ISO_LOCAL_DATE.format(review.reviewedAt().atOffset(ZoneOffset.UTC));
            if (review.stale()) {
                return note + " It translates the version of " + date + "; the original has been updated since.";
            }
            if (!review.machineBlocks().isEmpty()) {
                return note + " Parts of this translation were machine-translated after the reviewed version of "
                        + date + ".";
            }
            return note;
        }
        String engine = Texts.xmlLine(article.engine());
        return "Machine-translated from " + Languages.englishName(article.sourceLanguage())
                + (engine.isBlank() ? "" : " by " + engine) + ".";
    }

    /**
     * The plain-text summary: the article's own, else the first paragraph cut by the one summary rule
     * ({@link Summaries#summaryOf}), else the first block with text; bidi controls removed.
     */
    static String summary(StoredArticle article) {
        String summary = Texts.xmlLine(article.summary()).strip();
        if (!summary.isEmpty()) {
            return summary;
        }
        String first = "";
        for (Block block : article.blocks()) {
            String text = Texts.xmlLine(Texts.clean(BodyText.block(block)));
            if (block instanceof Block.Paragraph && !text.isEmpty()) {
                return Summaries.summaryOf(text);
            }
            if (first.isEmpty()) {
                first = text;
            }
        }
        return first.isEmpty() ? "" : Summaries.summaryOf(first);
    }

    /** The headline, bidi controls removed (a U+202E in a title could disguise it). */
    static String title(StoredArticle article) {
        return Texts.xmlLine(article.title()).strip();
    }

    /** The byline, bidi controls removed; {@code ""} when there is none. */
    static String author(StoredArticle article) {
        return Texts.xmlLine(article.author()).strip();
    }

    /** The tags, bidi controls removed, blanks dropped. */
    static List<String> tags(StoredArticle article) {
        List<String> tags = new ArrayList<>(article.tags().size());
        for (String tag : article.tags()) {
            String clean = Texts.xmlLine(tag).strip();
            if (!clean.isEmpty()) {
                tags.add(clean);
            }
        }
        return tags;
    }
}
