package th.go.ita.platform.access;

/** Realm roles of the {@code ita} Keycloak realm. */
public final class Roles {
    public static final String SYSTEM_ADMIN = "system-admin";
    public static final String AREA_ADMIN = "area-admin";
    public static final String UNIT_ADMIN = "unit-admin";
    public static final String EVIDENCE_EDITOR = "evidence-editor";
    public static final String ACTIVITY_EDITOR = "activity-editor";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
