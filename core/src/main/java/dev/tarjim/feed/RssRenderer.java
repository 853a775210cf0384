package dev.tarjim.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import dev.tarjim.article.Block;
import dev.tarjim.article.Inline;
import dev.tarjim.article.Texts;
import dev.tarjim.article.StoredArticle;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jsoup.nodes.Entities;

/**
 * Renders a feed page as RSS 2.0 with Rome: full HTML in {@code content:encoded}, a plain summary in
 * {@code description}, the lead image as Media RSS {@code media:content}, {@code dc:creator}, a non-permalink
 * {@code guid} that never changes, and {@code atom:link}s for self, RFC 5005 paging and each item's translations
 * ({@code hreflang}).
 *
 * <p>No {@code enclosure}: RSS requires its byte length, which Tarjim does not know for an image it only links to.
 *
 * <p>Thread-safe; build one per configuration and reuse it.
 */
public final class RssRenderer {

    private final SiteLinks links;
    private final EntryHtml html;

    /** A renderer for the site these settings describe. */
    public RssRenderer(FeedSettings settings) {
        this.links = new SiteLinks(settings);
        this.html = new EntryHtml(links);
    }

    /** The page as an RSS 2.0 document (UTF-8 XML string). */
    public String render(FeedPage page) {
        String language = page.language();
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(XmlFeeds.feedTitle(links, language));
        channel.setLink(links.indexUrl());
        channel.setDescription(XmlFeeds.feedDescription(links, language));
        channel.setLanguage(language);
        channel.setLastBuildDate(XmlFeeds.date(page.updated()));
        channel.setGenerator(XmlFeeds.GENERATOR);

        List<Element> channelLinks = channel.getForeignMarkup();
        channelLinks.add(XmlFeeds.atomLink("self",
                links.feedPageUrl(language, FeedFormat.RSS, page.pageToken()), FeedFormat.RSS.mediaType(), null));
        if (links.settings().hub() != null) {
            // WebSub: subscribers of the feed (its self URL above) are pushed its changes by this hub.
            channelLinks.add(XmlFeeds.atomLink("hub", links.settings().hub(), null, null));
        }
        if (!page.isFirstPage()) {
            channelLinks.add(XmlFeeds.atomLink("first",
                    links.feedUrl(language, FeedFormat.RSS), FeedFormat.RSS.mediaType(), null));
        }
        if (page.nextPageToken() != null) {
            channelLinks.add(XmlFeeds.atomLink("next",
                    links.feedPageUrl(language, FeedFormat.RSS, page.nextPageToken()), FeedFormat.RSS.mediaType(),
                    null));
        }

        List<Item> items = new ArrayList<>(page.entries().size());
        for (FeedEntry entry : page.entries()) {
            items.add(item(entry));
        }
        channel.setItems(items);

        Document document = XmlFeeds.toJdom(channel);
        // Declared once on the root rather than on every atom:link Rome writes.
        document.getRootElement().addNamespaceDeclaration(XmlFeeds.ATOM);
        document.getRootElement().addNamespaceDeclaration(XmlFeeds.MEDIA);
        return XmlFeeds.write(document);
    }

    private Item item(FeedEntry entry) {
        StoredArticle article = entry.article();
        String url = links.articleUrl(article.id(), article.language());
        Item item = new Item();
        item.setTitle(EntryHtml.title(article));
        item.setLink(url);

        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(article.entryId());
        item.setGuid(guid);

        // RSS readers treat description as HTML: escape the plain summary so none of its text becomes markup.
        Description description = new Description();
        description.setType("text/html");
        description.setValue(Entities.escape(EntryHtml.summary(article)));
        item.setDescription(description);

        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(html.content(article));
        item.setContent(content);

        String author = EntryHtml.author(article);
        if (!author.isEmpty()) {
            DCModule dc = new DCModuleImpl();
            dc.setCreator(author);
            item.getModules().add(dc);
        }

        List<Category> categories = new ArrayList<>(article.tags().size());
        for (String tag : EntryHtml.tags(article)) {
            Category category = new Category();
            category.setValue(tag);
            categories.add(category);
        }
        item.setCategories(categories);
        item.setPubDate(XmlFeeds.date(article.published()));

        List<Element> foreign = item.getForeignMarkup();
        for (String other : entry.alternateLanguages()) {
            foreign.add(XmlFeeds.atomLink("alternate", links.articleUrl(article.id(), other), "text/html", other));
        }
        // The item's own language among its alternates, as hreflang sets list themselves, and last: readers built on
        // feedparser take an item's last alternate link for its link, which must stay this language's page.
        foreign.add(XmlFeeds.atomLink("alternate", links.articleUrl(article.id(), article.language()), "text/html",
                article.language()));
        ArticleImages.lead(article).ifPresent(lead -> foreign.add(mediaContent(lead)));
        return item;
    }

    /**
     * {@code <media:content url medium="image" type? width? height?>} with the caption (else the alt text) as
     * {@code media:description} and the credit as {@code media:credit}; only what is known is said.
     */
    static Element mediaContent(Block.Figure image) {
        Element content = new Element("content", XmlFeeds.MEDIA)
                .setAttribute("url", ArticleImages.asciiUrl(image.src()))
                .setAttribute("medium", "image");
        ArticleImages.mediaType(image.src()).ifPresent(type -> content.setAttribute("type", type));
        if (image.width() != null && image.height() != null) {
            content.setAttribute("width", image.width().toString());
            content.setAttribute("height", image.height().toString());
        }
        String caption = Texts.xmlLine(Inline.plain(image.caption())).strip();
        String description = caption.isEmpty() ? Texts.xmlLine(image.alt()).strip() : caption;
        if (!description.isEmpty()) {
            content.addContent(new Element("description", XmlFeeds.MEDIA).setAttribute("type", "plain")
                    .setText(description));
        }
        String credit = Texts.xmlLine(image.credit()).strip();
        if (!credit.isEmpty()) {
            content.addContent(new Element("credit", XmlFeeds.MEDIA).setText(credit));
        }
        return content;
    }
}
