package th.go.ita.evidence.publicpage;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Renders the disclosure as a plain HTML page: no script, Thai first with English beneath,
 * readable by archivers and link checkers, printable as it is.
 */
public final class DisclosurePage {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final Map<String, String[]> STATUS = Map.of(
            "EMPTY", new String[]{"ยังไม่เผยแพร่", "Not yet published"},
            "DRAFT", new String[]{"ยังไม่เผยแพร่", "Not yet published"},
            "SUBMITTED", new String[]{"รอการตรวจ", "Awaiting review"},
            "RESUBMITTED", new String[]{"ส่งแก้ไขแล้ว รอการตรวจ", "Revised, awaiting review"},
            "PASSED", new String[]{"ผ่าน", "Passed"},
            "FAILED", new String[]{"ไม่ผ่าน", "Not passed"});

    private static final String STYLE = """
            body{font-family:Sarabun,"Noto Sans Thai",Tahoma,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111;line-height:1.5}
            h1{font-size:1.5rem;margin-bottom:0}h2{font-size:1.15rem;margin-top:1.5rem;border-bottom:1px solid #999}
            .en{color:#444;font-size:.9em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
            .PASSED{color:#0a5d0a;font-weight:bold}.FAILED{color:#a00;font-weight:bold}.demo{color:#8a4b00;font-size:.85em}
            .frozen{background:#eef;padding:.5rem;border:1px solid #99c}footer{margin-top:2rem;font-size:.85em;color:#444}
            @media print{a{color:#000}a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em}}
            """;

    private DisclosurePage() {
    }

    public static String year(Disclosure d) {
        StringBuilder html = head(d, "OIT " + d.unitCode() + " " + d.fiscalYear());
        html.append("<p>คะแนนข้อที่ผ่าน ").append(d.passed()).append(" / ").append(d.total())
                .append(" ข้อ <span class=\"en\">(").append(d.passed()).append(" of ").append(d.total())
                .append(" items passed)</span></p>\n");
        for (Disclosure.SubIndicator sub : d.subIndicators()) {
            html.append("<h2>").append(esc(sub.code())).append(' ').append(esc(sub.nameTh()))
                    .append(" <span class=\"en\">").append(esc(sub.nameEn())).append("</span> — ")
                    .append(sub.passed()).append('/').append(sub.total()).append("</h2>\n<table>\n")
                    .append("<tr><th>ข้อ<br><span class=\"en\">Item</span></th><th>รายการ<br><span class=\"en\">Title</span></th>")
                    .append("<th>หลักฐาน<br><span class=\"en\">Evidence</span></th><th>ผลการตรวจ<br><span class=\"en\">Review</span></th></tr>\n");
            for (Disclosure.Item item : sub.items()) {
                html.append("<tr><td><a href=\"/oit/").append(esc(d.unitCode())).append('/').append(d.fiscalYear())
                        .append('/').append(esc(item.code())).append("\">").append(esc(item.code())).append("</a></td><td>")
                        .append(esc(item.titleTh())).append("<br><span class=\"en\">").append(esc(item.titleEn()))
                        .append("</span></td><td>");
                evidence(html, item);
                html.append("</td><td>");
                status(html, item.status());
                html.append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        return foot(html, d);
    }

    public static String item(Disclosure d, Disclosure.Item item, Disclosure.SubIndicator sub) {
        StringBuilder html = head(d, "OIT " + d.unitCode() + " " + d.fiscalYear() + " " + item.code());
        html.append("<h2>").append(esc(item.code())).append(' ').append(esc(item.titleTh()))
                .append("<br><span class=\"en\">").append(esc(item.titleEn())).append("</span></h2>\n")
                .append("<p>ตัวชี้วัดย่อย ").append(esc(sub.code())).append(' ').append(esc(sub.nameTh()))
                .append(" <span class=\"en\">(").append(esc(sub.nameEn())).append(")</span></p>\n<p>ผลการตรวจ <span class=\"en\">Review</span>: ");
        status(html, item.status());
        html.append("</p>\n<h2>หลักฐาน <span class=\"en\">Evidence</span></h2>\n");
        evidence(html, item);
        html.append("<p><a href=\"/oit/").append(esc(d.unitCode())).append('/').append(d.fiscalYear())
                .append("\">← รายการทั้งหมด <span class=\"en\">All items</span></a></p>\n");
        return foot(html, d);
    }

    private static StringBuilder head(Disclosure d, String title) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<header><p>การเปิดเผยข้อมูลสาธารณะ (OIT) <span class=\"en\">Open data disclosure (OIT)</span></p>\n")
                .append("<h1>").append(esc(d.unitNameTh())).append("</h1>\n<p class=\"en\">").append(esc(d.unitNameEn()))
                .append("</p>\n<p>ปีงบประมาณ พ.ศ. ").append(d.fiscalYear()).append(" <span class=\"en\">(fiscal year ")
                .append(d.fiscalYear() - 543).append(")</span> · ").append(esc(d.roundName())).append("</p>\n");
        if (d.frozen()) {
            html.append("<p class=\"frozen\">ฉบับบันทึกเมื่อปิดการตรวจประเมิน ").append(thaiDate(d.frozenAt()))
                    .append(" <span class=\"en\">Snapshot frozen when the review closed</span></p>\n");
        }
        html.append("</header>\n<main>\n");
        return html;
    }

    private static String foot(StringBuilder html, Disclosure d) {
        html.append("</main>\n<footer>ข้อมูล ณ ").append(thaiDate(d.frozen() ? d.frozenAt() : d.generatedAt()))
                .append(" · <a href=\"/api/evidence/public/units/").append(esc(d.unitCode())).append("/years/")
                .append(d.fiscalYear()).append("\">JSON</a> · ITA Online</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void evidence(StringBuilder html, Disclosure.Item item) {
        if (item.evidence().isEmpty()) {
            html.append("—");
            return;
        }
        html.append("<ul>");
        for (Disclosure.PublicEvidence e : item.evidence()) {
            html.append("<li>");
            if ("LINK".equals(e.kind())) {
                html.append("<a href=\"").append(esc(e.url())).append("\" rel=\"nofollow noopener\">")
                        .append(esc(e.label() != null ? e.label() : e.url())).append("</a>");
            } else {
                html.append("<a href=\"/oit/files/").append(e.id()).append("\">").append(esc(e.originalName()))
                        .append("</a> <span class=\"en\">(").append(humanSize(e.sizeBytes())).append(", SHA-256 ")
                        .append(e.sha256(), 0, 12).append("…)</span>");
            }
            html.append(" <span class=\"en\">v").append(e.version()).append("</span>");
            if (e.demo()) {
                html.append(" <span class=\"demo\">(ข้อมูลสาธิต / demo)</span>");
            }
            html.append("</li>");
        }
        html.append("</ul>");
    }

    private static void status(StringBuilder html, String status) {
        String[] text = STATUS.getOrDefault(status, new String[]{status, status});
        html.append("<span class=\"").append(esc(status)).append("\">").append(text[0])
                .append("</span><br><span class=\"en\">").append(text[1]).append("</span>");
    }

    private static String humanSize(Long bytes) {
        if (bytes == null) {
            return "";
        }
        return bytes < 1024 * 1024 ? (bytes / 1024 + 1) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
    }

    static String thaiDate(java.time.Instant at) {
        if (at == null) {
            return "";
        }
        ZonedDateTime t = at.atZone(BANGKOK);
        return String.format("%d/%d/%d %02d:%02d น.", t.getDayOfMonth(), t.getMonthValue(), t.getYear() + 543,
                t.getHour(), t.getMinute());
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
