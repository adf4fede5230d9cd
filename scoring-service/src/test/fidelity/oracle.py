#!/usr/bin/env python3
"""Builds the fidelity cases (raw answer counts and OIT verdicts) and their expected figures.

The expected figures are computed here with exact fractions straight from the rules in
shared/reference/ita-framework.md, independently of the Java engine: question = mean points over
respondents (reverse questions mirror the scale), indicator = mean of its questions or, for OIT, of its
sub-indicators (each the mean of its items, passed = 100), rounded to 2 decimals half up; instrument =
mean of its printed indicators x weight / 100, rounded once to 2 decimals; total = sum of the shares.
Every case also carries its working in words. Run from scoring-service/: python3 src/test/fidelity/oracle.py
"""
import json, os
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
OUT = os.path.join(ROOT, 'src', 'test', 'resources', 'fidelity')

def load(resource):
    return json.load(open(os.path.join(ROOT, 'src', 'main', 'resources', resource)))

def r2(x):
    """Round a fraction half up to 2 decimals, exactly; returned as a string like '23.28'."""
    n = x * 100
    fl = n.numerator // n.denominator
    v = fl + (1 if n - fl >= F(1, 2) else 0)
    sign = '-' if v < 0 else ''
    v = abs(v)
    return f"{sign}{v // 100}.{v % 100:02d}"

def points(doc, q, option):
    opts = {o['code']: F(str(o['points'])) for o in doc['answerScales'][q['scale']]['options']}
    p = opts[option]
    return max(opts.values()) + min(opts.values()) - p if q.get('reverse') else p

def best(doc, q):
    return max((o['code'] for o in doc['answerScales'][q['scale']]['options']), key=lambda c: points(doc, q, c))

def worst(doc, q):
    return min((o['code'] for o in doc['answerScales'][q['scale']]['options']), key=lambda c: points(doc, q, c))

def questions(doc, instrument):
    ins = next(i for i in doc['instruments'] if i['code'] == instrument)
    return [q for ind in ins['indicators'] for q in ind['questions']]

def oit_subs(doc):
    ins = next(i for i in doc['instruments'] if i['code'] == 'OIT')
    return [(ind['code'], [(s['code'], [it['code'] for it in s['items']]) for s in ind['subIndicators']]) for ind in ins['indicators']]

def expected(doc, answers, verdicts):
    out = {'questions': {}, 'indicators': {}, 'subIndicators': {}, 'instrumentMeans': {}, 'instruments': {}}
    total = F(0)
    for ins in doc['instruments']:
        printed = []
        for ind in ins['indicators']:
            if 'questions' in ind:
                qs = []
                for q in ind['questions']:
                    counts = answers.get(q['code'], {})
                    n = sum(counts.values())
                    m = F(0) if n == 0 else sum(points(doc, q, o) * c for o, c in counts.items()) / n
                    out['questions'][q['code']] = r2(m)
                    qs.append(m)
                ind_score = sum(qs) / len(qs)
            else:
                subs = []
                for s in ind['subIndicators']:
                    sm = sum(F(100) if verdicts.get(it['code']) else F(0) for it in s['items']) / len(s['items'])
                    out['subIndicators'][s['code']] = r2(sm)
                    subs.append(sm)
                ind_score = sum(subs) / len(subs)
            out['indicators'][ind['code']] = r2(ind_score)
            printed.append(F(out['indicators'][ind['code']]))
        mean = sum(printed) / len(printed)
        out['instrumentMeans'][ins['code']] = r2(mean)
        share = r2(mean * F(str(ins['weight'])) / 100)
        out['instruments'][ins['code']] = share
        total += F(share)
    out['total'] = r2(total)
    rating = doc['rating']
    if rating['scheme'] == 'BANDS':
        band = max((b for b in rating['bands'] if total >= F(str(b['min']))), key=lambda b: F(str(b['min'])))
        out['rating'], out['passed'] = band['code'], total >= F(str(rating['passMark']))
    else:
        means = [F(v) for v in out['instrumentMeans'].values()]
        for level in rating['levels']:
            each = level.get('minEachInstrument')
            if total >= F(str(level['minTotal'])) and (each is None or all(m >= F(str(each)) for m in means)):
                out['rating'], out['passed'] = level['code'], level['passed']
                break
    return out

N = 1000  # respondents per IIT/EIT question in the band cases: a question's score moves in steps of 0.1

def uniform(doc, instrument, k):
    """k of N respondents give the best answer to every question and the rest the worst: every question,
    indicator and the instrument's mean are exactly k / 10."""
    return {q['code']: {c: v for c, v in ((best(doc, q), k), (worst(doc, q), N - k)) if v} for q in questions(doc, instrument)}

def verdict_pattern(doc, fails):
    """fails: sub-indicator code -> how many of its first items fail; all other items pass."""
    v = {}
    for _, subs in oit_subs(doc):
        for code, items in subs:
            for i, item in enumerate(items):
                v[item] = i >= fails.get(code, 0)
    return v

def oit_mean(doc, fails):
    ind = []
    for _, subs in oit_subs(doc):
        ind.append(sum(F(100) * (len(items) - fails.get(code, 0)) / len(items) for code, items in subs) / len(subs))
    return sum(F(r2(x)) for x in ind) / len(ind)

def patterns(doc):
    subs = [(code, len(items)) for _, s in oit_subs(doc) for code, items in s]
    # one or two sub-indicators with failures: enough to reach every 0.05 of the OIT share
    out = [{}, {c: n for c, n in subs}]
    for i, (c1, n1) in enumerate(subs):
        for f1 in range(1, n1 + 1):
            out.append({c1: f1})
            for c2, n2 in subs[i + 1:]:
                for f2 in range(1, n2 + 1):
                    out.append({c1: f1, c2: f2})
    return out

def find(doc, total, each_at_least=None, some_below=None):
    """IIT k1/10, EIT k2/10 and an OIT failure pattern whose total is exactly `total`, the three means as
    close together as possible; each_at_least: every instrument mean ≥ it; some_below: at least one < it."""
    target = F(total)
    best_case = None
    for fails in patterns(doc):
        o = oit_mean(doc, fails)
        oshare = F(r2(o * 40 / 100))
        rest = target - oshare  # = 0.03 (k1 + k2)
        if rest < 0 or (rest / F(3, 100)).denominator != 1:
            continue
        ksum = int(rest / F(3, 100))
        lo, hi = max(0, ksum - N), min(N, ksum)
        if lo > hi:
            continue
        near = {ksum // 2, int(o * 10), ksum - int(o * 10), lo, hi}
        if some_below is not None:
            near |= {int(F(some_below) * 10) - 1, ksum - int(F(some_below) * 10) + 1}
        if each_at_least is not None:
            near |= {int(F(each_at_least) * 10), ksum - int(F(each_at_least) * 10)}
        candidates = sorted({k + d for k in near for d in range(-3, 4) if lo <= k + d <= hi})
        for k1 in candidates:
            k2 = ksum - k1
            means = [F(k1, 10), F(k2, 10), o]
            if each_at_least is not None and min(means) < F(each_at_least):
                continue
            if some_below is not None and min(means) >= F(some_below):
                continue
            spread = max(means) - min(means)
            if best_case is None or spread < best_case[0]:
                best_case = (spread, k1, k2, fails)
    assert best_case, (total, each_at_least, some_below)
    return best_case[1:]

def band_case(doc, resource, total, each_at_least=None, some_below=None, label=''):
    k1, k2, fails = find(doc, total, each_at_least, some_below)
    answers = {**uniform(doc, 'IIT', k1), **uniform(doc, 'EIT', k2)}
    verdicts = verdict_pattern(doc, fails)
    exp = expected(doc, answers, verdicts)
    assert exp['total'] == total, (exp['total'], total)
    failing = ', '.join(f"{f} of {c}" for c, f in fails.items()) or 'none'
    working = (f"IIT: {k1} of {N} respondents give the best answer to every question, the rest the worst: every "
               f"question and indicator {F(k1, 10)} → {exp['instruments']['IIT']}; EIT likewise {k2}: → "
               f"{exp['instruments']['EIT']}; OIT items failing: {failing} → mean {exp['instrumentMeans']['OIT']} × 0.4 = "
               f"{exp['instruments']['OIT']}; total {exp['total']} → {exp['rating']}")
    return {'edition': resource, 'title': f"total {total} {label}".strip(), 'working': working,
            'staff': N, 'servicePopulation': 100000, 'respondents': {'IIT': N, 'EIT': N},
            'answers': answers, 'verdicts': verdicts,
            'expect': {k: exp[k] for k in ('indicators', 'instrumentMeans', 'instruments', 'total', 'rating', 'passed')}
                      | {'provisional': False}}

def answer_kinds_case(doc, resource):
    answers = {
        'i1': {'4': 2, '2': 1},            # (100 + 100 + 33) / 3 = 77.67
        'i4': {'Y': 3, 'N': 1},            # yes = something bad happened: (0 + 0 + 0 + 100) / 4 = 25.00
        'i9': {'4': 2, '2': 1},            # reverse: (0 + 0 + 67) / 3 = 22.33
        'i10': {'1': 1, '3': 2},           # reverse: (100 + 33 + 33) / 3 = 55.33
        'e4': {'Y': 1, 'N': 9},            # reverse yes/no: 900 / 10 = 90.00
        'e8': {'Y': 3, 'N': 1},            # a good "yes": 300 / 4 = 75.00
        'e6': {'4': 1, '3': 1, '2': 1, '1': 1},  # (100 + 67 + 33 + 0) / 4 = 50.00
    }
    exp = expected(doc, answers, {})
    return {'edition': resource, 'title': 'yes/no and reverse-scored questions',
            'working': "i1 (100+100+33)/3 = 77.67; i4 yes=bad (0·3+100)/4 = 25.00; i9 reverse (0+0+67)/3 = 22.33; "
                       "i10 reverse (100+33+33)/3 = 55.33; e4 reverse yes/no 900/10 = 90.00; e8 yes good 300/4 = 75.00; "
                       "e6 (100+67+33+0)/4 = 50.00; indicator 1 = (77.67+0+0+25+0+0)/6 → (233/3+25)/6 = 17.11; "
                       "indicator 2 = (22.33+55.33+0·4)/6 → (67/3+166/3)/6 = 12.94; indicator 6 = (0·4+90)/5 = 18.00; "
                       "indicator 7 = (50+0+75+0+0)/5 = 25.00; unanswered questions score 0 and the sheet is provisional",
            'staff': 67, 'servicePopulation': 2500, 'respondents': {'IIT': 4, 'EIT': 10},
            'answers': answers, 'verdicts': {},
            'expect': {'questions': {q: exp['questions'][q] for q in answers},
                       'indicators': {k: exp['indicators'][k] for k in ('1', '2', '6', '7')}, 'provisional': True}}

def half_cent_case(doc, resource):
    # EIT: 10,000 respondents, so a question moves in steps of 0.01; indicators 6, 7 = 77.58 and 8 = 77.59
    n = 10000
    answers = {q['code']: {best(doc, q): n} for q in questions(doc, 'IIT')}
    ins = next(i for i in doc['instruments'] if i['code'] == 'EIT')
    for ind in ins['indicators']:
        k = 7759 if ind['code'] == '8' else 7758
        for q in ind['questions']:
            answers[q['code']] = {best(doc, q): k, worst(doc, q): n - k}
    verdicts = verdict_pattern(doc, {})
    exp = expected(doc, answers, verdicts)
    return {'edition': resource, 'title': 'half a cent at the instrument level',
            'working': "EIT (77.58 + 77.58 + 77.59) / 3 × 30 / 100 = 232.75 / 10 = 23.275 exactly → 23.28 (cutting the "
                       "mean to 10 digits first would give 23.27); IIT 100 → 30.00; OIT all passed → 40.00; total 93.28",
            'staff': n, 'servicePopulation': 100000, 'respondents': {'IIT': n, 'EIT': n},
            'answers': answers, 'verdicts': verdicts,
            'expect': {k: exp[k] for k in ('indicators', 'instrumentMeans', 'instruments', 'total', 'rating', 'passed')}
                      | {'provisional': False}}

def main():
    cases = []
    obec = 'frameworks/OBEC-2566-v2.json'
    doc = load(obec)
    for edge in ('100.00', '95.00', '94.99', '85.00', '84.99', '75.00', '74.99', '65.00', '64.99', '55.00', '54.99',
                 '50.00', '49.99', '0.00'):
        cases.append(band_case(doc, obec, edge))
    cases.append(answer_kinds_case(doc, obec))
    cases.append(half_cent_case(doc, obec))
    for nacc in ('frameworks/NACC-2566.json', 'frameworks/NACC-2567-v2.json', 'frameworks/NACC-2568.json',
                 'frameworks/NACC-2569.json'):
      doc = load(nacc)
      for edge, each, below, label in (
            ('100.00', None, None, ''), ('95.00', '95', None, 'every instrument ≥ 95'),
            ('95.00', '85', '95', 'one instrument below 95'), ('94.99', '85', None, 'every instrument ≥ 85'),
            ('85.00', '85', None, 'every instrument ≥ 85'), ('85.00', None, '85', 'one instrument below 85'),
            ('84.99', None, None, ''), ('70.00', None, None, ''), ('69.99', None, None, ''), ('0.00', None, None, '')):
          cases.append(band_case(doc, nacc, edge, each, below, label))
      cases.append(answer_kinds_case(doc, nacc))
      cases.append(half_cent_case(doc, nacc))
    # FY2568's real case in the reference: total 94.64 rated ผ่าน, not ผ่านดี, because EIT was below 85;
    # 94.64 itself is not reachable in this case's steps of 0.03, so the case is 94.63
    doc = load('frameworks/NACC-2568.json')
    cases.append(band_case(doc, 'frameworks/NACC-2568.json', '94.63', None, '85', 'one instrument below 85 as reported'))
    names = []
    for i, case in enumerate(cases):
        edition = case['edition'].split('/')[1].removesuffix('.json')
        name = f"{edition}/{i:02d}-{case['title'].replace(' ', '-').replace('/', '-').replace('≥', 'ge')}.json"
        os.makedirs(os.path.join(OUT, edition), exist_ok=True)
        with open(os.path.join(OUT, name), 'w') as f:
            json.dump(case, f, ensure_ascii=False, indent=1)
            f.write('\n')
        names.append(name)
    with open(os.path.join(OUT, 'cases.txt'), 'w') as f:
        f.write('\n'.join(names) + '\n')
    for c in cases:
        print(c['edition'], c['title'], c['expect'].get('total'), c['expect'].get('rating'), '|', c['working'][:150])

main()
