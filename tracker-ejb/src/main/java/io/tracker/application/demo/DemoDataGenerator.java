package io.tracker.application.demo;

import io.tracker.application.tracking.EventInput;
import io.tracker.domain.campaign.DefaultChannelGrouping;
import io.tracker.domain.campaign.TrafficSignals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the demo tenant's traffic: realistic multi-channel journeys, the same every time for the
 * same day (each day's random numbers are seeded by the date), so that generating a day twice
 * yields the same event ids and stores nothing new.
 *
 * <p>Each day starts a fixed number of journeys (140 for the main demo shop). A journey has one to five touches spread over up to ten
 * days, drawn from a channel mix typical of a small online shop (organic search and paid search
 * lead, then direct, paid social, email, referral, SMS, display, affiliates, organic social);
 * about a quarter of the journeys add to cart, and the chance of a purchase grows with the
 * number of touches. Purchases are worth 15 to 250 in the tenant's currency.
 */
public final class DemoDataGenerator {

    private record Source(String channel, String utmSource, String utmMedium, String campaign, String referrer,
                          boolean gclid, boolean fbclid, int weight) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source(null, "google", "cpc", "Brand Search", null, true, false, 14),
            new Source(null, "google", "cpc", "Generic Search - Hiking Boots", null, true, false, 10),
            new Source(null, "bing", "cpc", "Bing Search", null, false, false, 3),
            new Source(null, null, null, null, "https://www.google.com/", false, false, 22),
            new Source(null, "facebook", "paid_social", "Spring Sale Retargeting", null, false, true, 9),
            new Source(null, "instagram", "paid_social", "Trail Running Prospecting", null, false, true, 5),
            new Source(null, "newsletter", "email", "Weekly Newsletter", null, false, false, 8),
            new Source(null, "sms", "sms", "Flash Sale SMS", null, false, false, 4),
            new Source(null, "gdn", "display", "Display Remarketing", null, false, false, 3),
            new Source(null, "awin", "affiliate", "Affiliate Partners", null, false, false, 2),
            new Source(null, null, null, null, "https://www.outdoorblog.example/best-boots", false, false, 6),
            new Source(null, null, null, null, "https://www.facebook.com/", false, false, 3),
            new Source(null, null, null, null, null, false, false, 13));

    /** Every generated event id starts with this, which tells demo events from imported or sent ones. */
    public static final String EVENT_ID_PREFIX = "demo:";

    private static final int TOTAL_WEIGHT = SOURCES.stream().mapToInt(Source::weight).sum();
    private final ZoneId zone;
    private final String websiteUrl;
    private final long seed;
    private final int journeysPerDay;

    /**
     * @param seed           varies the traffic between demo tenants
     * @param journeysPerDay how many journeys start each day
     */
    public DemoDataGenerator(ZoneId zone, String websiteUrl, long seed, int journeysPerDay) {
        this.zone = zone;
        this.websiteUrl = websiteUrl;
        this.seed = seed;
        this.journeysPerDay = journeysPerDay;
    }

    /**
     * The events of the journeys that start on this day, those at or before {@code now} only (a
     * later run adds the rest).
     */
    public List<EventInput> eventsStartingOn(LocalDate day, Instant now) {
        Random random = new Random(day.toEpochDay() * 7919L + seed);
        List<EventInput> events = new ArrayList<>();
        for (int j = 0; j < journeysPerDay; j++) {
            String visitor = "demo-" + day + "-" + j;
            Instant t = day.atStartOfDay(zone).toInstant().plusSeconds(6 * 3600 + random.nextInt(16 * 3600));
            int touches = 1 + (int) Math.min(4, Math.floor(-Math.log(1 - random.nextDouble()) * 1.1));
            for (int k = 0; k < touches; k++) {
                if (k > 0) {
                    t = t.plusSeconds(1800 + random.nextInt(2 * 24 * 3600));
                }
                events.add(touch(visitor + "-t" + k, visitor, t, pick(random), random));
            }
            double cartChance = 0.22 + 0.06 * touches;
            if (random.nextDouble() < cartChance) {
                t = t.plusSeconds(60 + random.nextInt(900));
                events.add(conversion(visitor + "-cart", visitor, t, "add_to_cart", null, null));
                double purchaseChance = 0.30 + 0.07 * touches;
                if (random.nextDouble() < purchaseChance) {
                    t = t.plusSeconds(120 + random.nextInt(1200));
                    BigDecimal value = BigDecimal.valueOf(15 + random.nextInt(23500) / 100.0)
                            .setScale(2, RoundingMode.HALF_UP);
                    events.add(conversion(visitor + "-purchase", visitor, t, "purchase", value,
                            "DEMO-" + day.toString().replace("-", "") + "-" + j));
                }
            }
            if (random.nextDouble() < 0.05) {
                events.add(conversion(visitor + "-newsletter", visitor, t.plusSeconds(30), "newsletter_signup",
                        null, null));
            }
        }
        events.removeIf(e -> Instant.parse(e.timestamp()).isAfter(now));
        return events;
    }

    /** A campaign the generated traffic refers to, with its channel as the default grouping derives it. */
    public record DemoCampaign(String name, String channel, String utmSource, String utmMedium) {
    }

    /** The campaigns the generated traffic refers to, so the demo tenants can register them. */
    public static List<DemoCampaign> campaigns() {
        return SOURCES.stream().filter(s -> s.campaign() != null)
                .map(s -> new DemoCampaign(s.campaign(), DefaultChannelGrouping.classify(new TrafficSignals(
                        s.channel(), s.utmSource(), s.utmMedium(), s.referrer(), s.gclid() ? "gclid" : null,
                        s.fbclid() ? "fbclid" : null, null)), s.utmSource(), s.utmMedium()))
                .toList();
    }

    private Source pick(Random random) {
        int r = random.nextInt(TOTAL_WEIGHT);
        for (Source s : SOURCES) {
            r -= s.weight();
            if (r < 0) {
                return s;
            }
        }
        throw new AssertionError("weights add up to TOTAL_WEIGHT");
    }

    private EventInput touch(String eventId, String visitor, Instant at, Source s, Random random) {
        String gclid = s.gclid() ? "demo-gclid-" + Long.toHexString(random.nextLong()) : null;
        String fbclid = s.fbclid() ? "demo-fbclid-" + Long.toHexString(random.nextLong()) : null;
        return new EventInput(EVENT_ID_PREFIX + eventId, "touchpoint", at.toString(), visitor, s.channel(), null,
                s.utmSource(), s.utmMedium(), s.campaign(), null, null, websiteUrl, s.referrer(), gclid, fbclid, null,
                null, null, null, null);
    }

    private static EventInput conversion(String eventId, String visitor, Instant at, String action, BigDecimal value,
                                         String orderId) {
        return new EventInput(EVENT_ID_PREFIX + eventId, "conversion", at.toString(), visitor, null, null, null, null, null,
                null, null, null, null, null, null, null, action, value, null, orderId);
    }
}
