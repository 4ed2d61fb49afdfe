package io.tracker.application.reporting;

import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One published industry figure of the platform-wide benchmark table ({@code industry_benchmark}, V22),
 * kept by Tracker's platform admins.
 *
 * @param id        the row's id (0 for a row not stored yet)
 * @param industry  the industry it applies to, free text matched case-insensitively after trimming
 *                  ({@link #normalise}); {@value #GENERAL} is the general figure every client with an
 *                  industry sees
 * @param metric    what was measured; only {@value #CONVERSION_RATE} (orders ÷ sessions as publishers
 *                  define it) so far
 * @param value     the figure as a fraction in [0, 1] (0.026 = 2.6 %), the unit of the reports' conversion rate
 * @param year      the year the figure describes
 * @param region    where it was measured, such as {@code US} or {@code Global}
 * @param source    who published it
 * @param sourceUrl where to read it ({@code http(s)} URL), or null
 */
public record IndustryBenchmark(long id, String industry, String metric, BigDecimal value, int year, String region,
                                String source, String sourceUrl) {

    /** The industry of the general figure, shown to every client that has an industry. */
    public static final String GENERAL = "All e-commerce";

    /** The one metric so far. */
    public static final String CONVERSION_RATE = "conversion_rate";

    /**
     * A row as given by a platform admin, checked and trimmed: industry, region (at most 100 characters) and
     * source (at most 200) required; metric {@value #CONVERSION_RATE} (the default when null); value 0..1;
     * year 1990..2100; source URL null or an absolute http(s) URL of at most 500 characters.
     *
     * @throws InvalidInputException naming the first thing wrong
     */
    public static IndustryBenchmark checked(long id, String industry, String metric, BigDecimal value, Integer year,
                                            String region, String source, String sourceUrl) {
        String m = metric == null || metric.isBlank() ? CONVERSION_RATE : metric.strip().toLowerCase(Locale.ROOT);
        if (!m.equals(CONVERSION_RATE)) {
            throw new InvalidInputException("metric must be '" + CONVERSION_RATE + "', not " + Text.echo(metric));
        }
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("value is required: a fraction from 0 to 1 (0.026 for 2.6 %)");
        }
        if (year == null || year < 1990 || year > 2100) {
            throw new InvalidInputException("year is required: 1990 to 2100");
        }
        String url = sourceUrl == null || sourceUrl.isBlank() ? null : sourceUrl.strip();
        if (url != null) {
            Text.withoutNul("source_url", url);
            if (url.length() > 500 || !validHttpUrl(url)) {
                throw new InvalidInputException("source_url must be an http(s) URL of at most 500 characters");
            }
        }
        return new IndustryBenchmark(id, text("industry", industry, 100), m, value.stripTrailingZeros(), year,
                text("region", region, 100), text("source", source, 200), url);
    }

    /** How industries are compared: trimmed, lower case (so "Consumer goods " matches "consumer goods"). */
    public static String normalise(String industry) {
        return industry == null ? null : industry.strip().toLowerCase(Locale.ROOT);
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new InvalidInputException(field + " is required (at most " + max + " characters)");
        }
        return Text.withoutNul(field, value.strip());
    }

    private static boolean validHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
