package th.go.ita.scoring.framework;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which shipped edition an OBEC office's round of each fiscal year should use, read from
 * {@code frameworks/recommended.json}. It is a choice between documents, so it lives beside them rather
 * than in any one of them: a document is immutable once used, while the choice moves when a better
 * edition of the year ships.
 */
public final class Recommended {

    public static final String RESOURCE = "frameworks/recommended.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Year(int fiscalYear, String id, int version, Map<String, String> why) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(List<Year> years) {
    }

    private static final List<Year> YEARS = read();

    private Recommended() {
    }

    private static List<Year> read() {
        try (InputStream in = Recommended.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return new ObjectMapper().readValue(in, File.class).years();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Year> years() {
        return YEARS;
    }

    public static Optional<Year> forYear(int fiscalYear) {
        return YEARS.stream().filter(y -> y.fiscalYear() == fiscalYear).findFirst();
    }

    /** The recommendation naming exactly this version, if any. */
    public static Optional<Year> of(String id, int version) {
        return YEARS.stream().filter(y -> y.id().equals(id) && y.version() == version).findFirst();
    }
}
