#!/usr/bin/env python3
"""Fit the weights the detector gives each kind of clue about a speaker's side.

usage: scripts/fit_sides.py EVAL_DIR [--exclude NAME ...] [--lambda L]

EVAL_DIR holds stories NAME.txt with hand-made gold NAME.gold.toml (quotes with speaker
and party, [[party]] with names, [[speaker]] with name and party). For each story the
gold's sides are given as a parties file to the `side_evidence` example, which prints
each speaker's clues and, for each side, the model's inputs (one per kind of clue: 1 when
a clue of that kind points at the side, -1 when one points at another). A speaker's gold
side is the side of the gold quotes its quotations match (else of the gold speaker whose
surname its name holds); "any" means neither side.

Each (speaker, side) pair is one example, labelled 1 when it is the speaker's side. The
weights are fitted by logistic regression with an L2 penalty towards a prior (not on the
bias), by gradient descent; they are printed as the Rust constants of src/detect/evidence.rs, with
how many speakers the current and the fitted weights put on their gold side.

Python 3.11+ (tomllib), no other packages.
"""
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ["Named", "Appositive", "Described", "Namesake", "Member", "Office", "SpeaksFor", "Our", "Against", "Dateline"]


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower())


def token_f1(a, b):
    ta, tb = words(a), words(b)
    if not ta or not tb:
        return 0.0
    common = {}
    for t in ta:
        common[t] = common.get(t, 0) + 1
    hit = 0
    for t in tb:
        if common.get(t, 0) > 0:
            common[t] -= 1
            hit += 1
    if not hit:
        return 0.0
    p, r = hit / len(tb), hit / len(ta)
    return 2 * p * r / (p + r)


def gold_side(speaker, gold):
    """The gold side of a detected speaker: "any", a party id, or None when unknown."""
    votes = {}
    for q in speaker["quotes"]:
        best = max(gold.get("quote", []), key=lambda g: token_f1(g["text"], q), default=None)
        if best is not None and token_f1(best["text"], q) >= 0.8:
            votes[best["party"]] = votes.get(best["party"], 0) + 1
    if votes:
        return max(votes, key=votes.get)
    name = set(words(speaker["speaker"]))
    for s in gold.get("speaker", []):
        surname = words(s["name"])[-1:]
        if surname and surname[0] in name:
            return s["party"]
    return None


def evidence(binary, gold_dir, exclude):
    """(story, speaker, gold side, [(side id, inputs, score)]) for every labelled speaker."""
    tmp = tempfile.mkdtemp()
    out = []
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".gold.toml"):
            continue
        base = name[: -len(".gold.toml")]
        if base in exclude:
            continue
        gold = tomllib.load(open(os.path.join(gold_dir, name), "rb"))
        parties = os.path.join(tmp, base + ".parties.toml")
        with open(parties, "w", encoding="utf-8") as f:
            for p in gold["party"]:
                f.write(f'[[party]]\nid = "{p["id"]}"\nname = {json.dumps(p["names"][0])}\n'
                        f'aliases = {json.dumps(p["names"][1:])}\n\n')
        run = subprocess.run([binary, os.path.join(gold_dir, base + ".txt"), "--parties", parties],
                             capture_output=True, text=True, check=True)
        for line in run.stdout.splitlines():
            s = json.loads(line)
            side = gold_side(s, gold)
            if side is not None:
                out.append((base, s, side))
    return out


# What each weight is drawn towards where the stories say little: a clue of a kind the
# tuning stories lack (a parties file's members, which they never give) keeps its prior.
# A parties file is the user's own word, so it outweighs anything read in the text.
PRIOR = {"Member": 4.0, "Dateline": 0.5}


def fit(rows, lam, steps=20000, rate=0.05):
    """Weights and bias of a logistic regression on (inputs, label) rows, with an L2
    penalty drawing each weight towards its prior (1, else as PRIOR says)."""
    n = len(KINDS)
    prior = [PRIOR.get(k, 1.0) for k in KINDS]
    w, b = list(prior), 0.0
    for _ in range(steps):
        gw, gb = [0.0] * n, 0.0
        for x, y in rows:
            z = b + sum(wi * xi for wi, xi in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for i in range(n):
                gw[i] += (p - y) * x[i]
            gb += p - y
        m = len(rows)
        w = [wi - rate * (gi / m + lam * (wi - pi)) for wi, gi, pi in zip(w, gw, prior)]
        b -= rate * gb / m
    return w, b


def decide(sides, w, b):
    scored = [(b + sum(wi * xi for wi, xi in zip(w, x)), sid) for sid, x, _ in sides]
    best = max(scored, default=(0, None))
    return best[1] if best[0] > 0 else None


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    gold_dir = argv[1]
    exclude = set()
    lam = 0.01
    i = 2
    while i < len(argv):
        if argv[i] == "--exclude":
            i += 1
            while i < len(argv) and not argv[i].startswith("--"):
                exclude.add(argv[i])
                i += 1
            continue
        if argv[i] == "--lambda":
            lam = float(argv[i + 1])
            i += 2
            continue
        i += 1
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "side_evidence"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "examples", "side_evidence")
    speakers = evidence(binary, gold_dir, exclude)
    rows = [(x, 1.0 if sid == side else 0.0) for _, s, side in speakers for sid, x, _ in s["sides"]]
    w, b = fit(rows, lam)
    now = sum(1 for _, s, side in speakers if (s["side"] or "any") == side or (side == "any" and s["side"] is None))
    fitted = sum(1 for _, s, side in speakers if (decide(s["sides"], w, b) or "any") == side)
    print(f"{len(speakers)} speakers with a gold side in {len({st for st, _, _ in speakers})} stories, {len(rows)} examples")
    print(f"on their gold side: current weights {now}, fitted {fitted}")
    for story, s, side in speakers:
        got = decide(s["sides"], w, b) or "any"
        if got != side:
            print(f"  {story}: {s['speaker']!r} fitted {got}, gold {side}; clues {s['clues']}")
    print(f"const WEIGHTS: [f32; {len(KINDS)}] = [{', '.join(f'{x:.2f}' for x in w)}];")
    print(f"const BIAS: f32 = {b:.2f};")
    for k, x in zip(KINDS, w):
        print(f"  {k}: {x:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
