package th.go.ita.platform.problem;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Thai and English texts of problems. A service's own {@code messages/problems_th|en.properties}
 * is read first, then the platform's {@code messages/platform-problems_th|en.properties}, so a
 * service adds its codes (and may word a shared one its own way) without copying the rest.
 */
public final class ProblemMessages {

    public static final Locale THAI = Locale.forLanguageTag("th");

    private static final String SERVICE_BUNDLE = "messages.problems";
    private static final String PLATFORM_BUNDLE = "messages.platform-problems";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemMessages() {
    }

    public static String text(Locale locale, String key, Object... args) {
        String pattern = lookup(SERVICE_BUNDLE, locale, key);
        if (pattern == null) {
            pattern = lookup(PLATFORM_BUNDLE, locale, key);
        }
        if (pattern == null) {
            pattern = lookup(PLATFORM_BUNDLE, locale, "generic.detail");
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public static String th(String key, Object... args) {
        return text(THAI, key, args);
    }

    public static String en(String key, Object... args) {
        return text(Locale.ENGLISH, key, args);
    }

    private static String lookup(String bundleName, Locale locale, String key) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(bundleName, locale,
                    Thread.currentThread().getContextClassLoader(), NO_FALLBACK);
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
