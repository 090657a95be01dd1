//! Quote kinds: which cue attributes a quotation and whether it is direct, partial or a
//! term, and the quotations that carry their own attribution (a dash signature, a
//! transcript label).

use super::cues::Cue;
use super::found::Found;
use super::lexicon::{self, CueKind};
use super::quote_speakers::main_clause_start;
use super::quotes::QuoteSpan;
use super::speakers::{SourceNp, label_source};
use super::words::{Word, is_capitalized, lower, prev_char};
use crate::model::QuoteKind;
use std::ops::Range;

/// Longest stretch after a quotation read as a dash signature ("― Jane Doe, a lawyer").
const MAX_SIGNATURE_BYTES: usize = 160;

/// "“…” ― Jane Doe": a name after a dash that closes the paragraph signs the quotation.
pub(super) fn dash_signature(text: &str, q: &QuoteSpan, para_end: usize) -> Option<Cue> {
    // A signature closes its paragraph: a long rest is none (and is not read for each
    // of the paragraph's quotations).
    if para_end - q.range.end > MAX_SIGNATURE_BYTES {
        return None;
    }
    let rest = &text[q.range.end..para_end];
    let trimmed = rest.trim_start();
    let dash = ["―", "—", "–", "-"]
        .into_iter()
        .find(|d| trimmed.starts_with(d))?;
    let at = q.range.end + rest.len() - trimmed.len();
    let name_start = at + dash.len();
    let mut name = text[name_start..para_end].trim();
    // "― Nora Quist." : a name may close with the paragraph's period
    if let Some(bare) = name.strip_suffix('.')
        && bare.split_whitespace().count() <= 4
        && bare.split_whitespace().all(is_capitalized)
    {
        name = bare;
    }
    let n_words = name.split_whitespace().count();
    if n_words == 0 || n_words > 8 || !is_capitalized(name) || name.ends_with(['.', '?', '!']) {
        return None;
    }
    let start = name_start + text[name_start..].len() - text[name_start..].trim_start().len();
    Some(Cue {
        word: at..name_start,
        kind: CueKind::Speech,
        verb: dash,
        source: Some(start..start + name.len()),
        inverted: true,
    })
}

/// "- Jane Doe." or "—President Obama, tweeting after the speech.": a paragraph that is
/// only a dash and a name of one to four capitalised words (up to its first comma)
/// signs the quotation paragraph before it; the name's range.
pub(super) fn signature_paragraph(text: &str, para: &Range<usize>) -> Option<Range<usize>> {
    let p = &text[para.clone()];
    let trimmed = p.trim();
    if trimmed.len() > MAX_SIGNATURE_BYTES || trimmed.contains(['"', '“', '”']) {
        return None;
    }
    let dash = ["--", "―", "—", "–", "-"]
        .into_iter()
        .find(|d| trimmed.starts_with(d))?;
    let after_dash = p.len() - p.trim_start().len() + dash.len();
    let rest = &p[after_dash..];
    let name = rest.trim_start();
    let lead = rest.len() - name.len();
    let end = name.find(',').unwrap_or(name.trim_end().len());
    let name = name[..end].trim_end().trim_end_matches('.');
    let n_words = name.split_whitespace().count();
    if !(1..=4).contains(&n_words) || !name.split_whitespace().all(is_capitalized) {
        return None;
    }
    let start = para.start + after_dash + lead;
    Some(start..start + name.len())
}

/// "“PENCE: Well, …”": a transcript's speaker label in capitals opens the quotation.
pub(super) fn transcript_label(text: &str, q: &QuoteSpan) -> Option<SourceNp> {
    let inner = &text[q.inner.clone()];
    let colon = inner.find(':')?;
    let label = &inner[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let ok = (2..=30).contains(&label.len())
        && letters >= 2
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'));
    ok.then(|| label_source(label, q.inner.start..q.inner.start + colon))
}

/// Decides what a quotation is and which cue attributes it.
pub(super) fn classify(
    text: &str,
    q: &QuoteSpan,
    unit: &Range<usize>,
    cues: &[Cue],
    speech: &[(usize, Option<usize>)],
    outside: &[Word],
    continues: bool,
) -> Found {
    let mut found = Found {
        range: q.range.clone(),
        kind: QuoteKind::Term,
        speaker: None,
        cue: None,
        continues: None,
    };
    let inner = text[q.inner.clone()].trim();
    if is_term_marked(text, q, outside)
        || (!continues && is_title_case(inner, q, unit))
        || !is_wordy(inner)
        || is_attribute_value(text, q)
    {
        return found;
    }
    let starts_unit = q.range.start == unit.start
        || prev_char(text, q.range.start).is_some_and(|(i, c)| i < unit.start || c == ':');
    let ends_clause = inner.ends_with([',', '.', '?', '!']);
    let opening = main_clause_before(text, q, cues, speech, outside);
    let reached = |k: usize| opening.is_none_or(|m| cues[k].word.start >= m);
    let flags = (starts_unit, ends_clause);
    let (mut chosen, mut after) = choose_cue(text, q, (cues, speech), &reached, flags);
    // (a quotation that such a cue alone would attribute stays a quotation, without a
    // cue: the main clause's subject speaks it)
    let mut cued = true;
    if chosen.is_none() && opening.is_some() {
        (chosen, after) = choose_cue(text, q, (cues, speech), &|_| true, flags);
        cued = false;
    }
    if let Some(k) = chosen {
        found.cue = cued.then(|| cues[k].word.clone());
        found.kind = if starts_unit || (ends_clause && after == Some(k)) {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        return found;
    }
    found.kind = uncued_kind(inner, q, starts_unit, continues);
    if found.kind == QuoteKind::Partial && cues.is_empty() && names_a_thing(text, inner, q, outside)
    {
        found.kind = QuoteKind::Term;
    }
    found
}

/// Where the main clause starts, when a cue of speech comes before the quotation `q`
/// and the main clause starts before `q` too: "When Hale suggested …, Marr fired back:
/// “…”": a cue inside the clause that opens the sentence does not reach a quotation
/// after the main clause's words.
fn main_clause_before(
    text: &str,
    q: &QuoteSpan,
    cues: &[Cue],
    speech: &[(usize, Option<usize>)],
    outside: &[Word],
) -> Option<usize> {
    match speech.first() {
        Some(&(k, _)) if cues[k].word.end <= q.range.start => {
            main_clause_start(text, outside).filter(|&m| m < q.range.start)
        }
        _ => None,
    }
}

/// Whether a quotation no cue reaches is a noun phrase the story names rather than words
/// someone said: a short stretch right after a determiner, with at most one word between
/// ("since their “quiet split”", "resume a “working dialogue”", "the old “salt wars”").
fn names_a_thing(text: &str, inner: &str, q: &QuoteSpan, outside: &[Word]) -> bool {
    if inner.split_whitespace().count() > 4 || inner.ends_with([',', '.', '?', '!']) {
        return false;
    }
    let k = outside.partition_point(|w| w.end <= q.range.start);
    let adjacent = |w: &Word, end: usize| text[w.end..end].trim().is_empty();
    let determiner =
        |i: usize| lexicon::is_determiner(&lower(&text[outside[i].clone()], &mut [0; 32]));
    match k {
        0 => false,
        _ if !adjacent(&outside[k - 1], q.range.start) => false,
        _ if determiner(k - 1) => true,
        1 => false,
        _ => {
            let (prev, before) = (&outside[k - 1], &outside[k - 2]);
            adjacent(before, prev.start)
                && !is_capitalized(&text[prev.clone()])
                && determiner(k - 2)
        }
    }
}

/// The cue of a quotation among the speech cues: right after it, else the nearest
/// before it that `reached` lets reach it, else any (the one after first when the
/// quotation opens its unit); with the cue right after it.
fn choose_cue(
    text: &str,
    q: &QuoteSpan,
    (cues, speech): (&[Cue], &[(usize, Option<usize>)]),
    reached: &dyn Fn(usize) -> bool,
    (starts_unit, ends_clause): (bool, bool),
) -> (Option<usize>, Option<usize>) {
    // A stance verb attributes a quotation when the sentence has no speech verb, or
    // when it comes before a quotation inside the sentence ("The Greens called the
    // scheme “reckless”, while the Reform Party said …").
    // (not one inside what a speech verb reports: "X said her party offered a “…”")
    let has_speech = speech.iter().any(|(k, _)| cues[*k].kind == CueKind::Speech);
    let first_speech = speech
        .iter()
        .find(|(k, _)| cues[*k].kind == CueKind::Speech)
        .map_or(usize::MAX, |x| x.0);
    // (a quotation that ends its clause is a whole one, the speech verb's: "In 2009,
    // when Obi offered …, “states were short,” DeSantis said")
    let eligible = |k: usize, before: bool| {
        !has_speech
            || cues[k].kind == CueKind::Speech
            || (before && !starts_unit && !ends_clause && k < first_speech)
    };
    let after = speech
        .iter()
        .find(|(k, _)| cues[*k].word.start >= q.range.end && eligible(*k, false))
        .map(|x| x.0);
    let mut preceding = speech
        .iter()
        .rev()
        .filter(|(k, _)| cues[*k].word.end <= q.range.start && eligible(*k, true) && reached(*k))
        .map(|x| x.0);
    let nearest = preceding.next();
    // "Westmacott said that Obi shows “great charm”": a verb that reports a finding
    // rather than words, inside what another speaks of, leaves the quotation to it
    let outer = nearest
        .filter(|&k| lexicon::reports_finding(cues[k].verb))
        .and_then(|_| preceding.find(|&k| !lexicon::reports_finding(cues[k].verb)));
    // "The ruling signals “a decline” in the valley, said Ilse Varga": a verb before the
    // quotation whose source names no one leaves it to a later attribution that names
    // someone and closes the sentence ("…, said X", "…, X said.")
    let names = |k: usize| speech.iter().any(|&(i, e)| i == k && e.is_some());
    let signs_sentence = |k: usize| {
        let c = &cues[k];
        let rest = text[c.word.end..].trim_start();
        names(k) && (c.inverted || rest.is_empty() || rest.starts_with(['.', ',']))
    };
    let before = outer
        .or(nearest)
        .filter(|&k| names(k) || !after.is_some_and(signs_sentence));
    let chosen = if starts_unit || (ends_clause && after.is_some_and(|k| signs(text, q, &cues[k])))
    {
        after.or(before)
    } else {
        before.or(after)
    };
    (chosen, after)
}

/// Whether a cue and its source follow a quotation with nothing between and close the
/// clause ("“…,” said Jo Bell", "“…,” the senator said on Monday."): then they sign
/// it, whatever verb came before it ("Nothing the president said “will help,” the
/// senator said"). Not a participle, which shares the sentence's subject ("“…,”
/// saying"), nor a verb that goes on to say more ("“…,” Bell said the cases differ").
fn signs(text: &str, q: &QuoteSpan, cue: &Cue) -> bool {
    let next = match &cue.source {
        Some(source) if !cue.inverted && source.start < cue.word.start => source.start,
        _ => cue.word.start,
    };
    let adjacent =
        next >= q.range.end && text[q.range.end..next].trim_matches([' ', ',']).is_empty();
    let rest = text[cue.word.end..].trim_start();
    let mut buf = [0u8; 32];
    let closes = cue.inverted
        || rest.starts_with(['.', ',', ';'])
        || rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|w| lexicon::is_preposition(&lower(w, &mut buf)));
    adjacent && closes && !cue.verb.ends_with("ing")
}

/// What a quotation without a cue is: a floating direct one when it reads as a
/// sentence, a partial one when it is a lower-case fragment or long, else a term.
fn uncued_kind(inner: &str, q: &QuoteSpan, starts_unit: bool, continues: bool) -> QuoteKind {
    // Counted only here: most quotations have a cue and are decided above.
    let n_words = inner.split_whitespace().count();
    let sentence_like =
        starts_unit && (n_words >= 4 || inner.ends_with(['.', '?', '!']) || continues || !q.closed);
    // A lower-case stretch of several words is a fragment of someone's words (a name
    // or title is capitalised, a scare quote is mostly one word).
    let fragment = n_words >= 2 && inner.starts_with(char::is_lowercase);
    if sentence_like || continues {
        QuoteKind::Direct
    } else if n_words >= 8 || fragment {
        QuoteKind::Partial
    } else {
        QuoteKind::Term
    }
}

/// Whether quoted text can be words someone said: two letters at least (not "",
/// "15%", a date or an id), and not a lone handle or address ("@jdoe", "http://…").
fn is_wordy(inner: &str) -> bool {
    let letters = inner.chars().filter(|c| c.is_alphabetic()).take(2).count();
    let lone_token = !inner.contains(char::is_whitespace);
    let address = lone_token
        && (inner.starts_with(['@', '#'])
            || inner.starts_with("http")
            || inner.starts_with("www."));
    letters == 2 && !address
}

/// A value of markup left in the text (`<tweet id="…" author="…">`): the mark follows `=`.
fn is_attribute_value(text: &str, q: &QuoteSpan) -> bool {
    text[..q.range.start].ends_with('=')
}

/// "so-called “…”", "known as “…”", "a film titled “…”", "a program called “…”".
fn is_term_marked(text: &str, q: &QuoteSpan, outside: &[Word]) -> bool {
    // The words (in order) that end at most 40 bytes before the quotation.
    let near = |w: &Word| q.range.start - w.end <= 40;
    let k = outside.partition_point(|w| w.end <= q.range.start);
    let Some(last_word) = k.checked_sub(1).map(|i| &outside[i]).filter(|w| near(w)) else {
        return false;
    };
    let mut buf = [0u8; 32];
    let last = lower(&text[last_word.clone()], &mut buf);
    let adjacent = text[last_word.end..q.range.start].trim().is_empty();
    if !adjacent {
        return false;
    }
    if lexicon::is_term_marker(&last) {
        return true;
    }
    if last == "called" {
        // "a show called “…”" names; "what Smith called “…”", "he called “…”" quote.
        let before = k.checked_sub(2).map(|i| &text[outside[i].clone()]);
        return !before.is_some_and(|w| {
            let l = w.to_lowercase();
            lexicon::pronoun(&l).is_some() || (is_capitalized(w) && !lexicon::is_sentence_word(&l))
        });
    }
    match k.checked_sub(2).map(|i| &outside[i]).filter(|w| near(w)) {
        Some(prev) => {
            let prev = text[prev.clone()].to_lowercase();
            lexicon::is_term_marker_pair(&prev, &last)
        }
        None => false,
    }
}

/// A title or name in Title Case ("Meet the Press"), not opening its sentence.
fn is_title_case(inner: &str, q: &QuoteSpan, unit: &Range<usize>) -> bool {
    if q.range.start == unit.start || inner.ends_with(['?', '!']) {
        return false;
    }
    // (nine words at most are taken: more than eight make no title, and a long
    // quotation's words need not all be split)
    let ws: Vec<&str> = inner.split_whitespace().take(9).collect();
    // A title can carry the sentence's comma or period inside the marks (“Face the
    // Nation,”), but one word so punctuated is as often a word someone said.
    let punctuated = inner.ends_with(['.', ',']);
    if ws.is_empty() || ws.len() > 8 || (punctuated && ws.len() < 2) {
        return false;
    }
    let significant: Vec<&&str> = ws
        .iter()
        .filter(|w| !lexicon::is_name_particle(w) && w.chars().any(char::is_alphabetic))
        .collect();
    !significant.is_empty() && significant.iter().all(|w| is_capitalized(w))
}
