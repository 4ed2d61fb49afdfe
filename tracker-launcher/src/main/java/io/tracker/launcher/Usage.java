package io.tracker.launcher;

/** The text of {@code ./run help}. */
final class Usage {

    static final String TEXT = """
            Usage:
              ./run [start] [-d|--detach]          build, start and deploy Tracker (with Keycloak); -d returns once it is up
              ./run stop                           stop Payara, Keycloak and the embedded PostgreSQL
              ./run status                         show whether Tracker is up (health JSON) and Keycloak's state
              ./run reset-keycloak [-d|--detach]   delete Keycloak's realm, users and sessions (not the admin password)
                                                   so the realm file is imported afresh, then start as above
              ./run import touchpoints FILE        import a touchpoints CSV into the demo tenant (or TRACKER_API_KEY's)
              ./run import ga-sessions FILE        import a Google Analytics sessions export
              ./run import offline-conversions FILE  import offline sales (till, CRM) and print the match report
              ./run import conversion-adjustments FILE  restate or retract conversions by order id (the ledger)
              ./run import costs FILE [--layout L]  import ad cost per campaign per day (Google Ads, Microsoft
                                                   Advertising, Meta export or plain CSV; L: google_ads,
                                                   microsoft_ads, meta or plain, else detected)
              ./run import store-orders FILE       import a shop's orders (Shopify or WooCommerce export, or plain
                                                   order_id,time,value,currency,status) for the accuracy audit
              ./run import platform-conversions FILE [--platform P]  import a platform's conversions per campaign
                                                   per day (P: google_ads, microsoft_ads or meta, else detected)
              ./run logs                           follow the Payara server log
              ./run help                           this text

            Configuration (environment variables):
              TRACKER_HTTP_PORT          HTTP port of the application (default 8080)
              TRACKER_PORT_BASE          Payara port base when the domain is first created; admin port = base+48
                                         on 127.0.0.1 (default 4800, admin port 4848)
              TRACKER_DB_URL             JDBC URL of your own PostgreSQL database, used as is
              TRACKER_DB_USER            the database's owner (creates the database and the application role
                                         <database>_app, runs the migrations; default postgres)
              TRACKER_DB_PASSWORD        its password (default empty)
              TRACKER_FORCE_EMBEDDED_PG  1: use the embedded PostgreSQL even if one answers on 127.0.0.1:5432
              TRACKER_EMBEDDED_PG_PORT   port of the embedded PostgreSQL (default 5433)
              TRACKER_PG_OS_USER         when run as root: the unprivileged user that runs the embedded
                                         PostgreSQL (default nobody)
              TRACKER_DEMO_API_KEY       API key of the demo tenant (default: generated once, kept in
                                         .tracker/demo-api-key)
              TRACKER_API_KEY            key used by ./run import (default: the demo key)
              TRACKER_START_TIMEOUT      seconds to wait for /health and Keycloak (default 180)
              TRACKER_SKIP_BUILD         1: deploy the EAR already in tracker-ear/target without building it

            Sign-in (OpenID Connect):
              TRACKER_KEYCLOAK_PORT      HTTP port of the local Keycloak (default 8180)
              TRACKER_PUBLIC_URL         Tracker's URL as browsers see it (default http://localhost:TRACKER_HTTP_PORT)
              TRACKER_OIDC_CLIENT_SECRET secret of the tracker-web client (default: generated once, kept in
                                         .tracker/oidc-client-secret)
              TRACKER_AUTOMATION_CLIENT_SECRET
                                         secret of the tracker-automation client (default: generated once, kept
                                         in .tracker/automation-client-secret)
              TRACKER_OIDC_ISSUER        set it to use your own Keycloak realm or OpenID Connect provider instead
                                         of the local Keycloak (which then is not started), with
                                         TRACKER_OIDC_CLIENT_ID (default tracker-web) and TRACKER_OIDC_CLIENT_SECRET
            """;

    private Usage() {
    }
}
