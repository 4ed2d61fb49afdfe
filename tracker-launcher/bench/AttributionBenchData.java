import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * The attribution benchmark's tenant, from a fixed seed: writes PostgreSQL COPY text (CSV) to stdout,
 * either its touchpoints or its conversions, so that {@code attribution-bench.sh} can load them with
 * {@code \copy}. Run without a build: {@code java AttributionBenchData.java touchpoints|conversions
 * TENANT ACTION_ID END_DATE [SEED]}.
 *
 * <p>The shape: 1,000,000 touchpoints of about 222,000 visitors (1 to 8 touches each, uniformly), on
 * 12 channels with 4 campaigns and a source / medium each (Direct and the organic channels without a
 * campaign), over the 90 days up to END_DATE (UTC); one visitor in four converts (a purchase half an hour
 * after its last touch, worth 10.00 to 200.00) until there are 50,000 conversions. A visitor's touches lie
 * within 20 days. Both runs of the generator (touchpoints, conversions) draw the same numbers in the same
 * order, so they agree on every visitor.
 */
public final class AttributionBenchData {

    static final int TOUCHPOINTS = 1_000_000;
    static final int CONVERSIONS = 50_000;

    /** Channel, utm_source, utm_medium, whether it has campaigns. */
    static final String[][] CHANNELS = {
            {"Paid Search", "google", "cpc", "y"},
            {"Paid Social", "facebook", "paid_social", "y"},
            {"Organic Search", "google", "organic", "n"},
            {"Organic Social", "instagram", "social", "n"},
            {"Email", "newsletter", "email", "y"},
            {"SMS", "sms", "sms", "y"},
            {"Display", "gdn", "display", "y"},
            {"Video", "youtube", "video", "y"},
            {"Affiliates", "awin", "affiliate", "y"},
            {"Referral", "blog.example", "referral", "n"},
            {"Direct", "(direct)", "(none)", "n"},
            {"Other", "partner", "other", "n"}};

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: java AttributionBenchData.java touchpoints|conversions TENANT ACTION_ID END_DATE [SEED]");
            System.exit(2);
        }
        boolean touchpoints = args[0].equals("touchpoints");
        String tenant = args[1];
        String actionId = args[2];
        Instant end = LocalDate.parse(args[3]).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant start = end.minus(90, ChronoUnit.DAYS);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 20261205L;
        Random random = new Random(seed);
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        long spanSeconds = ChronoUnit.SECONDS.between(start, end) - 21L * 86_400;
        int touches = 0;
        int conversions = 0;
        for (int visitor = 0; touches < TOUCHPOINTS; visitor++) {
            int count = Math.min(1 + random.nextInt(8), TOUCHPOINTS - touches);
            Instant first = start.plusSeconds((long) (random.nextDouble() * spanSeconds));
            Instant last = first;
            String visitorId = "bv" + visitor;
            for (int i = 0; i < count; i++) {
                String[] channel = CHANNELS[random.nextInt(CHANNELS.length)];
                int campaign = random.nextInt(4);
                Instant at = first.plusSeconds((long) (random.nextDouble() * 20 * 86_400));
                last = at.isAfter(last) ? at : last;
                if (touchpoints) {
                    out.write(tenant + ",bt" + touches + "," + visitorId + "," + at + ",\"" + channel[0] + "\","
                            + (channel[3].equals("y") ? channel[1] + "-" + campaign : "") + "," + channel[1] + ","
                            + channel[2] + ",API\n");
                }
                touches++;
            }
            boolean converts = visitor % 4 == 0 && conversions < CONVERSIONS;
            BigDecimal value = BigDecimal.valueOf(1000 + random.nextInt(19_001)).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
            if (converts) {
                if (!touchpoints) {
                    Instant at = last.plusSeconds(1800);
                    out.write(tenant + ",bc" + conversions + "," + visitorId + "," + at + "," + actionId + "," + value
                            + ",USD,bo" + conversions + ",API\n");
                }
                conversions++;
            }
        }
        out.flush();
        System.err.println("AttributionBenchData: " + touches + " touchpoints, " + conversions + " conversions");
    }
}
