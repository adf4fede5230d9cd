package th.go.ita.evidence.info;

import java.util.Map;

/** What this service is and which build runs, for the SPA's status panel and for operators. */
public record ServiceInfo(String service, String version, Map<String, String> title) {
}
