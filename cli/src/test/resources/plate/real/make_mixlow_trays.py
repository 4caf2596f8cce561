"""Rebuilds the plate-reader-style grids of the real mixlow A549 trays from the long table.

Input: mixlow_A549_topotecan_vincristine_ray_long.csv (copied from
../shared/data/synergy/real/mixlow_A549_topotecan_vincristine_ray/), whose `source` column names
the tray, row and column of every well (cran/mixlow inst/exdata/A549_vin_topo_data.txt).
Each 6 x 12 tray is placed in rows A-F of a 96-well grid (rows G-H empty: not used).
"""
import csv, re, collections

rows = list(csv.DictReader(open("mixlow_A549_topotecan_vincristine_ray_long.csv")))
trays = collections.OrderedDict()
conc = {}
for r in rows:
    m = re.search(r"tray=(\w+?_tr\d).*row=(\d+) col=(\d+)", r["source"])
    tray, row, col = m.group(1), int(m.group(2)), int(m.group(3))
    trays.setdefault(tray, {})[(row, col)] = r["response"]
    conc[(tray.split("_")[0], row, col)] = (r["conc1"], r["conc2"])

for kind, drug in (("topo", "topotecan"), ("vin", "vincristine")):
    with open(f"mixlow_{drug}_trays.csv", "w") as f:
        f.write("REAL DATA: cran/mixlow A549 cell counts (raw), trays rebuilt from the long table\n\n")
        for tray in [t for t in trays if t.startswith(kind + "_")]:
            f.write(tray + "\n")
            f.write("," + ",".join(str(c) for c in range(1, 13)) + "\n")
            for r in range(1, 9):
                vals = [trays[tray].get((r, c), "") for c in range(1, 13)]
                f.write(chr(64 + r) + "," + ",".join(vals) + "\n")
            f.write("\n")
    with open(f"mixlow_{drug}_map.csv", "w") as f:
        f.write("well,role,drug1,conc1,unit\n")
        for r in range(1, 7):
            for c in range(1, 13):
                c1, c2 = conc[(kind, r, c)]
                d = c1 if kind == "topo" else c2
                if c <= 2:
                    f.write(f"{chr(64 + r)}{c},vehicle,,,\n")
                else:
                    f.write(f"{chr(64 + r)}{c},sample,{drug},{d},ug/ml\n")
