//! Runs that name a body ("National Association of Head Teachers", "the Foreign
//! Ministry in Arlen") or a person of one ("Hanne Lys of the Northern Council").

use super::{RunKind, is_role_noun, name_start};
use crate::detect::lexicon;
use crate::detect::parties::SideMatcher;
use crate::detect::words::{is_all_caps, is_capitalized, lower, starts_with_capital};
use std::ops::Range;

/// The reading of a run that names a body — by its last word, as an acronym, or by a
/// body's noun before what it is of — or a person of one ("Hanne Lys of the Northern
/// Council"); `body_start` is where the body's name starts, past a sentence's words.
pub(super) fn as_body(
    text: &str,
    run: &[Range<usize>],
    lead: usize,
    last: &str,
    sides: &SideMatcher,
    body_start: usize,
) -> Option<RunKind> {
    let whole = run[0].start..run[run.len() - 1].end;
    // (an acronym has two letters at least: "A" opening a sentence is no body)
    let acronym = whole.len() > 1 && is_all_caps(&text[whole.clone()]);
    if lexicon::is_body_head(last)
        || acronym
        || body_before_complement(text, run, lead)
        || body_before_place(text, run, lead)
    {
        if let Some(name) = name_before_body(text, run, lead, sides) {
            return Some(RunKind::Person(name));
        }
        return Some(RunKind::Body(body_start..whole.end));
    }
    body_before_of(text, run, lead).then_some(RunKind::Body(body_start..whole.end))
}

/// "National Association of Pension Funds", "Institute for Fiscal Studies": a body's
/// head noun among the first two words after the titles, before "of" or "for" and
/// what the body is of, names a body even when its last word is none ("Governor
/// of the Bank of England Mervyn King" is a person: the bank comes too late).
fn body_before_complement(text: &str, run: &[Range<usize>], lead: usize) -> bool {
    let mut buf = [0u8; 32];
    (lead..run.len().saturating_sub(2).min(lead + 2)).any(|k| {
        starts_with_capital(text, run[k].start)
            && lexicon::is_body_head(&lower(&text[run[k].clone()], &mut buf))
            && matches!(&text[run[k + 1].clone()], "of" | "for")
    })
}

/// "the Arlen Foreign Ministry in Arlen", "the Central Bank at Tolva": a run whose
/// body's head noun comes after the titles and before "in" or "at" and a place of one
/// or two capitalised words names a body where it is, not a person.
fn body_before_place(text: &str, run: &[Range<usize>], lead: usize) -> bool {
    let mut buf = [0u8; 32];
    let Some(at) = run
        .iter()
        .rposition(|w| matches!(&text[w.clone()], "in" | "at"))
    else {
        return false;
    };
    let place = &run[at + 1..];
    let head = at.checked_sub(1).filter(|&h| h >= lead.min(at - 1));
    (1..=2).contains(&place.len())
        && place.iter().all(|w| starts_with_capital(text, w.start))
        && head.is_some_and(|h| {
            starts_with_capital(text, run[h].start)
                && lexicon::is_body_head(&lower(&text[run[h].clone()], &mut buf))
        })
}

/// Whether a run is a body named by a body's noun before "of" and what it is of ("The
/// National Association of Head Teachers", "Royal College of Nursing"): no title after
/// the "of", which would name a person of the body ("Bank of England Governor Mervyn
/// King"), and no "the" right after it ("Hanne Lys of the Northern Council").
fn body_before_of(text: &str, run: &[Range<usize>], lead: usize) -> bool {
    let mut buf = [0u8; 32];
    let Some(of) = run
        .iter()
        .position(|w| lexicon::is_name_complement(&text[w.clone()]))
    else {
        return false;
    };
    let tail = &run[of + 1..];
    let plain_tail = !tail.is_empty()
        && tail.iter().all(|w| {
            let l = lower(&text[w.clone()], &mut buf);
            l != "the" && !lexicon::is_title(l.trim_end_matches('.'))
        });
    let head = run.get(lead.min(of)..of).unwrap_or_default();
    plain_tail
        && head
            .iter()
            .any(|w| lexicon::is_body_head(&lower(&text[w.clone()], &mut buf)))
}

/// The person's name in a run that ends on a body the person is of ("Hanne Lys of the
/// Northern Council"): two or three capitalised words before "of the" that are no
/// title, role, body or side, so the body stays the affiliation ("Audit Committee of the
/// Northern Council" stays a body).
fn name_before_body(
    text: &str,
    run: &[Range<usize>],
    lead: usize,
    sides: &SideMatcher,
) -> Option<Range<usize>> {
    let of = run
        .iter()
        .position(|w| lexicon::is_name_complement(&text[w.clone()]))?;
    // ("Hanne Lys of the Northern Council", "Tom Reed of Leeds University")
    let body_follows = run
        .get(of + 1)
        .is_some_and(|w| &text[w.clone()] == "the" || starts_with_capital(text, w.start));
    if !body_follows {
        return None;
    }
    let name = run.get(name_start(text, run, lead)..of)?;
    let mut buf = [0u8; 32];
    let plain = (2..=3).contains(&name.len())
        && name.iter().all(|w| {
            let word = &text[w.clone()];
            let l = lower(word, &mut buf);
            is_capitalized(word)
                && !is_all_caps(word)
                && !lexicon::is_title(&l)
                && !lexicon::is_body_head(&l)
                && !lexicon::is_sentence_word(&l)
                && !is_role_noun(&l)
        });
    if !plain {
        return None;
    }
    let span = name[0].start..name[name.len() - 1].end;
    sides.first(&text[span.clone()]).is_none().then_some(span)
}
