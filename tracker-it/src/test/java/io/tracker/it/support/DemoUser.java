package io.tracker.it.support;

/**
 * The people of the Keycloak realm {@code docker/keycloak/tracker-realm.json} that tests sign in
 * as. The realm gives them no rights in Tracker: a test makes them agency admins or members of the
 * tenants it creates ({@link TrackerClient#addAgencyAdmin}, {@link TrackerClient#invite}), except
 * {@link #PLATFORM_ADMIN}, whose realm role {@code platform-admin} makes them agency admin everywhere.
 *
 * @param email    the username and e-mail address (verified) in the realm
 * @param password the password the realm file gives them
 */
public enum DemoUser {
    PLATFORM_ADMIN("platform@tracker.example", "platform-demo"),
    AGENCY_ADMIN("admin@demo-agency.example", "admin-demo"),
    ANALYST("analyst@demo-agency.example", "analyst-demo"),
    VIEWER("viewer@demo-agency.example", "viewer-demo");

    private final String email;
    private final String password;

    DemoUser(String email, String password) {
        this.email = email;
        this.password = password;
    }

    public String email() {
        return email;
    }

    public String password() {
        return password;
    }
}
