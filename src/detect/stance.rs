//! Clues from what speakers say: the side their reported speech is about ("Brazil
//! wants to resume payments, Gros said"; "Blair said Labour would …"), what they call
//! "our" ("our government", "our union"), and the sides they speak against (the object
//! of a hostile verb, or a side named in the third person beside a "we").

use super::evidence::{Clue, Evidence, Target};
use super::found::{Findings, Found};
use super::parties::SideMatcher;
use super::positions::Position;
use super::side_kind::{SideKind, kind_of_noun};
use super::side_words::{Class, classes, is};
use super::words::{hostile_object, lower, may_hold_we, words};
use crate::model::QuoteKind;
use std::ops::Range;

/// Words at the start of reported speech in which its subject is looked for: "that
/// the Labour government would", not the rest of the clause.
const SUBJECT_WORDS: usize = 4;

/// The stance of each position, looked for only in those that have a stater (a
/// speaker or a side): the stance clues and the choice of sides both read them, and an
/// attack with no one making it tells neither anything. With them, the clues of every
/// attributed position, which read the same words after the cue.
pub fn stances_and_clues(
    text: &str,
    findings: &Findings,
    sides: &SideMatcher,
    evidence: &mut Evidence,
) -> Vec<Stance> {
    let mut stances = Vec::with_capacity(findings.positions.len());
    for p in &findings.positions {
        if p.speaker.is_none() && p.side.is_none() {
            stances.push(Stance::default());
            continue;
        }
        let after_subject = &p.words[p.words.partition_point(|w| w.start < p.subject.end)..];
        let stance = stance(text, after_subject, sides);
        if let Some(e) = p.speaker {
            position_clues(text, (p, &stance, after_subject), e, sides, evidence);
        }
        stances.push(stance);
    }
    stances
}

/// The clues of a position of speaker `e`, with its stance and its words after the
/// subject.
fn position_clues(
    text: &str,
    (p, stance, after_subject): (&Position, &Stance, &[Range<usize>]),
    e: usize,
    sides: &SideMatcher,
    evidence: &mut Evidence,
) {
    for side in p.against.into_iter().chain(stance.attacked.iter().copied()) {
        evidence.add(e, Target::Side(side), Clue::Against);
    }
    let reported = reported_words(text, p, after_subject);
    // a side the stater attacks is the object of its verb, not the side it speaks
    // for ("Ministers have dismissed the Tory plans as …": "Tory plans" is no intent)
    let attacked = |side: &usize| p.against == Some(*side) || stance.attacked.contains(side);
    let spoken_for = reported_subject(text, &reported, sides).filter(|s| !attacked(s));
    if let Some(side) = spoken_for.or(stance.defended) {
        evidence.add(e, Target::Side(side), Clue::SpeaksFor);
    }
}

/// The clues of every attributed quotation: they need no stance, so they may be
/// gathered while the stances are worked out.
pub fn quotations_clues(
    text: &str,
    findings: &Findings,
    sides: &SideMatcher,
    evidence: &mut Evidence,
) {
    for q in findings.quotes.iter().filter(|q| q.kind != QuoteKind::Term) {
        let Some(e) = q.speaker else { continue };
        quotation_clues(text, q, e, sides, evidence);
    }
}

/// The side that is the subject of a position's reported speech (its words `ws`, from
/// [`reported_words`]): named in its first words, after the cue ("said Labour would
/// …") or, when the source follows the speech, at the sentence's start ("Brazil wants
/// …, Gros said").
fn reported_subject(text: &str, ws: &[Range<usize>], sides: &SideMatcher) -> Option<usize> {
    let head = ws.get(..SUBJECT_WORDS.min(ws.len()))?;
    let span = head.first()?.start..head.last()?.end;
    let phrase = &text[span.clone()];
    let (at, side) = sides.find(phrase).into_iter().next()?;
    let at = span.start + at;
    let mut buf = [0u8; 32];
    // a side after a preposition is no subject ("talks with Japan")
    let governed = ws
        .iter()
        .take_while(|w| w.start < at)
        .any(|w| is(Class::GoverningWord, &lower(&text[w.clone()], &mut buf)));
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
        [w, next] if is(Class::Copula, w) => is(Class::IntentAdjective, next),
        [w, ..] => is(Class::IntentVerb, w),
        [] => false,
    };
    (!governed && intends).then_some(side)
}

/// The words of a position's reported speech: after the cue ("said Labour would …"),
/// or, when the source follows the speech, from the sentence's start ("Brazil wants
/// …, Gros said"); without an opening "that". `after_subject` are its words after the
/// subject, which hold those after the cue.
fn reported_words(text: &str, p: &Position, after_subject: &[Range<usize>]) -> Vec<Range<usize>> {
    let cue_at = p.subject.end;
    // (the words before the subject are the content when the speech comes first)
    let before = p.words[..p.words.partition_point(|w| w.end <= p.subject.start)].to_vec();
    let speech_first = p.subject.is_empty() || before.len() >= SUBJECT_WORDS;
    let mut ws = if speech_first {
        before
    } else {
        let cue_end = text[cue_at..p.range.end]
            .find(char::is_whitespace)
            .map_or(p.range.end, |i| cue_at + i);
        // (the cue ends at a space, so no word runs across its end)
        let from = after_subject.partition_point(|w| w.start < cue_end);
        after_subject[from..].to_vec()
    };
    let mut buf = [0u8; 32];
    if ws
        .first()
        .is_some_and(|w| is(Class::SpeechOpener, &lower(&text[w.clone()], &mut buf)))
    {
        ws.remove(0);
    }
    ws
}

/// Words after a hostile verb in which its object is looked for.
const OBJECT_WORDS: usize = 4;

/// Words after a verb of defending in which the side defended is looked for.
const DEFENDED_WORDS: usize = 3;

/// What a position's stater does to the sides it names after its cue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stance {
    /// The sides it attacks ("… and attacked the Tory plans", "accused Marova of …"):
    /// named within a few words after a hostile verb.
    pub attacked: Vec<usize>,
    /// The side whose record or case it defends ("Gros defended Brazil's recent
    /// economic record", "promised to hail Labour's record"): named just after the
    /// first verb of defending.
    pub defended: Option<usize>,
}

/// The stance of one position, from one pass over its words after the subject (`ws`).
fn stance(text: &str, ws: &[Range<usize>], sides: &SideMatcher) -> Stance {
    let named_after = |verb: usize, reach: usize| {
        let object = hostile_object(text, &ws[verb + 1..(verb + 1 + reach).min(ws.len())]);
        let (first, last) = (object.first()?, object.last()?);
        sides.first(&text[first.start..last.end])
    };
    let mut buf = [0u8; 32];
    let mut out = Stance::default();
    let mut defending_seen = false;
    for (i, w) in ws.iter().enumerate() {
        let of = classes(&lower(&text[w.clone()], &mut buf));
        if !defending_seen && of.has(Class::DefendingVerb) {
            defending_seen = true;
            out.defended = named_after(i, DEFENDED_WORDS);
        }
        if of.has(Class::HostileVerb)
            && let Some(side) = named_after(i, OBJECT_WORDS)
            && !out.attacked.contains(&side)
        {
            out.attacked.push(side);
        }
    }
    out
}

/// Clues in one quotation of entity `e`: "our government" and its like; sides named in
/// the third person beside a "we".
fn quotation_clues(text: &str, q: &Found, e: usize, sides: &SideMatcher, evidence: &mut Evidence) {
    let range = q.range.clone();
    // (a quotation without "we", "us" or "our" gives no clue: its words are not split)
    if !may_hold_we(text, range.clone()) {
        return;
    }
    let ws = words(text, range.clone());
    let (mut buf, mut next_buf) = ([0u8; 32], [0u8; 32]);
    let mut first_person = false;
    for (i, w) in ws.iter().enumerate() {
        // (only a word of the length of "we", "our" or "ourselves" can be one: no
        // other characters lower-case to theirs)
        if !matches!(w.len(), 2 | 3 | 9) {
            continue;
        }
        match &*lower(&text[w.clone()], &mut buf) {
            "we" | "us" | "ourselves" => first_person = true,
            "our" => {
                first_person = true;
                let next = ws
                    .get(i + 1)
                    .map(|n| lower(&text[n.clone()], &mut next_buf));
                if let Some(target) = next.and_then(|n| our_target(&n)) {
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
    if is(Class::StateNoun, noun) {
        return Some(Target::State);
    }
    kind_of_noun(noun)
        .filter(|k| *k != SideKind::Party)
        .map(Target::Kind)
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
    let facing = |w: &String| is(Class::FacingPreposition, w);
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
            words: words(text, 0..text.len()),
        }
    }

    fn stance_of(t: &str, p: &Position) -> Stance {
        stance(t, &words(t, p.subject.end..p.range.end), &sides())
    }

    fn reported_of(t: &str, p: &Position) -> Vec<Range<usize>> {
        reported_words(t, p, &words(t, p.subject.end..p.range.end))
    }

    #[test]
    fn the_subject_of_reported_speech_is_the_side_spoken_for() {
        let t = "Ann Lee said Marova would never sign the accord.";
        assert_eq!(
            reported_subject(
                t,
                &reported_of(t, &position(t, "Ann Lee", "said")),
                &sides()
            ),
            Some(0)
        );
        let t = "Tessalia wants to resume the talks soon, central bank governor Ann Lee said.";
        assert_eq!(
            reported_subject(
                t,
                &reported_of(t, &position(t, "central", "said")),
                &sides()
            ),
            Some(1)
        );
        let t = "Ann Lee said talks with Marova would resume.";
        assert_eq!(
            reported_subject(
                t,
                &reported_of(t, &position(t, "Ann Lee", "said")),
                &sides()
            ),
            None
        );
    }

    #[test]
    fn a_side_attacked_is_not_spoken_for() {
        let clues_of = |t: &str, cue: &str, against: Option<usize>| {
            let p = Position {
                against,
                ..position(t, "Ministers", cue)
            };
            let findings = Findings {
                quotes: Vec::new(),
                positions: vec![p],
            };
            let mut ev = Evidence::new(1);
            stances_and_clues(t, &findings, &sides(), &mut ev);
            ev.of(0).to_vec()
        };
        // "the Marovan plans" after a hostile verb is its object, no intent of Marova's
        let t = "Ministers dismissed the Marovan plans as a stunt.";
        let clues = clues_of(t, "dismissed", Some(0));
        assert!(clues.contains(&(Target::Side(0), Clue::Against)));
        assert!(!clues.contains(&(Target::Side(0), Clue::SpeaksFor)));
        // with no attack, what a side plans is said for it
        let t = "Ministers said the Marovan plans would go ahead.";
        let clues = clues_of(t, "said", None);
        assert!(clues.contains(&(Target::Side(0), Clue::SpeaksFor)));
    }

    #[test]
    fn one_pass_finds_the_sides_attacked_and_the_side_defended() {
        let t = "Ann Lee said she defended Marova's record and attacked the Tessalia plan.";
        let got = stance_of(t, &position(t, "Ann Lee", "said"));
        assert_eq!(got.attacked, [1]);
        assert_eq!(got.defended, Some(0));
        let t = "Ann Lee said Marova would wait.";
        assert_eq!(
            stance_of(t, &position(t, "Ann Lee", "said")),
            Stance::default()
        );
    }

    #[test]
    fn a_side_in_the_complement_of_the_object_is_not_attacked() {
        // what was suggested is about Marova; the suggestions are what she rejected
        let t = "Ann Lee said she rejected suggestions that Marova would walk out.";
        let got = stance_of(t, &position(t, "Ann Lee", "said"));
        assert!(got.attacked.is_empty(), "{got:?}");
        // a "that" right after the verb opens what is warned of, and the side is its target
        let t = "Ann Lee said she warned that Marova would pay.";
        let got = stance_of(t, &position(t, "Ann Lee", "said"));
        assert_eq!(got.attacked, [0]);
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
