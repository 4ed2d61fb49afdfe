package io.tracker.application.demo;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.ApiKeyService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.TenantService;
import io.tracker.application.tracking.EventIngestionService;
import io.tracker.application.tracking.EventInput;
import io.tracker.application.tracking.IngestionReport;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.tenant.Agency;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.ApiKeySecret;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;

/**
 * Creates, idempotently, the demo agency and its demo client tenant, and fills the last 90 days
 * with {@link DemoDataGenerator generated} traffic. Safe to run at every start: what exists is
 * kept, and only days or events not yet stored are added.
 */
@Stateless
public class DemoTenantSetup {

    public static final String AGENCY_NAME = "Demo Agency";
    public static final String TENANT_NAME = "Demo Outdoor Shop";
    static final int DAYS = 90;

    private static final Logger LOG = Logger.getLogger(DemoTenantSetup.class.getName());

    @EJB
    private TenantService tenants;

    @EJB
    private ApiKeyService apiKeys;

    @EJB
    private ConversionActionService conversionActions;

    @EJB
    private EventIngestionService ingestion;

    @Inject
    private CurrentTenant currentTenant;

    /** Makes sure the demo tenant exists and has the given key; returns its id. Runs in one transaction. */
    public String ensureTenant(ApiKeySecret key) {
        Agency agency = tenants.findAgencyByName(AGENCY_NAME).orElseGet(() -> tenants.createAgency(AGENCY_NAME));
        Tenant tenant = tenants.findTenantByName(agency.getId(), TENANT_NAME).orElse(null);
        if (tenant == null) {
            tenant = tenants.createTenant(agency.getId(), TENANT_NAME, ZoneId.of("Europe/Berlin"),
                    Currency.getInstance("EUR"));
            conversionActions.create("add_to_cart", "Add to cart", ConversionCategory.MICRO, BigDecimal.ZERO,
                    CountingMode.EVERY);
            conversionActions.create("newsletter_signup", "Newsletter signup", ConversionCategory.MICRO,
                    new BigDecimal("2.00"), CountingMode.ONE);
        }
        currentTenant.set(tenant.getId());
        if (!apiKeys.exists(key)) {
            apiKeys.store("Demo key", key, EnumSet.allOf(ApiKeyScope.class));
        }
        return tenant.getId();
    }

    /** Generates one day's journeys into the current tenant (one transaction per call). */
    public IngestionReport fillDay(LocalDate day, Instant now) {
        Tenant tenant = tenants.current();
        List<EventInput> events = new DemoDataGenerator(tenant.getTimeZone(), "https://shop.example/")
                .eventsStartingOn(day, now);
        IngestionReport report = ingestion.ingest(events, List.of());
        if (!report.rejected().isEmpty()) {
            LOG.warning(() -> "demo data for " + day + " had rejected events: " + report.rejected());
        }
        return report;
    }
}
