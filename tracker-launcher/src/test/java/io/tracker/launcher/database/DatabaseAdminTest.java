package io.tracker.launcher.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tracker.launcher.support.LaunchException;
import io.tracker.launcher.support.Ports;
import io.tracker.launcher.support.Secrets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real PostgreSQL on 127.0.0.1:5432 (trust authentication, user postgres) that the
 * project's tests need anyway; skipped where none answers.
 */
class DatabaseAdminTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String database = "tracker_launcher_" + ProcessHandle.current().pid() + "_test";
    private final DatabaseAdmin admin = new DatabaseAdmin("postgres", "");

    @BeforeEach
    void needsPostgres() {
        assumeTrue(Ports.inUse(5432), "no PostgreSQL on 127.0.0.1:5432");
    }

    @AfterEach
    void dropEverything() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("DROP ROLE IF EXISTS " + database + "_app");
        }
    }

    @Test
    void theDatabaseIsCreatedOnce() throws Exception {
        JdbcUrl url = JdbcUrl.parse(SERVER + database);

        assertThat(admin.ensureDatabase(url)).isTrue();
        assertThat(admin.ensureDatabase(url)).isFalse();
        assertThat(query("SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = '" + database + "'"))
                .isEqualTo("UTF8");
    }

    @Test
    void theApplicationRoleMayConnectAndNothingMore() throws Exception {
        JdbcUrl url = JdbcUrl.parse(SERVER + database);
        admin.ensureDatabase(url);

        assertThat(admin.ensureApplicationRole(url, Secrets.randomToken(), true)).isTrue();
        assertThat(admin.ensureApplicationRole(url, Secrets.randomToken(), false)).isFalse();

        String role = database + "_app";
        assertThat(query("SELECT concat_ws(',', rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls)"
                + " FROM pg_roles WHERE rolname = '" + role + "'")).isEqualTo("t,f,f,f,f");
        assertThat(query("SELECT has_database_privilege('" + role + "', '" + database + "', 'CONNECT')")).isEqualTo("t");
        assertThat(query("SELECT has_database_privilege('" + role + "', '" + database + "', 'CREATE')")).isEqualTo("f");
        assertThat(query("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + database + "'"))
                .isEqualTo("postgres");
    }

    @Test
    void onlyTestDatabasesAreDroppedAndTheyComeBackEmpty() throws Exception {
        JdbcUrl url = JdbcUrl.parse(SERVER + database);
        admin.ensureDatabase(url);
        try (Connection c = DriverManager.getConnection(url.url(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE leftover (id int)");
        }

        admin.recreateTestDatabase(url);

        try (Connection c = DriverManager.getConnection(url.url(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
        assertThatThrownBy(() -> admin.recreateTestDatabase(JdbcUrl.parse(SERVER + "tracker")))
                .isInstanceOf(LaunchException.class).hasMessageContaining("must end in _it or _test");
    }

    @Test
    void aPasswordThatCouldBreakTheStatementIsRefused() {
        JdbcUrl url = JdbcUrl.parse(SERVER + database);

        assertThatThrownBy(() -> admin.ensureApplicationRole(url, "x' SUPERUSER --aaaaaaaa", true))
                .isInstanceOf(LaunchException.class);
    }

    private static String query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
