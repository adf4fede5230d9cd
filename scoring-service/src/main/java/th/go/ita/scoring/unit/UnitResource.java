package th.go.ita.scoring.unit;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.access.UnitPaths;
import th.go.ita.platform.reports.Table;
import th.go.ita.platform.reports.Download;
import th.go.ita.scoring.official.CsvUpload;
import th.go.ita.platform.problem.ProblemException;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

@Path("/units")
@Tag(name = "Units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

    public record Move(@NotBlank String parentCode) {
    }

    @Inject
    UnitScope scope;

    @Inject
    UnitService units;

    @Inject
    UnitImport importer;

    @Inject
    UnitBrowser browser;

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(summary = "One unit of the office tree, if it is within the caller's scope")
    public UnitView get(@PathParam("code") String code) {
        return UnitView.of(scope.require(code));
    }

    @GET
    @Path("/{code}/subtree")
    @Authenticated
    @Operation(summary = "A unit and every unit below it, in tree order")
    public List<UnitView> subtree(@PathParam("code") String code) {
        Unit root = scope.require(code);
        if (!scope.coversBelow(root)) {
            return List.of(UnitView.of(root));
        }
        return Unit.<Unit>list("path like ?1 escape '!' order by path", UnitPaths.subtreePattern(root.path)).stream().map(UnitView::of).toList();
    }

    @GET
    @Path("/{code}/export")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Produces({"text/csv", Download.XLSX})
    @Operation(summary = "The active units below a unit, in tree order, in the columns of the CSV import "
            + "(format=csv|xlsx): edit them in a spreadsheet and import the CSV again")
    public Response export(@PathParam("code") String code, @QueryParam("format") @DefaultValue("csv") String format) {
        Download.requireFormat(format);
        Unit root = scope.require(code);
        if (!scope.coversBelow(root)) {
            throw ProblemException.forbidden("unit-out-of-scope", code);
        }
        // Below the unit only: the caller may change those by import, not (as an area admin) the unit itself.
        List<List<Object>> rows = Unit.<Unit>list("path like ?1 escape '!' and code <> ?2 and active = true order by path",
                        UnitPaths.subtreePattern(root.path), root.code).stream()
                .map(u -> List.<Object>of(u.code, u.parentCode, u.type, u.nameTh, u.nameEn == null ? "" : u.nameEn,
                        u.staffCount, u.servicePopulation))
                .toList();
        return Download.table(new Table("units " + code, List.copyOf(UnitImport.COLUMNS), rows), "ita-units-" + code, format).build();
    }

    @GET
    @Path("/{code}/children")
    @Authenticated
    @Operation(summary = "One page of a unit's direct children, by code, each with its own number of children")
    public UnitBrowser.Children children(@PathParam("code") String code,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Unit parent = scope.require(code);
        if (!scope.coversBelow(parent)) {
            return new UnitBrowser.Children(UnitView.of(parent), 0, page, size, List.of());
        }
        return browser.children(parent, page, size);
    }

    @GET
    @Path("/{code}/search")
    @Authenticated
    @Operation(summary = "Units in the subtree whose code or name contains the text, in tree order")
    public List<UnitView> search(@PathParam("code") String code,
                                 @QueryParam("q") @NotBlank @Size(max = 100) String text,
                                 @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        Unit root = scope.require(code);
        if (!scope.coversBelow(root)) {
            String needle = text.strip().toLowerCase(Locale.ROOT);
            boolean matches = Stream.of(root.code, root.nameTh, root.nameEn)
                    .anyMatch(t -> t != null && t.toLowerCase(Locale.ROOT).contains(needle));
            return matches ? List.of(UnitView.of(root)) : List.of();
        }
        return browser.search(root, text, limit);
    }

    @POST
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a unit under a parent in the caller's subtree")
    public Response create(@Valid @NotNull UnitRequest request) {
        return Response.status(201).entity(UnitView.of(units.create(request))).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a unit's names, type and counts")
    public UnitView update(@PathParam("code") String code, @Valid @NotNull UnitRequest request) {
        return UnitView.of(units.update(code, request));
    }

    @POST
    @Path("/{code}/move")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a unit and its subtree under another parent")
    public UnitView move(@PathParam("code") String code, @Valid @NotNull Move move) {
        return UnitView.of(units.move(code, move.parentCode()));
    }

    @POST
    @Path("/{code}/deactivate")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Operation(summary = "Deactivate a unit (kept with its history, no longer assessed)")
    public UnitView deactivate(@PathParam("code") String code) {
        return UnitView.of(units.setActive(code, false));
    }

    @POST
    @Path("/{code}/activate")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Operation(summary = "Activate a unit again")
    public UnitView activate(@PathParam("code") String code) {
        return UnitView.of(units.setActive(code, true));
    }

    @POST
    @Path("/import")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a tree from CSV; dryRun=true only checks. Any wrong line: nothing is applied")
    public UnitImport.Report importCsv(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun, String csv) {
        return importer.run(csv == null ? "" : csv, dryRun);
    }

    @POST
    @Path("/import")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same import with the CSV text in a JSON body {\"csv\": \"…\"}")
    public UnitImport.Report importJson(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                        @Valid @NotNull CsvUpload upload) {
        return importer.run(upload.csv(), dryRun);
    }
}
