#!/usr/bin/env python3
"""Measure article extraction on a set of real pages kept OUTSIDE the repository.

usage:  JJJ_PAGES=DIR [JJJ_BIN=target/debug/jjj] python3 measure.py dev|heldout [--only jjj,gne,...] [--details FILE]

DIR holds pages/NNN.html (or .txt), truth/NNN.json (written by reading each page:
title, date, author, body, has_article), dev.txt and heldout.txt (see split.py).
The reference extractors come from PyPI: pip install readability-lxml trafilatura gne
(GNE is GPL-3.0: it is only measured against, never shipped). See QUALITY.md.

For every page id in <split>.txt it runs
  jjj          $JJJ_BIN extract FILE --json   (exit 1 = refused)
  readability  readability-lxml Document(html).summary() / short_title()
  trafilatura  trafilatura.bare_extraction(html, with_metadata=True)
  gne          gne.GeneralNewsExtractor().extract(html)
and compares with truth/NNN.json.

Text-excerpt pages (pages/NNN.txt): jjj gets the .txt file as is; the three
HTML-only reference extractors get the same text wrapped as
<html><body><p>line</p>...</body></html> (HTML-escaped, one <p> per line).

Metrics (per extractor):
  body F1      character 4-gram shingles of the text with ALL whitespace removed,
               F1 of the two shingle multisets (Counter intersection); averaged
               over pages whose truth has_article is true (a refused page = 0).
  refused      pages with has_article true where the extractor gave no body.
  false acc.   pages with has_article false where it still gave a body.
  date         only pages with a truth date count: correct / wrong (a different
               date) / missed (no date). Dates are normalised to YYYY-MM-DD from
               the first Y-M-D looking pattern in the extractor's string.
  author       only pages with a truth author: exact match after collapsing
               whitespace (several names joined by one space).
  title        only pages with a truth title: exact match after trimming and
               collapsing whitespace.
Per-page details are written to results/<split>.json.
"""
import argparse, html as htmlmod, json, os, re, subprocess, sys, time
from collections import Counter

ROOT = os.environ.get('JJJ_PAGES') or sys.exit('set JJJ_PAGES to the folder of pages and truth (see QUALITY.md)')
JJJ = os.environ.get('JJJ_BIN', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../target/debug/jjj'))
WS = re.compile(r'[\s\u3000\xa0\u200b\ufeff]+')


# ---------------------------------------------------------------- helpers
def decode(b):
    """utf-8 if it decodes strictly, else the declared charset, else gb18030."""
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        pass
    m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', b[:5000])
    if m:
        enc = m.group(1).decode('ascii', 'replace').lower()
        if enc in ('gb2312', 'gbk'):
            enc = 'gb18030'
        try:
            return b.decode(enc)
        except Exception:
            pass
    return b.decode('gb18030', 'replace')


def shingles(text, n=4):
    t = WS.sub('', text or '')
    if len(t) < n:
        return Counter([t]) if t else Counter()
    return Counter(t[i:i + n] for i in range(len(t) - n + 1))


def f1(pred, gold):
    p, g = shingles(pred), shingles(gold)
    if not p or not g:
        return 0.0
    inter = sum((p & g).values())
    if inter == 0:
        return 0.0
    prec, rec = inter / sum(p.values()), inter / sum(g.values())
    return 2 * prec * rec / (prec + rec)


DATE_RES = [
    re.compile(r'((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})'),
]


def norm_date(s):
    if s is None:
        return None
    s = str(s).strip()
    if not s:
        return None
    if re.fullmatch(r'\d{10}(\d{3})?', s):  # unix timestamp
        import datetime
        ts = int(s[:10])
        return (datetime.datetime.utcfromtimestamp(ts) + datetime.timedelta(hours=8)).strftime('%Y-%m-%d')
    for r in DATE_RES:
        m = r.search(s)
        if m:
            y, mo, d = map(int, m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f'{y:04d}-{mo:02d}-{d:02d}'
    return 'UNPARSED:' + s[:40]


def norm_ws(s):
    if s is None:
        return None
    s = WS.sub(' ', str(s)).strip()
    return s or None


def nonempty(s):
    return bool(s and WS.sub('', s))


# ---------------------------------------------------------------- extractors
def run_jjj(path, raw):
    try:
        p = subprocess.run([JJJ, 'extract', path, '--json'], capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return dict(error='timeout')
    if p.returncode != 0:
        msg = (p.stderr or p.stdout).decode('utf-8', 'replace').strip()
        return dict(error=f'exit {p.returncode}: {msg[:300]}')
    d = json.loads(p.stdout.decode('utf-8'))
    return dict(title=d.get('title'), date=d.get('date'), author=d.get('author'), body=d.get('body'))


def run_readability(path, raw):
    from readability import Document
    import lxml.html
    doc = Document(raw)
    summ = doc.summary(html_partial=True)
    body = lxml.html.fromstring(summ).text_content() if summ.strip() else ''
    return dict(title=doc.short_title(), date=None, author=None, body=body)


def run_trafilatura(path, raw):
    import trafilatura
    d = trafilatura.bare_extraction(raw, with_metadata=True)
    if d is None:
        return dict(title=None, date=None, author=None, body=None)
    if not isinstance(d, dict):
        d = d.as_dict() if hasattr(d, 'as_dict') else vars(d)
    return dict(title=d.get('title'), date=d.get('date'), author=d.get('author'), body=d.get('text'))


_GNE = None


def run_gne(path, raw):
    global _GNE
    from gne import GeneralNewsExtractor
    if _GNE is None:
        _GNE = GeneralNewsExtractor()
    d = _GNE.extract(raw)
    return dict(title=d.get('title'), date=d.get('publish_time'), author=d.get('author'), body=d.get('content'))


EXTRACTORS = dict(jjj=run_jjj, readability=run_readability, trafilatura=run_trafilatura, gne=run_gne)


def available(name):
    try:
        if name == 'jjj':
            return os.access(JJJ, os.X_OK)
        __import__({'readability': 'readability', 'trafilatura': 'trafilatura', 'gne': 'gne'}[name])
        return True
    except Exception as e:  # package missing: say so, measure the rest
        print(f'note: {name} not available ({e}); skipped', file=sys.stderr)
        return False


# ---------------------------------------------------------------- main
def page_input(pid):
    for ext in ('html', 'txt'):
        path = os.path.join(ROOT, 'pages', f'{pid}.{ext}')
        if os.path.exists(path):
            b = open(path, 'rb').read()
            if ext == 'html':
                return path, decode(b), True
            text = decode(b)
            wrapped = '<html><head><meta charset="utf-8"></head><body>\n' + '\n'.join(
                f'<p>{htmlmod.escape(l)}</p>' for l in text.split('\n')) + '\n</body></html>'
            return path, wrapped, False
    raise FileNotFoundError(pid)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('split', choices=['dev', 'heldout', 'all'])
    ap.add_argument('--only', default='')
    ap.add_argument('--details', default=None)
    a = ap.parse_args()
    if a.split == 'all':
        ids = sorted(set(open(os.path.join(ROOT, 'dev.txt')).read().split()) |
                     set(open(os.path.join(ROOT, 'heldout.txt')).read().split()))
    else:
        ids = open(os.path.join(ROOT, f'{a.split}.txt')).read().split()
    names = [n for n in (a.only.split(',') if a.only else EXTRACTORS) if available(n)]
    truth = {i: json.load(open(os.path.join(ROOT, 'truth', f'{i}.json'), encoding='utf-8')) for i in ids}
    details = {n: {} for n in names}
    secs = Counter()
    for pid in ids:
        path, raw, is_html = page_input(pid)
        for n in names:
            t0 = time.time()
            try:
                out = EXTRACTORS[n](path, raw)
            except Exception as e:
                out = dict(error=f'{type(e).__name__}: {e}'[:300])
            secs[n] += time.time() - t0
            tr = truth[pid]
            body = out.get('body')
            r = dict(html=is_html, error=out.get('error'),
                     title=norm_ws(out.get('title')), date_raw=out.get('date'), date=norm_date(out.get('date')),
                     author=norm_ws(out.get('author')), body_len=len(WS.sub('', body or '')),
                     has_body=nonempty(body))
            r['f1'] = round(f1(body, tr['body']), 4) if tr['has_article'] else None
            r['body_head'] = WS.sub(' ', body or '')[:120]
            r['body_tail'] = WS.sub(' ', body or '')[-80:]
            details[n][pid] = r

    # ------------------------------------------------------------ table
    rows = []
    for n in names:
        D = details[n]
        art = [p for p in ids if truth[p]['has_article']]
        noart = [p for p in ids if not truth[p]['has_article']]
        f1s = [D[p]['f1'] for p in art]
        f1_html = [D[p]['f1'] for p in art if D[p]['html']]
        f1_txt = [D[p]['f1'] for p in art if not D[p]['html']]
        refused = sum(1 for p in art if not D[p]['has_body'])
        falseacc = sum(1 for p in noart if D[p]['has_body'])
        dated = [p for p in art if truth[p]['date']]
        dc = sum(1 for p in dated if D[p]['date'] == truth[p]['date'])
        dmiss = sum(1 for p in dated if not D[p]['date'])
        dwrong = len(dated) - dc - dmiss
        dspur = sum(1 for p in art if not truth[p]['date'] and D[p]['date'])
        auth = [p for p in art if truth[p]['author']]
        ac = sum(1 for p in auth if D[p]['author'] == norm_ws(truth[p]['author']))
        aspur = sum(1 for p in art if not truth[p]['author'] and D[p]['author'])
        titled = [p for p in ids if truth[p]['title']]
        tc = sum(1 for p in titled if D[p]['title'] == norm_ws(truth[p]['title']))
        mean = lambda xs: sum(xs) / len(xs) if xs else float('nan')
        rows.append([n, len(ids), f'{mean(f1s):.3f}', f'{mean(f1_html):.3f}', f'{mean(f1_txt):.3f}',
                     f'{refused}/{len(art)}', f'{falseacc}/{len(noart)}',
                     f'{dc}/{len(dated)}', f'{dwrong}', f'{dmiss}', f'{dspur}',
                     f'{ac}/{len(auth)}', f'{aspur}', f'{tc}/{len(titled)}', f'{secs[n]:.1f}'])
    hdr = ['extractor', 'pages', 'body F1', 'F1 html', 'F1 text', 'refused', 'false acc.',
           'date ok', 'date wrong', 'date missed', 'date spurious', 'author ok', 'author spurious', 'title ok', 'secs']
    w = [max(len(str(r[i])) for r in rows + [hdr]) for i in range(len(hdr))]
    line = lambda r: '| ' + ' | '.join(str(c).ljust(w[i]) for i, c in enumerate(r)) + ' |'
    print(f'split: {a.split} ({len(ids)} pages: {sum(1 for p in ids if truth[p]["has_article"])} with an article, '
          f'{sum(1 for p in ids if truth[p]["date"])} with a truth date, '
          f'{sum(1 for p in ids if truth[p]["author"])} with a truth author, '
          f'{sum(1 for p in ids if truth[p]["title"])} with a truth title)')
    print(line(hdr))
    print('|' + '|'.join('-' * (x + 2) for x in w) + '|')
    for r in rows:
        print(line(r))
    os.makedirs(os.path.join(ROOT, 'results'), exist_ok=True)
    out = a.details or os.path.join(ROOT, 'results', f'{a.split}.json')
    json.dump(dict(split=a.split, table=[dict(zip(hdr, r)) for r in rows], pages=details,
                   truth={p: {k: truth[p][k] for k in ('title', 'date', 'author', 'has_article')} for p in ids}),
              open(out, 'w', encoding='utf-8'), ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
