package th.go.ita.survey.response;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import th.go.ita.platform.problem.ProblemException;
import th.go.ita.survey.config.SurveyConfig;

import java.time.Duration;

/**
 * Wrong access codes per address and hour ({@code ita.intake.code-failures-per-hour}), one count
 * for every door a code can be tried at (a submission, the check at code entry): otherwise the
 * check would be a free way to guess codes past the submission's limit.
 */
@ApplicationScoped
public class CodeFailureLimit {

    private static final String KIND = "code-failure";
    private static final Duration WINDOW = Duration.ofHours(1);

    @Inject
    AddressRateLimit rateLimit;

    @Inject
    SurveyConfig config;

    /** The respondent's address as the trusted gateway forwarded it; held in memory only, never logged. */
    public static String addressOf(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** Refuses with 429 {@code too-many-code-failures} once the address has used up its wrong codes. */
    public void requireUnder(String address) {
        if (!rateLimit.under(KIND, address, config.intake().codeFailuresPerHour(), WINDOW)) {
            throw new ProblemException(429, "too-many-code-failures");
        }
    }

    /** One more wrong code from this address. */
    public void countFailure(String address) {
        rateLimit.tryAcquire(KIND, address, Integer.MAX_VALUE, WINDOW);
    }
}
