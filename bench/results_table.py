#!/usr/bin/env python3
"""Turns the RESULT lines of bench/run.sh into a Markdown table (one row per case).

    results_table.py RESULTS...                  print the table
    results_table.py --into DOC RESULTS...       put it into DOC between the bench-results markers
"""
import io
import statistics
import sys
from contextlib import redirect_stdout

BEGIN = "<!-- bench-results: written by bench/run.sh, do not edit by hand -->"
END = "<!-- end of bench-results -->"


def fields(line):
    parts = line.split()
    kv = {}
    rest = []
    for p in parts[1:]:
        if "=" in p:
            k, v = p.split("=", 1)
            kv[k] = v
        else:
            rest.append(p)
    return rest, kv


def table(paths):
    rows = []
    notes = []
    lines = []
    cold = {}  # (case, label, jvm) -> row index; cold runs (one per fresh JVM) are one row
    for path in paths:
        lines.extend(open(path))
    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("#"):
            notes.append(line[1:].strip())
        elif line.startswith("RESULT"):
            rest, kv = fields(line)
            if kv.get("cold") == "1" and "median_ms" in kv:
                key = (" ".join(rest), kv.get("jvm", ""))
                if key not in cold:
                    cold[key] = len(rows)
                    rows.append({"cold": True, "name": key, "ms": [], "rss": [], "cpu": [], "kv": kv})
                r = rows[cold[key]]
                r["ms"].append(float(kv["median_ms"]))
                if kv.get("cpu_ms"):
                    r["cpu"].append(float(kv["cpu_ms"]))
                if kv.get("peak_rss_kb"):
                    r["rss"].append(int(kv["peak_rss_kb"]))
                r["kv"] = kv
                continue
            value = ("median %s ms" % kv["median_ms"]) if "median_ms" in kv else ""
            if "timeout_s" in kv:
                value = "> %s s (stopped after %s messages)" % (kv["timeout_s"], kv.get("items", "?"))
            if "p99_ms" in kv:
                value += ", p99 %s ms, max %s ms" % (kv["p99_ms"], kv["max_ms"])
            if "ops_per_s" in kv:
                value = "%s ops/s (median run %s ms)" % (kv["ops_per_s"], kv["median_ms"])
            rate = ""
            if "median_ms" in kv and int(kv.get("bytes", "0")) > 0 and "ops_per_s" not in kv:
                rate = "%.0f" % (int(kv["bytes"]) / float(kv["median_ms"]) / 1000)  # 10^6 bytes per second
            rows.append((" ".join(rest), value, kv.get("runs_ms", ""), kv.get("items", ""), kv.get("bytes", ""),
                         rate, kv.get("cpu_ms") or (("%.3f" % (float(kv["cpu_us"]) / 1000)) if "cpu_us" in kv else ""),
                         "", kv.get("load_before", "")))
    for n in notes:
        print("- " + n)
    print()
    print("| case | result | runs (ms) | messages | bytes read | MB/s (median) | CPU ms (median) | peak RSS MB | load before |")
    print("|---|---|---|---:|---:|---:|---:|---:|---|")
    for r in rows:
        if isinstance(r, dict):
            kv = r["kv"]
            name, jvm = r["name"]
            med = statistics.median(r["ms"])
            rate = "%.0f" % (int(kv.get("bytes", "0")) / med / 1000) if int(kv.get("bytes", "0")) > 0 else ""
            rss = "%.0f" % (statistics.median(r["rss"]) / 1024) if r["rss"] else ""
            label = "%s, cold%s" % (name, (" " + jvm) if jvm else "")
            cpu = "%.1f" % statistics.median(r["cpu"]) if r["cpu"] else ""
            r = (label, "median %.1f ms (%d fresh JVMs)" % (med, len(r["ms"])), ",".join("%.1f" % m for m in r["ms"]),
                 kv.get("items", ""), kv.get("bytes", ""), rate, cpu, rss, kv.get("load_before", ""))
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % r)


def into(doc, paths):
    text = open(doc).read()
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        sys.exit("results_table.py: %s has no bench-results markers" % doc)
    out = io.StringIO()
    with redirect_stdout(out):
        table(paths)
    text = text[:start + len(BEGIN)] + "\n\n" + out.getvalue().rstrip() + "\n\n" + text[end:]
    open(doc, "w").write(text)


if __name__ == "__main__":
    if sys.argv[1] == "--into":
        into(sys.argv[2], sys.argv[3:])
    else:
        table(sys.argv[1:])
