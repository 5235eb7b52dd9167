"""Synthetic data folders of any size, for benchmarking kzru at 10,000-100,000 facts.

Why: the bundled table has ~265 facts, too few to show how index build time, memory and
search latency scale. Copying the same rows would keep the vocabulary fixed, which flatters
the index (and the typo search, which scans words of similar length), so each copy swaps
about a quarter of its words for words drawn (Zipf-weighted) from a pool of real table
words plus generated pseudo-words whose count grows with the size, Heaps'-law style, and
varies numbers, dates and values. The first copy is the bundled table itself, unchanged,
so real queries still find real facts. Every row passes `kzru check --data DIR`.

    python tests/bench/synth.py 100000 /tmp/kzru-100k [--check]
"""

from __future__ import annotations

import csv
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

BUNDLED = Path(__file__).resolve().parents[2] / "data"
OTHER_TABLES = ("sources", "events", "sectors", "glossary")
WORD = re.compile(r"[^\W\d_]{4,}")
DIGITS = re.compile(r"\d+")
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
REPLACE_SHARE = 0.25
MAX_ID, MAX_EVIDENCE = 80, 200

CYR_C, CYR_V = "бвгджзклмнпрстфхцчшщ", "аеиоуыэюя"
LAT_C, LAT_V = "bcdfghjklmnprstvzkh", "aeiouy"


def _pseudo_words(rng: random.Random, count: int, consonants: str, vowels: str) -> list[str]:
    made: set[str] = set()
    while len(made) < count:
        syllables = rng.randint(2, 4)
        made.add("".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(syllables))
                 + (rng.choice(consonants) if rng.random() < 0.5 else ""))
    return sorted(made)


def _pools(facts: list[dict], n_facts: int, rng: random.Random) -> dict[bool, tuple]:
    """Per script (True = Cyrillic): words, cumulative Zipf weights. Real words rank first."""
    counts: Counter[str] = Counter()
    for row in facts:
        for field in ("summary", "text", "evidence"):
            counts.update(w.lower() for w in WORD.findall(row[field]))
    extra = int(20 * n_facts ** 0.7)  # Heaps-like: 12.6k pseudo-words at 10k, 63k at 100k
    pools = {}
    for cyrillic in (True, False):
        real = [w for w, _ in counts.most_common() if bool(CYRILLIC.search(w)) == cyrillic]
        made = _pseudo_words(rng, extra, *(CYR_C, CYR_V) if cyrillic else (LAT_C, LAT_V))
        rng.shuffle(made)
        pool = real + made
        cumulative, total = [], 0.0
        for rank in range(len(pool)):
            total += 1.0 / (rank + 1)
            cumulative.append(total)
        pools[cyrillic] = (pool, cumulative)
    return pools


class _Varier:
    """Swaps words and digits; draws words in bulk (random.choices) for speed."""

    def __init__(self, pools: dict[bool, tuple], rng: random.Random) -> None:
        self.pools, self.rng, self.buffers = pools, rng, {True: [], False: []}

    def draw(self, cyrillic: bool) -> str:
        buffer = self.buffers[cyrillic]
        if not buffer:
            pool, cumulative = self.pools[cyrillic]
            buffer.extend(self.rng.choices(pool, cum_weights=cumulative, k=50_000))
        return buffer.pop()

    def _word(self, match: re.Match) -> str:
        word = match.group()
        if self.rng.random() >= REPLACE_SHARE:
            return word
        new = self.draw(bool(CYRILLIC.search(word)))
        return new.capitalize() if word[0].isupper() else new

    def _digits(self, match: re.Match) -> str:
        size = len(match.group())
        return str(self.rng.randint(10 ** (size - 1) if size > 1 else 0, 10 ** size - 1))

    def text(self, value: str) -> str:
        return DIGITS.sub(self._digits, WORD.sub(self._word, value))


def _vary_date(raw: str, precision: str, rng: random.Random) -> str:
    day = date.fromisoformat(raw)
    if precision == "day":
        return (day + timedelta(days=rng.randint(-1500, 1500))).isoformat()
    year = min(2030, max(1992, day.year + rng.randint(-4, 4)))
    return day.replace(year=year, day=min(day.day, 28)).isoformat()


def _vary_value(raw: str, rng: random.Random) -> str:
    if not raw:
        return raw
    text = f"{float(raw) * rng.uniform(0.5, 2.0):.2f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def make_dataset(n_facts: int, out_dir, seed: int = 1) -> Path:
    """Write a complete data folder with ``n_facts`` facts into ``out_dir``; return its path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for table in OTHER_TABLES:
        shutil.copyfile(BUNDLED / f"{table}.csv", out / f"{table}.csv")
    shutil.copyfile(BUNDLED / "datapackage.json", out / "datapackage.json")
    with open(BUNDLED / "facts.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns, facts = reader.fieldnames, list(reader)
    rng = random.Random(seed)
    varier = _Varier(_pools(facts, n_facts, rng), rng)
    with open(out / "facts.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        for number in range(n_facts):
            base = facts[number % len(facts)]
            if number < len(facts):  # the first copy is the real table
                writer.writerow(base)
                continue
            row = dict(base)
            suffix = f"-s{number // len(facts)}"

            def copy_id(fact_id: str) -> str:
                return fact_id[:MAX_ID - len(suffix)].rstrip("-") + suffix

            row["id"] = copy_id(base["id"])
            # Parts stay within their copy; follows are dropped, since dates are varied
            # independently and a link must point back in time; same_as too (see below).
            row["part_of"] = copy_id(base["part_of"]) if base.get("part_of") else ""
            row["follows"] = ""
            if "same_as" in row:  # links both ways: a copy cut short would leave one side
                row["same_as"] = ""
            row["summary"] = varier.text(base["summary"])
            row["text"] = varier.text(base["text"])
            evidence = varier.text(base["evidence"])
            if len(evidence) > MAX_EVIDENCE:
                evidence = evidence[:MAX_EVIDENCE].rsplit(" ", 1)[0]
            row["evidence"] = evidence.strip().rstrip(" …")
            row["date"] = _vary_date(base["date"], base["date_precision"], rng)
            row["value"] = _vary_value(base["value"], rng)
            if rng.random() < 0.3:  # a new named entity now and then
                name = varier.draw(rng.random() < 0.5).capitalize()
                row["names"] = f"{base['names']}; {name}" if base["names"] else name
            writer.writerow(row)
    return out


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    started = time.perf_counter()
    out = make_dataset(int(sys.argv[1]), sys.argv[2])
    print(f"wrote {out} ({sys.argv[1]} facts) in {time.perf_counter() - started:.1f} s")
    if "--check" in sys.argv:
        kzru = shutil.which("kzru", path=str(Path(sys.executable).parent)) or "kzru"
        done = subprocess.run([kzru, "check", "--data", str(out)], capture_output=True,
                              text=True)
        # Scrambled words lose the status cue words, so the curator's lint warns a lot here:
        # count those warnings, show every other line.
        lines = done.stderr.splitlines()
        warnings = [line for line in lines if line.startswith("kzru: warning: ")]
        print(done.stdout, end="")
        for line in lines:
            if not line.startswith("kzru: warning: "):
                print(line, file=sys.stderr)
        print(f"({len(warnings)} lint warnings on scrambled synthetic wording)")
        return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
