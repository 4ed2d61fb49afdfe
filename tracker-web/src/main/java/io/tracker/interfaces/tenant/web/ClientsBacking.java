package io.tracker.interfaces.tenant.web;

import io.tracker.application.tenant.AccessService;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.shared.CurrencyCodes;
import io.tracker.domain.shared.DomainException;
import io.tracker.domain.tenant.Agency;
import io.tracker.domain.tenant.Tenant;
import io.tracker.interfaces.shared.web.Formats;
import io.tracker.interfaces.shared.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/**
 * Backs {@code /app/admin/clients.xhtml} (agency admins and platform admins): the clients of every
 * agency the caller administers, and creating one (name, website domains, time zone, currency,
 * industry) through {@link TenantService#createClient}, which checks that the caller administers
 * the agency and records the creation in the new client's audit log; editing one (name, websites,
 * industry: time zone and currency stay, as stored days and amounts were counted in them) and
 * archiving or unarchiving it. "Open" switches to a client ({@code TenantSwitcherBacking#open}).
 */
@Named
@ViewScoped
public class ClientsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Industries offered in the form (the field also takes any other text). "Consumer goods" and "Home and
     * furniture" are those of the seeded benchmark table (V22, matched case-insensitively), so a client given
     * one of them sees its published figure on the dashboard; every client with an industry sees the general
     * e-commerce figure.
     */
    static final List<String> INDUSTRIES = List.of("Automotive", "B2B software", "Consumer goods", "E-commerce",
            "Education", "Finance", "Food and drink", "Health", "Home and furniture", "Home and garden", "Media",
            "Non-profit", "Real estate", "Retail", "Sports and outdoor", "Travel");

    /** Currencies listed first in the form: the ones most agencies report in. */
    private static final List<String> COMMON_CURRENCIES = List.of("EUR", "USD", "GBP", "CHF");

    /** The form's currencies: the common ones, then every currency some country uses today, by code. */
    static final List<CurrencyOption> CURRENCIES = currencyOptions();

    @Inject
    private TenantService tenants;

    @EJB
    private AccessService access;

    @Inject
    private SignedInUser user;

    @EJB
    private TenantSelection selection;

    private List<ClientRow> clients = List.of();
    private List<AgencyOption> agencies = List.of();

    private String agencyId;
    private String name;
    private List<String> domains = new ArrayList<>();
    private String timeZone = "Europe/Berlin";
    private String currency = "EUR";
    private String industry;

    private boolean showArchived;
    /** The client the edit dialog is open for (id), its fields below. */
    private String editId;
    private String editName;
    private List<String> editDomains = new ArrayList<>();
    private String editIndustry;

    @PostConstruct
    public void init() {
        agencies = tenants.agenciesOf(user.caller()).stream().map(AgencyOption::new).toList();
        if (agencies.size() == 1) {
            agencyId = agencies.get(0).getId();
        }
        load();
    }

    /**
     * The view action for {@code ?edit=<client id>} (the portfolio's "Edit"): opens the edit dialog for
     * that client if it is one of the caller's; any other id changes nothing.
     */
    public void openFromParameter() {
        if (editId == null || editId.isBlank()) {
            return;
        }
        String wanted = editId;
        editId = null;
        clients.stream().filter(c -> c.getId().equals(wanted)).findFirst().ifPresent(c -> {
            edit(c);
            if (c.isArchived()) {
                showArchived = true;
                load();
            }
            PrimeFaces.current().executeScript("PF('editClientDialog').show();");
        });
    }

    /** Fills the edit dialog with the client's name, websites and industry. */
    public void edit(ClientRow c) {
        editId = c.getId();
        editName = c.getName();
        editDomains = c.getDomains().isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(c.getDomains().split(", ")));
        editIndustry = c.getIndustry();
    }

    /** Saves the edit dialog (TenantService.editClient, audited in the client). */
    public void save() {
        try {
            Tenant t = tenants.editClient(user.caller(), editId, editName, editDomains, editIndustry);
            Messages.info("Saved the client " + t.getName() + ".");
            load();
            PrimeFaces.current().ajax().update("messages");
            PrimeFaces.current().executeScript("PF('editClientDialog').hide();");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        } finally {
            backToSelection();
        }
    }

    /** Archives the client the dialog is open for: hidden from the switcher and the portfolio, data kept. */
    public void archive() {
        setArchived(editId, true);
        PrimeFaces.current().executeScript("PF('editClientDialog').hide();");
    }

    /** Unarchives a client: back in its members' switcher and in the portfolio. */
    public void unarchive(String tenantId) {
        setArchived(tenantId, false);
    }

    private void setArchived(String tenantId, boolean archived) {
        try {
            String name = clients.stream().filter(c -> c.getId().equals(tenantId)).map(ClientRow::getName)
                    .findFirst().orElse("");
            tenants.archiveClient(user.caller(), tenantId, archived);
            Messages.info(archived ? "Archived the client " + name + ". Tick \"Show archived\" to see it again."
                    : "The client " + name + " is active again.");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        } finally {
            backToSelection();
            load();
        }
    }

    /** The service acted for the changed client for the rest of the request: go back to the session's. */
    private void backToSelection() {
        TenantSessionFilter.reloadTenants(access, user, Instant.now());
        if (user.isHasTenant()) {
            TenantSessionFilter.actForSelection(selection, access, user, Instant.now());
        }
    }

    /** "Show archived" was ticked or unticked. */
    public void reload() {
        load();
    }

    /** A mutable list: the table sorts it in place. */
    private void load() {
        List<AgencyOption> known = agencies;
        clients = tenants.clientsOf(user.caller()).stream()
                .filter(t -> showArchived || !t.isArchived())
                .map(t -> new ClientRow(t, known.stream().filter(a -> a.getId().equals(t.getAgencyId()))
                        .map(AgencyOption::getName).findFirst().orElse("")))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** Creates the client; the caller (agency admin) can open it at once. */
    public void create() {
        try {
            Tenant t = tenants.createClient(user.caller(), agencies.size() == 1 ? agencies.get(0).getId() : agencyId,
                    name, timeZone, currency, domains, industry, null);
            Messages.info("Created the client " + t.getName() + ". Open it to invite its users and create API keys.");
            name = null;
            domains = new ArrayList<>();
            industry = null;
            load();
            PrimeFaces.current().ajax().update("messages");
            PrimeFaces.current().executeScript("PF('newClientDialog').hide();");
        } catch (DomainException | EJBException e) {
            // Shown in the dialog, which stays open with what was typed.
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        } finally {
            // createClient left the new client selected for the rest of the request; go back to the session's.
            backToSelection();
        }
    }

    /** UTC, then the IANA region time zones (such as {@code Europe/Berlin}) by name. */
    public List<String> getTimeZones() {
        List<String> zones = new ArrayList<>(List.of("UTC"));
        ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().forEach(zones::add);
        return zones;
    }

    /**
     * ISO 4217 currencies in use today ({@link CurrencyCodes#inUse()}: no withdrawn code such as DEM, no
     * metal, fund or test code such as XAU or XTS): the common ones first, then all by code.
     */
    public List<CurrencyOption> getCurrencies() {
        return CURRENCIES;
    }

    private static List<CurrencyOption> currencyOptions() {
        List<CurrencyOption> all = new ArrayList<>();
        COMMON_CURRENCIES.forEach(c -> all.add(new CurrencyOption(Currency.getInstance(c))));
        CurrencyCodes.inUse().stream()
                .filter(c -> !COMMON_CURRENCIES.contains(c.getCurrencyCode()))
                .forEach(c -> all.add(new CurrencyOption(c)));
        return List.copyOf(all);
    }

    /** Suggestions for the industry field, which also takes any other text. */
    public List<String> completeIndustry(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return INDUSTRIES.stream().filter(i -> i.toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    public List<ClientRow> getClients() {
        return clients;
    }

    public List<AgencyOption> getAgencies() {
        return agencies;
    }

    /** Whether the form needs the agency chosen (the caller administers several). */
    public boolean isChooseAgency() {
        return agencies.size() > 1;
    }

    public String getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(String agencyId) {
        this.agencyId = agencyId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Host names of the client's websites, such as {@code shop.example}. */
    public List<String> getDomains() {
        return domains;
    }

    public void setDomains(List<String> domains) {
        this.domains = domains == null ? new ArrayList<>() : new ArrayList<>(domains);
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public boolean isShowArchived() {
        return showArchived;
    }

    public void setShowArchived(boolean showArchived) {
        this.showArchived = showArchived;
    }

    public String getEditId() {
        return editId;
    }

    public void setEditId(String editId) {
        this.editId = editId;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public List<String> getEditDomains() {
        return editDomains;
    }

    public void setEditDomains(List<String> editDomains) {
        this.editDomains = editDomains == null ? new ArrayList<>() : new ArrayList<>(editDomains);
    }

    public String getEditIndustry() {
        return editIndustry;
    }

    public void setEditIndustry(String editIndustry) {
        this.editIndustry = editIndustry;
    }

    /** An agency the caller administers. */
    public static final class AgencyOption implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String id;
        private final String name;

        AgencyOption(Agency a) {
            this.id = a.getId();
            this.name = a.getName();
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }
    }

    /** A currency of the form's list: "EUR · Euro". */
    public static final class CurrencyOption implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String code;
        private final String label;

        CurrencyOption(Currency c) {
            this.code = c.getCurrencyCode();
            this.label = c.getCurrencyCode() + " · " + c.getDisplayName(Locale.US);
        }

        public String getCode() {
            return code;
        }

        public String getLabel() {
            return label;
        }
    }

    /** One client as the table shows it. */
    public static final class ClientRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String id;
        private final String name;
        private final String agencyName;
        private final String domains;
        private final String timeZone;
        private final String currency;
        private final String industry;
        private final Instant createdAt;
        private final boolean archived;

        ClientRow(Tenant t, String agencyName) {
            this.id = t.getId();
            this.name = t.getName();
            this.agencyName = agencyName;
            this.domains = String.join(", ", t.getWebsiteDomains());
            this.timeZone = t.getTimeZone().getId();
            this.currency = t.getCurrency().getCurrencyCode();
            this.industry = t.getIndustry();
            this.createdAt = t.getCreatedAt();
            this.archived = t.isArchived();
        }

        public boolean isArchived() {
            return archived;
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getAgencyName() {
            return agencyName;
        }

        public String getDomains() {
            return domains;
        }

        public String getTimeZone() {
            return timeZone;
        }

        public String getCurrency() {
            return currency;
        }

        public String getIndustry() {
            return industry;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }

        /** The day of creation in the client's own time zone. */
        public String getCreatedDay() {
            return Formats.day(createdAt, ZoneId.of(timeZone));
        }
    }
}
