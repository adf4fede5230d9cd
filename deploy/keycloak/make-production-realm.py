#!/usr/bin/env python3
"""Writes ita-realm-production.json from ita-realm.json: the same realm without the demo users, without
the password-grant ita-test client and without any client secret (Keycloak makes a random one for each
confidential client on import). Run it after every edit of ita-realm.json; deploy/launcher's
ProductionRealmTest fails when the two drift apart."""
import json
import pathlib

here = pathlib.Path(__file__).parent
realm = json.loads((here / "ita-realm.json").read_text(encoding="utf-8"))
realm["users"] = [u for u in realm.get("users", []) if u["username"].startswith("service-account-")]
realm["clients"] = [c for c in realm["clients"] if c["clientId"] != "ita-test"]
for client in realm["clients"]:
    client.pop("secret", None)
(here / "ita-realm-production.json").write_text(json.dumps(realm, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
