package th.go.ita.evidence.checklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import th.go.ita.evidence.access.RoundRef;
import th.go.ita.evidence.access.Rows;
import th.go.ita.evidence.access.UnitRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a unit's checklist from the round's framework items and the unit's item statuses. */
@ApplicationScoped
public class ChecklistService {

    @Inject
    EntityManager em;

    public List<OitItem> items(RoundRef round) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        SELECT * FROM oit_item WHERE framework_id = :fw AND framework_version = :v ORDER BY position""",
                        Tuple.class)
                .setParameter("fw", round.frameworkId()).setParameter("v", round.frameworkVersion()).getResultList();
        return rows.stream().map(OitItem::of).toList();
    }

    public Checklist checklist(UnitRef unit, RoundRef round) {
        @SuppressWarnings("unchecked")
        List<Tuple> states = em.createNativeQuery("""
                        SELECT s.item_code, s.status, s.updated_by, s.updated_at,
                            (SELECT count(*) FROM evidence e WHERE e.round_id = s.round_id AND e.unit_code = s.unit_code
                                AND e.item_code = s.item_code AND e.withdrawn_at IS NULL) AS evidence_count
                        FROM item_status s WHERE s.round_id = :r AND s.unit_code = :u""", Tuple.class)
                .setParameter("r", round.id()).setParameter("u", unit.code()).getResultList();
        Map<String, Tuple> byItem = new LinkedHashMap<>();
        states.forEach(t -> byItem.put(Rows.str(t, "item_code"), t));

        Map<OitItem, List<Checklist.Item>> bySub = OitItem.bySubIndicator(items(round), item -> {
            Tuple state = byItem.get(item.code());
            ItemStatus status = state == null ? ItemStatus.EMPTY : ItemStatus.valueOf(Rows.str(state, "status"));
            // A failed item's deadline is the end of the correction window, any other's the OIT deadline.
            Instant deadline = status == ItemStatus.FAILED && round.correctionClosesAt() != null
                    ? round.correctionClosesAt() : round.oitDeadline();
            boolean touched = state != null && status != ItemStatus.EMPTY;
            return new Checklist.Item(item.code(), item.titleTh(), item.titleEn(), item.requirementTh(),
                    item.requirementEn(), status, deadline,
                    touched ? Rows.str(state, "updated_by") : null,
                    touched ? Rows.instant(state, "updated_at") : null,
                    state == null ? 0 : Rows.integer(state, "evidence_count"));
        });
        List<Checklist.SubIndicator> subs = new ArrayList<>();
        bySub.forEach((first, rows) -> subs.add(new Checklist.SubIndicator(first.subIndicatorCode(),
                first.indicatorCode(), first.subIndicatorNameTh(), first.subIndicatorNameEn(),
                Checklist.Progress.of(rows), rows)));
        List<Checklist.Item> all = bySub.values().stream().flatMap(List::stream).toList();
        return new Checklist(unit.code(), unit.nameTh(), unit.nameEn(), round.id(), round.name(), round.fiscalYear(),
                round.state(), round.oitDeadline(), round.correctionClosesAt(), Checklist.Progress.of(all), subs);
    }
}
