//! Clues from what speakers say: the side their reported speech is about ("Brazil
//! wants to resume payments, Gros said"; "Blair said Labour would …"), what they call
//! "our" ("our government", "our union"), and the sides they speak against (the object
//! of a hostile verb, or a side named in the third person beside a "we").

use super::attribution::{Findings, Found};
use super::evidence::{Clue, Evidence, Target};
use super::parties::SideMatcher;
use super::positions::Position;
use super::sides::{SideKind, kind_of_noun};
use super::words::{lower, words};
use crate::model::QuoteKind;
use std::ops::Range;

/// Words at the start of reported speech in which its subject is looked for: "that
/// the Labour government would", not the rest of the clause.
const SUBJECT_WORDS: usize = 4;

/// Gathers the clues of every attributed quotation and position.
pub fn stance_clues(text: &str, findings: &Findings, sides: &SideMatcher, evidence: &mut Evidence) {
    for p in &findings.positions {
        let Some(e) = p.speaker else { continue };
        for side in p.against.into_iter().chain(attacked(text, p, sides)) {
            evidence.add(e, Target::Side(side), Clue::Against);
        }
        if let Some(side) = reported_subject(text, p, sides).or_else(|| defended(text, p, sides)) {
            evidence.add(e, Target::Side(side), Clue::SpeaksFor);
        }
    }
    for q in findings.quotes.iter().filter(|q| q.kind != QuoteKind::Term) {
        let Some(e) = q.speaker else { continue };
        quotation_clues(text, q, e, sides, evidence);
    }
}

/// The side that is the subject of a position's reported speech: named in its first
/// words, after the cue ("said Labour would …") or, when the source follows the
/// speech, at the sentence's start ("Brazil wants …, Gros said").
fn reported_subject(text: &str, p: &Position, sides: &SideMatcher) -> Option<usize> {
    let cue_at = p.subject.end;
    let speech_first =
        p.subject.is_empty() || words(text, p.range.start..p.subject.start).len() >= SUBJECT_WORDS;
    let content = if speech_first {
        p.range.start..p.subject.start.min(cue_at)
    } else {
        let cue_end = text[cue_at..p.range.end]
            .find(char::is_whitespace)
            .map_or(p.range.end, |i| cue_at + i);
        cue_end..p.range.end
    };
    let mut ws = words(text, content);
    let mut buf = [0u8; 32];
    if ws.first().is_some_and(|w| {
        matches!(
            &*lower(&text[w.clone()], &mut buf),
            "that" | "on" | "yesterday" | "today"
        )
    }) {
        ws.remove(0);
    }
    let head = ws.get(..SUBJECT_WORDS.min(ws.len()))?;
    let span = head.first()?.start..head.last()?.end;
    let phrase = &text[span.clone()];
    let (at, side) = sides.find(phrase).into_iter().next()?;
    let at = span.start + at;
    // a side after a preposition is no subject ("talks with Japan")
    let governed = ws.iter().take_while(|w| w.start < at).any(|w| {
        matches!(
            &*lower(&text[w.clone()], &mut buf),
            "with" | "to" | "from" | "against" | "by" | "on" | "for" | "of" | "in" | "and"
        )
    });
    // what a side intends is said for it; what it must do, by the other
    let intends = ws
        .iter()
        .skip_while(|w| w.start <= at)
        .skip_while(|w| super::words::is_capitalized(&text[(*w).clone()]))
        .take(2)
        .map(|w| lower(&text[w.clone()], &mut buf).into_owned())
        .collect::<Vec<_>>();
    let intends = match intends.as_slice() {
        [w, next] if w == "would" || w == "will" => next != "have",
        [w, next] if matches!(w.as_str(), "is" | "was" | "are" | "were" | "remains") => {
            matches!(
                next.as_str(),
                "willing" | "ready" | "prepared" | "determined" | "committed"
            )
        }
        [w, ..] => is_intention(w),
        [] => false,
    };
    (!governed && intends).then_some(side)
}

/// Words after a hostile verb in which its object is looked for.
const OBJECT_WORDS: usize = 4;

/// The sides a position's stater attacks after its cue ("… and attacked the Tory
/// plans", "accused Marova of …"): named within a few words after a hostile verb.
pub fn attacked(text: &str, p: &Position, sides: &SideMatcher) -> Vec<usize> {
    let ws = words(text, p.subject.end..p.range.end);
    let mut buf = [0u8; 32];
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        if !super::positions::is_hostile(&lower(&text[w.clone()], &mut buf)) {
            continue;
        }
        let object = &ws[i + 1..(i + 1 + OBJECT_WORDS).min(ws.len())];
        if let (Some(first), Some(last)) = (object.first(), object.last())
            && let Some(side) = sides.first(&text[first.start..last.end])
            && !out.contains(&side)
        {
            out.push(side);
        }
    }
    out
}

/// The side whose record or case the stater of a position defends ("Gros defended
/// Brazil's recent economic record", "promised to hail Labour's record").
fn defended(text: &str, p: &Position, sides: &SideMatcher) -> Option<usize> {
    let ws = words(text, p.subject.end..p.range.end);
    let mut buf = [0u8; 32];
    let verb = ws.iter().position(|w| {
        matches!(
            &*lower(&text[w.clone()], &mut buf),
            "defend" | "defends" | "defended" | "defending" | "hail" | "hails" | "hailed"
        )
    })?;
    let object = ws.get(verb + 1..(verb + 4).min(ws.len()))?;
    let span = object.first()?.start..object.last()?.end;
    sides.first(&text[span])
}

/// Verbs of what a subject means to do ("Labour would …", "Brazil wants …"), which its
/// own side says of it; what it must do ("X would have to", "X should") is said by
/// the other.
fn is_intention(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "would"
            | "will"
            | "wants"
            | "plans"
            | "intends"
            | "hopes"
            | "aims"
            | "seeks"
            | "wishes"
            | "proposes"
            | "favours"
            | "favors"
            | "supports"
            | "offered"
            | "promised"
            | "pledged"
    )
}

/// Clues in one quotation of entity `e`: "our government" and its like; sides named in
/// the third person beside a "we".
fn quotation_clues(text: &str, q: &Found, e: usize, sides: &SideMatcher, evidence: &mut Evidence) {
    let range = q.range.clone();
    let ws = words(text, range.clone());
    let mut buf = [0u8; 32];
    let lowered: Vec<String> = ws
        .iter()
        .map(|w| lower(&text[w.clone()], &mut buf).into_owned())
        .collect();
    let mut first_person = false;
    for (i, w) in lowered.iter().enumerate() {
        match w.as_str() {
            "we" | "us" | "ourselves" => first_person = true,
            "our" => {
                first_person = true;
                if let Some(target) = lowered.get(i + 1).and_then(|n| our_target(n)) {
                    evidence.add(e, target, Clue::Our);
                }
            }
            _ => {}
        }
    }
    if !first_person {
        return;
    }
    for (at, side) in sides.find(&text[range.clone()]) {
        if faces_us(text, &ws, range.start + at) {
            evidence.add(e, Target::Side(side), Clue::Against);
        }
    }
}

/// What "our X" says of the speaker: "our government" (the state's), "our union".
fn our_target(noun: &str) -> Option<Target> {
    match noun {
        "government" | "country" | "nation" | "administration" | "ministry" => Some(Target::State),
        _ => kind_of_noun(noun)
            .filter(|k| *k != SideKind::Party)
            .map(Target::Kind),
    }
}

/// Whether the side named at byte `at` is the other party of something the speaker's
/// "we" does: after a preposition that faces it ("our talks with the U.S.", "we
/// compete against Japan"), not after "our" ("our Labour government").
fn faces_us(text: &str, ws: &[Range<usize>], at: usize) -> bool {
    let i = ws.partition_point(|w| w.start < at);
    let mut buf = [0u8; 32];
    let before: Vec<String> = ws[i.saturating_sub(2)..i]
        .iter()
        .map(|w| lower(&text[w.clone()], &mut buf).into_owned())
        .collect();
    let facing = |w: &String| {
        matches!(
            w.as_str(),
            "with" | "against" | "from" | "to" | "than" | "towards" | "versus"
        )
    };
    match before.as_slice() {
        [.., last] if facing(last) => true,
        [prep, det] => facing(prep) && det == "the",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides() -> SideMatcher {
        SideMatcher::new(&[
            vec!["Marova".into(), "Marovan".into()],
            vec!["Tessalia".into()],
        ])
    }

    fn position(text: &str, source: &str, cue: &str) -> Position {
        let s = text.find(source).unwrap_or(0);
        let c = text.find(cue).unwrap_or(0);
        Position {
            range: 0..text.len(),
            speaker: Some(0),
            side: None,
            against: None,
            subject: s.min(c)..c,
        }
    }

    #[test]
    fn the_subject_of_reported_speech_is_the_side_spoken_for() {
        let t = "Ann Lee said Marova would never sign the accord.";
        assert_eq!(
            reported_subject(t, &position(t, "Ann Lee", "said"), &sides()),
            Some(0)
        );
        let t = "Tessalia wants to resume the talks soon, central bank governor Ann Lee said.";
        assert_eq!(
            reported_subject(t, &position(t, "central", "said"), &sides()),
            Some(1)
        );
        let t = "Ann Lee said talks with Marova would resume.";
        assert_eq!(
            reported_subject(t, &position(t, "Ann Lee", "said"), &sides()),
            None
        );
    }

    #[test]
    fn a_side_beside_we_is_another_and_our_government_is_the_state() {
        let text = "\"We have to give more than we take from our talks with Tessalia and our government knows it,\" he said.";
        let q = Found {
            range: 0..text.find(" he").unwrap_or(0),
            kind: QuoteKind::Direct,
            speaker: Some(0),
            cue: None,
            continues: None,
        };
        let mut ev = Evidence::new(1);
        quotation_clues(text, &q, 0, &sides(), &mut ev);
        assert!(ev.of(0).contains(&(Target::Side(1), Clue::Against)));
        assert!(ev.of(0).contains(&(Target::State, Clue::Our)));
    }
}
