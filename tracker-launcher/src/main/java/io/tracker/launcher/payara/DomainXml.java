package io.tracker.launcher.payara;

import io.tracker.launcher.support.LaunchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads and edits a stopped domain's {@code config/domain.xml} (the configuration named
 * {@code server-config}, which the DAS runs): the ports of its listeners, and JVM options, which
 * apply only when the server's JVM starts and therefore cannot come from a boot command file.
 */
public final class DomainXml {

    private final Path file;
    private final Document document;

    private DomainXml(Path file, Document document) {
        this.file = file;
        this.document = document;
    }

    /** Parses {@code domain.xml} (no external entities). */
    public static DomainXml read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new DomainXml(file, factory.newDocumentBuilder().parse(file.toFile()));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new LaunchException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The port of network listener {@code name} of server-config, e.g. admin-listener or http-listener-1. */
    public Optional<Integer> listenerPort(String name) {
        return listener(name).map(l -> l.getAttribute("port")).filter(p -> p.matches("\\d+")).map(Integer::valueOf);
    }

    /** Sets the port of network listener {@code name}; a {@link LaunchException} when there is no such listener. */
    public void setListenerPort(String name, int port) {
        listener(name).orElseThrow(() -> new LaunchException("no network listener " + name + " in " + file))
                .setAttribute("port", Integer.toString(port));
    }

    /** Adds a JVM option to server-config's java-config unless it is there already; true when added. */
    public boolean addJvmOption(String option) {
        Element javaConfig = child(serverConfig(), "java-config");
        NodeList options = javaConfig.getElementsByTagName("jvm-options");
        for (int i = 0; i < options.getLength(); i++) {
            if (option.equals(options.item(i).getTextContent().strip())) {
                return false;
            }
        }
        Element element = document.createElement("jvm-options");
        element.setTextContent(option);
        javaConfig.appendChild(element);
        return true;
    }

    /**
     * Sets server-config's maximum heap ({@code -Xmx}), replacing whatever {@code -Xmx} option is there.
     *
     * @param size a JVM size such as {@code 1g} or {@code 768m}
     * @return true when domain.xml changed
     */
    public boolean setMaxHeap(String size) {
        return replaceJvmOption("-Xmx", "-Xmx" + size);
    }

    /**
     * Sets the server JVM's temporary directory ({@code java.io.tmpdir}). Payara keeps uploaded
     * deployments there under fixed names ({@code uploads/tracker.ear}), so two domains on one machine
     * sharing {@code /tmp} overwrite each other's archive while deploying.
     *
     * @return true when domain.xml changed
     */
    public boolean setTempDir(Path dir) {
        return replaceJvmOption("-Djava.io.tmpdir=", "-Djava.io.tmpdir=" + dir);
    }

    /** Makes {@code option} the only server-config JVM option starting with {@code prefix}; true when changed. */
    private boolean replaceJvmOption(String prefix, String option) {
        Element javaConfig = child(serverConfig(), "java-config");
        NodeList options = javaConfig.getElementsByTagName("jvm-options");
        boolean changed = false;
        boolean present = false;
        for (int i = options.getLength() - 1; i >= 0; i--) {
            String text = options.item(i).getTextContent().strip();
            if (text.startsWith(prefix)) {
                if (text.equals(option) && !present) {
                    present = true;
                } else {
                    javaConfig.removeChild(options.item(i));
                    changed = true;
                }
            }
        }
        return (present ? false : addJvmOption(option)) || changed;
    }

    /**
     * Adds an empty configuration element {@code tag} to server-config unless it exists. Some services
     * (MicroProfile OpenAPI) write theirs only during their first boot, which is too late for a pre-boot
     * {@code set} of that boot to find it; an empty element carries the service's defaults.
     *
     * @return true when added
     */
    public boolean ensureConfigElement(String tag) {
        Element config = serverConfig();
        NodeList children = config.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (tag.equals(children.item(i).getNodeName())) {
                return false;
            }
        }
        config.appendChild(document.createElement(tag));
        return true;
    }

    /**
     * Keeps the services Tracker does not use off the network: the embedded JMS broker (port base + 76)
     * is disabled, and the Hazelcast data grid of the DAS (base + 49) binds to 127.0.0.1 (with the JVM
     * option {@code -Dhazelcast.socket.bind.any=false}, without which Hazelcast listens on every interface
     * whatever address it is given). These are read once at boot, before a pre-boot command file could
     * change them, so they are written into the new domain's {@code domain.xml}.
     */
    public void keepInternalServicesOnLoopback() {
        jmsService().setAttribute("type", "DISABLED");
        NodeList grid = document.getElementsByTagName("hazelcast-runtime-configuration");
        Element hazelcast;
        if (grid.getLength() == 0) {
            hazelcast = document.createElement("hazelcast-runtime-configuration");
            document.getDocumentElement().insertBefore(hazelcast, document.getDocumentElement().getFirstChild());
        } else {
            hazelcast = (Element) grid.item(0);
        }
        hazelcast.setAttribute("das-bind-address", "127.0.0.1");
        hazelcast.setAttribute("interface", "127.0.0.1");
        addJvmOption("-Dhazelcast.socket.bind.any=false");
    }

    /** Writes the document back. */
    public void write() {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            transformer.transform(new DOMSource(document), new StreamResult(temporary.toFile()));
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (TransformerException | IOException e) {
            throw new LaunchException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The server-config's jms-service; a new domain has none until its first boot (Payara then copies
     * the default-config's), so the default-config's is copied here the same way.
     */
    private Element jmsService() {
        Element config = serverConfig();
        NodeList own = config.getElementsByTagName("jms-service");
        if (own.getLength() > 0) {
            return (Element) own.item(0);
        }
        Element copy = null;
        NodeList configs = document.getElementsByTagName("config");
        for (int i = 0; i < configs.getLength() && copy == null; i++) {
            Element other = (Element) configs.item(i);
            NodeList services = other.getElementsByTagName("jms-service");
            if (other != config && services.getLength() > 0) {
                copy = (Element) services.item(0).cloneNode(true);
            }
        }
        if (copy == null) {
            copy = document.createElement("jms-service");
        }
        config.appendChild(copy);
        return copy;
    }

    private Optional<Element> listener(String name) {
        NodeList listeners = serverConfig().getElementsByTagName("network-listener");
        for (int i = 0; i < listeners.getLength(); i++) {
            Element listener = (Element) listeners.item(i);
            if (name.equals(listener.getAttribute("name"))) {
                return Optional.of(listener);
            }
        }
        return Optional.empty();
    }

    private Element serverConfig() {
        NodeList configs = document.getElementsByTagName("config");
        for (int i = 0; i < configs.getLength(); i++) {
            Element config = (Element) configs.item(i);
            if ("server-config".equals(config.getAttribute("name"))) {
                return config;
            }
        }
        throw new LaunchException("no server-config in " + file);
    }

    private Element child(Element parent, String tag) {
        NodeList children = parent.getElementsByTagName(tag);
        if (children.getLength() == 0) {
            throw new LaunchException("no " + tag + " in server-config of " + file);
        }
        return (Element) children.item(0);
    }
}
