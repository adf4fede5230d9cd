package th.go.ita.activity.support;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.function.Supplier;

/** Reads the database from a test thread, in a transaction of its own. */
public final class Tx {
    private Tx() {
    }

    public static <T> T call(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
