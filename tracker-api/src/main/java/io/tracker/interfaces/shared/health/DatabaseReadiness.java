package io.tracker.interfaces.shared.health;

import io.tracker.application.shared.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Tracker is ready only while its PostgreSQL database answers (checked with a 2-second timeout). */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(2);
            return HealthCheckResponse.named("tracker-database").status(valid).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("tracker-database").down()
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
