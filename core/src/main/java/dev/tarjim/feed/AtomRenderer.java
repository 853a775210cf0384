package dev.tarjim.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import dev.tarjim.article.StoredArticle;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Renders a feed page as Atom 1.0 with Rome: {@code tag:} ids, {@code content type="html"} (the full body) and a
 * text summary, self and RFC 5005 paging links, an alternate link per translation ({@code hreflang}), the lead
 * image as a {@code link rel="enclosure"} (its {@code type} only when the URL's extension names it; {@code length}
 * is optional in Atom and unknown here), and {@code xml:lang} on the feed and every entry, which Rome does not
 * write and this class adds to Rome's JDOM tree.
 *
 * <p>Thread-safe; build one per configuration and reuse it.
 */
public final class AtomRenderer {

    private static final String HTML_TYPE = "text/html";
    /** The type of a translation's page: the same HTML, named with its charset (see the entry's links). */
    private static final String TRANSLATION_TYPE = "text/html; charset=utf-8";

    private final SiteLinks links;
    private final EntryHtml html;

    /** A renderer for the site these settings describe. */
    public AtomRenderer(FeedSettings settings) {
        this.links = new SiteLinks(settings);
        this.html = new EntryHtml(links);
    }

    /** The page as an Atom 1.0 document (UTF-8 XML string). */
    public String render(FeedPage page) {
        String language = page.language();
        String atomType = FeedFormat.ATOM.mediaType();
        Feed feed = new Feed("atom_1.0");
        feed.setId(page.feedId() != null ? page.feedId() : links.feedId(language));
        feed.setTitle(XmlFeeds.feedTitle(links, language));
        Content subtitle = new Content();
        subtitle.setType(Content.TEXT);
        subtitle.setValue(XmlFeeds.feedDescription(links, language));
        feed.setSubtitle(subtitle);
        feed.setUpdated(XmlFeeds.date(page.updated()));
        feed.setLanguage(language);
        // A feed-level author keeps the feed valid when an entry has no byline (RFC 4287 4.1.1).
        // The publisher, in the feed's language, with its home page.
        Person publisher = new Person();
        publisher.setName(links.settings().siteTitle(language));
        publisher.setUri(links.settings().publisherUrl());
        feed.setAuthors(List.of(publisher));

        feed.setAlternateLinks(List.of(link("alternate", links.indexUrl(), HTML_TYPE, null)));
        List<Link> other = new ArrayList<>(3);
        other.add(link("self", links.feedPageUrl(language, FeedFormat.ATOM, page.pageToken()), atomType, null));
        if (links.settings().hub() != null) {
            // WebSub: subscribers of the feed (its self URL above) are pushed its changes by this hub.
            other.add(link("hub", links.settings().hub(), null, null));
        }
        if (!page.isFirstPage()) {
            other.add(link("first", links.feedUrl(language, FeedFormat.ATOM), atomType, null));
        }
        if (page.nextPageToken() != null) {
            other.add(link("next", links.feedPageUrl(language, FeedFormat.ATOM, page.nextPageToken()), atomType,
                    null));
        }
        feed.setOtherLinks(other);

        List<Entry> entries = new ArrayList<>(page.entries().size());
        for (FeedEntry entry : page.entries()) {
            entries.add(entry(entry));
        }
        feed.setEntries(entries);

        Document document = XmlFeeds.toJdom(feed);
        Element root = document.getRootElement();
        root.setAttribute("lang", language, Namespace.XML_NAMESPACE);
        // Entries are written in the order given, so the i-th <entry> is the i-th page entry.
        List<Element> written = root.getChildren("entry", root.getNamespace());
        for (int i = 0; i < written.size(); i++) {
            written.get(i).setAttribute("lang", page.entries().get(i).article().language(), Namespace.XML_NAMESPACE);
        }
        return XmlFeeds.write(document);
    }

    private Entry entry(FeedEntry feedEntry) {
        StoredArticle article = feedEntry.article();
        Entry entry = new Entry();
        entry.setId(article.entryId());
        entry.setTitle(EntryHtml.title(article));
        entry.setPublished(XmlFeeds.date(article.published()));
        entry.setUpdated(XmlFeeds.date(article.updated() != null ? article.updated() : article.published()));

        Content summary = new Content();
        summary.setType(Content.TEXT);
        summary.setValue(EntryHtml.summary(article));
        entry.setSummary(summary);

        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(html.content(article));
        entry.setContents(List.of(content));

        String author = EntryHtml.author(article);
        if (!author.isEmpty()) {
            entry.setAuthors(List.of(person(author)));
        }

        List<Category> categories = new ArrayList<>(article.tags().size());
        for (String tag : EntryHtml.tags(article)) {
            Category category = new Category();
            category.setTerm(tag);
            categories.add(category);
        }
        entry.setCategories(categories);

        List<Link> alternates = new ArrayList<>(1 + feedEntry.alternateLanguages().size());
        alternates.add(link("alternate", links.articleUrl(article.id(), article.language()), HTML_TYPE,
                article.language()));
        for (String language : feedEntry.alternateLanguages()) {
            // Typed with their charset: readers built on Rome, SimplePie or gofeed take the first alternate for the
            // entry's link, feedparser the last one typed exactly text/html; both must stay this language's page.
            alternates.add(link("alternate", links.articleUrl(article.id(), language), TRANSLATION_TYPE, language));
        }
        entry.setAlternateLinks(alternates);
        ArticleImages.lead(article).ifPresent(lead -> entry.setOtherLinks(List.of(link("enclosure",
                ArticleImages.asciiUrl(lead.src()), ArticleImages.mediaType(lead.src()).orElse(null), null))));
        return entry;
    }

    private static Link link(String rel, String href, String type, String hreflang) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        link.setHreflang(hreflang);
        return link;
    }

    private static SyndPerson person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }
}
