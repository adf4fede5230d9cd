package th.go.ita.scoring.framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a framework document's parts come from and which of them were checked against the
 * reference, as the API shows it. A document stored before documents had to say so (the first
 * shipped versions) records nothing: every part of it is shown as unverified.
 */
public record Provenance(boolean recorded, List<Framework.Source> sources, Map<String, Framework.Part> parts,
                         List<String> unverified) {

    /** The parts every new document must state, in the order the API lists them. */
    public static final List<String> PARTS = List.of("items", "itemRequirements", "indicators", "questions",
            "weights", "rating", "samples", "rounding");

    private static final Framework.Part NOT_RECORDED = new Framework.Part(false, List.of(), Map.of(
            "th", "เอกสารรุ่นนี้ไม่ได้บันทึกแหล่งที่มาและการตรวจสอบ ถือว่ายังไม่ได้ตรวจสอบ",
            "en", "This version records no sources or checks, so it counts as unverified"));

    public static Provenance of(Framework f) {
        boolean recorded = f.verification() != null && !f.verification().isEmpty();
        Map<String, Framework.Part> parts = new LinkedHashMap<>();
        for (String part : PARTS) {
            parts.put(part, recorded ? f.verification().getOrDefault(part, NOT_RECORDED) : NOT_RECORDED);
        }
        if (recorded) {
            f.verification().forEach(parts::putIfAbsent);
        }
        List<String> unverified = parts.entrySet().stream().filter(e -> !e.getValue().verified()).map(Map.Entry::getKey).toList();
        return new Provenance(recorded, f.sources() == null ? List.of() : f.sources(), parts, unverified);
    }
}
