package th.go.ita.scoring;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Real PostgreSQL (database "scoring") and a real Kafka broker for every test in this module,
 * started once: the resource is global, so all test classes share one Quarkus boot. A real
 * Keycloak joins only when a test asks for it ({@link TestKeycloak}).
 */
@QuarkusTestResource(value = TestKeycloak.Resource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
public final class TestStack {
    private TestStack() {
    }
}
