package dev.tarjim.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * What the RSS and Atom renderers share: Rome's generator to a JDOM tree (so gaps in Rome can be filled on the
 * tree), and one XML writer.
 *
 * <p>{@link WireFeedOutput} and {@link XMLOutputter} hold no per-call state once built, so one instance of each
 * serves every render, on any thread.
 */
final class XmlFeeds {

    /** The Atom namespace, for Atom feeds and the {@code atom:link} elements inside RSS. */
    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    /** Media RSS (https://www.rssboard.org/media-rss), for the lead image of an RSS item. */
    static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

    private static final WireFeedOutput ROME = new WireFeedOutput();
    private static final XMLOutputter WRITER = new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8"));

    private XmlFeeds() {
    }

    /** Rome's XML for this feed as a JDOM document, ready for the attributes Rome cannot write. */
    static Document toJdom(WireFeed feed) {
        try {
            return ROME.outputJDom(feed);
        } catch (FeedException e) {
            // Everything Rome gets here was built by this package; a failure is a bug, not bad input.
            throw new IllegalStateException("Rome refused a " + feed.getFeedType() + " feed", e);
        }
    }

    /** The document as an XML string with its declaration. */
    static String write(Document document) {
        StringWriter out = new StringWriter(8192);
        try {
            WRITER.output(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** An {@code atom:link} element (RSS foreign markup); {@code hreflang} and {@code type} only when given. */
    static Element atomLink(String rel, String href, String type, String hreflang) {
        Element link = new Element("link", ATOM).setAttribute("rel", rel).setAttribute("href", href);
        if (type != null) {
            link.setAttribute("type", type);
        }
        if (hreflang != null) {
            link.setAttribute("hreflang", hreflang);
        }
        return link;
    }

    /** Rome's API still speaks {@link Date}. */
    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    /** What RSS's {@code generator} names: the software, not the site. */
    static final String GENERATOR = "Tarjim";

    /** The feed's title: the site's name in the language (its Arabic name in the Arabic feed) and the language's. */
    static String feedTitle(SiteLinks links, String language) {
        return links.settings().siteTitle(language) + " — " + Languages.nativeName(language);
    }

    /** The feed's description. */
    static String feedDescription(SiteLinks links, String language) {
        return "Articles in " + Languages.englishName(language) + " (" + Languages.nativeName(language) + ") from "
                + links.settings().siteTitle();
    }
}
