"""Add words to a tag of extraction/data/lexicon.tsv, keeping each word on one sorted line.

    python scripts/lexicon_add.py TAG WORD [WORD ...]
    python scripts/lexicon_add.py TAG WORD=VALUE [...]     # for a tag whose lines carry a value

The tag must be declared in the file's header. A word already listed gains the tag; a new word gets a
line in sorted order. extraction/lexicon.py checks the result when it loads.
"""

import sys
from pathlib import Path

LEXICON = Path(__file__).resolve().parent.parent / "extraction" / "data" / "lexicon.tsv"


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    tag, words = sys.argv[1], sys.argv[2:]
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    if not any(line.startswith(f"# tag {tag}: ") for line in header):
        print(f"the lexicon declares no tag {tag!r}: add '# tag {tag}: what it is for' to its header",
              file=sys.stderr)
        return 1
    rows = {}
    for line in lines:
        if line and not line.startswith("#"):
            word, tags, value = line.split("\t")
            rows[word] = (set(tags.split(",")), value)
    for item in words:
        word, _, given = item.partition("=")
        tags, value = rows.get(word, (set(), ""))
        rows[word] = (tags | {tag}, given or value)
    body = [f"{word}\t{','.join(sorted(tags))}\t{value}" for word, (tags, value) in sorted(rows.items())]
    LEXICON.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
