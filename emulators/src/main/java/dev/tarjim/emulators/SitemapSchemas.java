package dev.tarjim.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * Validates sitemaps against the published schemas, kept in {@code resources/sitemaps/} (see the README there for
 * where each comes from): sitemaps.org's url set and index, Google's News extension, and XHTML 1.0 Strict for the
 * {@code xhtml:link} alternates. Nothing is fetched: every schema, and the XML namespace schema XHTML imports, is
 * read from the class path.
 */
public final class SitemapSchemas {
    private static final String FOLDER = "/sitemaps/";
    /** Where the schemas import each other from, and the local copy of each. */
    private static final Map<String, String> LOCATIONS = Map.of(
            "http://www.w3.org/2001/xml.xsd", "xml.xsd",
            "http://www.w3.org/2009/01/xml.xsd", "xml.xsd");

    private static final Schema URLSET = schema("sitemap.xsd", "sitemap-news.xsd", "xhtml1-strict.xsd");
    private static final Schema INDEX = schema("siteindex.xsd");

    private SitemapSchemas() {
    }

    /** Checks a url set (article or News sitemap) and its extensions; throws with the schema's message if invalid. */
    public static void validateUrlset(String xml) {
        validate(URLSET, xml);
    }

    /** Checks a sitemap index; throws with the schema's message if invalid. */
    public static void validateIndex(String xml) {
        validate(INDEX, xml);
    }

    private static void validate(Schema schema, String xml) {
        Validator v = schema.newValidator();
        try {
            v.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("invalid sitemap: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schema(String... files) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new Resolver());
        Source[] sources = new Source[files.length];
        for (int i = 0; i < files.length; i++) {
            sources[i] = new StreamSource(open(files[i]), "classpath:" + FOLDER + files[i]);
        }
        try {
            return factory.newSchema(sources);
        } catch (SAXException e) {
            throw new IllegalStateException("unreadable sitemap schemas", e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = SitemapSchemas.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IllegalStateException("missing schema " + FOLDER + file);
        }
        return in;
    }

    /** Answers imports from the local copies; an unknown location fails rather than reaching the network. */
    private static final class Resolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                String baseUri) {
            String file = LOCATIONS.get(systemId);
            if (file == null) {
                throw new IllegalStateException("schema import not kept locally: " + systemId + " (" + namespace + ")");
            }
            return new Input(systemId, open(file));
        }
    }

    private record Input(String systemId, InputStream stream) implements LSInput {
        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader r) { }
        @Override public InputStream getByteStream() { return stream; }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
