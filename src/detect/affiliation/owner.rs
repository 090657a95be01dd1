//! The owner a role opened by a possessive pronoun refers back to: "Its chief operating
//! officer" speaks for the body named just before, "Their foreign minister" for the
//! side just named in the plural ("The Pridonians had demanded … Their foreign
//! minister, Stefan Radu, said").

use crate::detect::entities::{Entities, Entity, EntityKind};
use crate::detect::parties::SideMatcher;

/// How far before a speaker's first mention the owner its pronoun refers to may be
/// named.
const OWNER_BYTES: usize = 300;

/// The side of the owner that the pronoun opening a speaker's role ("Its", "Their")
/// refers back to.
pub(super) fn owner_by_pronoun(
    text: &str,
    entities: &Entities,
    e: &Entity,
    sides: &SideMatcher,
) -> Option<usize> {
    let role = e.role.as_deref()?;
    let (first, _) = role.split_once(' ')?;
    let at = e.mentions.first()?.start;
    if first.eq_ignore_ascii_case("its") {
        owner_by_its(entities, at, sides).or_else(|| last_side_named(text, at, sides, Number::Any))
    } else if first.eq_ignore_ascii_case("their") {
        last_side_named(text, at, sides, Number::Plural)
    } else {
        None
    }
}

/// The side of the body a role opened by "its" belongs to ("Brask Air called the strike
/// irresponsible. Its chief operating officer, Lena Voss, said …"): the body mentioned
/// last before the speaker's first mention at `at`, close before it.
fn owner_by_its(entities: &Entities, at: usize, sides: &SideMatcher) -> Option<usize> {
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
    body.side.or_else(|| sides.first(&body.name))
}

/// Which names of a side a pronoun may refer back to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Number {
    Any,
    /// A name in the plural ("the Pridonians"): "their" is no country's or company's.
    Plural,
}

/// The side named last before `at`, close before it, outside quotations (what a speaker
/// says of another side is not what the narrator's pronoun refers to). Paragraphs are
/// read whole from the first one the window reaches, so quotation marks pair.
fn last_side_named(text: &str, at: usize, sides: &SideMatcher, number: Number) -> Option<usize> {
    let from = crate::detect::words::floor_boundary(text, at.saturating_sub(OWNER_BYTES));
    let from = text[..from].rfind('\n').map_or(0, |i| i + 1);
    let mut last = None;
    for paragraph in text[from..at].split('\n') {
        // (the even pieces between quotation marks are the narrator's)
        for piece in paragraph.split(['"', '“', '”']).step_by(2) {
            for (offset, side) in sides.find(piece) {
                let word = piece[offset..]
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                let plural = word.len() > 3 && word.ends_with('s');
                if number == Number::Any || plural {
                    last = Some(side);
                }
            }
        }
    }
    last
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
}
