// Issue 20: on a phone at 3G speed the app's scripts take seconds to arrive, and only then would a
// respondent's page ask for its questionnaire, one round trip after another. This small classic
// script runs as soon as it arrives (beside env.js, before the app) and asks at once; the app's HTTP
// client takes these answers instead of asking again (src/api/early.ts). Public requests without a
// token only. A slip's QR code (`#code=…`) is checked as the app checks it: in the body of
// POST /access-codes/check, never in an address (src/survey/earlyCodeCheck.ts takes the answer).
(function () {
  var env = window.__ITA_ENV__;
  if (!env || typeof env.apiBase !== 'string' || typeof fetch !== 'function') return;
  var api = env.apiBase.trim().replace(/\/+$/, '');
  var parts = window.location.pathname.split('/').slice(1);
  var early = (window.__ITA_EARLY__ = window.__ITA_EARLY__ || {});
  var enc = encodeURIComponent;

  function ask(url) {
    var response = fetch(url, { headers: { Accept: 'application/json, application/problem+json' } });
    // Kept for the app even if it fails: the app then asks again and shows its own message.
    response.catch(function () {});
    early[url] = response;
    return response;
  }

  function questionnaire(roundId, unitCode, instrument) {
    return ask(api + '/survey/rounds/' + enc(roundId) + '/questionnaires/' + instrument + '?unit=' + enc(unitCode));
  }

  function decoded(part) {
    try {
      return decodeURIComponent(part);
    } catch (e) {
      return null;
    }
  }

  // The same rule as the app's normaliseCode (src/survey/flow.ts): 10 symbols, dashes and case ignored.
  function checkQrCode(roundId, unitCode) {
    var raw = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('code');
    var code = raw ? raw.replace(/[\s-]/g, '').toUpperCase() : '';
    if (!/^[2-9A-HJ-NP-Z]{10}$/.test(code)) return;
    var body = JSON.stringify({ roundId: roundId, unitCode: unitCode, code: code.slice(0, 5) + '-' + code.slice(5) });
    var response = fetch(api + '/survey/access-codes/check', {
      method: 'POST',
      headers: { Accept: 'application/json, application/problem+json', 'Content-Type': 'application/json' },
      body: body,
    });
    response.catch(function () {});
    early['check ' + body] = response;
  }

  if (parts.length === 4 && parts[0] === 's' && /^(iit|eit)$/i.test(parts[3])) {
    var roundId = decoded(parts[1]);
    var unitCode = decoded(parts[2]);
    if (roundId && unitCode) {
      questionnaire(roundId, unitCode, parts[3].toUpperCase());
      if (/^iit$/i.test(parts[3])) checkQrCode(roundId, unitCode);
    }
  } else if (parts.length === 2 && parts[0] === 'e' && decoded(parts[1])) {
    // A public EIT link: resolve it, then ask for its questionnaire before the app has started.
    ask(api + '/survey/links/' + enc(decoded(parts[1])))
      .then(function (response) {
        return response.ok ? response.clone().json() : null;
      })
      .then(function (link) {
        if (link && typeof link.roundId === 'string' && typeof link.unitCode === 'string') {
          questionnaire(link.roundId, link.unitCode, 'EIT');
        }
      })
      .catch(function () {});
  }
})();
