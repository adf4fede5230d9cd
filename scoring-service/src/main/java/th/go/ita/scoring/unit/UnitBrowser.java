package th.go.ita.scoring.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import th.go.ita.platform.access.UnitPaths;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the office tree a level or a search at a time: the national tree has some 30,000 units, far
 * too many for one screen or one response.
 */
@ApplicationScoped
public class UnitBrowser {

    /** A direct child with how many units sit directly below it, so a screen knows whether it can expand. */
    public record Child(String code, String parentCode, String path, String type, String nameTh, String nameEn,
                        int staffCount, int servicePopulation, boolean active, boolean demo, long childCount) {

        static Child of(Unit unit, long childCount) {
            return new Child(unit.code, unit.parentCode, unit.path, unit.type, unit.nameTh, unit.nameEn,
                    unit.staffCount, unit.servicePopulation, unit.active, unit.demo, childCount);
        }
    }

    public record Children(UnitView parent, long total, int page, int size, List<Child> items) {
    }

    @Inject
    EntityManager em;

    public Children children(Unit parent, int page, int size) {
        long total = Unit.count("parentCode", parent.code);
        List<Unit> units = Unit.<Unit>find("parentCode = ?1 order by code", parent.code).page(page, size).list();
        Map<String, Long> below = childCounts(units.stream().map(u -> u.code).toList());
        return new Children(UnitView.of(parent), total, page, size,
                units.stream().map(u -> Child.of(u, below.getOrDefault(u.code, 0L))).toList());
    }

    /** Units in the subtree whose code or Thai or English name contains the text, in tree order. */
    public List<UnitView> search(Unit root, String text, int limit) {
        String pattern = "%" + UnitPaths.escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
        return Unit.<Unit>find("""
                        path like ?1 escape '!' and (lower(code) like ?2 escape '!' or lower(nameTh) like ?2 escape '!'
                        or lower(nameEn) like ?2 escape '!') order by path""", UnitPaths.subtreePattern(root.path), pattern)
                .page(0, limit).list().stream().map(UnitView::of).toList();
    }

    private Map<String, Long> childCounts(List<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery(
                        "select u.parentCode, count(u) from Unit u where u.parentCode in :codes group by u.parentCode",
                        Object[].class).setParameter("codes", codes).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
    }
}
