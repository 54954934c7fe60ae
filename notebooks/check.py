"""Check an executed notebook against the committed one.

Usage: check.py COMMITTED EXECUTED [--update]

Fails (exit 1) if a cell of EXECUTED printed "exit status N" on stderr (a
failed shell command, which GoNB does not count as a failure), or if the
outputs of EXECUTED differ from those of COMMITTED in anything but volatile
fields: execution counts, metadata and standard-error streams (go's download
chatter, timings, warnings). With --update, the outputs of EXECUTED are
written into COMMITTED instead of compared.
"""
import json
import re
import sys


def failed_shell(nb):
    return [i for i, c in enumerate(nb["cells"]) for o in c.get("outputs", [])
            if o.get("output_type") == "stream" and o.get("name") == "stderr"
            and re.search(r"^exit status \d+$", "".join(o["text"]), re.M)]


def stable(cell):
    """The outputs of a cell without their volatile fields."""
    out = []
    for o in cell.get("outputs", []):
        t = o.get("output_type")
        if t == "stream":
            if o.get("name") == "stderr":
                continue
            out.append(("stream", "".join(o["text"])))
        elif t in ("display_data", "execute_result"):
            data = {k: ("".join(v) if isinstance(v, list) else v) for k, v in o.get("data", {}).items()}
            out.append(("display", sorted(data.items())))
        elif t == "error":
            out.append(("error", o.get("ename"), o.get("evalue")))
    return out


def main():
    committed_path, executed_path = sys.argv[1], sys.argv[2]
    update = "--update" in sys.argv[3:]
    committed = json.load(open(committed_path))
    executed = json.load(open(executed_path))
    bad = failed_shell(executed)
    if bad:
        sys.exit(f"FAIL {committed_path}: cells {bad} printed 'exit status N' (a shell command failed)")
    if update:
        for c, e in zip(committed["cells"], executed["cells"]):
            if c["cell_type"] == "code":
                c["outputs"] = [o for o in e.get("outputs", [])
                                if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
                c["execution_count"] = e.get("execution_count")
        with open(committed_path, "w") as f:
            json.dump(committed, f, indent=1, ensure_ascii=False)
            f.write("\n")
        return
    diffs = []
    if len(committed["cells"]) != len(executed["cells"]):
        diffs.append("number of cells")
    for i, (c, e) in enumerate(zip(committed["cells"], executed["cells"])):
        if c.get("source") != e.get("source"):
            diffs.append(f"cell {i}: source")
        elif c["cell_type"] == "code" and stable(c) != stable(e):
            diffs.append(f"cell {i}: outputs")
    if diffs:
        sys.exit(f"FAIL {committed_path}: the committed outputs differ from a fresh execution ({', '.join(diffs)}); "
                 "run notebooks/run.sh --update and review the diff")


if __name__ == "__main__":
    main()
