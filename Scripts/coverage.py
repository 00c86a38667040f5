"""Coverage figures for Scripts/coverage: reads `analyse --format json` output and the
corpus manifest, prints the share of documents with each field found (and right, where
the manifest says), and lists every document that falls short."""
import csv
import json
import re
import sys
from collections import defaultdict

data = json.load(open(sys.argv[1], encoding="utf-8"))
corpus_dir = sys.argv[2].rsplit("/", 1)[0]
manifest = {}
with open(sys.argv[2], encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        manifest[row["file"]] = row

def norm(name):
    name = (name or "").lower().replace("’", "'").replace("-", " ").replace(",", "")
    name = re.sub(r"\s+", " ", name)
    for w in ["city of ", "the "]:
        if name.startswith(w):
            name = name[len(w):]
    name = {"london corporation": "london"}.get(name, name)
    return name.replace(" and ", " & ").replace("&", "and").replace("st. ", "st ").strip()

import datetime


def day(s):
    parts = [int(x) for x in s.split("-")] + [1]
    return datetime.date(parts[0], parts[1], parts[2])


rows = []
for f in data["files"]:
    rel = f["path"].split("/ofsted/")[-1]
    m = manifest.get(rel)
    if m is None or not f["documents"]:
        rows.append((rel, None, m))
        continue
    rows.append((rel, f["documents"][0], m))

checks = defaultdict(lambda: [0, 0])
short = defaultdict(list)

def check(name, ok, rel, why):
    checks[name][1] += 1
    if ok:
        checks[name][0] += 1
    else:
        short[name].append(f"{rel}: {why}")

for rel, d, m in rows:
    if d is None:
        check("parsed", False, rel, "no document")
        continue
    want = {"focused-visit": ("focused-visit-letter", "monitoring-visit-letter"), "inspection": ("inspection-report",)}[m["kind"]]
    check("kind", d["kind"] in want, rel, f"kind {d['kind']}")
    la = d["localAuthority"]
    check("authority found", la is not None, rel, "none")
    if la is not None:
        check("authority right", norm(la) == norm(m["local_authority"]), rel, f"{la!r} vs manifest {m['local_authority']!r}")
    check("date", d["date"] is not None, rel, "none")
    if d["date"]:
        pub = m["published"]
        # A printed letter date is near the publication date (a letter may be dated a
        # few days after the site's publication date); a visit precedes it by weeks.
        gap = (day(pub) - day(d["date"])).days
        ok = -14 <= gap <= 366
        check("date plausible", ok, rel, f"{d['date']} ({d['dateBasis']}) vs published {pub}")
    check("visit dates", len(d["visitDates"]) > 0, rel, "none")
    if d["visitDates"]:
        first, last = d["visitDates"][0], d["visitDates"][-1]
        span = (day(last) - day(first)).days + 1
        before = (day(m["published"]) - day(last)).days
        check("visit dates plausible", 1 <= span <= 35 and -7 <= before <= 240, rel, f"{first}..{last} vs published {m['published']}")
    check("inspectors", len(d["inspectors"]) > 0, rel, "none")
    if d["inspectors"]:
        odd = [n for n in d["inspectors"] if not re.fullmatch(r"[A-Z][\w'’.-]+( [A-Za-z][\w'’.-]+){1,3}", n)]
        check("inspectors look like names", not odd, rel, f"{odd}")
    kinds = {s["kind"] for s in d["segments"] if s["items"]}
    lists = kinds & {"areas-for-improvement", "priority-actions", "recommendations"}
    name = "improvement list (focused visits)" if m["kind"] == "focused-visit" else "improvement list (inspections)"
    # Does the text print such a list at all? A heading line of the domain's wording.
    text = open(corpus_dir + "/" + rel, encoding="utf-8").read()
    printed = re.search(r"(?im)^\f?\s*(what needs to improve|what does the (local authority|lscb) need to improve|"
                        r"areas? for (improvement|development|priority action)|priority and immediate action|recommendations)",
                        text) is not None
    if printed:
        check(name, bool(lists), rel, "the text has a list heading but no list was found")
    else:
        check(name + ", none printed", not lists, rel, "a list was found although the text prints no list heading")
    if d["kind"] == "inspection-report":
        # Reports under the framework of late 2025 grade four areas and print no overall
        # judgement, and an LSCB review judges only the board: nothing should be found for
        # them. A report prints one when a line opens with it (a sentence about the last
        # inspection's judgement does not count).
        overall = re.search(r"(?im)^\f?\s*(overall effectiveness|the overall judgement|the judgement for overall"
                            r"|children.s services in [^.]{1,80}?\b(are|require))", text) is not None
        if overall:
            check("judgements (overall)", "overallEffectiveness" in d["judgements"], rel, f"found {sorted(d['judgements'])}")
        else:
            check("judgements (overall), none printed", "overallEffectiveness" not in d["judgements"], rel,
                  f"an overall judgement was found although the text prints none: {d['judgements']}")
        # The areas' judgements, in the reports that grade them.
        if re.search(r"(?im)^\f?\s*(\d(\.\d)?\.?\s+)?(the )?experiences and progress of", text):
            areas = [k for k in d["judgements"] if k != "overallEffectiveness"]
            check("judgements (areas)", bool(areas), rel, f"found {sorted(d['judgements'])}")

print(f"Coverage over {len(rows)} documents of the shared Ofsted corpus\n")
print("| field | found | share |")
print("|---|---|---|")
for name, (ok, total) in checks.items():
    print(f"| {name} | {ok}/{total} | {100.0 * ok / total:.1f}% |")
for name, items in short.items():
    print(f"\n{name}: {len(items)} short")
    for s in items:
        print("  " + s)
