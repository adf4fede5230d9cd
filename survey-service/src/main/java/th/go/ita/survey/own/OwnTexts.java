package th.go.ita.survey.own;

import java.util.Locale;
import java.util.ResourceBundle;

/** Texts the service itself puts into own surveys and their exports ({@code messages/own_th|en}). */
final class OwnTexts {

    private OwnTexts() {
    }

    static String th(String key) {
        return text(Locale.forLanguageTag("th"), key);
    }

    static String en(String key) {
        return text(Locale.ENGLISH, key);
    }

    /** "ไทย (English)", for exports read by people of either language. */
    static String both(String key) {
        return th(key) + " (" + en(key) + ")";
    }

    private static String text(Locale locale, String key) {
        return ResourceBundle.getBundle("messages.own", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }
}
