//! Parties and alliances of parliaments outside the lists: a party named after the
//! country that owns it ("New Zealand's National Party") is the party, not a name that
//! holds a country's; an alliance or front of parties is named by its head word and
//! its aim in lower-case joining words ("the Alliance for Democratic Change", "the
//! Front for Civic Renewal") and then called by its head word alone ("the alliance",
//! "an alliance spokesman"). Both are told by how the story writes the name, not by
//! the name.

use super::super::parties::SideMatcher;
use super::super::side_kind::{Discovered, SideKind};
use super::super::side_words::{Class, is};
use super::super::words::{Word, trim_possessive};
use std::ops::Range;

/// The run `ws[run]` without a known side's possessive before it: "New Zealand's
/// National Party" is the National Party, owned by New Zealand (a run of capitals
/// goes on over a possessive, and a name that holds a known side's is no side found).
/// Only where two words or more follow the possessive and the owner is a whole name
/// `known` has: "People's Front" and "Malvesian People's Party" keep their words.
pub(super) fn after_owner(
    text: &str,
    ws: &[Word],
    known: &SideMatcher,
    run: Range<usize>,
) -> Range<usize> {
    let owner = run.clone().find(|&i| {
        let w = &text[ws[i].clone()];
        trim_possessive(w) != w
    });
    let Some(owner) = owner else {
        return run;
    };
    let name = trim_possessive(&text[ws[run.start].start..ws[owner].end]);
    if run.end >= owner + 3 && known.is_name(name) {
        owner + 1..run.end
    } else {
        run
    }
}

/// The head word of an alliance's name, in lower case: the name opens with a word of
/// a bloc of parties ("Alliance", "Front", "Movement") and its aim after "for" or "of"
/// ("Alliance for Democratic Change"), and the story calls it by that word alone in
/// lower case ("the alliance said"), as it calls a party by its name's end.
pub(super) fn bloc_head(text: &str, words: &[&str], lower: &[impl AsRef<str>]) -> Option<String> {
    let head = lower.first()?.as_ref();
    let joined = matches!(words.get(1), Some(&("for" | "of")));
    if words.len() < 3 || !joined || !is(Class::BlocHead, head) {
        return None;
    }
    // (right after an article: "the alliance said", "an alliance spokesman"; a common
    // noun's own use, "the school choice movement", is not the name's)
    let is_head = |w: &str| trim_possessive(w) == head;
    let is_article = |w: &str| matches!(w, "the" | "The" | "a" | "an" | "An");
    let words = text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    let mut words = words.filter(|w| !w.is_empty());
    let mut before = "";
    let alone = words.any(|w| {
        let found = is_article(before) && is_head(w);
        before = w;
        found
    });
    alone.then(|| head.to_string())
}

/// Whether a name found is an alliance's ([`bloc_head`]): a party's kind.
pub(super) fn is_bloc(text: &str, words: &[&str], lower: &[impl AsRef<str>]) -> bool {
    bloc_head(text, words, lower).is_some()
}

/// Gives the opposition found as a side by its office ("Opposition Leader Neil
/// Garrity", where no party of the story is called the opposition) its name in lower
/// case too: the story goes on to call it "the opposition" ("the opposition left us a
/// bill"), as it calls a union "the union".
/// It is written "the opposition", as a side standing for the government is "the
/// government".
pub(super) fn name_the_opposition(d: &mut Discovered) {
    let lower = d.name.to_lowercase();
    if d.kind == SideKind::Party && is(Class::Opposition, &lower) && !d.names.contains(&lower) {
        d.name = format!("the {lower}");
        d.names.insert(0, d.name.clone());
        d.names.push(lower);
    }
}

/// Merges a party found by one word ("The League's leader", "League ministers") into
/// the organisation found whose name ends in it and which the story calls by it in
/// lower case ("the Agrarian League", "the league"): one side, not two, and a party,
/// as its leader and ministers tell.
pub(super) fn merge_short_parties(found: &mut Vec<Discovered>) {
    let mut k = 0;
    while k < found.len() {
        let d = &found[k];
        let lower = d.name.to_lowercase();
        let owner = (d.kind == SideKind::Party && !d.name.contains(' '))
            .then(|| {
                found.iter().position(|f| {
                    f.kind == SideKind::Other
                        && f.name.ends_with(&format!(" {}", d.name))
                        && f.names.contains(&lower)
                })
            })
            .flatten();
        match owner {
            Some(o) => {
                let d = found.remove(k);
                let o = if o > k { o - 1 } else { o };
                found[o].kind = SideKind::Party;
                found[o].names.push(d.name);
            }
            None => k += 1,
        }
    }
}

/// The lower-cased words of a run, for [`bloc_head`] outside the discovery.
#[cfg(test)]
fn lowered(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alliance_is_named_by_its_head_and_aim_and_called_by_its_head() {
        let text = "the Alliance for Civic Renewal met. The alliance said no.";
        let words = ["Alliance", "for", "Civic", "Renewal"];
        assert_eq!(
            bloc_head(text, &words, &lowered(&words)).as_deref(),
            Some("alliance")
        );
        // never called "the alliance": a name like any other
        let apart = "the Alliance for Civic Renewal met. The peace alliance said no.";
        assert_eq!(bloc_head(apart, &words, &lowered(&words)), None);
        // no aim after "for" or "of", or no bloc's word at its head
        let plain = ["Alliance", "Civic", "Renewal"];
        assert_eq!(bloc_head(text, &plain, &lowered(&plain)), None);
        let fund = ["Fund", "for", "Civic", "Renewal"];
        assert_eq!(bloc_head("the fund said", &fund, &lowered(&fund)), None);
    }

    /// The inferred sides' names of an invented story.
    fn sides(story: &str) -> Vec<String> {
        use crate::article::{Article, Source};
        let found =
            crate::detect::detect(&Article::from_bytes(Source::Stdin, story.as_bytes()), None);
        found.parties.iter().map(|p| p.name.clone()).collect()
    }

    #[test]
    fn an_opposition_alliance_named_with_its_aim_is_a_side() {
        let story = "Opposition walks out over Tarvan press law\n\n\
            KESSA, May 2 - Tarvania's opposition walked out of parliament as the ruling \
            Unity Party passed a press law.\n\n\
            \"This is a switch to turn off every newspaper,\" said Ana Rell, who leads the \
            Front for Civic Renewal, a grouping of four parties.\n\n\
            Information Minister Ivo Dask said the law was fair. \"No honest journalist \
            has anything to fear,\" Dask said.\n\n\
            The front would go to court, Rell said. \"We will fight this every day,\" a \
            front spokesman said.\n";
        let found = sides(story);
        assert!(
            found.iter().any(|s| s == "Front for Civic Renewal"),
            "{found:?}"
        );
    }

    #[test]
    fn the_opposition_found_by_its_office_is_also_called_so_in_lower_case() {
        let found = |name: &str, kind| {
            let mut d = Discovered {
                name: name.to_string(),
                names: vec![name.to_string()],
                kind,
            };
            name_the_opposition(&mut d);
            d.names
        };
        let names = ["the opposition", "Opposition", "opposition"];
        assert_eq!(found("Opposition", SideKind::Party), names);
        assert_eq!(found("Heritage", SideKind::Party), ["Heritage"]);
        assert_eq!(found("Opposition", SideKind::Company), ["Opposition"]);
    }

    #[test]
    fn a_party_found_by_the_last_word_of_an_organisations_name_is_that_organisation() {
        let side = |name: &str, names: &[&str], kind| Discovered {
            name: name.to_string(),
            names: names.iter().map(|n| n.to_string()).collect(),
            kind,
        };
        let mut found = vec![
            side("League", &["League"], SideKind::Party),
            side("Farmers Union", &["Farmers Union"], SideKind::Union),
            side("Rural League", &["Rural League", "league"], SideKind::Other),
        ];
        merge_short_parties(&mut found);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].names, ["Rural League", "league", "League"]);
        assert_eq!(found[1].kind, SideKind::Party);
        // never called "the league" in lower case: two sides
        let mut apart = vec![
            side("League", &["League"], SideKind::Party),
            side("Rural League", &["Rural League"], SideKind::Other),
        ];
        merge_short_parties(&mut apart);
        assert_eq!(apart.len(), 2);
    }

    #[test]
    fn a_party_after_a_known_countrys_possessive_is_named_without_it() {
        let known = crate::detect::candidates::known_matcher();
        let text = "New Zealand's National Party government";
        let ws = crate::detect::words::words(text, 0..text.len());
        // (the run of capitals: "New Zealand's National Party")
        assert_eq!(after_owner(text, &ws, known, 0..4), 2..4);
        // an owner no list has, or one word after it, keeps the run
        let found = "Velmora's National Party";
        let ws = crate::detect::words::words(found, 0..found.len());
        assert_eq!(after_owner(found, &ws, known, 0..3), 0..3);
        let people = "the People's Front";
        let ws = crate::detect::words::words(people, 0..people.len());
        assert_eq!(after_owner(people, &ws, known, 1..3), 1..3);
    }
}
