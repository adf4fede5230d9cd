#!/usr/bin/env bash
# Prints a KeycloakRealmImport of deploy/keycloak/ita-realm.json for the Keycloak operator.
# Edit the realm first for a real deployment: its users, passwords and client secrets are demo-only
# and its redirect URIs point at localhost.
#   deploy/k8s/realm-import.sh | kubectl apply -n ita -f -
set -euo pipefail
cd "$(dirname "$0")"
cat <<YAML
apiVersion: k8s.keycloak.org/v2alpha1
kind: KeycloakRealmImport
metadata:
  name: ita-realm
spec:
  keycloakCRName: ita-keycloak
  realm:
$(sed 's/^/    /' ../keycloak/ita-realm.json)
YAML
