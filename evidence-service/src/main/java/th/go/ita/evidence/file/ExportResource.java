package th.go.ita.evidence.file;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.evidence.access.Directory;
import th.go.ita.evidence.access.RoundRef;
import th.go.ita.evidence.access.UnitAccess;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.evidence.checklist.ChecklistService;
import th.go.ita.evidence.checklist.OitItem;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.problem.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

@Path("/units/{unitCode}/years/{fiscalYear: [0-9]{4}}/export.zip")
@Tag(name = "Evidence")
public class ExportResource {

    @Inject
    UnitAccess access;

    @Inject
    Directory directory;

    @Inject
    ChecklistService checklists;

    @Inject
    EvidenceService evidence;

    @Inject
    EvidenceStore store;

    /**
     * Every version of every item (withdrawn ones too, flagged), files under
     * {@code <item>/v<version>-<name>}, and manifest.csv naming item, file, SHA-256, version and time.
     * Built in memory: a year's evidence of one unit is tens of megabytes at most.
     */
    @GET
    @Produces("application/zip")
    @Transactional
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.UNIT_ADMIN, Roles.EVIDENCE_EDITOR})
    @Operation(summary = "ZIP of the unit's evidence for a fiscal year, with a manifest (unit staff)")
    public Response export(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear)
            throws IOException {
        UnitRef unit = access.export(unitCode);
        RoundRef round = directory.roundForYear(unit, fiscalYear)
                .orElseThrow(() -> ProblemException.notFound("year-not-found", unitCode, String.valueOf(fiscalYear)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> manifest = new ArrayList<>();
        manifest.add("item,kind,file_or_url,sha256,version,created_at,submitted_at,withdrawn_at,created_by");
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (OitItem item : checklists.items(round)) {
                List<EvidenceVersion> versions = new ArrayList<>(evidence.history(round, unit, item.code()));
                versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
                for (EvidenceVersion v : versions) {
                    String where;
                    if ("FILE".equals(v.kind())) {
                        where = item.code() + "/v" + v.version() + "-" + v.originalName();
                        zip.putNextEntry(new ZipEntry(where));
                        try (InputStream in = store.open(evidence.storageKey(v.id()))) {
                            in.transferTo(zip);
                        }
                        zip.closeEntry();
                    } else {
                        where = v.url();
                    }
                    manifest.add(String.join(",", csv(item.code()), v.kind(), csv(where),
                            v.sha256() == null ? "" : v.sha256(), String.valueOf(v.version()),
                            String.valueOf(v.createdAt()), v.submittedAt() == null ? "" : v.submittedAt().toString(),
                            v.withdrawnAt() == null ? "" : v.withdrawnAt().toString(), csv(v.createdBy())));
                }
            }
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            // BOM so that Excel opens the Thai names correctly.
            zip.write(("\uFEFF" + String.join("\r\n", manifest) + "\r\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        String name = "oit-" + unit.code() + "-" + fiscalYear + ".zip";
        return Response.ok(bytes.toByteArray(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
