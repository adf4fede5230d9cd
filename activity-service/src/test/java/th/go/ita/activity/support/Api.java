package th.go.ita.activity.support;

import io.restassured.response.ValidatableResponse;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Request bodies and calls the tests share. */
public final class Api {
    private Api() {
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType("application/json").body(body).when().post(path).then();
    }

    public static ValidatableResponse put(String path, Object body) {
        return given().contentType("application/json").body(body).when().put(path).then();
    }

    public static ValidatableResponse get(String path) {
        return given().when().get(path).then();
    }

    public static Map<String, Object> plan(int year) {
        return Map.of("fiscalYear", year, "title", "แผนพัฒนา ITA " + year,
                "goals", List.of("คะแนน ITA ไม่ต่ำกว่า 95", "บุคลากรทุกคนมีส่วนร่วม"));
    }

    public static Map<String, Object> activity(String name, String status) {
        return Map.ofEntries(
                Map.entry("name", name),
                Map.entry("description", "ประชุมบุคลากรทุกคนเพื่อวิเคราะห์ความเสี่ยง"),
                Map.entry("mettaElements", List.of("EXPLORE", "MANAGEMENT")),
                Map.entry("pdcaPhase", "PLAN"),
                Map.entry("indicatorCodes", List.of("5", "10")),
                Map.entry("oitItemCodes", List.of("O35")),
                Map.entry("honestTraits", List.of("THINKING_SKILLS")),
                Map.entry("owner", "กลุ่มอำนวยการ"),
                Map.entry("participantsCount", 67),
                Map.entry("startsOn", "2022-11-02"),
                Map.entry("endsOn", "2022-11-30"),
                Map.entry("budget", "12500.50"),
                Map.entry("status", status),
                Map.entry("notes", "ทุกกลุ่มงาน"),
                Map.entry("evidenceLinks", List.of("https://example.go.th/o35.pdf")));
    }
}
