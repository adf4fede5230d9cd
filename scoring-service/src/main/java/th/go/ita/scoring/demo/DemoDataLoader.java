package th.go.ita.scoring.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import th.go.ita.scoring.config.ScoringConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads scoring-service's part of the demo data set (the seed's office under a national root, plus
 * a few made-up offices marked as demo) from resources. Idempotent: rows that exist are left as
 * they are, so a restart or a second call never duplicates or overwrites anything.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    @Inject
    ScoringConfig config;

    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent event) {
        if (config.demoData().enabled()) {
            int added = load();
            LOG.infof("Demo data: %d units added", added);
        }
    }

    /** @return how many units were added (0 when all were already there) */
    @Transactional
    public int load() {
        int added = 0;
        // Parents come before children in the file, so each row's parent path already exists.
        for (String[] row : readCsv("demo/units.csv")) {
            added += em.createNativeQuery("""
                    INSERT INTO unit (code, parent_code, path, type, name_th, name_en, staff_count,
                                      service_population, demo)
                    SELECT :code, CAST(:parent AS VARCHAR), COALESCE((SELECT path FROM unit WHERE code = :parent), '/') || :code || '/',
                           :type, :nameTh, :nameEn, :staff, :population, :demo
                    ON CONFLICT (code) DO NOTHING
                    """)
                    .setParameter("code", row[0])
                    .setParameter("parent", row[1].isEmpty() ? null : row[1])
                    .setParameter("type", row[2])
                    .setParameter("nameTh", row[3])
                    .setParameter("nameEn", row[4])
                    .setParameter("staff", Integer.parseInt(row[5]))
                    .setParameter("population", Integer.parseInt(row[6]))
                    .setParameter("demo", Boolean.parseBoolean(row[7]))
                    .executeUpdate();
        }
        return added;
    }

    private static List<String[]> readCsv(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            // Demo files are ours and contain no quoted commas; the unit CSV import has a real parser.
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
