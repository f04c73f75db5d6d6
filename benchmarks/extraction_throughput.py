"""Extraction speed beside its statistical base, and its cost on adversarial inputs as they double.

    python benchmarks/extraction_throughput.py [PATH ...] [--words N] [--sizes 25000,50000,100000,200000]

1. Throughput, in one run on the same texts (the seed-layout .txt files under PATHs; default seeds/ and
   ../shared/eval/dev): words per second of the bare spaCy pipeline (`nlp.pipe`) and of the whole
   extractor, on one core and on two (`n_process=2`; a pool of two worker processes), and their ratio.
2. Linear time: for each adversarial input (capitalised runs, speech verbs, a flood of short sentences,
   digits, quotation marks) at each size, the seconds extraction takes and the factor each doubling
   costs (linear is 2.0), then the peak memory of a 1 MB document.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction import Document, extract, parse_seed_text  # noqa: E402
from extraction.nlp import load_pipeline  # noqa: E402

ADVERSARIAL = {
    "capitalised runs": "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu ",
    "speech verbs": "said ",
    "short sentences": "He said so. ",
    "digits": "12 34,567 8.9 1,000 42 ",
    "quotation marks": '"a" “b” \'c\' ',
}


def read_documents(paths: list[Path]) -> list[Document]:
    files = [f for p in paths if p.exists() for f in sorted(p.glob("*.txt"))]
    return [parse_seed_text(f.read_text(encoding="utf-8")) for f in files]


def _extract_words(document: Document) -> int:
    extract(document)
    return len(document.text.split())


def _warm() -> None:
    load_pipeline()


def throughput(documents: list[Document], words_wanted: int) -> None:
    texts = [d.text for d in documents]
    words_per_round = sum(len(t.split()) for t in texts)
    rounds = max(1, words_wanted // words_per_round)
    batch = documents * rounds
    words = words_per_round * rounds
    nlp = load_pipeline()
    extract(documents[0])  # loads the gazetteers and the pipeline once, as a server or worker does

    results = {}
    started = time.perf_counter()
    for _ in nlp.pipe((d.text for d in batch), batch_size=64):
        pass
    results["bare model, 1 core"] = words / (time.perf_counter() - started)
    started = time.perf_counter()
    for document in batch:
        extract(document)
    results["whole extractor, 1 core"] = words / (time.perf_counter() - started)
    started = time.perf_counter()
    for _ in nlp.pipe((d.text for d in batch), batch_size=64, n_process=2):
        pass
    results["bare model, 2 processes"] = words / (time.perf_counter() - started)
    with multiprocessing.get_context("fork").Pool(2, initializer=_warm) as pool:
        pool.map(_warm_task, range(2))
        started = time.perf_counter()
        pool.map(_extract_words, batch, chunksize=4)
        results["whole extractor, 2 processes"] = words / (time.perf_counter() - started)

    print(f"throughput on {len(documents)} documents x {rounds} rounds = {words:,} words")
    print(f"  {'setup':<30} {'words/s':>9}")
    for name, rate in results.items():
        print(f"  {name:<30} {rate:>9,.0f}")
    for cores in ("1 core", "2 processes"):
        ratio = results[f"whole extractor, {cores}"] / results[f"bare model, {cores}"]
        print(f"  whole extractor / bare model, {cores}: {ratio:.2f}")


def _warm_task(_: int) -> None:
    load_pipeline()


# Each size is timed this many times and the fastest run kept, in CPU seconds of this process: on a shared
# machine wall-clock time carries the other processes' time, not the extractor's.
LINEAR_TIME_REPEATS = 3


def linear_time(sizes: list[int]) -> None:
    print("\nlinear time: CPU seconds per input size (fastest of "
          f"{LINEAR_TIME_REPEATS}), and the factor of each doubling (linear is 2.0)")
    print(f"  {'input':<18} " + " ".join(f"{size // 1000:>7} KB" for size in sizes) + "   doubling factors")
    for name, unit in ADVERSARIAL.items():
        seconds = []
        for size in sizes:
            body = (unit * (size // len(unit) + 1))[:size]
            document = Document(title="Adversarial input", body=body, published_at=None)
            runs = []
            for _ in range(LINEAR_TIME_REPEATS):
                started = time.process_time()
                extract(document)
                runs.append(time.process_time() - started)
            seconds.append(min(runs))
        factors = [later / earlier for earlier, later in zip(seconds, seconds[1:], strict=False)]
        print(f"  {name:<18} " + " ".join(f"{s:>8.2f}s" for s in seconds) + "   "
              + " ".join(f"{f:.2f}" for f in factors))


def memory_of_one_megabyte(documents: list[Document]) -> None:
    """Time and peak memory of one 1 MB document, in a fresh process (so that nothing else this run did
    counts towards its peak)."""
    body = "\n\n".join(d.body for d in documents)
    body = (body * (1_000_000 // len(body) + 1))[:990_000]
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        seconds, before, peak = pool.apply(_extract_measured, (body,))
    print(f"\none 1 MB document ({len(body.split()):,} words), in a fresh process: {seconds:.1f} s, peak resident "
          f"memory {peak / 1024:.0f} MB ({before / 1024:.0f} MB with the model loaded, before the document)")


def _peak_resident_kib() -> int:
    """This process's peak resident memory (VmHWM). Not getrusage's ru_maxrss: Linux keeps that across
    fork and exec, so a spawned child would report its parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux; elsewhere an approximation


def _extract_measured(body: str) -> tuple[float, int, int]:
    extract(Document(title="warm", body="He said so.", published_at=None))
    before = _peak_resident_kib()
    started = time.perf_counter()
    extract(Document(title="One megabyte", body=body, published_at=None))
    return time.perf_counter() - started, before, _peak_resident_kib()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--words", type=int, default=60_000)
    parser.add_argument("--sizes", default="25000,50000,100000,200000")
    parser.add_argument("--only-memory", action="store_true", help="only the 1 MB document")
    args = parser.parse_args()
    documents = read_documents(args.paths or [ROOT / "seeds", ROOT.parent / "shared" / "eval" / "dev"])
    if not documents:
        print("no .txt documents found", file=sys.stderr)
        return 1
    if not args.only_memory:
        throughput(documents, args.words)
        linear_time([int(size) for size in args.sizes.split(",")])
    memory_of_one_megabyte(documents)
    return 0


if __name__ == "__main__":
    sys.exit(main())
