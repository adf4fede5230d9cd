package th.go.ita.survey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import th.go.ita.embedded.ItaTestStack;

/**
 * Real PostgreSQL (database "survey") and a real Kafka broker for every test in this module,
 * started once: the resource is global, so all test classes share one Quarkus boot.
 */
@QuarkusTestResource(value = ItaTestStack.class, initArgs = @ResourceArg(name = "database", value = "survey"))
public final class TestStack {
    private TestStack() {
    }
}
