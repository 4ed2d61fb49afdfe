package io.tracker.application.audit;

import io.tracker.domain.audit.AlertCheck;
import io.tracker.domain.audit.TagHealthRules;
import io.tracker.domain.audit.WebsiteDomain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The failed checks of a {@link TagHealthReport}, one {@link AlertFinding} per (check, subject), each with its sentence. */
final class AlertFindings {

    private AlertFindings() {
    }

    static List<AlertFinding> of(TagHealthReport report) {
        List<AlertFinding> findings = new ArrayList<>();
        for (TagHealthReport.DomainHealth d : report.domains()) {
            if (d.hitsDropped()) {
                findings.add(new AlertFinding(AlertCheck.HITS_DROPPED, subject(d.domain()), String.format(Locale.ROOT,
                        "%s: %d hits in the hour from %s, against %.1f usually (the mean of that hour on the %d days "
                                + "before); last hit %s", name(d.domain()), d.lastHourHits(), report.lastHourFrom(),
                        d.baselineHits(), TagHealthRules.BASELINE_DAYS, d.lastHitAt() == null ? "none in 28 days"
                                : d.lastHitAt().toString())));
            }
        }
        Map<String, List<TagHealthReport.DoubleFirePage>> byDomain = new LinkedHashMap<>();
        for (TagHealthReport.DoubleFirePage p : report.doubleFires()) {
            byDomain.computeIfAbsent(subject(p.domain()), k -> new ArrayList<>()).add(p);
        }
        byDomain.forEach((domain, pages) -> findings.add(new AlertFinding(AlertCheck.DOUBLE_FIRE, domain, String.format(
                Locale.ROOT, "%s: %d page(s) load the tag twice (two page views of one visitor within %d ms), "
                        + "e.g. %s: %d of its %d page views in the last 24 hours", name(domain), pages.size(),
                TagHealthRules.DOUBLE_FIRE_WITHIN.toMillis(), pages.get(0).page(), pages.get(0).doubleLoads(),
                pages.get(0).pageViews()))));
        for (TagHealthReport.ThankYouPages t : report.thankYouPages()) {
            if (t.alert()) {
                findings.add(new AlertFinding(AlertCheck.THANK_YOU_WITHOUT_CONVERSION, subject(t.domain()), String.format(
                        Locale.ROOT, "%s: %d of %d thank-you page views in the last 24 hours had no conversion by the "
                                + "visitor within %d minutes, e.g. %s", name(t.domain()), t.withoutConversion(),
                        t.views(), TagHealthRules.THANK_YOU_WINDOW.toMinutes(), t.example())));
            }
        }
        for (TagHealthReport.ActionHealth a : report.actions()) {
            if (a.stopped()) {
                findings.add(new AlertFinding(AlertCheck.ACTION_STOPPED, a.actionKey(), String.format(Locale.ROOT,
                        "%s (%s): no conversion since %s; usually one every %s (%d in the last %d days)", a.actionKey(),
                        a.name(), a.lastAt(), duration(Duration.ofSeconds(a.usualIntervalSeconds())), a.conversions(),
                        TagHealthRules.ACTION_WINDOW_DAYS)));
            }
        }
        return findings;
    }

    private static String subject(String domain) {
        return domain == null ? WebsiteDomain.NONE : domain;
    }

    private static String name(String domain) {
        return domain == null || domain.isEmpty() ? "hits without a page URL" : domain;
    }

    /** "2 h 5 min", "40 min", "3 d 4 h". */
    static String duration(Duration d) {
        long minutes = Math.max(1, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        long hours = minutes / 60;
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }
}
