package io.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tracker.application.attribution.IdentityService;
import io.tracker.application.reporting.AttributionReport;
import io.tracker.application.reporting.AttributionRow;
import io.tracker.application.reporting.ReportDimension;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.reporting.ReportService;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.application.tracking.EventIngestionService;
import io.tracker.application.tracking.EventInput;
import io.tracker.application.tracking.IngestionReport;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tracking.PersonKey;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TenantFixture;
import io.tracker.it.support.TestTenant;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Identity, in the container: {@code identify} joins a person's visitors, and the attribution worker
 * credits a conversion on one device to the touches of the person's other devices. Events go in
 * through the events API's service, identities through {@link IdentityService}, the credits come
 * back through the report service once the worker is done ({@link TenantFixture#awaitAttribution}).
 *
 * <p>All on 2025-04-10 (UTC): device A clicks the spring newsletter at 09:00 (Email, campaign
 * "spring"); device B comes in directly at 12:00 and buys for 80.00 at 12:05. Under last non-direct
 * touch the purchase belongs to Direct while the devices are strangers, and to the newsletter once
 * both are known as one person.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityAttributionIT {

    private static final String DAY = "2025-04-10";
    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.parse(DAY), LocalDate.parse(DAY), ZoneId.of("UTC"));

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.tracker(IdentityAttributionIT.class);
    }

    @Inject
    private TenantFixture fixture;

    @EJB
    private TenantSelection selection;

    @EJB
    private EventIngestionService ingestion;

    @EJB
    private IdentityService identities;

    @EJB
    private ReportService reports;

    @Test
    void devicesLinkedByIdentifyShareTheJourney() {
        TestTenant t = tenant("identity two devices");
        ingest(newsletterClick("a-1", "device-a"), directVisit("b-1", "device-b"), purchase("b-2", "device-b"));
        fixture.awaitAttribution(t.id());
        assertThat(credits(AttributionModel.LAST_TOUCH, ReportDimension.CAMPAIGN)).as("strangers")
                .isEqualTo(Map.of("", new Credited(1, 80)));

        identities.identify("device-a", "customer-7", null);
        identities.identify("device-b", "customer-7", null);
        fixture.awaitAttribution(t.id());

        assertThat(credits(AttributionModel.LAST_TOUCH, ReportDimension.CAMPAIGN)).as("one person, last non-direct")
                .isEqualTo(Map.of("spring", new Credited(1, 80)));
        assertThat(credits(AttributionModel.LAST_TOUCH, ReportDimension.CHANNEL)).isEqualTo(Map.of("Email", new Credited(1, 80)));
        assertThat(credits(AttributionModel.FIRST_TOUCH, ReportDimension.CHANNEL)).isEqualTo(Map.of("Email", new Credited(1, 80)));
        assertThat(credits(AttributionModel.LINEAR, ReportDimension.CHANNEL))
                .isEqualTo(Map.of("Email", new Credited(0.5, 40), "Direct", new Credited(0.5, 40)));
    }

    @Test
    void personsJoinTransitivelyAcrossKeysAndEventsThatComeAfterTheIdentification() {
        TestTenant t = tenant("identity chain");
        // A and C share the e-mail hash, C and B the user id: A, B and C are one person, although A and B
        // share no key. The identities are known before any event of A or B arrives.
        String email = PersonKey.ofEmail("Jane.Doe@Example.com").value().substring("email:".length());
        identities.identify("device-a", null, email);
        identities.identify("device-c", "customer-9", email.toUpperCase());
        identities.identify("device-b", "customer-9", null);
        // Another person with a touch of its own that must stay out: device D, user customer-10.
        identities.identify("device-d", "customer-10", null);
        ingest(new EventInput("d-1", "touchpoint", DAY + "T11:00:00Z", "device-d", null, null, "google", "cpc",
                        "brand", null, null, null, null, null, null, null, null, null, null, null),
                newsletterClick("a-1", "device-a"), directVisit("b-1", "device-b"), purchase("b-2", "device-b"));
        fixture.awaitAttribution(t.id());

        assertThat(credits(AttributionModel.LAST_TOUCH, ReportDimension.CAMPAIGN))
                .isEqualTo(Map.of("spring", new Credited(1, 80)));
        assertThat(credits(AttributionModel.POSITION_BASED, ReportDimension.CHANNEL))
                .as("two touches: 50/50").isEqualTo(Map.of("Email", new Credited(0.5, 40), "Direct", new Credited(0.5, 40)));
    }

    @Test
    void theSameIdsInAnotherTenantJoinNothing() {
        TestTenant other = tenant("identity other tenant");
        ingest(newsletterClick("a-1", "device-a"));
        identities.identify("device-a", "customer-7", null);

        TestTenant t = tenant("identity this tenant");
        ingest(directVisit("b-1", "device-b"), purchase("b-2", "device-b"));
        identities.identify("device-b", "customer-7", null);
        fixture.awaitAttribution(other.id());
        fixture.awaitAttribution(t.id());

        assertThat(credits(AttributionModel.LAST_TOUCH, ReportDimension.CHANNEL)).isEqualTo(Map.of("Direct", new Credited(1, 80)));
    }

    @Test
    void identifyRefusesWhatIsNoPersonKey() {
        tenant("identity refusals");
        assertThatThrownBy(() -> identities.identify("device-a", null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("user id or an e-mail hash");
        assertThatThrownBy(() -> identities.identify("device-a", null, "not-a-hash"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("64 hexadecimal digits");
        assertThatThrownBy(() -> identities.identify(" ", "customer-1", null)).isInstanceOf(InvalidInputException.class);
    }

    // ------------------------------------------------------------------ helpers

    /** Credits per campaign or channel, rounded to what the test cares about. */
    record Credited(double conversions, double revenue) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Credited c && Math.abs(c.conversions - conversions) < 1e-9
                    && Math.abs(c.revenue - revenue) < 0.005;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    private Map<String, Credited> credits(AttributionModel model, ReportDimension dimension) {
        AttributionReport report = reports.attribution(model, PERIOD, dimension, null);
        Map<String, Credited> byKey = new TreeMap<>();
        for (AttributionRow row : report.rows()) {
            byKey.put(row.key(), new Credited(row.conversions(), row.revenue()));
        }
        assertThat(report.totalConversions()).isCloseTo(1, within(1e-9));
        return byKey;
    }

    private TestTenant tenant(String label) {
        TestTenant t = fixture.create(label, ZoneId.of("UTC"), "EUR", EnumSet.allOf(ApiKeyScope.class), List.of());
        selection.asPlatform(t.id());
        return t;
    }

    private void ingest(EventInput... events) {
        IngestionReport report = ingestion.ingest(List.of(events), List.of());
        assertThat(report.accepted()).as("%s", report).isEqualTo(events.length);
    }

    private static EventInput newsletterClick(String id, String visitor) {
        return new EventInput(id, "touchpoint", DAY + "T09:00:00Z", visitor, null, null, "newsletter", "email", "spring",
                null, null, null, null, null, null, null, null, null, null, null);
    }

    private static EventInput directVisit(String id, String visitor) {
        return new EventInput(id, "touchpoint", DAY + "T12:00:00Z", visitor, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    private static EventInput purchase(String id, String visitor) {
        return new EventInput(id, "conversion", DAY + "T12:05:00Z", visitor, null, null, null, null, null, null, null,
                null, null, null, null, null, "purchase", new BigDecimal("80.00"), null, "order-" + id);
    }
}
