package io.tracker.application.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.application.tracking.EventInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

    private final DemoDataGenerator generator = new DemoDataGenerator(ZoneId.of("Europe/Berlin"), "https://shop.example/", 17, 140);

    @Test
    void demoCampaignsCarryTheChannelTheirTrafficGetsGrouped() {
        assertThat(DemoDataGenerator.campaigns())
                .contains(new DemoDataGenerator.DemoCampaign("Brand Search", "Paid Search", "google", "cpc"),
                        new DemoDataGenerator.DemoCampaign("Weekly Newsletter", "Email", "newsletter", "email"),
                        new DemoDataGenerator.DemoCampaign("Spring Sale Retargeting", "Paid Social", "facebook",
                                "paid_social"),
                        new DemoDataGenerator.DemoCampaign("Flash Sale SMS", "SMS", "sms", "sms"))
                .extracting(DemoDataGenerator.DemoCampaign::name).doesNotHaveDuplicates();
    }

    @Test
    void aDayIsTheSameEveryTime() {
        LocalDate day = LocalDate.parse("2026-04-01");
        Instant later = Instant.parse("2026-06-01T00:00:00Z");

        assertThat(generator.eventsStartingOn(day, later)).isEqualTo(generator.eventsStartingOn(day, later));
    }

    @Test
    void eventsAreUniqueRealisticAndNeverInTheFuture() {
        LocalDate day = LocalDate.parse("2026-04-01");
        Instant now = Instant.parse("2026-04-02T12:00:00Z");

        List<EventInput> events = generator.eventsStartingOn(day, now);
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.eventId()));

        assertThat(ids).hasSameSizeAs(events);
        assertThat(events).allSatisfy(e -> assertThat(Instant.parse(e.timestamp())).isBeforeOrEqualTo(now));
        long touches = events.stream().filter(e -> e.type().equals("touchpoint")).count();
        long purchases = events.stream().filter(e -> "purchase".equals(e.action())).count();
        assertThat(touches).isBetween(100L, 700L);
        assertThat(purchases).isPositive().isLessThan(touches / 3);
        assertThat(events.stream().filter(e -> "purchase".equals(e.action())))
                .allSatisfy(e -> assertThat(e.value()).isBetween(new java.math.BigDecimal("15"), new java.math.BigDecimal("250")));
    }
}
