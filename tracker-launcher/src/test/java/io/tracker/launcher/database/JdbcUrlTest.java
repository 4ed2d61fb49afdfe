package io.tracker.launcher.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.launcher.support.LaunchException;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {

    @Test
    void aUrlIsSplitIntoServerDatabaseAndParameters() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db.example:6543/tracker_a_it?sslmode=require");

        assertThat(url.database()).isEqualTo("tracker_a_it");
        assertThat(url.url()).isEqualTo("jdbc:postgresql://db.example:6543/tracker_a_it?sslmode=require");
        assertThat(url.maintenanceUrl()).isEqualTo("jdbc:postgresql://db.example:6543/postgres?sslmode=require");
        assertThat(url.applicationRole()).isEqualTo("tracker_a_it_app");
        assertThat(url.isTestDatabase()).isTrue();
        assertThat(JdbcUrl.parse("jdbc:postgresql://127.0.0.1:5432/tracker").isTestDatabase()).isFalse();
    }

    @Test
    void namesThatCannotGoIntoAStatementAreRefused() {
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:postgresql://h/tracker;drop")).isInstanceOf(LaunchException.class);
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:postgresql://h/Tracker")).isInstanceOf(LaunchException.class);
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:mysql://h/tracker")).isInstanceOf(LaunchException.class)
                .hasMessageContaining("not a jdbc:postgresql");
    }
}
