package io.tracker.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void connectionFailuresDeepInTheChainMeanAnOutage() {
        // As Payara delivers "no connection from the pool": EJBException ← PersistenceException ←
        // SQLException (no state) ← ResourceAllocationException.
        SQLException pool = new SQLException("Error in allocating a connection");
        pool.initCause(new ResourceAllocationException("database is not accepting connections"));
        assertThat(DatabaseOutage.isCause(new EJBException(new PersistenceException(pool)))).isTrue();

        assertThat(DatabaseOutage.isCause(new PersistenceException(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("too many clients", "53300"))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLTransientConnectionException("timeout"))))
                .isTrue();
        // Batch updates report the real failure as the next exception.
        SQLException batch = new SQLException("Batch entry 0 was aborted", "08006");
        SQLException outer = new SQLException("batch failed");
        outer.setNextException(batch);
        assertThat(DatabaseOutage.isCause(outer)).isTrue();
    }

    @Test
    void otherFailuresAreNotAnOutage() {
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.isCause(new EJBException(new IllegalStateException("bug")))).isFalse();
        assertThat(DatabaseOutage.isCause(null)).isFalse();
        // A cause chain that loops ends.
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseOutage.isCause(a)).isFalse();
    }
}
