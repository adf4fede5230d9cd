package th.go.ita.scoring.unit;

/** A unit as the API shows it. */
public record UnitView(String code, String parentCode, String path, String type, String nameTh, String nameEn,
                       int staffCount, int servicePopulation, boolean active, boolean demo) {

    public static UnitView of(Unit unit) {
        return new UnitView(unit.code, unit.parentCode, unit.path, unit.type, unit.nameTh, unit.nameEn,
                unit.staffCount, unit.servicePopulation, unit.active, unit.demo);
    }
}
