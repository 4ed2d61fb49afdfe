package io.tracker.launcher.payara;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainXmlTest {

    /** The shape of a Payara 6 domain.xml: the DAS's server-config and the default-config of instances. */
    private static final String DOMAIN = """
            <domain log-root="${com.sun.aas.instanceRoot}/logs">
              <hazelcast-runtime-configuration start-port="4859" das-port="4849"></hazelcast-runtime-configuration>
              <configs>
                <config name="server-config">
                  <network-config>
                    <network-listeners>
                      <network-listener protocol="http-listener-1" port="4880" name="http-listener-1" thread-pool="http-thread-pool"/>
                      <network-listener protocol="admin-listener" port="4848" name="admin-listener" thread-pool="admin-thread-pool"/>
                    </network-listeners>
                  </network-config>
                  <java-config classpath-suffix="">
                    <jvm-options>-Xmx512m</jvm-options>
                  </java-config>
                  <jms-service addresslist-behavior="priority" default-jms-host="default_JMS_host" type="EMBEDDED">
                    <jms-host port="4876" name="default_JMS_host" host="localhost"></jms-host>
                  </jms-service>
                </config>
                <config name="default-config">
                  <network-config>
                    <network-listeners>
                      <network-listener protocol="http-listener-1" port="${HTTP_LISTENER_PORT}" name="http-listener-1"/>
                    </network-listeners>
                  </network-config>
                  <java-config><jvm-options>-Xmx512m</jvm-options></java-config>
                  <microprofile-openapi-configuration/>
                </config>
              </configs>
            </domain>
            """;

    @TempDir
    Path dir;

    @Test
    void portsAreReadFromTheServerConfigOnly() throws Exception {
        DomainXml xml = DomainXml.read(write());

        assertThat(xml.listenerPort("admin-listener")).contains(4848);
        assertThat(xml.listenerPort("http-listener-1")).contains(4880);
        assertThat(xml.listenerPort("http-listener-2")).isEmpty();
    }

    @Test
    void theHttpPortAJvmOptionAndAMissingConfigElementAreWrittenOnce() throws Exception {
        Path file = write();
        DomainXml xml = DomainXml.read(file);
        xml.setListenerPort("http-listener-1", 8080);
        assertThat(xml.addJvmOption("-Duser.timezone=UTC")).isTrue();
        assertThat(xml.addJvmOption("-Duser.timezone=UTC")).isFalse();
        assertThat(xml.ensureConfigElement("microprofile-openapi-configuration")).isTrue();
        xml.write();

        DomainXml again = DomainXml.read(file);
        assertThat(again.listenerPort("http-listener-1")).contains(8080);
        assertThat(again.addJvmOption("-Duser.timezone=UTC")).isFalse();
        assertThat(again.ensureConfigElement("microprofile-openapi-configuration")).isFalse();
        String text = Files.readString(file);
        assertThat(text).contains("port=\"${HTTP_LISTENER_PORT}\"").contains("-Xmx512m");
        assertThat(text.split("-Duser.timezone=UTC", -1)).hasSize(2);
    }

    @Test
    void theMaximumHeapReplacesTheDefaultOnce() throws Exception {
        Path file = write();
        DomainXml xml = DomainXml.read(file);
        assertThat(xml.setMaxHeap("1g")).isTrue();
        xml.write();
        assertThat(DomainXml.read(file).setMaxHeap("1g")).isFalse();

        String text = Files.readString(file);
        String serverConfig = text.substring(text.indexOf("name=\"server-config\""), text.indexOf("name=\"default-config\""));
        assertThat(serverConfig).contains("<jvm-options>-Xmx1g</jvm-options>").doesNotContain("-Xmx512m");
        assertThat(serverConfig.split("-Xmx", -1)).hasSize(2);
    }

    @Test
    void theTemporaryDirectoryIsTheDomainsOwn() throws Exception {
        Path file = write();
        DomainXml xml = DomainXml.read(file);
        assertThat(xml.setTempDir(dir.resolve("a"))).isTrue();
        assertThat(xml.setTempDir(dir.resolve("b"))).isTrue();
        assertThat(xml.setTempDir(dir.resolve("b"))).isFalse();
        xml.write();

        String text = Files.readString(file);
        assertThat(text).contains("<jvm-options>-Djava.io.tmpdir=" + dir.resolve("b") + "</jvm-options>");
        assertThat(text.split("java.io.tmpdir", -1)).hasSize(2);
    }

    @Test
    void theJmsBrokerIsDisabledAndTheDataGridBindsToTheLoopbackAddress() throws Exception {
        Path file = write();
        DomainXml xml = DomainXml.read(file);
        xml.keepInternalServicesOnLoopback();
        xml.write();

        String text = Files.readString(file);
        assertThat(text).containsPattern("<jms-service[^>]*type=\"DISABLED\"")
                .containsPattern("<hazelcast-runtime-configuration[^>]*das-bind-address=\"127.0.0.1\"")
                .containsPattern("<hazelcast-runtime-configuration[^>]*interface=\"127.0.0.1\"")
                .contains("<jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>")
                .containsPattern("das-port=\"4849\"");
        assertThat(text.split("hazelcast-runtime-configuration ", -1)).hasSize(2);
    }

    @Test
    void aNewDomainWithoutItsOwnJmsServiceGetsADisabledCopyOfTheDefaultConfigs() throws Exception {
        Path file = dir.resolve("domain.xml");
        Files.writeString(file, DOMAIN.replaceAll("(?s)<jms-service.*?</jms-service>", "")
                .replace("<microprofile-openapi-configuration/>", "<jms-service type=\"EMBEDDED\" default-jms-host="
                        + "\"default_JMS_host\"><jms-host name=\"default_JMS_host\" port=\"${JMS_PROVIDER_PORT}\"/>"
                        + "</jms-service>"));
        DomainXml xml = DomainXml.read(file);
        xml.keepInternalServicesOnLoopback();
        xml.write();

        String text = Files.readString(file);
        String serverConfig = text.substring(text.indexOf("name=\"server-config\""), text.indexOf("name=\"default-config\""));
        assertThat(serverConfig).containsPattern("<jms-service[^>]*type=\"DISABLED\"").contains("default_JMS_host");
        assertThat(text.substring(text.indexOf("name=\"default-config\""))).contains("type=\"EMBEDDED\"");
    }

    private Path write() throws Exception {
        Path file = dir.resolve("domain.xml");
        Files.writeString(file, DOMAIN);
        return file;
    }
}
