package dev.tarjim.feed;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jdom2.Element;
import org.junit.jupiter.api.Test;

/** The golden comparison must ignore layout but catch every real difference. */
class XmlTreesTest {

    private static Element root(String xml) {
        return XmlTrees.parse(xml).getRootElement();
    }

    private static final String FEED = "<f xmlns='urn:a' xmlns:x='urn:x'><e x:k='1' b='2'>t</e><e>u</e></f>";

    @Test
    void sameTree_ignoresIndentationAttributeOrderAndPrefixes() {
        String relaid = "<a:f xmlns:a='urn:a' xmlns:y='urn:x'>\n  <a:e b='2' y:k='1'>t</a:e>\n  <a:e>u</a:e>\n</a:f>";

        assertThatCode(() -> XmlTrees.assertSameTree(root(FEED), root(relaid), "/")).doesNotThrowAnyException();
    }

    @Test
    void sameTree_failsOnChangedAttributeTextOrderOrNamespace() {
        for (String other : new String[] {
                "<f xmlns='urn:a' xmlns:x='urn:x'><e x:k='9' b='2'>t</e><e>u</e></f>",
                "<f xmlns='urn:a' xmlns:x='urn:x'><e x:k='1' b='2'>T</e><e>u</e></f>",
                "<f xmlns='urn:a' xmlns:x='urn:x'><e>u</e><e x:k='1' b='2'>t</e></f>",
                "<f xmlns='urn:b' xmlns:x='urn:x'><e x:k='1' b='2'>t</e><e>u</e></f>",
                "<f xmlns='urn:a' xmlns:x='urn:x'><e x:k='1' b='2'>t</e></f>"}) {
            assertThatThrownBy(() -> XmlTrees.assertSameTree(root(FEED), root(other), "/"))
                    .as(other).isInstanceOf(AssertionError.class);
        }
    }
}
