package th.go.ita.evidence.access;

import th.go.ita.platform.access.ScopedUnit;
import th.go.ita.platform.access.UnitPaths;

/** A unit of the local read model: enough to decide scope and to print its name. */
public record UnitRef(String code, String path, String nameTh, String nameEn, boolean demo) implements ScopedUnit {

    /** True when {@code ancestor} is this unit or above it in the tree. */
    public boolean isWithin(String ancestor) {
        return UnitPaths.isWithin(path, ancestor);
    }
}
