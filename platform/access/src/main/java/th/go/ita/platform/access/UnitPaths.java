package th.go.ita.platform.access;

/**
 * Units sit in a tree written as paths of codes, {@code /OBEC/KALASIN2/KALASIN2-S001/}, in every
 * service's copy of the tree. One place for the questions asked of such a path, and for the SQL
 * {@code LIKE} patterns over it: unit codes may contain {@code _} and {@code %}, which {@code LIKE}
 * reads as wildcards unless escaped (with {@value #LIKE_ESCAPE}, then {@code ESCAPE '!'}).
 */
public final class UnitPaths {

    /** The escape character of every pattern here: write {@code LIKE :pattern ESCAPE '!'}. */
    public static final String LIKE_ESCAPE = "!";

    private UnitPaths() {
    }

    /** True when the unit at {@code path} is {@code ancestorCode} itself or lies below it. */
    public static boolean isWithin(String path, String ancestorCode) {
        return path != null && ancestorCode != null && path.contains("/" + ancestorCode + "/");
    }

    /** Matches the unit at {@code ancestorPath} and every unit below it. */
    public static String subtreePattern(String ancestorPath) {
        return escapeLike(ancestorPath) + "%";
    }

    /** Matches every path that passes through {@code unitCode}, wherever it sits in the tree. */
    public static String throughPattern(String unitCode) {
        return "%/" + escapeLike(unitCode) + "/%";
    }

    // '!' rather than backslash: it needs no escaping of its own in HQL, SQL or Java strings.
    public static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
