#!/usr/bin/env bash
# First start of the PostgreSQL volume only: a login role and a database per service, and Keycloak's,
# each database owned by its role, so no service can read another's tables. Passwords come from the
# env file through compose.yaml (ITA_DB_<NAME>_PASSWORD).
set -euo pipefail
for name in survey scoring evidence activity keycloak; do
  var="ITA_DB_${name^^}_PASSWORD"
  psql -v ON_ERROR_STOP=1 -U postgres -d postgres \
       -v name="$name" -v password="${!var}" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
-- PostgreSQL lets every role connect to every database by default: only the owner may.
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
