"""Relevance of kzru search against simple baselines, on the bundled facts.

Two judged sets. (1) tests/relevance/queries.csv: single words and short phrases by kind;
recall@5 against substring and FTS5 (below). (2) tests/relevance/analyst.csv: questions and
keyword mixes written from the articles (columns kind, query, expected, year, status, note);
answer@1 (the first hit answers), answer@5 (one of the first five does) and kept (the share
of the first five that keep the year/status the query states; 0 when nothing is returned),
for kzru and three baselines: substring; FTS5 with AND; FTS5 with OR ranked by bm25 over
summary, text, evidence, date and status. Both sets are also run in-process with kzru's two
scorings (the default share-of-units and BM25F-style) so the choice is measured.

Why: speed is worthless if the right facts are not on the first screen. The judged queries
in tests/relevance/queries.csv (columns kind, query, expected = fact ids separated by '; ',
note) are run through three systems over the same fields (summary, text, evidence, names):
  kzru       `kzru search Q --format json --limit 5`
  substring  the whole query, casefolded, as a substring; newest first
  FTS5       SQLite FTS5, unicode61 tokenizer, tokens quoted and ANDed, topped up with
             ORed tokens when AND gives fewer than 5; ranked by bm25
recall@5 = |top 5 ∩ expected| / min(|expected|, 5), averaged per kind and overall.
Queries with no expected ids (nonsense) score the share of queries that return nothing.

    python tests/bench/relevance.py [--queries CSV] [--analyst CSV] [--data DIR] [--misses]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import env_with, machine_info, table, tool  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
K = 5
FIELDS = ("summary", "text", "evidence", "names")


def load_facts(data: Path) -> list[dict]:
    with open(data / "facts.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_queries(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if (row.get("query") or "").strip()]
    for row in rows:
        row["expected"] = [i.strip() for i in (row.get("expected") or "").split(";") if i.strip()]
        row["kind"] = (row.get("kind") or "").strip() or "(none)"
    return rows


def kzru_search(queries: list[str], data: Path | None) -> list[list[str]]:
    kzru = tool("kzru")
    extra = ["--data", str(data)] if data else []
    with tempfile.TemporaryDirectory(prefix="kzru-rel-") as cache:
        env = env_with(KZRU_CACHE_DIR=cache)

        def one(query: str) -> list[str]:
            done = subprocess.run([kzru, "search", "--format", "json", "--limit", str(K), *extra,
                                   "--", query], capture_output=True, env=env)
            if done.returncode not in (0, 1):
                print(f"warning: kzru failed on {query!r}: {done.stderr.decode().strip()}")
                return []
            return [hit["id"] for hit in json.loads(done.stdout or b"[]")]

        one("атом")  # build the index once, before the parallel runs
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            return list(pool.map(one, queries))


def substring_search(facts: list[dict], query: str) -> list[str]:
    needle = query.casefold()
    found = [f for f in facts if needle in " ".join(f[x] for x in FIELDS).casefold()]
    found.sort(key=lambda f: f["date"], reverse=True)
    return [f["id"] for f in found[:K]]


def fts_index(facts: list[dict]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(id UNINDEXED, summary, text, evidence, names, "
               "tokenize='unicode61')")
    db.executemany("INSERT INTO f VALUES (?, ?, ?, ?, ?)",
                   [(f["id"], *(f[x] for x in FIELDS)) for f in facts])
    return db


def fts_search(db: sqlite3.Connection, query: str) -> list[str]:
    tokens = ['"' + t.replace('"', '""') + '"' for t in re.findall(r"\w+", query)]
    found: list[str] = []
    for joiner in (" AND ", " OR "):
        if len(found) >= K or not tokens:
            break
        rows = db.execute("SELECT id FROM f WHERE f MATCH ? ORDER BY rank LIMIT ?",
                          (joiner.join(tokens), K))
        found += [r[0] for r in rows if r[0] not in found]
    return found[:K]


def fts_or_index(facts: list[dict]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE g USING fts5(id UNINDEXED, summary, text, evidence, date, "
               "status, tokenize='unicode61')")
    db.executemany("INSERT INTO g VALUES (?, ?, ?, ?, ?, ?)",
                   [(f["id"], f["summary"], f["text"], f["evidence"], f["date"], f["status"])
                    for f in facts])
    return db


def _fts(db: sqlite3.Connection, table: str, query: str, joiner: str, order: str) -> list[str]:
    tokens = ['"' + t.replace('"', '""') + '"' for t in re.findall(r"\w+", query)]
    if not tokens:
        return []
    rows = db.execute(f"SELECT id FROM {table} WHERE {table} MATCH ? ORDER BY {order} LIMIT ?",
                      (f" {joiner} ".join(tokens), K))
    return [r[0] for r in rows]


def fts_and(db: sqlite3.Connection, query: str) -> list[str]:
    return _fts(db, "f", query, "AND", "rank")


def fts_or_bm25(db: sqlite3.Connection, query: str) -> list[str]:
    return _fts(db, "g", query, "OR", "bm25(g)")


def in_process(queries: list[str], data: Path, scoring: str) -> list[list[str]]:
    """kzru's ranking called as a library, with the given scoring."""
    os.environ.setdefault("KZRU_CACHE_DIR", tempfile.mkdtemp(prefix="kzru-rel-"))
    from kzru import matching, search
    from kzru.index import open_index
    from kzru.store import load

    index = open_index(data, lambda: load(data))
    matching.SCORING = scoring
    try:
        return [[hit.fact.id for hit in search.search(index, q, limit=K)] for q in queries]
    finally:
        matching.SCORING = "share"


def analyst_scores(queries: list[dict], results: list[list[str]],
                   facts: dict[str, dict]) -> tuple[float, float, float]:
    """answer@1, answer@5 and kept (over the queries that state a year or status)."""
    first = [bool(got) and got[0] in q["expected"] for q, got in zip(queries, results)]
    five = [bool(set(got) & set(q["expected"])) for q, got in zip(queries, results)]
    kept = []
    for q, got in zip(queries, results):
        year, status = (q.get("year") or "").strip(), (q.get("status") or "").strip()
        if not (year or status):
            continue
        good = [i for i in got if i in facts and (not year or facts[i]["date"][:4] == year)
                and (not status or facts[i]["status"] == status)]
        kept.append(len(good) / len(got) if got else 0.0)
    return (sum(first) / len(first), sum(five) / len(five),
            sum(kept) / len(kept) if kept else 1.0)


def analyst_report(path: Path, facts: list[dict], data: Path | None, misses: bool) -> None:
    queries = load_queries(path)
    texts = [q["query"] for q in queries]
    by_id = {f["id"]: f for f in facts}
    db, db_or = fts_index(facts), fts_or_index(facts)
    systems = {
        "kzru": kzru_search(texts, data),
        "substring": [substring_search(facts, q) for q in texts],
        "FTS5 AND": [fts_and(db, q) for q in texts],
        "FTS5 OR bm25": [fts_or_bm25(db_or, q) for q in texts],
    }
    stated = sum(1 for q in queries if (q.get("year") or q.get("status") or "").strip())
    print(f"\n# Analyst queries: {len(queries)} from {path.name} ({stated} state a year or "
          "status)\n")
    rows = []
    for name, results in systems.items():
        rows.append([name, *(f"{v:.2f}" for v in analyst_scores(queries, results, by_id))])
    table(["system", "answer@1", "answer@5", "kept year/status"], rows)
    print("\n# Analyst queries by kind (answer@1 / answer@5)\n")
    kinds = sorted({q["kind"] for q in queries})
    rows = []
    for kind in kinds:
        chosen = [n for n, q in enumerate(queries) if q["kind"] == kind]
        cells = []
        for name in ("kzru", "FTS5 AND", "FTS5 OR bm25"):
            picked = [queries[n] for n in chosen]
            got = [systems[name][n] for n in chosen]
            first, five, _ = analyst_scores(picked, got, by_id)
            cells.append(f"{first:.2f} / {five:.2f}")
        rows.append([kind, len(chosen), *cells])
    table(["kind", "queries", "kzru", "FTS5 AND", "FTS5 OR bm25"], rows)
    print("\n# kzru scorings compared (in-process)\n")
    folder = data or ROOT / "data"
    old = load_queries(ROOT / "tests/relevance/queries.csv")
    rows = []
    for scoring in ("share", "bm25f"):
        got = in_process(texts, folder, scoring)
        old_got = in_process([q["query"] for q in old], folder, scoring)
        judged = [(q, g) for q, g in zip(old, old_got) if q["expected"]]
        recall = sum(len(set(g) & set(q["expected"])) / min(len(q["expected"]), K)
                     for q, g in judged) / len(judged)
        nonsense = [not g for q, g in zip(old, old_got) if not q["expected"]]
        rows.append([scoring, *(f"{v:.2f}" for v in analyst_scores(queries, got, by_id)),
                     f"{recall:.2f}", f"{sum(nonsense) / max(len(nonsense), 1):.2f}"])
    table(["scoring", "answer@1", "answer@5", "kept", "word set recall@5", "nonsense empty"],
          rows)
    if misses:
        for q, got in zip(queries, systems["kzru"]):
            if not got or got[0] not in q["expected"]:
                print(f"- {q['query']!r}: kzru gave {got or 'nothing'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=ROOT / "tests/relevance/queries.csv")
    parser.add_argument("--analyst", type=Path, default=ROOT / "tests/relevance/analyst.csv")
    parser.add_argument("--data", type=Path, default=None, help="data folder (default bundled)")
    parser.add_argument("--misses", action="store_true", help="list each query kzru misses")
    args = parser.parse_args()
    machine_info(f"Relevance: recall@{K} on {args.queries}")
    facts = load_facts(args.data or ROOT / "data")
    queries = load_queries(args.queries)
    if not queries:
        sys.exit(f"bench: no queries in {args.queries}")
    known = {f["id"] for f in facts}
    unknown = sorted({i for q in queries for i in q["expected"] if i not in known})
    if unknown:
        print(f"warning: expected ids not in facts.csv (count as misses): {', '.join(unknown)}\n")
    db = fts_index(facts)
    systems = {
        "kzru": kzru_search([q["query"] for q in queries], args.data),
        "substring": [substring_search(facts, q["query"]) for q in queries],
        "FTS5": [fts_search(db, q["query"]) for q in queries],
    }
    scores: dict[tuple[str, bool], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for n, q in enumerate(queries):
        for name, results in systems.items():
            got = results[n]
            if q["expected"]:
                score = len(set(got) & set(q["expected"])) / min(len(q["expected"]), K)
            else:
                score = float(not got)
            scores[(q["kind"], bool(q["expected"]))][name].append(score)
            scores[("overall", bool(q["expected"]))][name].append(score)
    rows = []
    for (kind, judged), per in sorted(scores.items(), key=lambda i: (i[0][0] == "overall",
                                                                   not i[0][1], i[0][0])):
        label = f"**{kind}**" if kind == "overall" else kind
        metric = f"recall@{K}" if judged else "returns nothing"
        count = len(next(iter(per.values())))
        rows.append([label, metric, count] + [f"{sum(v) / len(v):.2f}" for v in per.values()])
    table(["kind", "measure", "queries", *systems], rows)
    if args.misses:
        for n, q in enumerate(queries):
            got = systems["kzru"][n]
            missing = [i for i in q["expected"] if i not in got]
            found = len(q["expected"]) - len(missing)
            if found < min(len(q["expected"]), K) or (not q["expected"] and got):
                print(f"- [{q['kind']}] {q['query']!r}: kzru gave {got or 'nothing'}; "
                      f"missing {missing or '-'}")
    if args.analyst.exists():
        analyst_report(args.analyst, facts, args.data, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
