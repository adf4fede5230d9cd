package th.go.ita.evidence.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import th.go.ita.evidence.access.Directory;
import th.go.ita.evidence.access.RoundRef;
import th.go.ita.evidence.access.UnitRef;
import th.go.ita.evidence.file.EvidenceService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The evidence editor's part of a test that runs with another caller's token (an auditor's):
 * the same service calls the editor's REST endpoints make (those are tested in EvidenceTest).
 */
@ApplicationScoped
public class EditorActions {

    static final String EDITOR = "editor.evu1";

    @Inject
    Directory directory;

    @Inject
    EvidenceService evidence;

    @Transactional
    public void addLinkAndSubmit(String roundId, String item) {
        UnitRef unit = directory.unit(OitFixture.UNIT);
        RoundRef round = directory.roundOf(unit, roundId);
        evidence.addLink(unit, round, item, new EvidenceService.NewLink("https://example.go.th/" + item, null), EDITOR);
        evidence.submit(unit, round, item, EDITOR);
    }

    @Transactional
    public void addLink(String roundId, String item, String url) {
        UnitRef unit = directory.unit(OitFixture.UNIT);
        evidence.addLink(unit, directory.roundOf(unit, roundId), item, new EvidenceService.NewLink(url, null), EDITOR);
    }

    /** Uploads the test PDF; submits the item too when asked. @return the new version's id */
    @Transactional
    public String upload(String roundId, String item, boolean submit) {
        UnitRef unit = directory.unit(OitFixture.UNIT);
        RoundRef round = directory.roundOf(unit, roundId);
        try {
            Path file = Files.createTempFile("evidence", ".pdf");
            Files.write(file, OitFixture.PDF);
            String id = evidence.upload(unit, round, item, file, "คำสั่งแต่งตั้ง.pdf", EDITOR).id().toString();
            Files.delete(file);
            if (submit) {
                evidence.submit(unit, round, item, EDITOR);
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public void uploadAndResubmit(String roundId, String item) {
        UnitRef unit = directory.unit(OitFixture.UNIT);
        RoundRef round = directory.roundOf(unit, roundId);
        try {
            Path file = Files.createTempFile("revised", ".pdf");
            Files.write(file, OitFixture.PDF);
            evidence.upload(unit, round, item, file, "revised.pdf", EDITOR);
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        evidence.submit(unit, round, item, EDITOR);
    }
}
