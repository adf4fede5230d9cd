package th.go.ita.evidence.file;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import th.go.ita.evidence.access.Directory;
import th.go.ita.evidence.access.RoundRef;
import th.go.ita.evidence.access.UnitAccess;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.evidence.checklist.ItemState;
import th.go.ita.evidence.checklist.ItemStatus;
import th.go.ita.evidence.checklist.OitItem;
import th.go.ita.evidence.review.ReviewService;
import th.go.ita.platform.access.Roles;
import th.go.ita.platform.problem.ProblemException;

import java.io.IOException;
import java.util.UUID;

@Path("/units/{unitCode}/rounds/{roundId}/items/{itemCode}")
@Tag(name = "Evidence")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    public record LinkRequest(@NotBlank @Size(max = 2000) String url, @Size(max = 500) String label) {
    }

    public record SubmitResult(String itemCode, ItemStatus status) {
    }

    @Inject
    UnitAccess access;

    @Inject
    Directory directory;

    @Inject
    EvidenceService evidence;

    @Inject
    EvidenceStore store;

    @Inject
    ItemState items;

    @Inject
    ReviewService reviews;

    @GET
    @Transactional
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN, Roles.UNIT_ADMIN, Roles.EVIDENCE_EDITOR, Roles.AUDITOR})
    @Operation(summary = "An item with its requirement, status, version history (withdrawn ones too) and reviews")
    public ItemDetail item(@PathParam("unitCode") String unitCode, @PathParam("roundId") String roundId,
                           @PathParam("itemCode") String itemCode) {
        UnitRef unit = access.read(unitCode);
        RoundRef round = directory.roundOf(unit, roundId);
        OitItem item = items.requireItem(round, itemCode);
        ItemStatus status = reviews.status(round, unit, itemCode);
        return new ItemDetail(unitCode, roundId, itemCode, item.subIndicatorCode(), item.titleTh(), item.titleEn(),
                item.requirementTh(), item.requirementEn(), status, evidence.history(round, unit, itemCode),
                reviews.reviews(round, unit, itemCode));
    }

    @POST
    @Path("/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_ADMIN, Roles.EVIDENCE_EDITOR})
    @Operation(summary = "Add a link (a page on the office's website) as a new evidence version")
    public Response addLink(@PathParam("unitCode") String unitCode, @PathParam("roundId") String roundId,
                            @PathParam("itemCode") String itemCode, @Valid @jakarta.validation.constraints.NotNull LinkRequest body) {
        UnitRef unit = access.edit(unitCode);
        RoundRef round = directory.roundOf(unit, roundId);
        EvidenceVersion version = evidence.addLink(unit, round, itemCode,
                new EvidenceService.NewLink(body.url(), body.label()), access.username());
        return Response.status(201).entity(version).build();
    }

    @POST
    @Path("/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.UNIT_ADMIN, Roles.EVIDENCE_EDITOR})
    @Operation(summary = "Upload a file (PDF, image, office document; form field \"file\") as a new evidence version")
    public Response upload(@PathParam("unitCode") String unitCode, @PathParam("roundId") String roundId,
                           @PathParam("itemCode") String itemCode, @RestForm("file") FileUpload file) {
        UnitRef unit = access.edit(unitCode);
        RoundRef round = directory.roundOf(unit, roundId);
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest("file-missing");
        }
        EvidenceVersion version = evidence.upload(unit, round, itemCode, file.uploadedFile(), file.fileName(),
                access.username());
        return Response.status(201).entity(version).build();
    }

    @POST
    @Path("/evidence/{evidenceId}/withdraw")
    @RolesAllowed({Roles.UNIT_ADMIN, Roles.EVIDENCE_EDITOR})
    @Operation(summary = "Withdraw a version: it stays in the history, marked withdrawn")
    public EvidenceVersion withdraw(@PathParam("unitCode") String unitCode, @PathParam("roundId") String roundId,
                                    @PathParam("itemCode") String itemCode, @PathParam("evidenceId") UUID evidenceId) {
        UnitRef unit = access.edit(unitCode);
        RoundRef round = directory.roundOf(unit, roundId);
        return evidence.withdraw(unit, round, itemCode, evidenceId, access.username());
    }

    @POST
    @Path("/submit")
    @RolesAllowed({Roles.UNIT_ADMIN, Roles.EVIDENCE_EDITOR})
    @Operation(summary = "Hand the item in for review (SUBMITTED, or RESUBMITTED after a failure)")
    public SubmitResult submit(@PathParam("unitCode") String unitCode, @PathParam("roundId") String roundId,
                               @PathParam("itemCode") String itemCode) {
        UnitRef unit = access.edit(unitCode);
        RoundRef round = directory.roundOf(unit, roundId);
        return new SubmitResult(itemCode, evidence.submit(unit, round, itemCode, access.username()));
    }

    @GET
    @Path("/evidence/{evidenceId}/file")
    @Produces(MediaType.WILDCARD)
    @Transactional
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.AREA_ADMIN, Roles.UNIT_ADMIN, Roles.EVIDENCE_EDITOR, Roles.AUDITOR})
    @Operation(summary = "Download an uploaded file version (staff, area-admin, assigned auditor)")
    public Response download(@PathParam("unitCode") String unitCode, @PathParam("roundId") String roundId,
                             @PathParam("itemCode") String itemCode, @PathParam("evidenceId") UUID evidenceId)
            throws IOException {
        UnitRef unit = access.read(unitCode);
        RoundRef round = directory.roundOf(unit, roundId);
        EvidenceVersion version = evidence.version(round, unit, evidenceId);
        if (!"FILE".equals(version.kind()) || !version.itemCode().equals(itemCode)) {
            throw ProblemException.notFound("evidence-not-found", evidenceId);
        }
        return FileResponses.attachment(store.open(evidence.storageKey(evidenceId)), version);
    }
}
