#!/bin/bash
# Run (sourced) by the Payara image's entrypoint before the server starts. The image's domain has the
# default admin password (admin/admin); this replaces it with PAYARA_ADMIN_PASSWORD, which is required,
# so no container runs with the default. The admin listener answers on 127.0.0.1 inside the container
# only (docker/payara/pre-boot-commands.asadmin) and its port is not published.
if [ -z "${PAYARA_ADMIN_PASSWORD:-}" ]; then
  echo "PAYARA_ADMIN_PASSWORD is required (the admin password of the Payara domain)" >&2
  exit 1
fi
if [ "$(cat "$PASSWORD_FILE")" != "AS_ADMIN_PASSWORD=$PAYARA_ADMIN_PASSWORD" ]; then
  change=$(mktemp)
  printf 'AS_ADMIN_PASSWORD=%s\nAS_ADMIN_NEWPASSWORD=%s\n' \
    "$(sed -n 's/^AS_ADMIN_PASSWORD=//p' "$PASSWORD_FILE")" "$PAYARA_ADMIN_PASSWORD" >"$change"
  "$PAYARA_DIR/bin/asadmin" --user "$ADMIN_USER" --passwordfile "$change" change-admin-password \
    --domain_name "$DOMAIN_NAME" || { rm -f "$change"; exit 1; }
  rm -f "$change"
  printf 'AS_ADMIN_PASSWORD=%s\n' "$PAYARA_ADMIN_PASSWORD" >"$PASSWORD_FILE"
fi
