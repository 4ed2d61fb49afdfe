package io.tracker.launcher;

import io.tracker.launcher.keycloak.LocalKeycloak;
import io.tracker.launcher.keycloak.RealmValues;
import io.tracker.launcher.payara.PayaraDomain;
import java.time.Duration;

/** What {@code ./run} prints once Tracker is up: how to reach everything, and the generated secrets. */
final class Summary {

    /**
     * @param keycloak the local Keycloak, null with the user's own provider
     * @param realm its realm's values, null with the user's own provider
     */
    record Values(Settings settings, PayaraDomain domain, LocalKeycloak keycloak, RealmValues realm, String demoKey,
            String database, LocalState state, Duration took, boolean detached) {
    }

    private Summary() {
    }

    static void print(Values v) {
        String app = "http://localhost:" + v.settings().httpPort();
        StringBuilder out = new StringBuilder();
        out.append("\nTracker is up (started in ").append(v.took().toSeconds()).append(" s).\n");
        out.append("  Dashboard      ").append(app).append("/app/   (the landing page: ").append(app).append("/)\n");
        if (v.keycloak() == null) {
            out.append("  Sign-in        ").append(v.settings().oidcIssuer()).append(" (your provider, not started by ./run)\n");
        } else {
            LocalKeycloak kc = v.keycloak();
            String tokenUrl = kc.issuer() + "/protocol/openid-connect/token";
            String secret = v.realm().automationClientSecret();
            out.append("  Keycloak       ").append(kc.url()).append("/   admin console ").append(kc.url())
                    .append("/admin/  user admin, password ").append(kc.adminPassword(null))
                    .append("\n                 (kept in .tracker/keycloak/admin-password)\n");
            out.append("""
                      Demo users     sign in on the dashboard (e-mail / password: what the user may do)
                        platform@tracker.example    / platform-demo  platform admin: administers every agency and client
                        admin@demo-agency.example   / admin-demo     agency admin of Demo Agency: clients Demo Outdoor Shop and
                                                                     Demo Coffee Roasters, creates clients, invites users, manages keys
                        analyst@demo-agency.example / analyst-demo   analyst of Demo Outdoor Shop (edits campaigns and conversion
                                                                     actions, reads reports), viewer of Demo Coffee Roasters
                        viewer@demo-agency.example  / viewer-demo    viewer of Demo Outdoor Shop (reads reports)
                    """);
            out.append("  Automation     client tracker-automation, secret ").append(secret)
                    .append(" (kept in .tracker/automation-client-secret)\n")
                    .append("                 (client-credentials grant; acts as agency admin of Demo Agency). The management API:\n")
                    .append("    TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=tracker-automation -d client_secret=")
                    .append(secret).append(" \\\n      ").append(tokenUrl)
                    .append(" | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n")
                    .append("    curl -H \"Authorization: Bearer $TOKEN\" ").append(app).append("/api/v1/tenants\n");
            if (kc.realmState(v.realm()) == LocalKeycloak.RealmState.CHANGED) {
                out.append("  Note           the realm file or the client secrets/public URL changed since Keycloak imported the\n")
                        .append("                 realm, which Keycloak keeps. Re-import (deletes its users and sessions): ./run reset-keycloak\n");
            }
        }
        out.append("  Demo API key   ").append(v.demoKey()).append(" (kept in .tracker/demo-api-key)\n");
        out.append("  Try the API    curl -H \"Authorization: Bearer ").append(v.demoKey()).append("\" ").append(app)
                .append("/api/v1/reports/summary\n");
        out.append("  Health         ").append(app).append("/health\n");
        out.append("  Payara admin   http://localhost:").append(v.domain().adminPort().orElse(0))
                .append("/ (127.0.0.1 only)  user ").append(PayaraDomain.ADMIN_USER).append(", password ")
                .append(v.domain().adminPassword()).append("\n                 (asadmin --user admin --passwordfile ")
                .append(v.domain().passwordFile()).append(" ...)\n");
        out.append("  Database       ").append(v.database()).append("\n");
        out.append("  Server log     ").append(v.domain().serverLog()).append("\n");
        if (v.keycloak() != null) {
            out.append("  Keycloak log   ").append(v.keycloak().log()).append("\n");
        }
        out.append(v.detached() ? "  Stop           ./run stop\n" : "  Stop           Ctrl-C here (or ./run stop from another shell)\n");
        System.out.print(out);
        System.out.flush();
    }
}
