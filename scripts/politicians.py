#!/usr/bin/env python3
"""Build assets/politicians.tsv, the politicians whose party the detector may know, from
EveryPolitician's per-term CSV files (everypolitician/everypolitician-data on GitHub,
data/COUNTRY/LEGISLATURE/term-N.csv; mySociety).

usage: scripts/politicians.py COUNTRY_CODE TERM_CSV... > assets/politicians.tsv
       scripts/politicians.py --merge OLD.tsv COUNTRY_CODE TERM_CSV... > NEW.tsv

Each CSV needs the columns `name` and `group` (EveryPolitician's own files have more;
they are ignored). Every member of every term given is read, so the asset covers whole
legislatures, never a chosen few. A group is the party the member sat for; a group with a
partner ("Labour/Co-operative") counts as its first party. A member listed for two
parties in the terms given (a floor-crosser) is left out: the detector cannot tell which
party a story's date meant. A member listed for one party and otherwise only for groups
that name none (a member elected for it who later sat as an independent or took the
chair) keeps the party. A member listed only for groups that name no party ("Speaker",
"Independent") is kept as written: they name no side, so the detector never uses them.

--merge reads a table this script made before as one more term of its country: its
members and their parties join those of the CSVs, the same rules apply (a member the
old table and a new term list for two parties is left out), and the old table's list of
terms is kept. (The shipped table was made so: term 53 first, then merged with term 54.)

Output: one line per member, `name<TAB>party<TAB>country`, sorted by name, after a
header of `#` lines naming the source and the terms. Python 3.11+, no other packages.
"""
import csv
import sys

HEADER = """\
# Politicians and the party each sat for, made by scripts/politicians.py from
# EveryPolitician (everypolitician/everypolitician-data, mySociety): every member of
# the legislatures and terms listed below, members listed for two parties left out.
# Licence: the everypolitician-data repository states none (no licence file; its README
# is silent). Its UK Commons data is built from mySociety's parlparse members data
# (whose repository states CC BY-SA 3.0) and Wikidata (CC0). This table is offered
# under CC BY-SA 3.0, attributed to mySociety's EveryPolitician and parlparse.
# name<TAB>party<TAB>country (ISO 3166-1 alpha-2, lower case)"""


def party_of(group: str) -> str:
    """The party of an EveryPolitician group: its first part when it names two."""
    return group.split("/")[0].strip()


def no_party(group: str) -> bool:
    """Whether a group names no party: the chair ("Speaker", "Deputy Speaker") or a
    member sitting alone ("Independent", "Independent Labour")."""
    return group.endswith("Speaker") or group.startswith("Independent")


def party_for(groups: set):
    """The one party a member sat for: their only group, or their only group that names
    a party when the others name none (a member elected for a party who later sat as an
    independent or took the chair); None for two parties (a floor-crosser)."""
    parties = {g for g in groups if not no_party(g)}
    if len(parties) == 1:
        return next(iter(parties))
    return next(iter(groups)) if len(groups) == 1 else None


def read_terms(paths, parties):
    """Adds every member's name and party in the CSVs to `parties` (name → set)."""
    for path in paths:
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                name, group = row["name"].strip(), row["group"].strip()
                if name and group:
                    parties.setdefault(name, set()).add(party_of(group))


def read_table(path, country, parties):
    """The members of `country` in a table made before, and its lines naming terms."""
    terms = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith(f"# {country}: "):
                terms.append(line[len(f"# {country}: "):])
            elif line and not line.startswith("#"):
                name, party, of = line.split("\t")
                if of == country:
                    parties.setdefault(name, set()).add(party)
    return terms


def main(argv):
    args = argv[1:]
    merge = None
    if args[:1] == ["--merge"] and len(args) > 1:
        merge, args = args[1], args[2:]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    country, paths = args[0].lower(), args[1:]
    parties = {}
    terms = read_table(merge, country, parties) if merge else []
    read_terms(paths, parties)
    terms += [p.rsplit("/", 1)[-1] for p in paths]
    print(HEADER)
    print(f"# {country}: {', '.join(terms)}")
    for name in sorted(parties):
        party = party_for(parties[name])
        if party is not None:
            print(f"{name}\t{party}\t{country}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
