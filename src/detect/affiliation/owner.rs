//! The owner a role opened by a possessive pronoun refers back to: "Its chief operating
//! officer" speaks for the body named just before, "Their foreign minister" for the
//! side just named in the plural ("The Pridonians had demanded … Their foreign
//! minister, Stefan Radu, said"), "the party's transport spokesman" for the party just
//! named.

use crate::detect::entities::{Entities, Entity, EntityKind};
use crate::detect::parties::SideMatcher;
use crate::detect::side_kind::SideKind;

/// How far before a speaker's first mention the owner its pronoun refers to may be
/// named.
const OWNER_BYTES: usize = 300;

/// The side of the owner that the pronoun opening a speaker's role ("Its", "Their") or
/// "the party's" refers back to (`kinds`: each side's kind).
pub(super) fn owner_by_pronoun(
    text: &str,
    entities: &Entities,
    e: &Entity,
    (sides, kinds): (&SideMatcher, &[SideKind]),
) -> Option<usize> {
    let at = e.mentions.first()?.start;
    let is_party = |s: usize| kinds.get(s) == Some(&SideKind::Party);
    if party_noun_role(e) {
        return last_side_named(text, at, sides, Number::Party(&is_party));
    }
    let role = e.role.as_deref()?;
    let (first, _) = role.split_once(' ')?;
    if first.eq_ignore_ascii_case("its") {
        // (a body named just before that is no side owns the role all the same: "The
        // Head Teachers' Association said … its general secretary" is none of the sides)
        match owner_by_its(entities, at, sides) {
            Some(body) => body,
            None => last_side_named(text, at, sides, Number::Any),
        }
    } else if first.eq_ignore_ascii_case("their") {
        last_side_named(text, at, sides, Number::Plural)
    } else if is_party_possessive(first) {
        // (a party is named by a capitalised word: "the government" that a side's
        // names may hold is no party the narrator calls "the party")
        // (what the role itself names is its portfolio: read up to the role)
        let role_at = text[..at].rfind(first).unwrap_or(at);
        last_side_named(text, role_at, sides, Number::Party(&is_party))
    } else {
        None
    }
}

/// Whether a speaker known by role alone is named by the lower-case noun "party" before
/// a title ("a party spokeswoman", "a senior party source"): the party just named, as
/// for "the party's".
fn party_noun_role(e: &Entity) -> bool {
    if e.role.is_some() {
        return false;
    }
    let mut words = e
        .name
        .split(' ')
        .skip_while(|w| ["a", "an", "the", "one"].contains(w))
        .skip_while(|w| crate::detect::lexicon::rank(w).is_some());
    words.next() == Some("party") && words.next().is_some()
}

/// Whether a word is "party's", the possessive that makes the office after it a party's
/// portfolio ("the party's Treasury spokesman" speaks for the party, not the Treasury).
pub(in crate::detect) fn is_party_possessive(word: &str) -> bool {
    ["party's", "party’s"]
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
}

/// The side of the body a role opened by "its" belongs to ("Brask Air called the strike
/// irresponsible. Its chief operating officer, Lena Voss, said …"): the body mentioned
/// last before the speaker's first mention at `at`, close before it. `None` when no body
/// is named there, `Some(None)` when the body is no side.
fn owner_by_its(entities: &Entities, at: usize, sides: &SideMatcher) -> Option<Option<usize>> {
    let body = entities
        .list
        .iter()
        .filter(|b| b.kind == EntityKind::Body)
        .filter_map(|b| {
            let m = b.mentions.iter().rev().find(|m| m.end <= at)?;
            (at - m.end <= OWNER_BYTES).then_some((m.end, b))
        })
        .max_by_key(|(end, _)| *end)?
        .1;
    Some(body.side.or_else(|| sides.first(&body.name)))
}

/// Which names of a side a pronoun may refer back to.
#[derive(Clone, Copy)]
enum Number<'a> {
    Any,
    /// A name in the plural ("the Pridonians"): "their" is no country's or company's.
    Plural,
    /// A capitalised name of a side the test passes: "the party's" is a party's.
    Party(&'a dyn Fn(usize) -> bool),
}

/// The side named last before `at`, close before it, outside quotations.
fn last_side_named(text: &str, at: usize, sides: &SideMatcher, number: Number) -> Option<usize> {
    let mut last = None;
    for piece in narrators_pieces_before(text, at) {
        for (offset, side) in sides.find(piece) {
            let word = piece[offset..]
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            let keep = match number {
                Number::Any => true,
                Number::Plural => word.len() > 3 && word.ends_with('s'),
                Number::Party(is_party) => word.starts_with(char::is_uppercase) && is_party(side),
            };
            if keep {
                last = Some(side);
            }
        }
    }
    last
}

/// The narrator's stretches of the text close before `at` (within [`OWNER_BYTES`]),
/// outside quotation marks: what a speaker says of a body is not what the narrator's
/// pronoun or noun refers to. Paragraphs are read whole from the first one the window
/// reaches, so quotation marks pair; a mark left open ends at its paragraph's end.
pub(super) fn narrators_pieces_before(text: &str, at: usize) -> impl Iterator<Item = &str> {
    let from = crate::detect::words::floor_boundary(text, at.saturating_sub(OWNER_BYTES));
    let from = text[..from].rfind('\n').map_or(0, |i| i + 1);
    // (the even pieces between quotation marks are the narrator's)
    text[from..at]
        .split('\n')
        .flat_map(|paragraph| paragraph.split(['"', '“', '”']).step_by(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_sides() -> SideMatcher {
        SideMatcher::new(&[
            vec!["Pridonia".into(), "Pridonian".into(), "Pridonians".into()],
            vec!["Tervo".into()],
        ])
    }

    #[test]
    fn their_refers_to_the_side_last_named_in_the_plural() {
        let m = two_sides();
        let text = "Tervo met them. The Pridonians had asked for more. Their envoy, Ann Bell, said";
        let at = text.find("Ann").unwrap_or(0);
        assert_eq!(last_side_named(text, at, &m, Number::Plural), Some(0));
        // a singular name is no "their"
        let text = "The Pridonian envoy met Tervo. Their envoy, Ann Bell, said";
        let at = text.find("Ann").unwrap_or(0);
        assert_eq!(last_side_named(text, at, &m, Number::Plural), None);
    }

    #[test]
    fn the_side_named_last_is_read_outside_quotations() {
        let m = two_sides();
        let text = "A Tervo spokeswoman said no. \"The Pridonian board erred,\" she said.\n\n\
            Its chief executive, Ann Bell, said";
        let at = text.find("Ann").unwrap_or(0);
        assert_eq!(last_side_named(text, at, &m, Number::Any), Some(1));
    }

    #[test]
    fn the_partys_spokesman_speaks_for_the_party_named_before_not_the_office() {
        use crate::detect::test_support::{party, quote_sides, sides};
        let story = "Ferry fares row\n\n\
            The Coast Party has promised to cut ferry fares for islanders. The party's \
            Treasury spokesman, Mara Lind, said the cut would cost little. \"Islanders pay \
            too much,\" Ms Lind said.\n\n\
            Valley Party minister Karl Dune said the plan was not costed. \"It is a \
            fantasy,\" he said.\n";
        let parties = [
            party(
                "valley",
                "Valley Party",
                &["Valley", "the government", "Treasury"],
            ),
            party("coast", "Coast Party", &["Coast"]),
        ];
        assert_eq!(quote_sides(story, &parties), sides(&["coast", "valley"]));
        // "the government" named last is no party the narrator calls "the party"
        let government = story.replace(
            "for islanders.",
            "for islanders, though the government says they are low.",
        );
        assert_eq!(
            quote_sides(&government, &parties),
            sides(&["coast", "valley"])
        );
    }

    #[test]
    fn a_party_spokeswoman_speaks_for_the_party_just_named() {
        use crate::detect::test_support::{party, quote_sides, sides};
        let story = "Ferry row\n\n\
            \"The fleet is safe,\" Transport Secretary Ida Marsh said.\n\n\
            The Coast Party answered, with a party spokeswoman saying the plan was \
            \"a fantasy\" from the start.\n";
        let parties = [
            party("valley", "Valley Party", &["Valley"]),
            party("coast", "Coast Party", &["Coast"]),
        ];
        assert_eq!(quote_sides(story, &parties)[1], sides(&["coast"])[0]);
    }

    #[test]
    fn its_officer_is_the_body_named_just_before_though_it_is_no_side() {
        use crate::detect::test_support::{party, quote_sides};
        let story = "Ferry fares row\n\n\
            The Coast Party has promised to cut ferry fares. \"Islanders pay too much,\" \
            said Coast Party leader Mara Lind.\n\n\
            The Island Hauliers' Association said it would wait for the details. \"We will \
            work with whoever wins,\" its chairman, Tom Reid, said.\n";
        let parties = [
            party("valley", "Valley Party", &["Valley"]),
            party("coast", "Coast Party", &["Coast"]),
        ];
        let got = quote_sides(story, &parties);
        assert_eq!(got, [Some("coast".to_string()), None]);
    }
}
