package io.tracker.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseMigrationTest {

    @Test
    void refusesAnApplicationRoleThatRowLevelSecurityWouldNotBind() {
        assertThatThrownBy(() -> new DatabaseMigration.AppRole("postgres", true, true).refuseIfPrivileged())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdbc/tracker connects as postgres, a superuser");
        assertThatThrownBy(() -> new DatabaseMigration.AppRole("ops", false, true).refuseIfPrivileged())
                .hasMessageContaining("a role with BYPASSRLS");
        assertThatCode(() -> new DatabaseMigration.AppRole("tracker_app", false, false).refuseIfPrivileged())
                .doesNotThrowAnyException();
    }

    @Test
    void quotesTheRoleNameForTheGrants() {
        assertThat(DatabaseMigration.quoteIdentifier("tracker_app")).isEqualTo("\"tracker_app\"");
        assertThat(DatabaseMigration.quoteIdentifier("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }
}
