package th.go.ita.evidence.access;

import th.go.ita.platform.access.ScopedUnit;

/** A unit of the local read model: enough to decide scope and to print its name. */
public record UnitRef(String code, String path, String nameTh, String nameEn, boolean demo) implements ScopedUnit {
}
