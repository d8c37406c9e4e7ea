"""What the quality scripts share (flows.py, places.py, figures.py): the
binary, the gazetteer's tree, the ⟦surface|…⟧ marks of a gold set, `jjj
extract` on a file or a text, and the map from the extractor's body back to
the text it was given."""
import difflib, json, os, re, subprocess, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("JJJ_BIN", os.path.join(ROOT, "target", "release", "jjj"))
TSV = os.path.join(ROOT, "assets", "places.tsv")

parent = {}
for line in open(TSV, encoding="utf-8"):
    if line.startswith("#") or line.startswith("id\t"):
        continue
    c = line.rstrip("\n").split("\t")
    parent[c[0]] = c[4]


def anc(p):
    """The places that hold p, nearest first."""
    out = []
    while p in parent and parent[p]:
        p = parent[p]; out.append(p)
    return out


def near(a, b):
    """The same place, or one holding the other."""
    return a == b or a in anc(b) or b in anc(a)


MARK = re.compile(r"⟦(\??)([^|⟧]+)\|([^⟧]*)⟧")


def parse_marks(ann):
    """The text without its marks, and each mark: start, end (chars of that
    text), surface, optional (⟦?…⟧) and rest (what follows the first |)."""
    plain, marks, pos, last = [], [], 0, 0
    for m in MARK.finditer(ann):
        plain.append(ann[last:m.start()]); pos += m.start() - last
        s = m.group(2)
        marks.append({"start": pos, "end": pos + len(s), "surface": s,
                      "optional": m.group(1) == "?", "rest": m.group(3)})
        plain.append(s); pos += len(s); last = m.end()
    plain.append(ann[last:])
    return "".join(plain), marks


def extract(path):
    """The document `jjj extract PATH --json` prints."""
    out = subprocess.run([BIN, "extract", path, "--json"], capture_output=True,
                         text=True, check=True).stdout
    d = json.loads(out)
    return d.get("document", d)


def extract_text(text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text); path = f.name
    try:
        return extract(path)
    finally:
        os.unlink(path)


def mapping(a, b):
    """Char offset in b -> offset in a, by alignment."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    m = {}
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(j2 - j1):
                m[j1 + k] = i1 + k
    return m


def span_in(mp, span):
    """A span of the extractor's body as (start, end) in the text, or None."""
    ks = [mp[k] for k in range(span["start"], span["end"]) if k in mp]
    return (min(ks), max(ks) + 1) if ks else None
