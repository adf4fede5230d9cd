package th.go.ita.launcher;

/** The demo users of deploy/keycloak/ita-realm.json. Demo-only passwords: never use them for real. */
final class DemoLogins {

    static final String TEXT = """
            Demo logins (password "demo" for all, demo only):
              admin              system-admin     OBEC (national)
              area.kalasin2      area-admin       KALASIN2 and its schools
              unit.kalasin2      unit-admin       KALASIN2
              evidence.kalasin2  evidence-editor  KALASIN2
              activity.kalasin2  activity-editor  KALASIN2
              auditor            auditor          KALASIN2
              unit.school1       unit-admin       KALASIN2-S001""";

    private DemoLogins() {
    }
}
