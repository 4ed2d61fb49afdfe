package io.tracker.domain.campaign.cost;

import io.tracker.domain.campaign.Channels;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The column layouts of a cost file, recognised by their header line. Each role lists the header names
 * that fill it, first found wins; names are compared ignoring case and surrounding blanks, except the plain
 * layout's, which are exactly these lower-case names. A cost column may carry its currency in brackets
 * ({@code Amount spent (USD)}, {@code Cost (EUR)}).
 *
 * <table>
 *   <caption>Header names per layout</caption>
 *   <tr><th>role</th><th>google_ads</th><th>microsoft_ads</th><th>meta</th><th>plain</th></tr>
 *   <tr><td>day</td><td>Day, Date</td><td>Time period, Date, Day</td><td>Day, Reporting starts</td><td>date</td></tr>
 *   <tr><td>campaign</td><td>Campaign</td><td>Campaign name, Campaign</td><td>Campaign name</td><td>campaign</td></tr>
 *   <tr><td>cost</td><td>Cost</td><td>Spend</td><td>Amount spent</td><td>cost</td></tr>
 *   <tr><td>currency</td><td>Currency code, Currency</td><td>Currency code, Currency</td><td>(from the cost header)</td><td>currency</td></tr>
 *   <tr><td>clicks</td><td>Clicks</td><td>Clicks</td><td>Link clicks, Clicks (all)</td><td>clicks</td></tr>
 *   <tr><td>impressions</td><td>Impr., Impressions</td><td>Impressions, Impr.</td><td>Impressions</td><td>impressions</td></tr>
 * </table>
 *
 * Google Ads also reads {@code Campaign type} (for the channel); Meta {@code Reporting ends} (a row must cover one
 * day); plain {@code channel} and {@code source_medium}. Day, campaign and cost are required; the others optional.
 */
public enum CostLayout {
    GOOGLE_ADS("google_ads", "Google Ads", false, Channels.PAID_SEARCH,
            List.of("Day", "Date"), List.of("Campaign"), List.of("Cost"), List.of("Currency code", "Currency"),
            List.of("Clicks"), List.of("Impr.", "Impressions")),
    MICROSOFT_ADS("microsoft_ads", "Microsoft Advertising", false, Channels.PAID_SEARCH,
            List.of("Time period", "Date", "Day"), List.of("Campaign name", "Campaign"), List.of("Spend"),
            List.of("Currency code", "Currency"), List.of("Clicks"), List.of("Impressions", "Impr.")),
    META("meta", "Meta Ads Manager", false, Channels.PAID_SOCIAL,
            List.of("Day", "Reporting starts"), List.of("Campaign name"), List.of("Amount spent"), List.of(),
            List.of("Link clicks", "Clicks (all)"), List.of("Impressions")),
    PLAIN("plain", "plain CSV", true, null,
            List.of("date"), List.of("campaign"), List.of("cost"), List.of("currency"), List.of("clicks"),
            List.of("impressions"));

    /** The cost column's currency in brackets: {@code Amount spent (USD)}. */
    private static final Pattern BRACKETED_CURRENCY = Pattern.compile("(.+?)\\s*\\(([A-Za-z]{3})\\)");

    private final String apiName;
    private final String label;
    private final boolean exactNames;
    private final String channel;
    private final List<String> day;
    private final List<String> campaign;
    private final List<String> cost;
    private final List<String> currency;
    private final List<String> clicks;
    private final List<String> impressions;

    CostLayout(String apiName, String label, boolean exactNames, String channel, List<String> day,
               List<String> campaign, List<String> cost, List<String> currency, List<String> clicks,
               List<String> impressions) {
        this.apiName = apiName;
        this.label = label;
        this.exactNames = exactNames;
        this.channel = channel;
        this.day = day;
        this.campaign = campaign;
        this.cost = cost;
        this.currency = currency;
        this.clicks = clicks;
        this.impressions = impressions;
    }

    /** {@code google_ads}, {@code microsoft_ads}, {@code meta} or {@code plain}: the API's and the table's name. */
    public String apiName() {
        return apiName;
    }

    /** The platform's name for people. */
    public String label() {
        return label;
    }

    /** The channel of every row of this platform (Google Ads: unless its campaign type says otherwise); null for plain. */
    public String channel() {
        return channel;
    }

    /** The required columns, for messages. */
    public String requiredColumns() {
        return day.get(0) + ", " + campaign.get(0) + ", " + cost.get(0);
    }

    /**
     * The layout for an API name, case-insensitive; null or blank is "detect from the header".
     *
     * @throws IllegalArgumentException naming the accepted ones
     */
    public static Optional<CostLayout> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (CostLayout l : values()) {
            if (l.apiName.equalsIgnoreCase(text.strip())) {
                return Optional.of(l);
            }
        }
        throw new IllegalArgumentException("layout must be one of " + names() + ", not '" + text.strip() + "'");
    }

    /** {@code google_ads, microsoft_ads, meta or plain}. */
    public static String names() {
        return Arrays.stream(values()).map(CostLayout::apiName).collect(Collectors.joining(", "));
    }

    /**
     * The header of a line, if the line is one: of {@code wanted}, or of the first layout that matches (plain,
     * Google Ads, Microsoft Advertising, Meta; their required names do not overlap).
     */
    public static Optional<CostHeader> header(List<String> cells, CostLayout wanted) {
        for (CostLayout l : wanted == null ? List.of(PLAIN, GOOGLE_ADS, MICROSOFT_ADS, META) : List.of(wanted)) {
            Optional<CostHeader> h = l.header(cells);
            if (h.isPresent()) {
                return h;
            }
        }
        return Optional.empty();
    }

    private Optional<CostHeader> header(List<String> cells) {
        int dayAt = find(cells, day);
        int campaignAt = find(cells, campaign);
        int costAt = -1;
        String headerCurrency = null;
        for (int i = 0; i < cells.size() && costAt < 0; i++) {
            String name = cells.get(i) == null ? "" : cells.get(i).strip();
            Matcher m = BRACKETED_CURRENCY.matcher(name);
            if (same(name, cost.get(0))) {
                costAt = i;
            } else if (!exactNames && m.matches() && same(m.group(1), cost.get(0))) {
                costAt = i;
                headerCurrency = m.group(2).toUpperCase(Locale.ROOT);
            }
        }
        if (dayAt < 0 || campaignAt < 0 || costAt < 0) {
            return Optional.empty();
        }
        return Optional.of(new CostHeader(this, List.copyOf(cells.stream().map(c -> c == null ? "" : c.strip()).toList()),
                dayAt, campaignAt, costAt, headerCurrency, find(cells, currency), find(cells, clicks),
                find(cells, impressions), this == META ? find(cells, List.of("Reporting ends")) : -1,
                this == GOOGLE_ADS ? find(cells, List.of("Campaign type")) : -1,
                this == PLAIN ? find(cells, List.of("channel")) : -1,
                this == PLAIN ? find(cells, List.of("source_medium")) : -1));
    }

    /** Where the first of the names is in the line, -1 if none is. */
    private int find(List<String> cells, List<String> names) {
        for (String name : names) {
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) != null && same(cells.get(i).strip(), name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private boolean same(String cell, String name) {
        return exactNames ? cell.equals(name) : cell.equalsIgnoreCase(name);
    }
}
