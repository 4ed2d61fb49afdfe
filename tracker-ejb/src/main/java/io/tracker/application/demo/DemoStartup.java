package io.tracker.application.demo;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.domain.tenant.ApiKeySecret;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up, when a demo API key is configured ({@code TRACKER_DEMO_API_KEY}, which {@code ./run}
 * always sets), makes sure the demo tenant exists with that key and that its last 90 days are
 * filled. Does nothing otherwise (production, tests).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoStartup {

    private static final Logger LOG = Logger.getLogger(DemoStartup.class.getName());

    @Inject
    @ConfigProperty(name = "tracker.demo.api-key")
    private Optional<String> demoApiKey;

    @EJB
    private DemoTenantSetup setup;

    @Inject
    private RequestContextController requestContext;

    @Inject
    private CurrentTenant currentTenant;

    @PostConstruct
    void fillDemoTenant() {
        if (demoApiKey.isEmpty() || demoApiKey.get().isBlank()) {
            return;
        }
        requestContext.activate();
        try {
            String tenantId = setup.ensureTenant(new ApiKeySecret(demoApiKey.get().trim()));
            currentTenant.set(tenantId);
            Instant now = Instant.now();
            LocalDate today = LocalDate.now();
            long stored = 0;
            for (int d = DemoTenantSetup.DAYS + 10; d >= 0; d--) {
                stored += setup.fillDay(today.minusDays(d), now).accepted();
            }
            long added = stored;
            LOG.info(() -> "Demo tenant " + tenantId + " ready; " + added + " new demo events stored");
        } finally {
            requestContext.deactivate();
        }
    }
}
