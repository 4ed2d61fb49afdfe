package io.tracker.launcher.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RealmValuesTest {

    @Test
    void theChecksumChangesWithTheRealmFileAndEachValue() {
        RealmValues values = new RealmValues("http://localhost:8080", "web", "automation");
        String realm = "{\"realm\":\"tracker\"}";

        assertThat(values.checksum(realm)).hasSize(64).isEqualTo(values.checksum(realm));
        assertThat(values.checksum(realm + " ")).isNotEqualTo(values.checksum(realm));
        assertThat(new RealmValues("http://localhost:9090", "web", "automation").checksum(realm))
                .isNotEqualTo(values.checksum(realm));
        assertThat(new RealmValues("http://localhost:8080", "web2", "automation").checksum(realm))
                .isNotEqualTo(values.checksum(realm));
        assertThat(new RealmValues("http://localhost:8080", "web", "automation2").checksum(realm))
                .isNotEqualTo(values.checksum(realm));
    }
}
