#!/usr/bin/env python3
"""Fit the weights the detector gives each kind of clue about a speaker's side, and the
weights of the features by which it chooses a story's sides when none are given.

usage: scripts/fit_sides.py EVAL_DIR [--exclude NAME ...] [--lambda L] [--choice-lambda L]

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

Then, with no sides given, every candidate side the example scored is one example,
labelled 1 when one of its names is a gold side's; the choice's weights are fitted the
same way and printed with how many stories get both gold sides among the two
best-scored candidates.

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


def stories(gold_dir, exclude):
    """(name, gold) for every story of the folder not excluded."""
    for name in sorted(os.listdir(gold_dir)):
        if name.endswith(".gold.toml") and name[: -len(".gold.toml")] not in exclude:
            yield name[: -len(".gold.toml")], tomllib.load(open(os.path.join(gold_dir, name), "rb"))


def explain(binary, gold_dir, base, parties=None):
    """What the side_evidence example prints for a story, read."""
    args = [binary, os.path.join(gold_dir, base + ".txt")] + (["--parties", parties] if parties else [])
    return json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


def evidence(binary, gold_dir, exclude):
    """(story, speaker, gold side) for every labelled speaker, the gold sides given."""
    tmp = tempfile.mkdtemp()
    out = []
    for base, gold in stories(gold_dir, exclude):
        parties = os.path.join(tmp, base + ".parties.toml")
        with open(parties, "w", encoding="utf-8") as f:
            for p in gold["party"]:
                f.write(f'[[party]]\nid = "{p["id"]}"\nname = {json.dumps(p["names"][0])}\n'
                        f'aliases = {json.dumps(p["names"][1:])}\n\n')
        for s in explain(binary, gold_dir, base, parties)["speakers"]:
            side = gold_side(s, gold)
            if side is not None:
                out.append((base, s, side))
    return out


def candidates(binary, gold_dir, exclude):
    """(story, candidate, is a gold side, feature names) for every candidate scored when
    the sides are inferred; a candidate is a gold side when one of its names is one of
    the gold side's (as the scorer matches them)."""
    out = []
    for base, gold in stories(gold_dir, exclude):
        got = explain(binary, gold_dir, base)
        gold_names = [{n.lower() for n in p["names"] + [p["id"]]} for p in gold["party"]]
        for c in got["candidates"]:
            names = {n.lower() for n in c["names"] + [c["id"]]}
            out.append((base, c, any(names & g for g in gold_names), got["candidate_features"]))
    return out


# What each weight is drawn towards where the stories say little: a clue of a kind the
# tuning stories lack (a parties file's members, which they never give) keeps its prior.
# A parties file is the user's own word, so it outweighs anything read in the text.
PRIOR = {"Member": 4.0, "Dateline": 0.5}

# The same for the choice of a story's sides: the tuning stories have no mediator and
# few stories between parties, so what a mediator, an owned office and the arena of a
# party story say of a candidate is drawn towards what they mean (no side, a side, no
# side); the rest towards 1, or 0 for the dateline and hostility, which mean nothing by
# themselves.
CHOICE_PRIOR = {"mediator": -2.0, "officials": 0.5, "arena": -2.0, "dateline": 0.0, "hostile": 0.0}

def fit(rows, prior, lam, steps=20000, rate=0.05):
    """Weights and bias of a logistic regression on (inputs, label) rows, with an L2
    penalty drawing each weight towards its prior."""
    n = len(prior)
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
    lam, choice_lam = 0.01, 0.05
    i = 2
    while i < len(argv):
        if argv[i] == "--exclude":
            i += 1
            while i < len(argv) and not argv[i].startswith("--"):
                exclude.add(argv[i])
                i += 1
            continue
        if argv[i] in ("--lambda", "--choice-lambda"):
            if argv[i] == "--lambda":
                lam = float(argv[i + 1])
            else:
                choice_lam = float(argv[i + 1])
            i += 2
            continue
        i += 1
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "side_evidence"], cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    binary = os.path.join(target, "release", "examples", "side_evidence")

    # Each speaker's side, the sides given.
    speakers = evidence(binary, gold_dir, exclude)
    rows = [(x, 1.0 if sid == side else 0.0) for _, s, side in speakers for sid, x, _ in s["sides"]]
    w, b = fit(rows, [PRIOR.get(k, 1.0) for k in KINDS], lam)
    now = sum(1 for _, s, side in speakers if (s["side"] or "any") == side)
    fitted = sum(1 for _, s, side in speakers if (decide(s["sides"], w, b) or "any") == side)
    print(f"{len(speakers)} speakers with a gold side, {len(rows)} examples")
    print(f"on their gold side: current weights {now}, fitted {fitted}")
    for story, s, side in speakers:
        got = decide(s["sides"], w, b) or "any"
        if got != side:
            print(f"  {story}: {s['speaker']!r} fitted {got}, gold {side}; clues {s['clues']}")
    print("src/detect/evidence.rs:")
    print(f"const WEIGHTS: [f32; KINDS] = [{', '.join(f'{x:.2f}' for x in w)}];")
    print(f"const BIAS: f32 = {b:.2f};")

    # The story's sides, inferred: candidates that are a gold side against the rest.
    found = candidates(binary, gold_dir, exclude)
    names = found[0][3] if found else []
    rows = [(c["features"], 1.0 if is_side else 0.0) for _, c, is_side, _ in found]
    cw, cb = fit(rows, [CHOICE_PRIOR.get(k, 1.0) for k in names], choice_lam)
    by_story = {}
    for story, c, is_side, _ in found:
        by_story.setdefault(story, []).append((c, is_side))

    def both_found(score):
        ok = 0
        for story, cs in by_story.items():
            top = sorted(cs, key=lambda ci: -score(ci[0]))[:2]
            ok += sum(1 for _, is_side in top if is_side) == min(2, sum(1 for _, s in cs if s))
        return ok

    fitted_score = lambda c: cb + sum(wi * xi for wi, xi in zip(cw, c["features"]))
    print(f"\n{len(found)} candidates in {len(by_story)} stories; stories with both gold sides chosen:"
          f" current weights {both_found(lambda c: c['score'])}, fitted {both_found(fitted_score)}")
    for story, cs in by_story.items():
        top = sorted(cs, key=lambda ci: -fitted_score(ci[0]))[:2]
        if not all(is_side for _, is_side in top):
            print(f"  {story}: " + ", ".join(f"{c['id']}{'*' if s else ''} {fitted_score(c):.1f}"
                                            for c, s in sorted(cs, key=lambda ci: -fitted_score(ci[0]))[:4]))
    print("src/detect/choice.rs:")
    print(f"const WEIGHTS: [f32; FEATURES] = [{', '.join(f'{x:.2f}' for x in cw)}];")
    print(f"const BIAS: f32 = {cb:.2f};")
    for k, x in zip(names, cw):
        print(f"  {k}: {x:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
