package io.tracker.interfaces.tenant.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PublicPathsTest {

    @Test
    void theLandingPageErrorsResourcesAndTheSignInEndpointsArePublicEverythingElseIsNot() {
        assertThat(Stream.of("/welcome.xhtml", "/errors/404.xhtml", "/errors/no-such-file",
                "/jakarta.faces.resource/css/tracker.css.xhtml", "/resources/css/tracker.css", "/sign-out", "/Callback"))
                .allMatch(PublicPaths::isPublic);
        assertThat(Stream.of("/", "/index.xhtml", "/dashboard.xhtml", "/admin/keys.xhtml", "/no-access.xhtml",
                "/welcome.xhtml.bak", "/errors", "/Callback/x", "/sign-out/x", null))
                .noneMatch(PublicPaths::isPublic);
    }

    /** The container's list (web.xml: the security constraint without an auth constraint) is this class's. */
    @Test
    void webXmlLeavesExactlyThesePathsUnconstrained() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
        List<String> unconstrained = new ArrayList<>();
        List<String> constrained = new ArrayList<>();
        NodeList constraints = doc.getElementsByTagNameNS("*", "security-constraint");
        for (int i = 0; i < constraints.getLength(); i++) {
            Element c = (Element) constraints.item(i);
            NodeList patterns = c.getElementsByTagNameNS("*", "url-pattern");
            List<String> into = c.getElementsByTagNameNS("*", "auth-constraint").getLength() == 0 ? unconstrained : constrained;
            for (int j = 0; j < patterns.getLength(); j++) {
                into.add(patterns.item(j).getTextContent().trim());
            }
        }
        List<String> expected = new ArrayList<>(PublicPaths.EXACT);
        PublicPaths.PREFIXES.forEach(p -> expected.add(p + "*"));
        assertThat(unconstrained).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(constrained).containsExactly("/*");
    }
}
