#!/bin/sh
# Run once by the postgres image when it creates the database (docker-entrypoint-initdb.d): the
# application's login role, as the launcher creates it for ./run. The owner (POSTGRES_USER) runs the
# Flyway migrations, which grant this role the use of the tables; the role itself is no superuser, has
# no BYPASSRLS and owns nothing, so row-level security applies to it.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v pw="$TRACKER_DB_PASSWORD" <<'SQL'
CREATE ROLE tracker_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'pw';
GRANT CONNECT ON DATABASE tracker TO tracker_app;
SQL
