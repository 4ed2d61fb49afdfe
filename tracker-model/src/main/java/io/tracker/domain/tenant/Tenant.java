package io.tracker.domain.tenant;

import io.tracker.domain.shared.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A client account: the unit of isolation. Every tracked row belongs to exactly one tenant.
 *
 * <p>The time zone (an IANA id such as {@code Europe/Berlin}) decides where a reporting day
 * starts and ends; the reporting currency (ISO 4217) is the currency of conversion values that
 * arrive without one. The default conversion action is what offline imports record when a row
 * says only "converted".
 */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private String id;

    @Column(name = "agency_id", nullable = false)
    private String agencyId;

    @Column(nullable = false)
    private String name;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(nullable = false)
    private String currency;

    @Column(name = "default_action_key", nullable = false)
    private String defaultActionKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Comma-separated host names of the tenant's websites, such as {@code shop.example,www.shop.example}. */
    @Column(name = "website_domains", nullable = false)
    private String websiteDomains = "";

    /** Free-text industry, such as {@code Retail}; used for benchmark comparisons. */
    private String industry;

    /**
     * ISO 3166-1 alpha-2 region in which phone numbers written without a country code are read (libphonenumber),
     * such as {@code US}; V19's default.
     */
    @Column(name = "phone_region", nullable = false)
    private String phoneRegion = "US";

    /** When an agency admin archived the client (hidden from the UI, data kept); null while active. */
    @Column(name = "archived_at")
    private Instant archivedAt;

    protected Tenant() {
    }

    public Tenant(String agencyId, String name, ZoneId timeZone, Currency currency, String defaultActionKey) {
        this.id = UUID.randomUUID().toString();
        this.agencyId = Objects.requireNonNull(agencyId);
        this.name = Objects.requireNonNull(name);
        this.timeZone = timeZone.getId();
        this.currency = currency.getCurrencyCode();
        this.defaultActionKey = Objects.requireNonNull(defaultActionKey);
        this.createdAt = Clock.now();
    }

    public String getId() {
        return id;
    }

    public String getAgencyId() {
        return agencyId;
    }

    public String getName() {
        return name;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public Currency getCurrency() {
        return Currency.getInstance(currency);
    }

    public String getDefaultActionKey() {
        return defaultActionKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<String> getWebsiteDomains() {
        return websiteDomains.isBlank() ? List.of() : List.of(websiteDomains.split(","));
    }

    public void setWebsiteDomains(List<String> domains) {
        this.websiteDomains = String.join(",", domains.stream().map(String::trim).filter(d -> !d.isEmpty()).toList());
    }

    public void setPhoneRegion(String phoneRegion) {
        this.phoneRegion = Objects.requireNonNull(phoneRegion);
    }

    public String getPhoneRegion() {
        return phoneRegion.strip();
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry == null || industry.isBlank() ? null : industry.trim();
    }

    /** When the client was archived; null while it is active. */
    public Instant getArchivedAt() {
        return archivedAt;
    }

    public boolean isArchived() {
        return archivedAt != null;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name);
    }
}
