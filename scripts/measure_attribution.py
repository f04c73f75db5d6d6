"""Measure how often each attribution method names the right source, and write the confidence table.

    python manage.py extract ../shared/eval/dev/*.txt --output-dir PRED/dev
    python manage.py extract ../shared/eval/external/polnear-dev/inputs/*.txt --output-dir PRED/polnear-dev
    python scripts/measure_attribution.py PRED [--eval ../shared/eval] [--write]

Judges every direct quote of the dev articles and of PolNeAR's dev split, and every claim of the dev
articles, with the scorers of ../shared/eval (their matching rules, not ours), groups the verdicts by the
`attribution` each item records, and prints the accuracy of each method. With --write it stores them in
extraction/data/attribution_confidence.tsv, which the extractor serves as each item's `confidence`.
Only counts leave the evaluation sets: no text of theirs is written anywhere.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "extraction" / "data" / "attribution_confidence.tsv"
# A method judged on fewer items than this borrows the accuracy of all items together.
MIN_JUDGED = 10


def load(path: Path, name: str):
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def judge_dev(score, gold_dir: Path, pred_dir: Path, right: Counter, judged: Counter) -> None:
    for gold_file in sorted(gold_dir.glob("*.json")):
        pred_file = pred_dir / gold_file.name
        if not pred_file.exists():
            continue
        gold, pred = json.loads(gold_file.read_text()), json.loads(pred_file.read_text())
        names = score.gold_name_index(gold)
        quotes = [q for q in pred.get("quotes", []) if q.get("kind") == "direct"]
        for item in [q for q in gold.get("quotes", []) if q.get("kind", "direct") == "direct"]:
            best = max(quotes, key=lambda q: score.token_f1(q["text"], item["text"]), default=None)
            if best is None or score.token_f1(best["text"], item["text"]) < 0.6 or not best.get("speaker"):
                continue
            speaker = item.get("speaker")
            tally(best, score.person_match(best["speaker"], speaker, names.get(speaker, [speaker])), right, judged)
        claims = pred.get("claims", [])
        for item in gold.get("claims", []):
            if item.get("value") is None:
                continue
            same = [c for c in claims if c.get("value") == item["value"] and c.get("claimant")
                    and score.unit_head(c.get("unit")) == score.unit_head(item.get("unit"))]
            if same:
                claimant = item.get("claimant")
                ok = score.person_match(same[0]["claimant"], claimant, names.get(claimant, [claimant]))
                tally(same[0], ok, right, judged)


def judge_polnear(scorer, gold_dir: Path, pred_dir: Path, right: Counter, judged: Counter) -> None:
    for gold_file in sorted(gold_dir.glob("*.json")):
        pred_file = pred_dir / gold_file.name
        if not pred_file.exists():
            continue
        gold, pred = json.loads(gold_file.read_text()), json.loads(pred_file.read_text())
        quotes = [q for q in pred.get("quotes", []) if q.get("kind") in ("direct", "partial")]
        aliases = {e["name"]: e.get("aliases", []) for e in pred.get("entities", [])}

        def overlap(a, b):
            return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))

        for item in gold["quotes"]:
            if not item.get("source_names") and not item.get("source_text"):
                continue
            best = max(quotes, key=lambda q: overlap(q, item), default=None)
            if best is None or not overlap(best, item) or not best.get("speaker"):
                continue
            verdict = scorer.speaker_verdict(item, best, aliases)
            if verdict.startswith("weak"):
                continue  # a pronoun source the corpus never resolved: its truth is unknown
            tally(best, verdict.startswith("right"), right, judged)


def tally(item: dict, ok: bool, right: Counter, judged: Counter) -> None:
    method = item.get("attribution")
    if not method:
        return
    judged[method] += 1
    right[method] += ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pred", type=Path, help="folder with dev/ and polnear-dev/ predictions")
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--write", action="store_true", help=f"write {TABLE.name}")
    args = parser.parse_args()
    right, judged = Counter(), Counter()
    judge_dev(load(args.eval / "score.py", "score"), args.eval / "dev", args.pred / "dev", right, judged)
    judge_polnear(load(args.eval / "external" / "score_polnear.py", "score_polnear"),
                  args.eval / "external" / "polnear-dev" / "gold", args.pred / "polnear-dev", right, judged)
    overall = sum(right.values()) / max(sum(judged.values()), 1)
    rows = []
    for method in sorted(judged, key=lambda m: -judged[m]):
        accuracy = right[method] / judged[method] if judged[method] >= MIN_JUDGED else overall
        rows.append((method, accuracy, right[method], judged[method]))
    print(f"{'method':<14} {'confidence':>10} {'right':>6} {'judged':>7}")
    for method, accuracy, ok, n in rows:
        print(f"{method:<14} {accuracy:>10.2f} {ok:>6} {n:>7}")
    print(f"{'all':<14} {overall:>10.2f} {sum(right.values()):>6} {sum(judged.values()):>7}")
    if args.write:
        lines = ["# method\tconfidence\tright\tjudged  (scripts/measure_attribution.py --write regenerates this)"]
        lines += [f"{m}\t{a:.2f}\t{ok}\t{n}" for m, a, ok, n in rows]
        lines.append(f"*\t{overall:.2f}\t{sum(right.values())}\t{sum(judged.values())}")
        TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {TABLE}")


if __name__ == "__main__":
    main()
