"""Near-duplicate articles: MinHash signatures of the body and LSH bands to find candidates (plain Python).

A copy of a story (the same text with small edits, another headline or source) shares most of its word
3-shingles with the original. The MinHash signature estimates that share (Jaccard similarity); cutting it
into BANDS bands of ROWS values gives keys that two articles share with probability 1 - (1 - J^ROWS)^BANDS:
above 0.999 at J = 0.7, about 0.02 at J = 0.1. The keys are stored in an indexed table, so that any process
finds the candidates of a new article in one query; the signatures then confirm them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash

BANDS, ROWS = 32, 4
PERMUTATIONS = BANDS * ROWS
SHINGLE_WORDS = 3
SEED = 1  # fixed: signatures computed in any process, today or later, compare
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fingerprint:
    signature: bytes  # the MinHash values, PERMUTATIONS unsigned 32-bit integers
    bands: tuple[int, ...]  # BANDS signed 64-bit keys


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def fingerprint(text: str) -> Fingerprint:
    minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    minhash.update_batch(list(shingles(text)))
    values = np.asarray(LeanMinHash(minhash).hashvalues, dtype=np.uint32)
    bands = []
    for band in range(BANDS):
        digest = hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8,
                                 person=band.to_bytes(2, "little") + b"band").digest()
        bands.append(int.from_bytes(digest, "little", signed=True))
    return Fingerprint(signature=values.tobytes(), bands=tuple(bands))


def similarity(first: bytes, second: bytes) -> float:
    """The estimated Jaccard similarity of two signatures: the share of equal MinHash values."""
    a, b = np.frombuffer(bytes(first), dtype=np.uint32), np.frombuffer(bytes(second), dtype=np.uint32)
    return float(np.count_nonzero(a == b)) / len(a)
