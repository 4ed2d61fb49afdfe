package io.tracker.interfaces.shared.web;

import java.io.Serializable;

/**
 * The UTM fields of a form ({@code utm_source}, {@code utm_medium}, {@code utm_campaign}, {@code utm_term},
 * {@code utm_content}) as typed, null when empty; a page binds those it asks for
 * ({@code #{linksBacking.utm.source}}) and the service checks them.
 */
public final class UtmForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String source;
    private String medium;
    private String campaign;
    private String term;
    private String content;

    /** Empties every field, for a new form. */
    public void clear() {
        source = null;
        medium = null;
        campaign = null;
        term = null;
        content = null;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getMedium() {
        return medium;
    }

    public void setMedium(String medium) {
        this.medium = medium;
    }

    public String getCampaign() {
        return campaign;
    }

    public void setCampaign(String campaign) {
        this.campaign = campaign;
    }

    public String getTerm() {
        return term;
    }

    public void setTerm(String term) {
        this.term = term;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }
}
