#!/usr/bin/env python3
"""Build assets/politicians.tsv, the politicians whose party the detector may know, from
EveryPolitician's per-term CSV files (everypolitician/everypolitician-data on GitHub,
data/COUNTRY/LEGISLATURE/term-N.csv; mySociety).

usage: scripts/politicians.py COUNTRY_CODE TERM_CSV... > assets/politicians.tsv
       scripts/politicians.py --append COUNTRY_CODE TERM_CSV... >> assets/politicians.tsv

Each CSV needs the columns `name` and `group` (EveryPolitician's own files have more;
they are ignored). Every member of every term given is read, so the asset covers whole
legislatures, never a chosen few. A group is the party the member sat for; a group with a
partner ("Labour/Co-operative") counts as its first party. A member listed for more than
one party in the terms given (a floor-crosser, a suspended member sitting as an
independent) is left out: the detector cannot tell which party a story's date meant.
Groups that are no party ("Speaker", "Independent") are kept as written: they name no
side, so the detector never uses them.

Output: one line per member, `name<TAB>party<TAB>country`, sorted by name, after a
header of `#` lines naming the source. Python 3.11+, no other packages.
"""
import csv
import sys

HEADER = """\
# Politicians and the party each sat for, made by scripts/politicians.py from
# EveryPolitician (everypolitician/everypolitician-data, mySociety): every member of
# the legislatures and terms listed below, members listed for two parties left out.
# name<TAB>party<TAB>country (ISO 3166-1 alpha-2, lower case)"""


def party_of(group: str) -> str:
    """The party of an EveryPolitician group: its first part when it names two."""
    return group.split("/")[0].strip()


def read_terms(paths):
    """Every member's name and the set of parties the terms list them for."""
    parties = {}
    for path in paths:
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                name, group = row["name"].strip(), row["group"].strip()
                if name and group:
                    parties.setdefault(name, set()).add(party_of(group))
    return parties


def main(argv):
    append = "--append" in argv
    args = [a for a in argv[1:] if a != "--append"]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    country, paths = args[0].lower(), args[1:]
    parties = read_terms(paths)
    if not append:
        print(HEADER)
    print(f"# {country}: {', '.join(p.rsplit('/', 1)[-1] for p in paths)}")
    for name in sorted(parties):
        if len(parties[name]) == 1:
            print(f"{name}\t{next(iter(parties[name]))}\t{country}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
