package io.tracker.domain.tenant;

/** What a caller may do within one tenant. */
public enum Permission {
    /** Read dashboards and reports. */
    READ_REPORTS,
    /** Send events and import files. */
    INGEST,
    /** Change campaigns, conversion actions and tracking numbers. */
    EDIT_SETUP,
    /** Invite users, change roles, manage API keys, read the audit log. */
    MANAGE_ACCESS
}
