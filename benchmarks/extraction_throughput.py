"""Throughput and peak memory of the whole extraction pipeline (reading, entities, quotes, claims).

    python benchmarks/extraction_throughput.py [PATH ...] [--words N]

Reads the seed-layout .txt files under PATHs (default: seeds/, plus ../shared/eval/dev when present),
then extracts them over and over until N words (default 300,000) have gone through, in this one process
(one core). Prints words per second and the process's peak resident memory.
"""

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction import Document, extract, parse_seed_text  # noqa: E402
from extraction.gazetteer import first_names, places  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--words", type=int, default=300_000)
    args = parser.parse_args()
    paths = args.paths or [ROOT / "seeds", ROOT.parent / "shared" / "eval" / "dev"]
    texts = [f.read_text(encoding="utf-8") for p in paths if p.exists() for f in sorted(p.glob("*.txt"))]
    if not texts:
        print("no .txt documents found", file=sys.stderr)
        return 1
    documents = [parse_seed_text(text) for text in texts]
    words_per_round = sum(len(d.text.split()) for d in documents)

    load_started = time.perf_counter()
    places(), first_names()  # gazetteers load once per process, like in a server or worker
    load_seconds = time.perf_counter() - load_started

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    words = 0
    started = time.process_time()
    while words < args.words:
        for text in texts:
            words += len(extract(parse_seed_text(text)).document.text.split())
    seconds = time.process_time() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux

    # One very long document: the pipeline must stay linear in an article's length, not only fast on short ones.
    long_document = Document(title="Long", body="\n\n".join(d.body for d in documents * 16),
                             published_at=documents[0].published_at)
    long_words = len(long_document.text.split())
    started = time.process_time()
    extract(long_document)
    long_seconds = time.process_time() - started

    print(f"documents: {len(documents)} ({words_per_round} words), rounds: {words // words_per_round}")
    print(f"gazetteer load: {load_seconds:.2f} s (once per process)")
    print(f"throughput: {words / seconds:,.0f} words/s on one core ({words:,} words in {seconds:.2f} s CPU)")
    print(f"one long document: {long_words / long_seconds:,.0f} words/s ({long_words:,} words in {long_seconds:.2f} s)")
    print(f"peak resident memory: {rss_after / 1024:.0f} MB (grew {(rss_after - rss_before) / 1024:.1f} MB while extracting)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
