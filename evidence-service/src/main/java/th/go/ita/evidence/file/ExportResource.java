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
import th.go.ita.platform.reports.Download;
import th.go.ita.platform.reports.Table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

@Path("/units/{unitCode}/years/{fiscalYear: [0-9]{4}}/export.zip")
@Tag(name = "Evidence")
public class ExportResource {

    private static final List<String> MANIFEST = List.of("item", "kind", "file_or_url", "sha256", "version",
            "created_at", "submitted_at", "withdrawn_at", "created_by");

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
        RoundRef round = directory.requireRoundForYear(unit, fiscalYear);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<List<Object>> manifest = new ArrayList<>();
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
                    manifest.add(Arrays.asList(item.code(), v.kind(), where, v.sha256(), v.version(),
                            String.valueOf(v.createdAt()), Objects.toString(v.submittedAt(), null),
                            Objects.toString(v.withdrawnAt(), null), v.createdBy()));
                }
            }
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            // Names and links are the staff's text: the platform's table guards them against CSV injection.
            zip.write(new Table("manifest", MANIFEST, manifest).csv());
            zip.closeEntry();
        }
        return Download.file(Response.ok(bytes.toByteArray(), "application/zip"),
                "oit-" + unit.code() + "-" + fiscalYear + ".zip").build();
    }
}
