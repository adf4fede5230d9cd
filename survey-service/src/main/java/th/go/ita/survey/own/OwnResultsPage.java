package th.go.ita.survey.own;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The public results of an own survey as one plain HTML page: no script and no external file, so
 * it reads in any browser, prints as it looks, and stays meaningful when saved or attached as OIT
 * evidence. Thai first with English beneath. Every text that staff typed (title, questions,
 * options, unit name) is escaped: the page is public and those texts are not ours.
 */
final class OwnResultsPage {

    private static final DateTimeFormatter THAI_DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.forLanguageTag("th-TH"));
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private static final String STYLE = """
            body{font-family:Sarabun,"Noto Sans Thai",Tahoma,sans-serif;max-width:50rem;margin:0 auto;padding:1rem;\
            color:#1a1a1a;line-height:1.5}
            h1{font-size:1.5rem;margin:.25rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .25rem}
            .en{color:#555;margin:0}.kind{margin:0;color:#555}.meta{margin:.75rem 0}
            .notice{border:1px solid #b36b00;background:#fff7e6;padding:.5rem .75rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}
            th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
            td.n{text-align:right;white-space:nowrap;width:6rem}
            .bar{display:block;height:.5rem;background:#1f5fa8;margin-top:.2rem;\
            -webkit-print-color-adjust:exact;print-color-adjust:exact}
            section{break-inside:avoid}footer{margin-top:2rem;font-size:.9rem;color:#444}
            @media print{body{max-width:none;padding:0}a{color:inherit;text-decoration:none}}
            """;

    private OwnResultsPage() {
    }

    static String results(OwnSurvey.Results results, String address, LocalDate asOf) {
        StringBuilder html = new StringBuilder(8192);
        String titleTh = results.title().get("th");
        head(html, titleTh + " · " + th("page.kind"), true);
        html.append("<header>\n<p class=\"kind\">").append(slashed("page.kind")).append("</p>\n");
        html.append("<h1>").append(esc(titleTh)).append("</h1>\n");
        english(html, results.title());
        html.append("<p class=\"meta\"><strong>").append(esc(results.unitName().get("th"))).append("</strong>");
        if (results.unitName().containsKey("en")) {
            html.append(" <span lang=\"en\">(").append(esc(results.unitName().get("en"))).append(")</span>");
        }
        html.append("<br>").append(slashed("page.state." + results.state().name()))
                .append("<br>").append(esc(th("export.responses"))).append(" <strong>").append(results.responses())
                .append("</strong> ").append(esc(th("page.people")))
                .append(" <span lang=\"en\">/ ").append(esc(en("export.responses"))).append(": ")
                .append(results.responses()).append("</span></p>\n</header>\n<main>\n");
        if (results.breakdownHidden()) {
            html.append("<p class=\"notice\">").append(stacked("export.hidden")).append("</p>\n");
        }
        int number = 0;
        for (OwnSurvey.QuestionResult q : results.questions()) {
            question(html, ++number, q, results.breakdownHidden());
        }
        html.append("</main>\n<footer>\n<p>").append(stacked("page.anonymous")).append("</p>\n<p>")
                .append(esc(th("page.as-of"))).append(' ').append(esc(thaiDate(asOf)))
                .append(" <span lang=\"en\">/ ").append(esc(en("page.as-of"))).append(' ')
                .append(esc(asOf.format(ENGLISH_DATE))).append("</span><br>")
                .append(slashed("page.address")).append(": <a href=\"").append(esc(address)).append("\">")
                .append(esc(address)).append("</a></p>\n</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    static String notFound() {
        StringBuilder html = new StringBuilder(2048);
        head(html, th("page.not-found.title"), false);
        html.append("<main>\n<h1>").append(esc(th("page.not-found.title"))).append("</h1>\n<p>")
                .append(esc(th("page.not-found.body"))).append("</p>\n<h2 lang=\"en\">")
                .append(esc(en("page.not-found.title"))).append("</h2>\n<p lang=\"en\">")
                .append(esc(en("page.not-found.body"))).append("</p>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void question(StringBuilder html, int number, OwnSurvey.QuestionResult q, boolean hidden) {
        html.append("<section>\n<h2>").append(esc(th("export.question"))).append(' ').append(number).append(". ")
                .append(esc(q.text().get("th"))).append("</h2>\n");
        english(html, q.text());
        if (hidden) {
            html.append("</section>\n");
            return;
        }
        html.append("<p>").append(esc(th("page.answered"))).append(' ').append(q.answered()).append(' ')
                .append(esc(th("page.people"))).append(" <span lang=\"en\">/ ").append(esc(en("page.answered")))
                .append(": ").append(q.answered()).append("</span>");
        if (q.mean() != null) {
            html.append("<br><strong>").append(esc(th("page.mean"))).append(' ').append(q.mean().toPlainString())
                    .append("</strong> <span lang=\"en\">/ ").append(esc(en("page.mean"))).append(": ")
                    .append(q.mean().toPlainString()).append("</span>");
        }
        html.append("</p>\n");
        if (q.options() == null) {
            // Short texts never leave the office: the public page says so instead of showing them.
            html.append("<p class=\"en\">").append(stacked("page.texts-private")).append("</p>\n</section>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th scope=\"col\">").append(slashed("export.option"))
                .append("</th><th scope=\"col\">").append(slashed("export.count"))
                .append("</th><th scope=\"col\">").append(slashed("export.percent")).append("</th></tr></thead>\n<tbody>\n");
        for (OwnSurvey.OptionCount option : q.options()) {
            BigDecimal percent = OwnResults.percent(option.count(), q.answered());
            String shown = percent == null ? "–" : percent.toPlainString();
            html.append("<tr><td>").append(esc(option.label().get("th")));
            if (option.label().containsKey("en")) {
                html.append(" <span lang=\"en\" class=\"en\">(").append(esc(option.label().get("en"))).append(")</span>");
            }
            html.append("</td><td class=\"n\">").append(option.count()).append("</td><td class=\"n\">").append(shown);
            if (percent != null) {
                html.append("<span class=\"bar\" style=\"width:").append(percent.toPlainString()).append("%\"></span>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    /** @param indexable disclosed results may be found by search engines, like the OIT pages; a 404 not */
    private static void head(StringBuilder html, String title, boolean indexable) {
        html.append("<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append(indexable ? "" : "<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
    }

    /** A fixed text in Thai, then in English after a slash. */
    private static String slashed(String key) {
        return esc(th(key)) + " <span lang=\"en\">/ " + esc(en(key)) + "</span>";
    }

    /** A fixed text in Thai, with English on the line below. */
    private static String stacked(String key) {
        return esc(th(key)) + "<br><span lang=\"en\">" + esc(en(key)) + "</span>";
    }

    private static void english(StringBuilder html, Map<String, String> texts) {
        if (texts.containsKey("en")) {
            html.append("<p class=\"en\" lang=\"en\">").append(esc(texts.get("en"))).append("</p>\n");
        }
    }

    /** Buddhist era, as Thai official documents date things: 1 ธันวาคม 2569. */
    static String thaiDate(LocalDate day) {
        return day.format(THAI_DAY_MONTH) + " " + (day.getYear() + 543);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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

    private static String th(String key) {
        return OwnTexts.th(key);
    }

    private static String en(String key) {
        return OwnTexts.en(key);
    }
}
