package io.tracker.interfaces.conversion.web;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Backs {@code /app/conversion-actions.xhtml} (analysts and agency admins): the selected client's
 * conversion actions (what events' {@code action} keys mean, how they count, their default value in
 * the client's currency) and creating one through {@link ConversionActionService}, which checks the
 * {@code EDIT_SETUP} permission and writes the audit log. Keys follow the API's rule: 1 to 64 of
 * {@code a-z}, {@code 0-9}, {@code _} and {@code -}.
 */
@Named
@ViewScoped
public class ConversionActionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The same rule as {@code POST /api/v1/conversion-actions}. */
    static final String KEY_PATTERN = "[a-z0-9_\\-]{1,64}";

    @Inject
    private ConversionActionService actions;

    @Inject
    private SignedInUser user;

    private String tenantId;
    private List<ActionRow> rows = List.of();

    private String key;
    private String name;
    private ConversionCategory category = ConversionCategory.MACRO;
    private BigDecimal defaultValue = BigDecimal.ZERO;
    private CountingMode counting = CountingMode.EVERY;

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        load();
    }

    private void load() {
        rows = actions.list().stream().map(ActionRow::new).toList();
    }

    public void create() {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        String k = key == null ? "" : key.trim();
        if (!k.matches(KEY_PATTERN)) {
            Messages.error("The key must be 1 to 64 of a-z, 0-9, '_' or '-', such as add_to_cart.");
            return;
        }
        if (defaultValue == null || defaultValue.signum() < 0) {
            Messages.error("The default value must be 0 or more.");
            return;
        }
        try {
            ConversionAction a = actions.create(k, name == null || name.isBlank() ? k : name.trim(), category,
                    defaultValue, counting);
            Messages.info("Created the conversion action " + a.getKey() + ". Events with \"action\": \"" + a.getKey()
                    + "\" now count as " + (a.getCategory() == ConversionCategory.MACRO ? "macro" : "micro")
                    + " conversions.");
            key = null;
            name = null;
            category = ConversionCategory.MACRO;
            defaultValue = BigDecimal.ZERO;
            counting = CountingMode.EVERY;
            load();
            PrimeFaces.current().ajax().update("messages");
            PrimeFaces.current().executeScript("PF('actionDialog').hide();");
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    public List<ConversionCategory> getCategories() {
        return List.of(ConversionCategory.values());
    }

    public List<CountingMode> getCountingModes() {
        return List.of(CountingMode.values());
    }

    /** "Macro" or "Micro". */
    public String categoryLabel(ConversionCategory c) {
        return c == ConversionCategory.MACRO ? "Macro" : "Micro";
    }

    public String countingLabel(CountingMode m) {
        return m == CountingMode.EVERY ? "Every conversion" : "One per visitor";
    }

    public List<ActionRow> getRows() {
        return rows;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ConversionCategory getCategory() {
        return category;
    }

    public void setCategory(ConversionCategory category) {
        this.category = category;
    }

    /** In the client's reporting currency. */
    public BigDecimal getDefaultValue() {
        return defaultValue;
    }

    public void setDefaultValue(BigDecimal defaultValue) {
        this.defaultValue = defaultValue;
    }

    public CountingMode getCounting() {
        return counting;
    }

    public void setCounting(CountingMode counting) {
        this.counting = counting;
    }

    /** One conversion action as the table shows it. */
    public static final class ActionRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String key;
        private final String name;
        private final ConversionCategory category;
        private final BigDecimal defaultValue;
        private final CountingMode counting;

        ActionRow(ConversionAction a) {
            this.key = a.getKey();
            this.name = a.getName();
            this.category = a.getCategory();
            this.defaultValue = a.getDefaultValue();
            this.counting = a.getCounting();
        }

        public String getKey() {
            return key;
        }

        public String getName() {
            return name;
        }

        public ConversionCategory getCategory() {
            return category;
        }

        public BigDecimal getDefaultValue() {
            return defaultValue;
        }

        public CountingMode getCounting() {
            return counting;
        }
    }
}
