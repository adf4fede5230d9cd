package th.go.ita.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka topics as designed, read from their two sources of truth: docs/events.md (who produces
 * which topic, which are compacted) and each service's application.properties (what it consumes and
 * where it parks what it cannot apply).
 */
record Design(Map<String, String> producers, Set<String> compacted,
              Map<String, Set<String>> consumed, Map<String, Set<String>> deadLetters) {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z0-9.-]*)`( \\(compacted\\))? \\| ([a-z]+) \\|", Pattern.MULTILINE);

    static Design read() {
        Map<String, String> producers = new LinkedHashMap<>();
        Set<String> compacted = new TreeSet<>();
        Matcher m = ROW.matcher(Repo.read("docs/events.md"));
        while (m.find()) {
            producers.put(m.group(1), m.group(3));
            if (m.group(2) != null) {
                compacted.add(m.group(1));
            }
        }
        Map<String, Set<String>> consumed = new TreeMap<>();
        Map<String, Set<String>> deadLetters = new TreeMap<>();
        for (String service : Repo.SERVICES) {
            Properties p = Repo.properties(service);
            Set<String> in = new TreeSet<>();
            Set<String> dlq = new TreeSet<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".dead-letter-queue.topic")) {
                    dlq.add(p.getProperty(key));
                } else if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                    in.add(p.getProperty(key));
                }
            }
            consumed.put(service, in);
            deadLetters.put(service, dlq);
        }
        return new Design(producers, compacted, consumed, deadLetters);
    }

    Set<String> producedBy(String service) {
        Set<String> out = new TreeSet<>();
        producers.forEach((topic, producer) -> {
            if (producer.equals(service)) {
                out.add(topic);
            }
        });
        return out;
    }

    Set<String> allTopics() {
        Set<String> all = new TreeSet<>(producers.keySet());
        consumed.values().forEach(all::addAll);
        deadLetters.values().forEach(all::addAll);
        return all;
    }
}
