//! Affiliation: how a person or body picks up a side that is not named in its title.
//! An appositive after a name ("Roy Denman, the European Community representative,",
//! "Jane Roe, an aide to Smith,") names it; and a side given as a person ("Maria
//! Lopez") is also called by the surname alone ("Lopez's spokeswoman", "the Lopez
//! campaign"). Sides named inside a source phrase ("a spokesman for Acme") are found
//! there by the matcher already.

use super::entities::{Entities, Entity, EntityKind};
use super::lexicon;
use super::parties::SideMatcher;
use std::collections::HashMap;

/// Bytes an appositive may run to: a description, not a clause.
const APPOSITIVE_BYTES: usize = 120;

/// The side named in the appositive that follows a name ending at `name_end`
/// ("…, the European Community representative in Washington, …").
pub fn appositive_side(text: &str, name_end: usize, sides: &SideMatcher) -> Option<usize> {
    appositive(text, name_end, Reading::Strict).and_then(|a| sides.first(a))
}

/// How sure an appositive must be to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Opening with an article, a possessive or a title: enough to give a side.
    Strict,
    /// Also a bare noun phrase ("assistant trade representative"): enough to tell an
    /// office, which must still be named in it.
    Loose,
}

/// The appositive that follows a name ending at `name_end`: the description between
/// commas ("Roy Denman, the European Community representative, …").
pub fn appositive(text: &str, name_end: usize, reading: Reading) -> Option<&str> {
    let rest = text.get(name_end..)?.strip_prefix(", ")?;
    let mut end = rest.len().min(APPOSITIVE_BYTES);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let window = &rest[..end];
    let stop = window.find([',', '.', ';', '(', '"', '“'])?;
    let appositive = &window[..stop];
    let first = appositive.split_whitespace().next()?;
    let ok = match reading {
        Reading::Strict => introduces_description(first),
        Reading::Loose => {
            introduces_description(first)
                || appositive
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_lowercase) && !is_clause_word(w))
        }
    };
    ok.then_some(appositive)
}

/// Gives each entity without a side the side an appositive after one of its mentions
/// names.
pub fn sides_from_appositives(text: &str, entities: &mut Entities, sides: &SideMatcher) {
    for e in entities.list.iter_mut().filter(|e| e.side.is_none()) {
        let side = mention_ends(text, e).find_map(|end| appositive_side(text, end, sides));
        e.side = side;
    }
}

/// Where each mention of an entity ends, and where its full name ends when the
/// mention is only its start ("Suzanne" of "Suzanne Roe, assistant …"): where an
/// appositive may follow.
pub fn mention_ends<'a>(text: &'a str, e: &'a Entity) -> impl Iterator<Item = usize> + 'a {
    e.mentions.iter().flat_map(move |m| {
        let full = text
            .get(m.start..)
            .filter(|rest| m.end < m.start + e.name.len() && rest.starts_with(e.name.as_str()))
            .map(|_| m.start + e.name.len());
        std::iter::once(m.end).chain(full)
    })
}

/// Gives a person known by one word ("Takemoto") and no side the side of the entity
/// whose longer name holds that word, when just one such entity has a side: the same
/// person, met first with a title that named the side.
pub fn sides_from_namesakes(entities: &mut Entities) {
    // Each word of a longer name → the side of the first entity holding it, and
    // whether every later one agrees: one pass, where asking every entity for every
    // one-word person was quadratic on a long text.
    let mut by_word: HashMap<&str, (Option<usize>, bool)> = HashMap::new();
    for o in entities.list.iter().filter(|o| o.name.contains(' ')) {
        for w in o.name.split_whitespace() {
            let (first, agree) = by_word.entry(w).or_insert((o.side, true));
            *agree &= o.side == *first;
        }
    }
    let inherited: Vec<(usize, usize)> = entities
        .list
        .iter()
        .enumerate()
        .filter(|(_, e)| e.side.is_none() && e.kind == EntityKind::Person && !e.name.contains(' '))
        .filter_map(|(i, e)| match by_word.get(e.name.as_str()) {
            Some(&(Some(side), true)) => Some((i, side)),
            _ => None,
        })
        .collect();
    for (i, side) in inherited {
        entities.list[i].side = Some(side);
    }
}

/// Whether an appositive opening with `word` is a description of the name before it
/// (an article, a possessive or a title), not a clause ("adding that …", "who …").
fn introduces_description(word: &str) -> bool {
    let lower = word.to_lowercase();
    // (an office's head noun opens one too: "Head of the EC Delegation", "member of …")
    matches!(lower.as_str(), "the" | "a" | "an" | "head" | "member")
        || lexicon::is_title(&lower)
        || word.ends_with("'s")
        || word.ends_with("’s")
}

/// Words that make a run of lower-case words a clause ("often vilified by",
/// "however", "adding") rather than a bare description.
fn is_clause_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    lexicon::is_sentence_word(&lower)
        || lexicon::pronoun(&lower).is_some()
        || lexicon::cue(&lower).is_some()
        || ["ing", "ed", "ly", "en"]
            .iter()
            .any(|end| lower.ends_with(end))
}

/// Words that end the names of organisations, not of people.
fn is_organisation_word(word_lower: &str) -> bool {
    lexicon::is_body_head(word_lower)
        || matches!(
            word_lower,
            "inc"
                | "corp"
                | "co"
                | "ltd"
                | "llc"
                | "plc"
                | "group"
                | "workers"
                | "motors"
                | "airlines"
                | "campaign"
                | "company"
                | "corporation"
                | "bank"
                | "front"
                | "league"
                | "movement"
                | "alliance"
                | "federation"
                | "association"
                | "union"
                | "party"
                | "committee"
                | "council"
        )
}

/// The surname of a side given as a person's name ("Maria Lopez" → "Lopez"): two to
/// four capitalised words, none of them an organisation's or a title.
pub fn surname_of_person(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    let person_like = words.iter().all(|w| {
        let lower = w.trim_end_matches('.').to_lowercase();
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            && !is_organisation_word(&lower)
            && !lexicon::is_title(&lower)
    });
    let last = words[words.len() - 1];
    (person_like && !last.ends_with("ing")).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::speakers::{NpKind, SourceNp};

    fn two_sides() -> SideMatcher {
        SideMatcher::new(&[
            vec!["Acme Mining".into(), "Acme".into()],
            vec!["Lopez".into(), "Maria Lopez".into()],
        ])
    }

    #[test]
    fn an_appositive_names_the_side() {
        let m = two_sides();
        let text = "Jane Roe, an aide to Lopez, said the offer was late.";
        assert_eq!(appositive_side(text, "Jane Roe".len(), &m), Some(1));
        let text = "Tom Field, Acme's chief negotiator, said no.";
        assert_eq!(appositive_side(text, "Tom Field".len(), &m), Some(0));
        let text = "Tom Field, assistant trade representative, said no.";
        assert_eq!(
            appositive(text, "Tom Field".len(), Reading::Loose),
            Some("assistant trade representative")
        );
        // a capitalised office head opens a description too
        let text = "Sir Tom Field, Head of the Acme Delegation in Lima, said no.";
        assert_eq!(appositive_side(text, "Sir Tom Field".len(), &m), Some(0));
    }

    #[test]
    fn a_clause_after_a_name_is_no_appositive() {
        let m = two_sides();
        let text = "said Jane Roe, adding that Lopez would answer.";
        assert_eq!(appositive_side(text, "said Jane Roe".len(), &m), None);
        let text = "Jane Roe, however, said Lopez would answer.";
        assert_eq!(appositive(text, "Jane Roe".len(), Reading::Loose), None);
        let text = "Jane Roe, often praised by Lopez, said no.";
        assert_eq!(appositive_side(text, "Jane Roe".len(), &m), None);
        assert_eq!(appositive(text, "Jane Roe".len(), Reading::Loose), None);
        let text = "Jane Roe said Lopez would answer.";
        assert_eq!(appositive_side(text, "Jane Roe".len(), &m), None);
    }

    #[test]
    fn people_and_bodies_of_non_country_sides_pick_up_their_side() {
        use crate::article::{Article, Source};
        use crate::model::Party;
        let party = |id: &str, name: &str| Party {
            id: id.into(),
            name: name.into(),
            aliases: vec![],
            color: None,
        };
        let parties = [party("lopez", "Maria Lopez"), party("acme", "Acme Mining")];
        let text = "Strike talks stall\n\n\
            Jane Roe, an aide to Lopez, spoke first on Monday.\n\n\
            \"The offer came far too late for the miners,\" Roe said.\n\n\
            \"We made our best offer last week,\" a spokesman for Acme Mining said.\n\n\
            \"Nobody will go back down the shafts,\" the Lopez campaign said in a statement.\n";
        let article = Article::from_bytes(Source::Stdin, text.as_bytes());
        let found = crate::detect::detect(&article, Some(&parties));
        let got: Vec<Option<String>> = found
            .quotes
            .iter()
            .map(|q| q.party.as_ref().map(|p| p.to_string()))
            .collect();
        let want = ["lopez", "acme", "lopez"].map(|p| Some(p.to_string()));
        assert_eq!(got, want);
    }

    fn person(name: &str, at: usize, side: Option<usize>) -> SourceNp {
        SourceNp {
            kind: NpKind::Person,
            span: at..at + name.len(),
            name: name.into(),
            role: None,
            side,
        }
    }

    #[test]
    fn a_surname_alone_takes_the_side_of_the_longer_name_that_holds_it() {
        let mut entities = Entities::new();
        entities.resolve(&person("Kenji Mori of the Foreign Ministry", 0, Some(1)));
        let alone = entities.resolve(&person("Mori", 80, None));
        entities.resolve(&person("Lopez", 120, None));
        let alone = alone.expect("an entity");
        assert_ne!(alone, 0, "the test needs two entities");
        sides_from_namesakes(&mut entities);
        assert_eq!(entities.list[alone].side, Some(1));
        let lopez = entities.list.iter().find(|e| e.name == "Lopez");
        assert_eq!(lopez.and_then(|e| e.side), None);
    }

    #[test]
    fn an_appositive_after_a_mention_of_only_the_first_name_counts() {
        let m = two_sides();
        let text = "Jane Roe, an aide to Lopez, spoke.";
        let mut entities = Entities::new();
        // the mention holds "Jane" only; the entity's name is the whole "Jane Roe"
        let mut np = person("Jane Roe", 0, None);
        np.span = 0..4;
        entities.resolve(&np);
        sides_from_appositives(text, &mut entities, &m);
        assert_eq!(entities.list[0].side, Some(1));
    }

    #[test]
    fn a_person_side_has_a_surname_and_an_organisation_none() {
        assert_eq!(surname_of_person("Maria Lopez"), Some("Lopez"));
        assert_eq!(surname_of_person("United Mine Workers"), None);
        assert_eq!(surname_of_person("Acme Mining Corp"), None);
        assert_eq!(surname_of_person("Acme Mining"), None);
        assert_eq!(surname_of_person("Lopez"), None);
    }
}
