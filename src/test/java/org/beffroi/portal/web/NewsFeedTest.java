package org.beffroi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.beffroi.testing.BeffroiTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;

/**
 * The news feed read back by Rome, and checked against RFC 4287 with a plain XML parser: the required
 * elements of the feed and of each entry, unique absolute ids, RFC 3339 dates, a self link.
 */
@BeffroiTest
class NewsFeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    @Autowired
    MockMvc mvc;

    @Test
    void theFeedIsValidAtomAndAdvertisedByTheNewsPages() throws Exception {
        String xml = mvc.perform(get("/actualites.atom")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        var input = new WireFeedInput();
        Feed feed = (Feed) input.build(new StringReader(xml));
        assertThat(feed.getEntries()).isNotEmpty();

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertOne(root, "id");
        assertOne(root, "title");
        assertThat(RFC_3339.matcher(assertOne(root, "updated").getTextContent().strip()).matches()).isTrue();
        // a feed without an author needs one in every entry: the feed carries it
        assertThat(children(root, "author")).isNotEmpty();
        assertThat(links(root, "self")).singleElement().satisfies(href -> assertThat(href).endsWith("/actualites.atom"));

        var ids = new HashSet<String>();
        var entries = root.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            var entry = (Element) entries.item(i);
            String id = assertOne(entry, "id").getTextContent().strip();
            assertThat(URI.create(id).isAbsolute()).as("id %s is an absolute IRI", id).isTrue();
            assertThat(ids.add(id)).as("id %s is unique", id).isTrue();
            assertOne(entry, "title");
            String updated = assertOne(entry, "updated").getTextContent().strip();
            assertThat(RFC_3339.matcher(updated).matches()).as(updated).isTrue();
            OffsetDateTime.parse(updated);
            assertThat(links(entry, "alternate")).singleElement()
                    .satisfies(href -> assertThat(URI.create(href).isAbsolute()).isTrue());
            var contents = children(entry, "content");
            assertThat(contents).hasSize(1);
            assertThat(((Element) contents.get(0)).getAttribute("type")).isEqualTo("html");
        }

        mvc.perform(get("/actualites")).andExpect(content().string(Matchers.containsString(
                "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/actualites.atom\"")));
    }

    private static Element assertOne(Element parent, String name) {
        var found = children(parent, name);
        assertThat(found).as("exactly one atom:%s in %s", name, parent.getLocalName()).hasSize(1);
        return (Element) found.get(0);
    }

    private static java.util.List<org.w3c.dom.Node> children(Element parent, String name) {
        var list = new java.util.ArrayList<org.w3c.dom.Node>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                list.add(e);
            }
        }
        return list;
    }

    /** The hrefs of the links with a relation; a link without rel is "alternate" (RFC 4287, 4.2.7.2). */
    private static java.util.List<String> links(Element parent, String rel) {
        return children(parent, "link").stream().map(n -> (Element) n)
                .filter(e -> rel.equals(e.getAttribute("rel").isEmpty() ? "alternate" : e.getAttribute("rel")))
                .map(e -> e.getAttribute("href")).toList();
    }
}
