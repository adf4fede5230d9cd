package th.go.ita.evidence;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import th.go.ita.embedded.ItaTestStack;
import th.go.ita.evidence.support.S3ProxyResource;

/**
 * Real PostgreSQL (database "evidence") and a real Kafka broker for every test in this module,
 * started once: the resource is global, so all test classes share one Quarkus boot.
 */
@QuarkusTestResource(value = ItaTestStack.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@QuarkusTestResource(S3ProxyResource.class)
public final class TestStack {
    private TestStack() {
    }
}
