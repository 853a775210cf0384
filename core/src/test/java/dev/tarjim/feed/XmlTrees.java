package dev.tarjim.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdom2.Attribute;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Text;
import org.jdom2.input.SAXBuilder;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * XML-aware comparison for golden files: both sides are parsed and compared as trees (namespace URIs, local names,
 * attributes as sets, element order, text), ignoring whitespace-only text and namespace prefixes' placement.
 *
 * <p>Run with {@code -Dtarjim.updateGoldens=true} to rewrite the goldens from the current output.
 */
final class XmlTrees {

    private XmlTrees() {
    }

    static Document parse(String xml) {
        try {
            SAXBuilder builder = new SAXBuilder();
            builder.setExpandEntities(false);
            return builder.build(new StringReader(xml));
        } catch (JDOMException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** Asserts that {@code actual} equals the golden file {@code feed/<name>} as an XML tree. */
    static void assertMatchesGolden(String actual, String name) {
        Path golden = goldenDirectory().resolve(name);
        if (Boolean.getBoolean("tarjim.updateGoldens")) {
            write(golden, pretty(parse(actual)));
        }
        String expected;
        try {
            expected = Files.readString(golden, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("golden missing (run with -Dtarjim.updateGoldens=true): " + golden, e);
        }
        assertSameTree(parse(expected).getRootElement(), parse(actual).getRootElement(), "/");
    }

    static void assertSameTree(Element expected, Element actual, String path) {
        String here = path + actual.getQualifiedName();
        assertThat(actual.getNamespaceURI()).as("namespace of %s", here).isEqualTo(expected.getNamespaceURI());
        assertThat(actual.getName()).as("name at %s", here).isEqualTo(expected.getName());
        assertThat(attributes(actual)).as("attributes of %s", here).isEqualTo(attributes(expected));
        List<Content> expectedChildren = significant(expected);
        List<Content> actualChildren = significant(actual);
        assertThat(actualChildren).as("children of %s", here).hasSameSizeAs(expectedChildren);
        for (int i = 0; i < expectedChildren.size(); i++) {
            Content e = expectedChildren.get(i);
            Content a = actualChildren.get(i);
            if (e instanceof Element ee && a instanceof Element ae) {
                assertSameTree(ee, ae, here + "[" + i + "]/");
            } else if (e instanceof Text et && a instanceof Text at) {
                assertThat(at.getText().strip()).as("text in %s", here).isEqualTo(et.getText().strip());
            } else {
                fail("different kinds of node at %s[%d]: %s vs %s", here, i, e, a);
            }
        }
    }

    private static Map<String, String> attributes(Element element) {
        Map<String, String> map = new TreeMap<>();
        for (Attribute attribute : element.getAttributes()) {
            map.put("{" + attribute.getNamespaceURI() + "}" + attribute.getName(), attribute.getValue());
        }
        return map;
    }

    private static List<Content> significant(Element element) {
        return element.getContent().stream()
                .filter(c -> c instanceof Element || (c instanceof Text t && !t.getText().isBlank()))
                .toList();
    }

    private static String pretty(Document document) {
        Format format = Format.getPrettyFormat().setTextMode(Format.TextMode.TRIM_FULL_WHITE);
        return new XMLOutputter(format).outputString(document);
    }

    private static Path goldenDirectory() {
        String root = System.getProperty("tarjim.root", "..");
        Path dir = Path.of(root, "core", "src", "test", "resources", "feed");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("src", "test", "resources", "feed");
        }
        return dir;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
