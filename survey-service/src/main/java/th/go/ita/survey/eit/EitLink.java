package th.go.ita.survey.eit;

/** The public EIT link of one unit in one round, and where its QR images are. */
public record EitLink(String token, String roundId, String unitCode, String url, String qrSvg, String qrPng) {
}
