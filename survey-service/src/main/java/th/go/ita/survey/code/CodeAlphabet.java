package th.go.ita.survey.code;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Access codes people can read aloud and type on a phone: 32 symbols without 0/O and 1/I, ten of
 * them (50 bits). At the intake rate limit, guessing one of even thousands of live codes would take
 * far longer than any survey window.
 */
public final class CodeAlphabet {

    static final String SYMBOLS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CodeAlphabet() {
    }

    /** A fresh code, shown as two groups of five: {@code 7KQ2M-XH4PA}. */
    public static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(SYMBOLS.charAt(RANDOM.nextInt(SYMBOLS.length())));
        }
        return code.toString();
    }

    /**
     * The canonical form of what someone typed (case, spaces and dashes do not matter), or null
     * when it cannot be a code at all.
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (SYMBOLS.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }
}
