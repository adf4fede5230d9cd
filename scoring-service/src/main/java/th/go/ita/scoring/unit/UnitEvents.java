package th.go.ita.scoring.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import th.go.ita.platform.outbox.Outbox;

import java.util.List;

/** Announces a unit's current state on the compacted topic {@code ita.units} (key = unit code). */
@ApplicationScoped
public class UnitEvents {

    public static final String TOPIC = "ita.units";

    public record UnitUpserted(String code, String parentCode, String path, String type, String nameTh,
                               String nameEn, int staffCount, int servicePopulation, boolean active, boolean demo) {
    }

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void upserted(Unit unit) {
        outbox.add(TOPIC, unit.code, "UnitUpserted", unit.code, null, payload(unit));
    }

    /** Each unit's event, in the order given, written together (a national import announces 30,000). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsertedAll(List<Unit> units) {
        outbox.addAll(units.stream()
                .map(unit -> new Outbox.Event(TOPIC, unit.code, "UnitUpserted", unit.code, null, payload(unit)))
                .toList());
    }

    private static UnitUpserted payload(Unit unit) {
        return new UnitUpserted(unit.code, unit.parentCode, unit.path, unit.type, unit.nameTh, unit.nameEn,
                unit.staffCount, unit.servicePopulation, unit.active, unit.demo);
    }
}
