package th.go.ita.scoring.official;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.platform.reports.Download;
import th.go.ita.scoring.unit.UnitScope;

import java.util.List;

@Path("/official-results")
@Tag(name = "Official results")
@Produces(MediaType.APPLICATION_JSON)
public class OfficialResultResource {

    @Inject
    UnitScope scope;

    @Inject
    Caller user;

    @Inject
    OfficialResults results;

    @Inject
    OfficialImport importer;

    @GET
    @Path("/{unitCode}")
    @Authenticated
    @Operation(summary = "A unit's official results, oldest year first")
    public List<OfficialResultView> list(@PathParam("unitCode") String unitCode) {
        scope.require(unitCode);
        return results.of(unitCode, null);
    }

    @PUT
    @Path("/{unitCode}/{fiscalYear}")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Enter or correct a unit's official result for a fiscal year")
    public OfficialResultView put(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear,
                                  @Valid @NotNull OfficialEntry entry) {
        scope.require(unitCode);
        OfficialResults.Errors errors = new OfficialResults.Errors();
        OfficialResultView view = results.check(unitCode, fiscalYear, entry, "", errors);
        if (view == null) {
            throw new ProblemException(400, "official-invalid", errors.list());
        }
        results.store(view, user.username(), true);
        return view;
    }

    @POST
    @Path("/import")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import official results from CSV; dryRun=true only checks. Any wrong line: nothing is applied")
    public OfficialImport.Report importCsv(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun, String csv) {
        return importer.run(csv == null ? "" : csv, dryRun);
    }

    @POST
    @Path("/import")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Consumes(Download.XLSX)
    @Operation(summary = "The same import from an XLSX workbook: the first sheet, header row first, the same columns")
    public OfficialImport.Report importXlsx(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun, byte[] workbook) {
        return importer.runXlsx(workbook == null ? new byte[0] : workbook, dryRun);
    }

    @POST
    @Path("/import")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same import with the CSV text in a JSON body {\"csv\": \"…\"}")
    public OfficialImport.Report importJson(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                            @Valid @NotNull CsvUpload upload) {
        return importer.run(upload.csv(), dryRun);
    }
}
