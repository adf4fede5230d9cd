package th.go.ita.platform.access;

/**
 * What the scope rule needs of a unit in any service's copy of the tree: its code and its path of
 * codes from the root ({@code /OBEC/KALASIN2/}).
 */
public interface ScopedUnit {

    String code();

    String path();
}
