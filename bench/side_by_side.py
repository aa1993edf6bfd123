#!/usr/bin/env python3
"""Sets a report beside its baseline's: side_by_side.py THIS.md BASELINE.md (both written by bench/run.sh's measure).

Prints THIS with each number of a table row followed by the baseline's figure in the same place (the row
with the same first cell, in the section with the same heading) and the ratio this / baseline:
"1.38 s (baseline 1.52 s, 0.91×)". A row or a figure the baseline lacks gets "(baseline —)". Lines
outside tables that carry figures (load averages, the Python paragraph) are followed by the baseline's line.
"""
import re, sys

NUMBER = re.compile(r"^\s*(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?P<unit>[a-zµ]*)\s*$")

def sections(text):
    result, name = {}, ""
    for line in text.splitlines():
        if line.startswith("## "): name = line
        result.setdefault(name, []).append(line)
    return result

def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]

def value(cell):
    m = NUMBER.match(cell.replace("**", ""))
    return (float(m["num"].replace(",", "")), m["unit"]) if m else None

def main():
    this, base = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8").read()
    base_sections = sections(base)
    for name, lines in sections(this).items():
        base_lines = base_sections.get(name, [])
        base_rows = {cells(l)[0]: cells(l) for l in base_lines if l.startswith("|")}
        header = None
        for line in lines:
            if not line.startswith("|"):
                header = None
                print(line)
                if re.search(r"[0-9]", line) and not line.startswith("#") and line in base_lines:
                    continue
                if re.search(r"load average|wall time|less wall time", line):
                    twin = next((b for b in base_lines if b.split(":")[0] == line.split(":")[0] and b != line), None)
                    if twin: print(f"(baseline: {twin})")
                continue
            row = cells(line)
            if header is None or set(line) <= set("|-: "):
                header = header or row
                print(line)
                continue
            twin = base_rows.get(row[0])
            out = [row[0]]
            for i, cell in enumerate(row[1:], 1):
                mine = value(cell)
                theirs = value(twin[i]) if twin and i < len(twin) else None
                if mine is None:
                    out.append(cell)
                elif theirs is None:
                    out.append(f"{cell} (baseline —)")
                else:
                    ratio = f", {mine[0] / theirs[0]:.2f}×" if theirs[0] and mine[1] == theirs[1] else ""
                    out.append(f"{cell} (baseline {twin[i]}{ratio})")
            print("| " + " | ".join(out) + " |")
        header = None

if __name__ == "__main__":
    main()
