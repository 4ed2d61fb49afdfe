package io.tracker.application.demo;

import io.tracker.application.tenant.TenantSelection;
import io.tracker.domain.tenant.ApiKeySecret;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up, when a demo API key is configured ({@code TRACKER_DEMO_API_KEY}, which {@code ./run}
 * always sets), makes sure the demo tenants exist (the first with that key) and that their last 90
 * days are filled; after the first start only the last few days are generated again. Does nothing
 * otherwise (production, tests).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoStartup {

    private static final Logger LOG = Logger.getLogger(DemoStartup.class.getName());

    /** The demo shop's traffic: {@link DemoDataGenerator}'s seed and journeys per day for "Demo Outdoor Shop". */
    public static final long SHOP_SEED = 17;
    public static final int SHOP_JOURNEYS_PER_DAY = 140;

    @Inject
    @ConfigProperty(name = "tracker.demo.api-key")
    private Optional<String> demoApiKey;

    @EJB
    private DemoTenantSetup setup;

    @Inject
    private RequestContextController requestContext;

    @EJB
    private TenantSelection selection;

    /**
     * Generates the current tenant's days that can still lack events: all {@link DemoFillWindow#DAYS_KEPT}
     * + 1 days at the first start, later only the days since shortly before the newest demo touchpoint
     * (see {@link DemoFillWindow}). Oldest day first, each day in its own transaction, so that an
     * interrupted run leaves complete days behind.
     *
     * @return the number of new events stored
     */
    private long fill(String tenantId, long seed, int journeysPerDay) {
        selection.asPlatform(tenantId);
        long started = System.nanoTime();
        ZoneId zone = setup.timeZone();
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = DemoFillWindow.firstDay(today, setup.newestDemoTouchpoint(), zone);
        long stored = 0;
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            stored += setup.fillDay(day, now, seed, journeysPerDay).accepted();
        }
        long newEvents = stored;
        LOG.info(() -> "Demo tenant " + tenantId + ": generated " + first + " to " + today + " ("
                + (ChronoUnit.DAYS.between(first, today) + 1) + " days, " + newEvents + " new events) in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return stored;
    }

    /** Not one transaction: each tenant's set-up and each day commit on their own (see {@link DemoTenantSetup}). */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fillDemoTenant() {
        if (demoApiKey.isEmpty() || demoApiKey.get().isBlank()) {
            return;
        }
        requestContext.activate();
        try {
            selection.startPlatformJob();
            String shop = setup.ensureTenant(DemoTenantSetup.TENANT_NAME, ZoneId.of("Europe/Berlin"),
                    Currency.getInstance("EUR"), new ApiKeySecret(demoApiKey.get().trim()));
            long shopEvents = fill(shop, SHOP_SEED, SHOP_JOURNEYS_PER_DAY);
            String roasters = setup.ensureTenant(DemoTenantSetup.SECOND_TENANT_NAME, ZoneId.of("America/New_York"),
                    Currency.getInstance("USD"), null);
            long roasterEvents = fill(roasters, 4242, 45);
            LOG.info(() -> "Demo tenants ready: " + shop + " (" + shopEvents + " new events), " + roasters + " ("
                    + roasterEvents + " new events)");
        } finally {
            requestContext.deactivate();
        }
    }
}
