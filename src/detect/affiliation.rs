//! Affiliation: how a person or body picks up a side that is not named in its title.
//! An appositive after a name ("Ole Brask, the European Community representative,",
//! "Jane Roe, an aide to Smith,") names it; and a side given as a person ("Maria
//! Lopez") is also called by the surname alone ("Lopez's spokeswoman", "the Lopez
//! campaign"). Sides named inside a source phrase ("a spokesman for Acme") are found
//! there by the matcher already. What the text calls a speaker before other mentions
//! of the surname is read in [`titles`]; what a parties file lists, in [`listed`].

use super::appositive::{Reading, appositive, appositive_side};
use super::entities::{Entities, Entity, EntityKind, mention_ends};
use super::evidence::{Clue, Evidence, Target};
use super::lexicon;
use super::parties::SideMatcher;
use super::side_kind::SideKind;
use super::side_words::{Class, is};
use std::collections::HashMap;

mod body_ref;
mod echo;
pub mod listed;
mod owner;

pub use echo::echoed_office_clues;
pub mod titles;
mod trade_voice;
mod voice;
pub use trade_voice::trade_voice_clues;
pub use voice::voice_clues;

/// Each speaker's descriptions ([`descriptions`]) with the side each names, by entity
/// (none for those who do not speak): read once for the appositive and office clues,
/// which both weigh them.
pub type Described<'a> = Vec<Vec<(&'a str, Option<usize>)>>;

/// The [`Described`] of `entities`.
pub fn described<'a>(text: &'a str, entities: &'a Entities, sides: &SideMatcher) -> Described<'a> {
    let named = |e: &'a Entity| descriptions(text, e).map(|d| (d, sides.first(d))).collect();
    let of = |e: &'a Entity| if e.speaks { named(e) } else { Vec::new() };
    entities.list.iter().map(of).collect()
}

/// The sides named in the appositives after each speaker's mentions.
pub fn appositive_clues(
    text: &str,
    (entities, described): (&Entities, &Described),
    (sides, kinds): (&SideMatcher, &[SideKind]),
    evidence: &mut Evidence,
) {
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        for end in mention_ends(text, e) {
            if let Some(side) = appositive_side(text, end, sides) {
                evidence.add(i, Target::Side(side), Clue::Appositive);
            }
        }
        let members = described[i].iter().filter_map(|&d| member_of(d, sides));
        for side in members {
            evidence.add(i, Target::Side(side), Clue::Appositive);
        }
        let owner = owner::owner_by_pronoun(text, entities, e, (sides, kinds))
            .or_else(|| body_ref::owner_by_noun(text, e, sides))
            .or_else(|| body_ref::place_of_body(text, e, sides));
        if let Some(side) = owner {
            evidence.add(i, Target::Side(side), Clue::Appositive);
        }
    }
}

/// The side whose members a description names by its head noun, when it names no side
/// itself: "a senior ranger" of the side called "rangers" (the Rangers' Association),
/// "a primary school teacher" of "teachers".
fn member_of((description, named): (&str, Option<usize>), sides: &SideMatcher) -> Option<usize> {
    if named.is_some() {
        return None;
    }
    // the head noun ends the phrase or comes before its complement ("a vet in the hill
    // country")
    let head = description
        .split_whitespace()
        .take_while(|w| !is(Class::RoleComplement, w))
        .last()?;
    sides.first(&super::bodies::member_plural(head)?)
}

/// For a person known by one word ("Tarnow"), the side of the entities whose longer
/// name holds that word, when they agree: the same person, met first with a title that
/// named the side.
pub fn namesake_clues(entities: &Entities, evidence: &mut Evidence) {
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
    for (i, e) in entities.list.iter().enumerate() {
        if !e.speaks || e.kind != EntityKind::Person || e.name.contains(' ') {
            continue;
        }
        if let Some(&(Some(side), true)) = by_word.get(e.name.as_str()) {
            evidence.add(i, Target::Side(side), Clue::Namesake);
        }
    }
}
/// What a speaker is called: its name, title and the appositives after its mentions.
fn descriptions<'a>(text: &'a str, e: &'a Entity) -> impl Iterator<Item = &'a str> {
    std::iter::once(e.name.as_str())
        .chain(e.role.as_deref())
        .chain(mention_ends(text, e).filter_map(|end| appositive(text, end, Reading::Loose)))
}

/// Words that end the names of organisations, not of people.
fn is_organisation_word(word_lower: &str) -> bool {
    lexicon::is_body_head(word_lower) || is(Class::OrganisationEnd, word_lower)
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

/// The side every one of `found` is, when there is one and they agree.
fn agreed(found: impl IntoIterator<Item = usize>) -> Option<usize> {
    let mut found = found.into_iter();
    let first = found.next()?;
    found.all(|s| s == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::speakers::{NpKind, SourceNp};
    use crate::model::Party;

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
        // an owner's name of several words opens one, singular or plural possessive
        let text = "Tom Field, Acme Mining's chief negotiator, said no.";
        assert_eq!(appositive_side(text, "Tom Field".len(), &m), Some(0));
        let text = "Tom Field, Acme Minings' chief negotiator, said no.";
        assert!(appositive(text, "Tom Field".len(), Reading::Strict).is_some());
        // a "who" clause that says whose the person is
        let text = "Tom Field, who leads Acme's delegation, said no.";
        assert_eq!(appositive_side(text, "Tom Field".len(), &m), Some(0));
        // a capitalised office head opens a description too
        let text = "Sir Tom Field, Head of the Acme Delegation in Lima, said no.";
        assert_eq!(appositive_side(text, "Sir Tom Field".len(), &m), Some(0));
    }

    #[test]
    fn an_officer_opened_by_its_speaks_for_the_body_named_just_before() {
        use crate::article::{Article, Source};
        let story = "Crews at Fenmark Ferries strike\n\n\
            Crews at Fenmark Ferries walked out on Friday, backed by the Seafarers Guild.\n\n\
            Fenmark Ferries called the strike reckless. Its finance director, Lena Voss, \
            said an offer was made. \"The offer is on the table,\" Voss said.\n";
        let parties: Vec<Party> = [("ferries", "Fenmark Ferries"), ("guild", "Seafarers Guild")]
            .map(|(id, name)| Party {
                id: id.into(),
                name: name.into(),
                ..Default::default()
            })
            .into();
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let found = crate::detect::detect(&article, Some(&parties));
        let voss = found.speakers.iter().find(|s| s.name == "Lena Voss");
        assert_eq!(voss.and_then(|s| s.party.as_deref()), Some("ferries"));
    }

    #[test]
    fn a_clause_after_a_name_is_no_appositive() {
        let m = two_sides();
        let text = "said Jane Roe, adding that Lopez would answer.";
        assert_eq!(appositive_side(text, "said Jane Roe".len(), &m), None);
        let text = "Jane Roe, however, said Lopez would answer.";
        assert_eq!(appositive(text, "Jane Roe".len(), Reading::Loose), None);
        let text = "Jane Roe, who met Lopez, said no.";
        assert_eq!(appositive_side(text, "Jane Roe".len(), &m), None);
        let text = "Jane Roe, often praised by Lopez, said no.";
        assert_eq!(appositive_side(text, "Jane Roe".len(), &m), None);
        assert_eq!(appositive(text, "Jane Roe".len(), Reading::Loose), None);
        let text = "Jane Roe said Lopez would answer.";
        assert_eq!(appositive_side(text, "Jane Roe".len(), &m), None);
    }

    #[test]
    fn people_and_bodies_of_non_country_sides_pick_up_their_side() {
        use crate::article::{Article, Source};
        let party = |id: &str, name: &str| Party {
            id: id.into(),
            name: name.into(),
            aliases: vec![],
            color: None,
            ..Default::default()
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
        for e in &mut entities.list {
            e.speaks = true;
        }
        let mut evidence = Evidence::new(entities.list.len());
        namesake_clues(&entities, &mut evidence);
        assert_eq!(evidence.of(alone), [(Target::Side(1), Clue::Namesake)]);
        let lopez = entities.list.iter().position(|e| e.name == "Lopez");
        assert_eq!(lopez.map(|i| evidence.of(i).len()), Some(0));
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
        entities.list[0].speaks = true;
        let mut evidence = Evidence::new(1);
        let described = described(text, &entities, &m);
        appositive_clues(text, (&entities, &described), (&m, &[]), &mut evidence);
        assert_eq!(evidence.of(0), [(Target::Side(1), Clue::Appositive)]);
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
