package th.go.ita.launcher;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The response headers of the public origin, and which management paths of the services it keeps
 * to itself. The launcher's gateway sends these; the nginx gateways of deploy/compose and
 * deploy/k8s send the same (GatewayHeadersTest holds their configs to this class).
 *
 * <p>The Content-Security-Policy is what the SPA needs and no more: its scripts and {@code /env.js}
 * from this origin only (no inline script, no eval); styles from this origin plus inline, since
 * ECharts and React position and colour elements with style attributes and the public OIT pages
 * carry their stylesheet inline; images also as {@code data:}/{@code blob:} (ECharts' export, QR
 * slips, an auditor's preview of an evidence image); Keycloak's origin for the OIDC calls
 * (discovery, token, refresh: {@code connect-src}) and, should a silent renew ever use an iframe,
 * {@code frame-src}, which also allows {@code blob:}: the auditor's PDF preview is a frame on a blob
 * URL made from an authenticated fetch (the file needs the bearer token a plain src would not send). The login itself is a top-level
 * navigation to Keycloak, which CSP does not restrict. No other site may frame these pages.
 */
public final class SecurityHeaders {

    /** Respondents' pages: the code (in the fragment of /s/) or the token (in the path of /e/, /o/) must not leak. */
    private static final Pattern RESPONDENT_PAGE = Pattern.compile("^/(s|e|o)/");

    /** What the services answer under /q/ that the SPA and the tests need from the public origin. */
    private static final Pattern PUBLIC_MANAGEMENT = Pattern.compile("^/q/(openapi(\\.json|\\.ya?ml)?|health(/.*)?)$");

    public static final String NOSNIFF = "nosniff";
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    public static final String RESPONDENT_REFERRER_POLICY = "no-referrer";
    public static final String HSTS = "max-age=31536000";

    private SecurityHeaders() {
    }

    /** The policy for the SPA and the public pages, allowing OIDC calls to {@code keycloakUrl}'s origin. */
    public static String contentSecurityPolicy(String keycloakUrl) {
        String keycloak = origin(keycloakUrl);
        return String.join("; ", List.of(
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self' " + keycloak,
                "frame-src " + keycloak + " blob:",
                "frame-ancestors 'self'",
                "form-action 'self' " + keycloak,
                "base-uri 'self'",
                "object-src 'none'"));
    }

    /**
     * {@code no-referrer} on respondents' pages: /s/ keeps its access code in the fragment, which
     * no Referer carries, but /e/ and /o/ carry their link token in the path, which a same-origin
     * Referer would (and the gateway logs Referers). Elsewhere only the origin goes to other sites.
     * The policy is the document's: a page reached by a client-side route keeps the policy of the
     * page first loaded, and respondents arrive at theirs by link or QR code, a full load.
     */
    public static String referrerPolicy(String path) {
        return RESPONDENT_PAGE.matcher(path).find() ? RESPONDENT_REFERRER_POLICY : REFERRER_POLICY;
    }

    /** Every header of a response to {@code path}; HSTS only when the answer travels over TLS. */
    public static Map<String, String> forResponse(String path, String keycloakUrl, boolean overTls) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Security-Policy", contentSecurityPolicy(keycloakUrl));
        headers.put("X-Content-Type-Options", NOSNIFF);
        headers.put("Referrer-Policy", referrerPolicy(path));
        if (overTls) {
            headers.put("Strict-Transport-Security", HSTS);
        }
        return headers;
    }

    /**
     * True for a service path under /q/ that the public origin does not pass on: metrics, Swagger
     * UI, dev UI and whatever else Quarkus adds there. OpenAPI documents and health stay reachable.
     * {@code servicePath} is the path with the /api/&lt;service&gt; prefix removed, normalised.
     */
    public static boolean isInternal(String servicePath) {
        // "//q/metrics" is /q/metrics to a service that merges slashes.
        String path = servicePath.replaceAll("/{2,}", "/");
        return path.equals("/q") || path.startsWith("/q/") && !PUBLIC_MANAGEMENT.matcher(path).matches();
    }

    /** The answer to a refused management path: a 404 as for any path that is not there, in both languages. */
    public static String notExposedProblem() {
        return "{\"type\":\"urn:ita:problem:not-found\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"ไม่มีหน้านี้ที่ที่อยู่สาธารณะ\","
                + "\"detail_th\":\"ไม่มีหน้านี้ที่ที่อยู่สาธารณะ\","
                + "\"detail_en\":\"This path is not available at the public address.\"}";
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
