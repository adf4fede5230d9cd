package th.go.ita.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Locale;

/**
 * Public pages people open from a printout or a link (evidence's {@code /oit/...}) answer an error
 * as a page a person can read, Thai first then English, when the browser asks for HTML; a caller
 * asking for JSON (or for nothing in particular) still gets the problem+json. The paths are the
 * service's {@code platform.problem.html-paths} (prefixes); without it nothing changes.
 */
@Provider
public class HtmlProblemPages implements ContainerResponseFilter {

    private final List<String> prefixes = ConfigProvider.getConfig()
            .getOptionalValues("platform.problem.html-paths", String.class).orElse(List.of());

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (prefixes.isEmpty() || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (prefixes.stream().noneMatch(path::startsWith) || !prefersHtml(request.getAcceptableMediaTypes())) {
            return;
        }
        response.setEntity(page(problem), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle("Content-Type", "text/html; charset=UTF-8");
        // Nothing on the page runs or loads.
        response.getHeaders().putSingle("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }

    /** A browser puts text/html first; a script asks for JSON or sends no Accept at all. */
    static boolean prefersHtml(List<MediaType> acceptable) {
        return !acceptable.isEmpty() && acceptable.get(0).isCompatible(MediaType.TEXT_HTML_TYPE)
                && !acceptable.get(0).isWildcardType();
    }

    static String page(Problem problem) {
        String titleTh = ProblemMessages.text(ProblemMessages.THAI, "title." + problem.status());
        String titleEn = ProblemMessages.text(Locale.ENGLISH, "title." + problem.status());
        return """
                <!DOCTYPE html>
                <html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · %s</title>
                <style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.6}
                .en{color:#555}</style></head>
                <body><main><h1>%s</h1><p>%s</p>
                <h2 class="en" lang="en">%s</h2><p class="en" lang="en">%s</p>
                <p><a href="/">หน้าแรก · Home</a></p></main></body></html>
                """.formatted(escape(titleTh), escape(titleEn), escape(titleTh), escape(problem.detailTh()),
                escape(titleEn), escape(problem.detailEn()));
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
