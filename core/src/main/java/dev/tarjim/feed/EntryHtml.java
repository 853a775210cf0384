package dev.tarjim.feed;

import dev.tarjim.article.Texts;
import dev.tarjim.store.StoredArticle;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Builds the HTML an entry carries (feed content, page body) with jsoup's element API, which escapes every text
 * and attribute: text from an upload never becomes markup.
 */
final class EntryHtml {

    /** Longest summary made from the first paragraph when the article has none. */
    private static final int SUMMARY_LIMIT = 280;

    private final SiteLinks links;

    EntryHtml(SiteLinks links) {
        this.links = links;
    }

    /**
     * The article's full content as an HTML fragment: a {@code div} carrying {@code lang} and {@code dir} (so
     * readers lay out Arabic right to left), the machine-translation note if any, then one {@code p} per paragraph.
     */
    String content(StoredArticle article) {
        Document owner = new Document("");
        owner.outputSettings().prettyPrint(false);
        Element div = owner.appendElement("div")
                .attr("lang", article.language())
                .attr("dir", Languages.direction(article.language()));
        appendNote(div, article);
        appendParagraphs(div, article);
        return div.outerHtml();
    }

    /** Appends the visible machine-translation note (engine and source language named, original linked). */
    void appendNote(Element parent, StoredArticle article) {
        if (!article.machineTranslated()) {
            return;
        }
        // The note is English whatever the article's language: mark it so, or an RTL page would mis-order it.
        Element note = parent.appendElement("p").addClass("tarjim-mt-note").attr("lang", "en").attr("dir", "ltr");
        Element em = note.appendElement("em");
        em.appendText(noteText(article) + " ");
        em.appendElement("a")
                .attr("href", links.articleUrl(article.id(), article.sourceLanguage()))
                .attr("hreflang", article.sourceLanguage())
                .text("Read the original");
    }

    /** Appends one {@code p} per non-blank paragraph. */
    void appendParagraphs(Element parent, StoredArticle article) {
        for (String paragraph : article.paragraphs()) {
            String text = Texts.xmlBody(paragraph);
            if (!text.isBlank()) {
                parent.appendElement("p").text(text);
            }
        }
    }

    /** {@code Machine-translated from Arabic by apertium 3.8.} */
    static String noteText(StoredArticle article) {
        String engine = Texts.xmlLine(article.engine());
        return "Machine-translated from " + Languages.englishName(article.sourceLanguage())
                + (engine.isBlank() ? "" : " by " + engine) + ".";
    }

    /** The plain-text summary: the article's own, else its first paragraph shortened; bidi controls removed. */
    static String summary(StoredArticle article) {
        String summary = Texts.xmlLine(article.summary()).strip();
        if (!summary.isEmpty()) {
            return summary;
        }
        for (String paragraph : article.paragraphs()) {
            String text = Texts.xmlLine(paragraph).strip();
            if (!text.isEmpty()) {
                return shorten(text);
            }
        }
        return "";
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

    private static String shorten(String text) {
        if (text.codePointCount(0, text.length()) <= SUMMARY_LIMIT) {
            return text;
        }
        int end = text.offsetByCodePoints(0, SUMMARY_LIMIT);
        int space = text.lastIndexOf(' ', end);
        return text.substring(0, space > SUMMARY_LIMIT / 2 ? space : end).strip() + "…";
    }
}
