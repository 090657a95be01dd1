//! The annotations the detector writes: its findings and entities given ids, sides,
//! context and their `auto` origin, as the model holds them.

use super::entities::Entities;
use super::found::{Findings, Found};
use super::side_words::{Class, is};
use super::{CONTEXT_CHARS, positions};
use crate::model::{
    Id, Origin, Party, Position, Quote, QuoteKind, Snippet, Speaker, Status, shared_context,
};
use std::collections::HashMap;
use std::sync::Arc;

/// The annotations of the quotations and positions found, all but their sides, and
/// each entity's speaker id. Why apart from the sides: none of it waits for the sides
/// to be decided, so on a large article it is made on another thread meanwhile.
pub(super) struct Drafts {
    /// The entities that speak, as (entity, speaker with no party yet).
    pub(super) speakers: Vec<(usize, Speaker)>,
    /// One for each quotation found, in order, with no party yet.
    pub(super) quotes: Vec<Quote>,
    /// One for each position found, in order, with no party yet.
    pub(super) positions: Vec<Position>,
}

impl Drafts {
    /// The drafts of the findings of an article of `text`.
    pub(super) fn of(text: &Arc<String>, findings: &Findings, entities: &Entities) -> Drafts {
        let ids = speaker_ids(entities);
        let speakers = speakers(text, &ids, entities);
        let quotes = (findings.quotes.iter().enumerate())
            .map(|(n, q)| quote(text, &ids, n, q))
            .collect();
        let positions = (findings.positions.iter().enumerate())
            .map(|(n, p)| position(text, &ids, n, p))
            .collect();
        Drafts {
            speakers,
            quotes,
            positions,
        }
    }
}

/// What the annotations call the detector's sides.
pub(super) struct Labels<'a> {
    /// The sides of the story, as indexes into the candidate sides.
    pub(super) chosen: Vec<usize>,
    /// The parties for the chosen sides, in the same order.
    pub(super) parties: &'a [Party],
    /// Each entity's side, as an index into the candidate sides.
    pub(super) speaker_sides: Vec<Option<usize>>,
}

impl Labels<'_> {
    /// The party id of a candidate side, if it is one of the story's.
    fn party_id(&self, side: Option<usize>) -> Option<Id> {
        let k = self.chosen.iter().position(|&c| Some(c) == side)?;
        self.parties.get(k).map(|p| Id::from(p.id.as_str()))
    }

    /// The drafts of the speakers with their parties.
    pub(super) fn speakers(&self, drafts: Vec<(usize, Speaker)>) -> Vec<Speaker> {
        let party = |(e, s): (usize, Speaker)| Speaker {
            party: self.party_id(self.speaker_sides[e]),
            ..s
        };
        drafts.into_iter().map(party).collect()
    }

    /// The drafts of the quotations `found` with their speakers' parties.
    pub(super) fn quotes(&self, mut drafts: Vec<Quote>, found: &[Found]) -> Vec<Quote> {
        for (q, f) in drafts.iter_mut().zip(found) {
            let speaker = f.speaker.filter(|_| f.kind != QuoteKind::Term);
            q.party = speaker.and_then(|e| self.party_id(self.speaker_sides[e]));
        }
        drafts
    }

    /// The drafts of the positions `found` with their staters' parties.
    pub(super) fn positions(
        &self,
        mut drafts: Vec<Position>,
        found: &[positions::Position],
    ) -> Vec<Position> {
        for (d, p) in drafts.iter_mut().zip(found) {
            let side = p.speaker.and_then(|e| self.speaker_sides[e]).or(p.side);
            d.party = self.party_id(side);
        }
        drafts
    }
}

/// The entities that speak, with their mentions and the mentions' texts, and no party.
fn speakers(text: &Arc<String>, ids: &[Id], entities: &Entities) -> Vec<(usize, Speaker)> {
    let mut out = Vec::new();
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        let mut mentions: Vec<[usize; 2]> = e.mentions.iter().map(|r| [r.start, r.end]).collect();
        mentions.sort_unstable();
        mentions.dedup();
        let speaker = Speaker {
            id: ids[i].clone(),
            // (a document is no one: "a Cuban statement" stays "Cuban statement")
            name: if e.heads.iter().any(|h| is(Class::DocumentNoun, h)) {
                e.name.clone()
            } else {
                introduced_name(text, &e.name, mentions.first())
            },
            role: e.role.clone(),
            party: None,
            mention_text: mentions
                .iter()
                .map(|m| Snippet::shared(text, m[0]..m[1]))
                .collect(),
            mentions,
            origin: Origin::Auto,
        };
        out.push((i, speaker));
    }
    out
}

/// What a speaker is called: its name, or for someone never named, the description as
/// the article first gave it with its article ("a Druski officer", "an economist at the
/// institute"). Why: "BMA spokesman" alone reads as a title someone holds; the article
/// marks one unnamed person, as a reader would say it.
fn introduced_name(text: &str, name: &str, first: Option<&[usize; 2]>) -> String {
    let Some(&[start, end]) = first else {
        return name.to_string();
    };
    let introduced = text[start..end].split_once(' ').filter(|(article, rest)| {
        (article.eq_ignore_ascii_case("a") || article.eq_ignore_ascii_case("an")) && *rest == name
    });
    match introduced {
        Some((article, _)) => format!("{} {name}", article.to_lowercase()),
        None => name.to_string(),
    }
}

/// The `n`th quotation found, with no party.
fn quote(text: &Arc<String>, ids: &[Id], n: usize, q: &Found) -> Quote {
    let (prefix, suffix) = shared_context(text, q.range.start, q.range.end, CONTEXT_CHARS);
    let speaker = q.speaker.filter(|_| q.kind != QuoteKind::Term);
    Quote {
        id: numbered('q', n + 1),
        start: q.range.start,
        end: q.range.end,
        text: Snippet::shared(text, q.range.clone()),
        speaker: speaker.map(|e| ids[e].clone()),
        party: None,
        kind: q.kind,
        cue: q.cue.as_ref().map(|c| [c.start, c.end]),
        cue_text: (q.cue.clone()).map_or_else(Snippet::default, |c| Snippet::shared(text, c)),
        origin: Origin::Auto,
        status: Status::Suggested,
        recheck: None,
        note: None,
        prefix,
        suffix,
    }
}

/// The `n`th position found, with no party.
fn position(text: &Arc<String>, ids: &[Id], n: usize, p: &positions::Position) -> Position {
    let (prefix, suffix) = shared_context(text, p.range.start, p.range.end, CONTEXT_CHARS);
    Position {
        id: numbered('p', n + 1),
        start: p.range.start,
        end: p.range.end,
        text: Snippet::shared(text, p.range.clone()),
        party: None,
        speaker: p.speaker.map(|e| ids[e].clone()),
        origin: Origin::Auto,
        status: Status::Suggested,
        recheck: None,
        note: None,
        prefix,
        suffix,
    }
}

/// An annotation id: a letter and a number ("q12"). Written by hand: there is one for
/// each annotation, and the formatting machinery costs more than the rest of the id.
fn numbered(letter: char, n: usize) -> Id {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = Id::with_capacity(1 + digits.len() - at);
    id.push(letter);
    id.extend(digits[at..].iter().map(|&d| char::from(d)));
    id
}

/// Stable ids: the slug of each name, numbered when two names share one.
fn speaker_ids(entities: &Entities) -> Vec<Id> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    entities
        .list
        .iter()
        .map(|e| {
            let base = slug(&e.name);
            let n = seen.entry(base.clone()).or_default();
            *n += 1;
            if *n == 1 {
                Id::from(base)
            } else {
                compact_str::format_compact!("{base}-{n}")
            }
        })
        .collect()
}

/// Lower-case letters and digits joined by single hyphens ("Ian Kelly" → "ian-kelly").
/// (Every speaker and side of every article is given one: an ASCII character is
/// told and lowered by byte, and the string sized once.)
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        let kept = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if !kept {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push('-');
        }
        gap = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    if out.is_empty() {
        "speaker".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_joins_lowered_letters_and_digits_by_single_hyphens() {
        for (name, want) in [
            ("Ian Kelly", "ian-kelly"),
            (" --Dr. José  ÑÚÑEZ-- 2nd ", "dr-josé-ñúñez-2nd"),
            ("İstanbul’s Mayor", "i\u{307}stanbul-s-mayor"),
            ("ΣΟΦΙΑ", "σοφια"),
            ("O'Neill & Co.", "o-neill-co"),
            ("", "speaker"),
            (" - . ", "speaker"),
        ] {
            assert_eq!(slug(name), want, "{name:?}");
        }
    }

    #[test]
    fn ids_are_numbered_like_format_would() {
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(numbered('q', n), format!("q{n}"));
        }
    }
}
