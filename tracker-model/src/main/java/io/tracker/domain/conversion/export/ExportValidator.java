package io.tracker.domain.conversion.export;

import io.tracker.domain.shared.CurrencyCodes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every reason a row cannot be sent to an ad platform, each a short sentence for the user who will read it on
 * the export's result page; an empty list means the row may be sent. The rules, with their sources:
 * <ul>
 *   <li><b>Something to match on.</b> Google Ads: a click id ({@link GoogleClick}) or a hashed e-mail address or
 *       phone number (enhanced conversions for leads,
 *       https://developers.google.com/google-ads/api/docs/conversions/enhanced-conversions/leads). Microsoft
 *       Advertising: an {@code msclkid}, or a hashed e-mail or phone (its enhanced conversions,
 *       {@code OfflineConversion.HashedEmailAddress} / {@code HashedPhoneNumber},
 *       https://learn.microsoft.com/en-us/advertising/campaign-management-service/offlineconversion). Meta: an
 *       {@code fbclid} (sent as {@code fbc}) or a hashed {@code em} / {@code ph}
 *       (https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters).</li>
 *   <li><b>Consent.</b> Google Ads: with {@code ad_user_data} DENIED the identifiers may not be sent (the exports
 *       leave them out), so such a row needs a click id
 *       (https://developers.google.com/google-ads/api/docs/conversions/upload-clicks, "consent").</li>
 *   <li><b>The click.</b> Checked only when the platform's own click id is present and the click's time is
 *       known: a conversion before its click is refused ({@code CONVERSION_PRECEDES_EVENT}), and one later than
 *       the platform's {@link Platform#clickWindow()} after it is refused ({@code EXPIRED_EVENT}; Microsoft does
 *       not count it). For Meta an old click is a problem only when the click is the row's one match key: Meta
 *       does not refuse the event, it just will not credit the click, and a hashed e-mail or phone still
 *       matches.</li>
 *   <li><b>The conversion's age.</b> Never in the future. Meta: {@code event_time} at most 7 days before the
 *       request ("If any event_time in data is greater than 7 days in the past, we return an error for the
 *       entire request"), at most 62 days for {@code physical_store}
 *       (https://developers.facebook.com/docs/marketing-api/conversions-api/using-the-api). Microsoft:
 *       {@code ConversionTime} "must be within the last 90 days, otherwise the operation will fail" (the
 *       OfflineConversion page above).</li>
 *   <li><b>Money.</b> A current ISO 4217 currency ({@link CurrencyCodes}); the value never negative (it may be
 *       absent: the platform then uses the conversion action's default value).</li>
 *   <li><b>Meta</b> needs an {@code action_source} it knows
 *       (https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/server-event).</li>
 * </ul>
 * Adjustments go to Google Ads only (the record carries no {@code msclkid}, and Meta has no adjustments):
 * they need the order id, or the gclid and the conversion time, to find the conversion; a restatement needs
 * its new value; the adjustment time must follow the conversion
 * (https://developers.google.com/google-ads/api/reference/rpc/v26/ConversionAdjustment).
 */
public final class ExportValidator {

    static final String DENIED = "DENIED";

    private static final Duration META_WEBSITE_EVENT_AGE = Duration.ofDays(7);
    private static final Duration META_PHYSICAL_STORE_EVENT_AGE = Duration.ofDays(62);
    private static final Duration MICROSOFT_CONVERSION_AGE = Duration.ofDays(90);

    private static final Set<String> META_ACTION_SOURCES = Set.of("email", "website", "app", "phone_call", "chat",
            "physical_store", "system_generated", "business_messaging", "other");

    private ExportValidator() {
    }

    /**
     * Why this conversion cannot go to this platform now.
     *
     * @param now the instant of sending (ages are measured from it)
     * @return the reasons, in the order of the rules above; empty when the row may be sent
     */
    public static List<String> problems(Platform platform, OutgoingConversion c, Instant now) {
        List<String> problems = new ArrayList<>();
        if (blank(c.platformName())) {
            problems.add("no conversion name for " + platform.displayName());
        }
        boolean hasClick = platformClick(platform, c) != null;
        matchKey(platform, c, hasClick, problems);
        if (hasClick && c.clickedAt() != null && c.convertedAt() != null) {
            clickTiming(platform, c, problems);
        }
        conversionAge(platform, c, now, problems);
        money(c.value(), c.currency(), problems);
        if (platform == Platform.META) {
            // Set.of(…).contains(null) throws: ask about null first
            if (c.actionSource() == null) {
                problems.add("no action source (website, physical_store…) for Meta");
            } else if (!META_ACTION_SOURCES.contains(c.actionSource())) {
                problems.add("Meta does not know the action source " + c.actionSource());
            }
        }
        return problems;
    }

    /**
     * Why this adjustment cannot go to this platform now.
     *
     * @param now the instant of sending
     * @return the reasons; empty when the adjustment may be sent
     */
    public static List<String> problems(Platform platform, OutgoingAdjustment a, Instant now) {
        List<String> problems = new ArrayList<>();
        if (platform != Platform.GOOGLE_ADS) {
            problems.add("adjustments are sent to Google Ads only, not to " + platform.displayName());
        }
        if (blank(a.platformName())) {
            problems.add("no conversion name for Google Ads");
        }
        boolean restate = OutgoingAdjustment.RESTATE.equals(a.kind());
        if (!restate && !OutgoingAdjustment.RETRACT.equals(a.kind())) {
            problems.add("unknown adjustment kind " + a.kind() + " (RESTATE or RETRACT)");
        }
        if (!a.hasOrderId() && (blank(a.gclid()) || a.convertedAt() == null)) {
            problems.add("no order id, or click id and conversion time, to find the conversion by");
        }
        if (a.adjustedAt() == null) {
            problems.add("no adjustment time");
        } else {
            if (a.adjustedAt().isAfter(now)) {
                problems.add("adjusted in the future");
            }
            if (a.convertedAt() != null && !a.adjustedAt().isAfter(a.convertedAt())) {
                problems.add("adjusted before it converted");
            }
        }
        if (restate) {
            if (a.value() == null) {
                problems.add("a restatement needs the new value");
            }
            money(a.value(), a.currency(), problems);
        }
        return problems;
    }

    /** The platform's own click id of the conversion, or null. */
    static String platformClick(Platform platform, OutgoingConversion c) {
        OutgoingConversion.Clicks clicks = c.clicks() == null ? OutgoingConversion.Clicks.NONE : c.clicks();
        String id = switch (platform) {
            case GOOGLE_ADS -> GoogleClick.of(clicks).map(GoogleClick::value).orElse(null);
            case MICROSOFT_ADS -> clicks.msclkid();
            case META -> clicks.fbclid();
        };
        return blank(id) ? null : id;
    }

    /** Whether the platform may be sent the conversion's hashed e-mail address and phone number. */
    static boolean identifiersAllowed(Platform platform, OutgoingConversion c) {
        // ad_user_data is Google's consent signal; the record carries none for the other platforms
        return platform != Platform.GOOGLE_ADS || !DENIED.equals(c.adUserData());
    }

    private static void matchKey(Platform platform, OutgoingConversion c, boolean hasClick, List<String> problems) {
        if (hasClick) {
            return;
        }
        boolean hasIdentifiers = hasEmailOrPhone(platform, c.identifiers());
        if (hasIdentifiers && !identifiersAllowed(platform, c)) {
            problems.add("ad_user_data consent denied: identifiers cannot be sent");
        } else if (!hasIdentifiers) {
            problems.add("no click id or e-mail/phone to match on");
        }
    }

    private static void clickTiming(Platform platform, OutgoingConversion c, List<String> problems) {
        if (c.clickedAt().isAfter(c.convertedAt())) {
            problems.add("converted before its click");
            return;
        }
        boolean tooOld = Duration.between(c.clickedAt(), c.convertedAt()).compareTo(platform.clickWindow()) > 0;
        boolean clickIsTheOnlyKey = platform != Platform.META || !hasEmailOrPhone(platform, c.identifiers());
        if (tooOld && clickIsTheOnlyKey) {
            problems.add("the click is older than " + possessive(platform.displayName()) + " "
                    + platform.clickWindow().toDays() + "-day window");
        }
    }

    private static void conversionAge(Platform platform, OutgoingConversion c, Instant now, List<String> problems) {
        if (c.convertedAt() == null) {
            problems.add("no conversion time");
            return;
        }
        if (c.convertedAt().isAfter(now)) {
            problems.add("converted in the future");
            return;
        }
        Duration age = Duration.between(c.convertedAt(), now);
        if (platform == Platform.META) {
            boolean store = "physical_store".equals(c.actionSource());
            Duration limit = store ? META_PHYSICAL_STORE_EVENT_AGE : META_WEBSITE_EVENT_AGE;
            if (age.compareTo(limit) > 0) {
                problems.add("the conversion is older than Meta's " + limit.toDays() + "-day limit for "
                        + (store ? "physical_store" : "website and other") + " events");
            }
        } else if (platform == Platform.MICROSOFT_ADS && age.compareTo(MICROSOFT_CONVERSION_AGE) > 0) {
            problems.add("the conversion is older than Microsoft Advertising's 90-day limit");
        }
    }

    private static void money(BigDecimal value, String currency, List<String> problems) {
        if (value != null && value.signum() < 0) {
            problems.add("negative value " + value.toPlainString());
        }
        if (currency == null || currency.isBlank()) {
            problems.add("no currency");
        } else if (CurrencyCodes.current(currency).isEmpty()) {
            problems.add("unsupported currency " + currency);
        }
    }

    private static boolean hasEmailOrPhone(Platform platform, HashedIdentifiers ids) {
        if (ids == null) {
            return false;
        }
        return platform == Platform.META ? ids.emailMeta() != null || ids.phoneMeta() != null
                : ids.emailGoogle() != null || ids.phoneGoogle() != null;
    }

    private static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
