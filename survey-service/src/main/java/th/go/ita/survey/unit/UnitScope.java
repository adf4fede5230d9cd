package th.go.ita.survey.unit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import th.go.ita.platform.access.Caller;
import th.go.ita.platform.problem.ProblemException;

/**
 * Whether the caller may act for a unit of this service's read model: the platform's one scope
 * rule ({@link Caller#covers}), answered as this service's problems when it fails.
 */
@RequestScoped
public class UnitScope {

    @Inject
    Caller caller;

    public boolean covers(Unit unit) {
        return caller.covers(unit.code, unit.path);
    }

    public Unit require(String code) {
        Unit unit = Unit.findById(code);
        if (unit == null) {
            throw ProblemException.notFound("unit-not-found", code);
        }
        if (!covers(unit)) {
            throw ProblemException.forbidden("unit-out-of-scope", code);
        }
        return unit;
    }
}
