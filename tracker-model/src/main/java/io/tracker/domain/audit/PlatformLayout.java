package io.tracker.domain.audit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The campaign-by-day conversion reports the platforms export, recognised by the header line (names compared
 * ignoring case and surrounding blanks; a value column may carry its currency in brackets, as Meta's
 * {@code Purchases conversion value (USD)}). Each role lists the names that fill it, first found wins.
 *
 * <table>
 *   <caption>Header names per platform</caption>
 *   <tr><th>role</th><th>google_ads</th><th>microsoft_ads</th><th>meta</th></tr>
 *   <tr><td>day</td><td>Day, Date</td><td>Time period, TimePeriod, Date, Day</td><td>Day, Reporting starts</td></tr>
 *   <tr><td>campaign</td><td>Campaign</td><td>Campaign name, CampaignName, Campaign</td><td>Campaign name</td></tr>
 *   <tr><td>conversions</td><td>Conv. (by conv. time), Conversions (by conv. time), Conversions, Conv.</td>
 *       <td>Conversions, Conv.</td><td>Purchases, Website purchases, Results</td></tr>
 *   <tr><td>value</td><td>Conv. value (by conv. time), Conversion value (by conv. time), Conv. value, Conversion
 *       value</td><td>Revenue, Conv. value</td><td>Purchases conversion value, Website purchases conversion
 *       value</td></tr>
 *   <tr><td>currency</td><td>Currency code, Currency</td><td>Currency code, Currency</td><td>Currency (or the value
 *       header's brackets)</td></tr>
 * </table>
 *
 * Day, campaign and conversions are required. Meta's {@code Reporting ends}, when present, must be the row's day
 * (export with a breakdown by day); {@code Results} counts purchases only in a campaign optimised for purchases.
 * Detection tries Google Ads, Meta, then Microsoft Advertising (a Microsoft export whose header says {@code Campaign}
 * rather than {@code Campaign name} reads as Google's: name the platform).
 *
 * <p><b>Date basis.</b> Google Ads' {@code Conversions} column dates a conversion by the click it followed; the
 * {@code (by conv. time)} columns by the conversion itself. Microsoft Advertising and Meta report by the day of
 * the click (Meta: of the ad interaction). The basis is kept with each row, since Tracker dates purchases by when
 * they happened.
 */
public enum PlatformLayout {
    GOOGLE_ADS(AdPlatform.GOOGLE_ADS, List.of("Day", "Date"), List.of("Campaign"),
            List.of("Conv. (by conv. time)", "Conversions (by conv. time)", "Conversions", "Conv."),
            List.of("Conv. value (by conv. time)", "Conversion value (by conv. time)", "Conv. value",
                    "Conversion value"), List.of("Currency code", "Currency")),
    META(AdPlatform.META, List.of("Day", "Reporting starts"), List.of("Campaign name"),
            List.of("Purchases", "Website purchases", "Results"),
            List.of("Purchases conversion value", "Website purchases conversion value"), List.of("Currency")),
    MICROSOFT_ADS(AdPlatform.MICROSOFT_ADS, List.of("Time period", "TimePeriod", "Date", "Day"),
            List.of("Campaign name", "CampaignName", "Campaign"), List.of("Conversions", "Conv."),
            List.of("Revenue", "Conv. value"), List.of("Currency code", "Currency"));

    private static final Pattern BRACKETED_CURRENCY = Pattern.compile("(.+?)\\s*\\(([A-Za-z]{3})\\)");

    private final AdPlatform platform;
    private final List<String> day;
    private final List<String> campaign;
    private final List<String> conversions;
    private final List<String> value;
    private final List<String> currency;

    PlatformLayout(AdPlatform platform, List<String> day, List<String> campaign, List<String> conversions,
                   List<String> value, List<String> currency) {
        this.platform = platform;
        this.day = day;
        this.campaign = campaign;
        this.conversions = conversions;
        this.value = value;
        this.currency = currency;
    }

    public AdPlatform platform() {
        return platform;
    }

    /** The required columns, for messages. */
    public String requiredColumns() {
        return day.get(0) + ", " + campaign.get(0) + " and one of " + String.join(", ", conversions);
    }

    /** The layout of a platform. */
    public static PlatformLayout of(AdPlatform platform) {
        for (PlatformLayout l : values()) {
            if (l.platform == platform) {
                return l;
            }
        }
        throw new IllegalArgumentException(platform.name());
    }

    /** The header of a line, if it is one: of {@code wanted}'s layout, or of the first that matches. */
    public static Optional<PlatformHeader> header(List<String> cells, AdPlatform wanted) {
        for (PlatformLayout l : wanted == null ? List.of(values()) : List.of(of(wanted))) {
            Optional<PlatformHeader> h = l.headerOf(cells);
            if (h.isPresent()) {
                return h;
            }
        }
        return Optional.empty();
    }

    private Optional<PlatformHeader> headerOf(List<String> cells) {
        List<String> names = cells.stream().map(c -> c == null ? "" : c.strip()).toList();
        int dayAt = find(names, day);
        int campaignAt = find(names, campaign);
        int conversionsAt = find(names, conversions);
        if (dayAt < 0 || campaignAt < 0 || conversionsAt < 0) {
            return Optional.empty();
        }
        int valueAt = find(names, value);
        String headerCurrency = null;
        for (int i = 0; i < names.size() && valueAt < 0; i++) {
            Matcher m = BRACKETED_CURRENCY.matcher(names.get(i));
            if (m.matches() && find(List.of(m.group(1)), value) == 0) {
                valueAt = i;
                headerCurrency = m.group(2).toUpperCase(Locale.ROOT);
            }
        }
        boolean byConversionTime = names.get(conversionsAt).toLowerCase(Locale.ROOT).contains("by conv. time");
        return Optional.of(new PlatformHeader(this, names, dayAt, campaignAt, conversionsAt, valueAt, headerCurrency,
                find(names, currency), this == META ? find(names, List.of("Reporting ends")) : -1,
                byConversionTime ? DateBasis.CONVERSION : DateBasis.CLICK));
    }

    private static int find(List<String> names, List<String> wanted) {
        for (String w : wanted) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(w)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
