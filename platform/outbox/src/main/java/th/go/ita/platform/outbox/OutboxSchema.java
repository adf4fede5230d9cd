package th.go.ita.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The platform's own migrations of the outbox and inbox tables, in their own location and schema
 * history table, so they never collide with a service's numbered migrations (and need no edit of
 * any migration already applied). They run at start-up, after the service's own Flyway run, and
 * before the relay's first pass.
 */
@ApplicationScoped
public class OutboxSchema {

    public static final String LOCATION = "classpath:db/platform/outbox";
    public static final String HISTORY_TABLE = "platform_outbox_schema_history";

    @Inject
    AgroalDataSource dataSource;

    private volatile boolean ready;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        migrate(dataSource);
        ready = true;
    }

    /** True once the tables are as the relay expects them. */
    public boolean ready() {
        return ready;
    }

    /**
     * Brings a database's outbox and inbox up to the platform's schema: adopts tables a service
     * created before (baseline 0, so V1 still runs and finds them) or creates them.
     */
    public static void migrate(DataSource dataSource) {
        Flyway.configure(OutboxSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
