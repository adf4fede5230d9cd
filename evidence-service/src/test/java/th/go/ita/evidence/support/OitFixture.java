package th.go.ita.evidence.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Units, a framework and rounds for the REST tests, published as scoring would publish them.
 * Unit codes are fixed because test tokens carry them as static claims; every test gets a round
 * of its own, so tests never see each other's items.
 *
 * <pre>
 * /OBEC/EVA/        area (area-admin "area.eva")
 * /OBEC/EVA/EVU1/   the unit under test (editor "editor.evu1", unit-admin "admin.evu1")
 * /OBEC/EVA/EVU2/   another office in the same area (editor "editor.evu2")
 * /OBEC/EVB/        another area (area-admin "area.evb")
 * </pre>
 * Auditor "auditor.one" is assigned to EVU1, "auditor.two" to nothing.
 */
public final class OitFixture {

    public static final String AREA = "EVA";
    public static final String UNIT = "EVU1";
    public static final String OTHER_UNIT = "EVU2";
    public static final String OTHER_AREA = "EVB";
    public static final String FRAMEWORK = "TEST-FW";
    public static final String AUDITOR = "auditor.one";

    /** The smallest file the upload accepts as a PDF (detected from its bytes). */
    public static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private static boolean published;

    private OitFixture() {
    }

    public static synchronized void ensureBase(TestDb db) {
        if (published) {
            return;
        }
        ScoringEvents.unit("OBEC", null, "สพฐ.");
        ScoringEvents.unit(AREA, "/OBEC/", "เขตทดสอบ เอ");
        ScoringEvents.unit(UNIT, "/OBEC/" + AREA + "/", "โรงเรียนทดสอบหนึ่ง");
        ScoringEvents.unit(OTHER_UNIT, "/OBEC/" + AREA + "/", "โรงเรียนทดสอบสอง");
        ScoringEvents.unit(OTHER_AREA, "/OBEC/", "เขตทดสอบ บี");
        ScoringEvents.framework(FRAMEWORK, 1, 2566);
        db.awaitRow("SELECT code FROM unit WHERE code = ?1", OTHER_AREA);
        db.awaitRow("SELECT code FROM unit WHERE code = ?1", UNIT);
        db.awaitRow("SELECT code FROM unit WHERE code = ?1", OTHER_UNIT);
        db.awaitRow("SELECT code FROM oit_item WHERE framework_id = ?1 AND code = 'O4'", FRAMEWORK);
        db.execute("INSERT INTO auditor_assignment (auditor, unit_code, assigned_by) VALUES (?1, ?2, 'test') "
                + "ON CONFLICT DO NOTHING", AUDITOR, UNIT);
        published = true;
    }

    /** A fresh OPEN round over the area, review closing in 30 days; returns its id. */
    public static String newRound(TestDb db) {
        return newRound(db, 2566, Instant.now().plus(Duration.ofDays(30)));
    }

    public static String newRound(TestDb db, int fiscalYear, Instant reviewClosesAt) {
        ensureBase(db);
        String id = "R-" + UUID.randomUUID();
        ScoringEvents.round(ScoringEvents.roundPayload(id, fiscalYear, FRAMEWORK, AREA, "OPEN", reviewClosesAt));
        db.awaitRow("SELECT id FROM assessment_round WHERE id = ?1", id);
        return id;
    }
}
