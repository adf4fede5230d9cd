package th.go.ita.platform.testing.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's access table, a Markdown file a person reads: one row per operation, one column per
 * role, and three for the callers without a usable token. A role's cell is one status when the
 * answer is the same at every target, or four, for the caller's own unit, a unit of its subtree, its
 * parent and another area ({@code 200 200 403 403}). The text before and after the table is kept as
 * written; so is the last column, a note saying why.
 */
public record AccessTable(List<String> before, Map<String, Row> rows, List<String> after) {

    /** The realm's roles, and a signed-in user who has none of them. */
    public static final List<String> ROLES = List.of("system-admin", "area-admin", "unit-admin", "evidence-editor",
            "activity-editor", "auditor", "no-role");
    /** Callers without a usable token (each tried at the caller's own unit, as a system-admin). */
    public static final List<String> WITHOUT_ROLE = List.of("no-token", "expired", "other-audience");

    public enum Scope {
        OWN("own"), SUBTREE("subtree"), PARENT("parent"), OTHER("other-area");

        final String label;

        Scope(String label) {
            this.label = label;
        }
    }

    /** What one operation answers: per role a status per scope, per token case one status. */
    public record Row(Map<String, int[]> byRole, Map<String, Integer> byCase, String note) {
        public int expected(String role, Scope scope) {
            return byRole.get(role)[scope.ordinal()];
        }

        public int expected(String tokenCase) {
            return byCase.get(tokenCase);
        }

        public boolean someRoleSucceedsAtOwnUnit() {
            return byRole.values().stream().anyMatch(s -> s[Scope.OWN.ordinal()] / 100 == 2);
        }
    }

    public static AccessTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the access table " + file + " cannot be read", e);
        }
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> header = null;
        for (String line : lines) {
            boolean tableLine = line.startsWith("|");
            if (!tableLine) {
                (header == null ? before : after).add(line);
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                List<String> wanted = new ArrayList<>(List.of("operation"));
                wanted.addAll(ROLES);
                wanted.addAll(WITHOUT_ROLE);
                wanted.add("note");
                if (!header.equals(wanted)) {
                    throw new IllegalStateException(file + ": the table's columns must be " + wanted + ", not " + header);
                }
                continue;
            }
            if (cells.get(0).startsWith("---")) {
                continue;
            }
            Map<String, int[]> byRole = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                byRole.put(ROLES.get(i), statuses(file, cells.get(0), cells.get(1 + i)));
            }
            Map<String, Integer> byCase = new LinkedHashMap<>();
            for (int i = 0; i < WITHOUT_ROLE.size(); i++) {
                byCase.put(WITHOUT_ROLE.get(i), Integer.parseInt(cells.get(1 + ROLES.size() + i)));
            }
            String note = cells.size() > header.size() - 1 ? cells.get(header.size() - 1) : "";
            if (rows.put(cells.get(0).replace("\\|", "|"), new Row(byRole, byCase, note)) != null) {
                throw new IllegalStateException(file + ": " + cells.get(0) + " has two rows");
            }
        }
        if (header == null) {
            throw new IllegalStateException(file + " holds no table");
        }
        return new AccessTable(before, rows, after);
    }

    /** Writes {@code observed} as the table, keeping the text around it and each row's note. */
    public void write(Path file, Map<String, Row> observed) {
        List<String> out = new ArrayList<>(before);
        List<String> header = new ArrayList<>(List.of("operation"));
        header.addAll(ROLES);
        header.addAll(WITHOUT_ROLE);
        header.add("note");
        out.add("| " + String.join(" | ", header) + " |");
        out.add("|" + " --- |".repeat(header.size()));
        for (Map.Entry<String, Row> row : observed.entrySet()) {
            List<String> cells = new ArrayList<>(List.of("`" + row.getKey() + "`"));
            for (String role : ROLES) {
                cells.add(cell(row.getValue().byRole().get(role)));
            }
            for (String c : WITHOUT_ROLE) {
                cells.add(String.valueOf(row.getValue().byCase().get(c)));
            }
            cells.add(row.getValue().note());
            out.add("| " + String.join(" | ", cells) + " |");
        }
        out.addAll(after);
        try {
            Files.write(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(int[] statuses) {
        boolean same = Arrays.stream(statuses).allMatch(s -> s == statuses[0]);
        return same ? String.valueOf(statuses[0])
                : String.join(" ", Arrays.stream(statuses).mapToObj(String::valueOf).toList());
    }

    private static int[] statuses(Path file, String operation, String cell) {
        String[] parts = cell.trim().split("\\s+");
        int n = Scope.values().length;
        if (parts.length != 1 && parts.length != n) {
            throw new IllegalStateException(file + ": " + operation + " has the cell '" + cell
                    + "': one status, or four (own, subtree, parent, other area)");
        }
        int[] statuses = new int[n];
        for (int i = 0; i < n; i++) {
            statuses[i] = Integer.parseInt(parts[parts.length == 1 ? 0 : i]);
        }
        return statuses;
    }

    /** The cells of a Markdown table line, operation names without their backticks. */
    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip().replace("`", ""));
        }
        return cells;
    }
}
