//! Attribution: walks the paragraphs in order, reads each unit's words once for every
//! step, pairs each quotation with its cue and source (its kind is decided in
//! [`super::kinds`], its source's entity in [`super::quote_speakers`]), carries speakers
//! over floating and multi-paragraph quotations, and finds the sentences that state a
//! position.

use super::cues::{Cue, find_cues};
use super::entities::Entities;
use super::found::{Findings, Found};
use super::kinds::{classify, dash_signature, transcript_label};
use super::lexicon::CueKind;
use super::parties::SideMatcher;
use super::positions::unit_positions;
use super::quote_speakers::{carry_over_paragraphs, resolve_cues, sentence_subject};
use super::quotes::{QuoteSpan, push_quotes};
use super::units::{asides, merge_units};
use super::words::{Word, push_words};
use crate::article::{Paragraph, Structure};
use crate::model::QuoteKind;
use std::ops::Range;

/// How many paragraphs back a floating quotation may look for its speaker.
const FLOAT_PARAGRAPHS: usize = 3;

/// Bytes of text between two progress reports.
pub const PROGRESS_STEP: usize = 64 * 1024;

/// Finds quotations, attributions and positions in the body paragraphs, reporting the
/// bytes done after the paragraphs that cross each [`PROGRESS_STEP`].
pub fn attribute(
    text: &str,
    structure: &Structure,
    sides: &SideMatcher,
    entities: &mut Entities,
    progress: &mut dyn FnMut(usize),
) -> Findings {
    let mut walk = Walk {
        text,
        sides,
        entities,
        found: Findings::default(),
        last: None,
        scratch: Scratch::default(),
    };
    let mut open_from_previous: Option<usize> = None;
    let mut next_report = PROGRESS_STEP;
    let mut sentences = Vec::new();
    for (pi, para) in structure.paragraphs.iter().enumerate() {
        structure.sentences_into(text, pi, &mut sentences);
        open_from_previous = walk.paragraph(pi, para, &sentences, open_from_previous);
        if para.range.end >= next_report {
            progress(para.range.end);
            next_report = para.range.end + PROGRESS_STEP;
        }
    }
    carry_over_paragraphs(&mut walk.found.quotes);
    // Descriptions said before the name they describe join it.
    let now = walk.entities.resolve_forward();
    for speaker in walk.found.quotes.iter_mut().map(|q| &mut q.speaker) {
        *speaker = speaker.map(|e| now[e]);
    }
    for speaker in walk.found.positions.iter_mut().map(|p| &mut p.speaker) {
        *speaker = speaker.map(|e| now[e]);
    }
    // The findings wait for the sides to be chosen; their growth slack need not.
    walk.found.quotes.shrink_to_fit();
    walk.found.positions.shrink_to_fit();
    walk.found
}

/// The state of the walk through the paragraphs.
struct Walk<'a> {
    text: &'a str,
    sides: &'a SideMatcher,
    entities: &'a mut Entities,
    found: Findings,
    /// The last speaker and the paragraph it spoke in.
    last: Option<(usize, usize)>,
    scratch: Scratch,
}

/// Buffers reused from sentence to sentence, so that the walk allocates only for what
/// it keeps.
#[derive(Default)]
struct Scratch {
    /// The paragraph's quotations.
    spans: Vec<QuoteSpan>,
    /// The paragraph's units.
    units: Vec<Range<usize>>,
    /// Every word of the sentence.
    all: Vec<Word>,
    /// The words outside quotations and asides.
    outside: Vec<Word>,
    /// The sentence's quotations.
    ranges: Vec<Range<usize>>,
    /// Its parenthesised and dashed asides.
    asides: Vec<Range<usize>>,
    /// The quotations and asides together, by start.
    hidden: Vec<Range<usize>>,
    cues: Vec<Cue>,
    /// The entity of each cue.
    resolved: Vec<Option<usize>>,
    /// The cues that attribute quotations, with their entities.
    speech: Vec<(usize, Option<usize>)>,
}

/// The words of `all` that lie inside none of `hidden` (sorted by start), into `out`.
/// Both are in order, so one pointer walks the hidden ranges: a unit can hold
/// thousands of quotations or asides.
fn push_visible(all: &[Word], hidden: &[Range<usize>], out: &mut Vec<Word>) {
    let mut h = 0;
    // the furthest end among the hidden ranges that start at or before the word
    let mut reach = 0;
    for w in all {
        while h < hidden.len() && hidden[h].start <= w.start {
            reach = reach.max(hidden[h].end);
            h += 1;
        }
        if h == 0 || w.end > reach {
            out.push(w.clone());
        }
    }
}

impl Walk<'_> {
    /// Walks one paragraph; returns the index of its last quotation if that one is
    /// left open (to be continued in the next paragraph).
    fn paragraph(
        &mut self,
        pi: usize,
        para: &Paragraph,
        sentences: &[Range<usize>],
        open_from_previous: Option<usize>,
    ) -> Option<usize> {
        let body = sentences
            .first()
            .map_or(para.range.clone(), |s| s.start..para.range.end);
        // The paragraph's buffers are taken out of the scratch space while its units
        // use the rest of it.
        let mut spans = std::mem::take(&mut self.scratch.spans);
        let mut units = std::mem::take(&mut self.scratch.units);
        push_quotes(self.text, body.clone(), &mut spans);
        merge_units(self.text, sentences, &spans, &mut units);
        let mut prev_unit_speaker: Option<usize> = None;
        let mut next_span = 0;
        for unit in &units {
            // Units and quotations are both in order: one pointer walks the quotations.
            while next_span < spans.len() && spans[next_span].range.start < unit.start {
                next_span += 1;
            }
            let first_span = next_span;
            while next_span < spans.len() && spans[next_span].range.start < unit.end {
                next_span += 1;
            }
            self.unit(
                pi,
                para,
                unit,
                &spans[first_span..next_span],
                (body.start, open_from_previous),
                &mut prev_unit_speaker,
            );
        }
        let left_open = spans
            .last()
            .filter(|q| !q.closed)
            .map(|_| self.found.quotes.len() - 1);
        (self.scratch.spans, self.scratch.units) = (spans, units);
        left_open
    }

    /// Walks one unit (a sentence, or sentences a quotation joins): its cues, its
    /// quotations and its position. `open` is where the paragraph's text starts and the
    /// quotation left open before it.
    fn unit(
        &mut self,
        pi: usize,
        para: &Paragraph,
        unit: &Range<usize>,
        in_unit: &[QuoteSpan],
        open: (usize, Option<usize>),
        prev_unit_speaker: &mut Option<usize>,
    ) {
        self.unit_words(unit, in_unit);
        self.unit_cues(para, in_unit);
        for q in in_unit {
            let (body_start, open_before) = open;
            // (a quotation reopened after a cut continues the one cut, just before it)
            let reopened = q.reopens.then(|| self.found.quotes.len().checked_sub(1));
            let continues = reopened
                .flatten()
                .or(open_before.filter(|_| q.range.start == body_start));
            let found = self.quote(pi, q, unit, continues, *prev_unit_speaker);
            if let Some(e) = found.speaker {
                self.last = Some((e, pi));
                *prev_unit_speaker = Some(e);
                self.entities.list[e].speaks = true;
            }
            self.found.quotes.push(found);
        }
        self.unit_end(pi, unit, in_unit.is_empty(), prev_unit_speaker);
    }

    /// The unit's words, its asides and the words outside its quotations and asides,
    /// into the scratch space; names in it are learnt.
    fn unit_words(&mut self, unit: &Range<usize>, in_unit: &[QuoteSpan]) {
        let text = self.text;
        let s = &mut self.scratch;
        s.ranges.clear();
        s.ranges.extend(in_unit.iter().map(|q| q.range.clone()));
        s.all.clear();
        let marks = push_words(text, unit.clone(), &mut s.all);
        asides(text, unit, marks, &mut s.asides);
        self.entities.learn_names(text, &s.all, self.sides);
        s.outside.clear();
        if s.ranges.is_empty() && s.asides.is_empty() {
            s.outside.extend_from_slice(&s.all);
        } else {
            s.hidden.clear();
            s.hidden.extend(s.ranges.iter().chain(&s.asides).cloned());
            s.hidden.sort_unstable_by_key(|r| r.start);
            push_visible(&s.all, &s.hidden, &mut s.outside);
        }
    }

    /// The unit's cues and who each names, and which of them attribute its quotations.
    fn unit_cues(&mut self, para: &Paragraph, in_unit: &[QuoteSpan]) {
        let text = self.text;
        let s = &mut self.scratch;
        find_cues(text, &s.outside, &s.ranges, &mut s.cues);
        for q in in_unit {
            if let Some(c) = dash_signature(text, q, para.range.end) {
                s.cues.push(c);
            }
        }
        s.cues.sort_by_key(|c| c.word.start);
        resolve_cues(
            text,
            &s.cues,
            &s.outside,
            self.sides,
            self.entities,
            &mut s.resolved,
        );
        if s.cues.is_empty()
            && in_unit.is_empty()
            && let Some(subject) = sentence_subject(text, &s.outside)
        {
            self.entities.mention_subject(text, subject, self.sides);
        }
        // Quotations go with speech verbs; a stance verb with a source ("criticized
        // the “rigged” system") may attribute them too ([`super::kinds`] says when).
        s.speech.clear();
        s.speech.extend(
            s.cues
                .iter()
                .zip(&s.resolved)
                .enumerate()
                .filter(|(_, (c, r))| c.kind == CueKind::Speech || r.is_some())
                .map(|(i, (_, r))| (i, *r)),
        );
    }

    /// After a unit's quotations: its reported speech and its position.
    fn unit_end(
        &mut self,
        pi: usize,
        unit: &Range<usize>,
        no_quotes: bool,
        prev_unit_speaker: &mut Option<usize>,
    ) {
        let text = self.text;
        let s = &self.scratch;
        // Reported speech without a quotation ("Or Jeb Bush, Phil Musser says.") is the
        // last speech: a floating quotation after it is the same speaker's.
        let reported = s
            .cues
            .iter()
            .zip(&s.resolved)
            .rev()
            .find_map(|(c, r)| r.filter(|_| c.kind == CueKind::Speech));
        if let Some(e) = reported.filter(|_| no_quotes) {
            *prev_unit_speaker = Some(e);
            self.last = Some((e, pi));
        }
        for p in unit_positions(text, unit, &s.outside, &s.cues, &s.resolved, self.sides) {
            if let Some(e) = p.speaker {
                self.entities.list[e].speaks = true;
            }
            self.found.positions.push(p);
        }
    }

    /// The last speaker, if it spoke at most [`FLOAT_PARAGRAPHS`] before paragraph `pi`.
    fn recent(&self, pi: usize) -> Option<usize> {
        self.last
            .filter(|&(_, p)| pi - p <= FLOAT_PARAGRAPHS)
            .map(|(e, _)| e)
    }

    /// The entity the current unit's subject names, if it is one met before or a name
    /// of two words: one capitalised word never met before opens many a sentence
    /// ("Specifically", "Across").
    fn subject_entity(&mut self, text: &str) -> Option<usize> {
        let known = self.entities.list.len();
        let r = sentence_subject(text, &self.scratch.outside)?;
        let e = self
            .entities
            .resolve_phrase(text, r, self.sides)
            .flatten()?;
        (e < known || self.entities.list[e].name.contains(' ')).then_some(e)
    }

    /// What a quotation of the current unit is, and who said it.
    fn quote(
        &mut self,
        pi: usize,
        q: &QuoteSpan,
        unit: &Range<usize>,
        continues: Option<usize>,
        prev_unit_speaker: Option<usize>,
    ) -> Found {
        let text = self.text;
        let s = &self.scratch;
        let mut found = classify(
            text,
            q,
            unit,
            &s.cues,
            &s.speech,
            &s.outside,
            continues.is_some(),
        );
        found.continues = continues;
        if let Some(np) = transcript_label(text, q) {
            found.kind = QuoteKind::Direct;
            found.speaker = self.entities.resolve(&np);
        }
        if found.kind != QuoteKind::Term && found.speaker.is_none() {
            if let Some(i) = found.cue.as_ref().and_then(|c| {
                s.speech
                    .iter()
                    .find(|(k, _)| s.cues[*k].word == *c)
                    .map(|x| x.1)
            }) {
                found.speaker = i;
            } else if found.cue.is_none()
                && (found.kind == QuoteKind::Partial || after_colon(text, unit, q))
            {
                // A fragment with no cue of its own ("Doe lamented the “countless
                // victims”") is the words of the sentence's subject, and so is a
                // quotation that a clause introduces with a colon ("Perez has a simple
                // message: “…”").
                let subject = self.subject_entity(text);
                found.speaker = subject.or(prev_unit_speaker).or_else(|| self.recent(pi));
            } else if found.cue.is_none() {
                found.speaker = prev_unit_speaker.or_else(|| self.recent(pi));
            }
        }
        found
    }
}

/// Whether a colon introduces a quotation after words of its unit ("Perez has a
/// simple message: “…”"), not a quotation that opens the unit.
fn after_colon(text: &str, unit: &Range<usize>, q: &QuoteSpan) -> bool {
    let before = text[unit.start..q.range.start].trim_end();
    before.ends_with(':') && before.len() > 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Source};
    use crate::detect::detect;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn visible_words_are_those_inside_no_hidden_range(
            spans in proptest::collection::vec((0usize..60, 1usize..8), 0..30),
            hidden in proptest::collection::vec((0usize..60, 0usize..20), 0..8),
        ) {
            let mut all: Vec<Word> = spans.iter().map(|&(s, l)| s..s + l).collect();
            all.sort_unstable_by_key(|w| w.start);
            let mut hidden: Vec<Range<usize>> = hidden.iter().map(|&(s, l)| s..s + l).collect();
            hidden.sort_unstable_by_key(|r| r.start);
            let naive: Vec<Word> = all
                .iter()
                .filter(|w| !hidden.iter().any(|r| r.start <= w.start && w.end <= r.end))
                .cloned()
                .collect();
            let mut out = Vec::new();
            push_visible(&all, &hidden, &mut out);
            prop_assert_eq!(out, naive);
        }
    }

    fn article(body: &str) -> Article {
        let text = format!("A made-up headline\n\n{body}\n");
        Article::from_bytes(Source::Stdin, text.as_bytes())
    }

    #[test]
    fn a_sentence_of_verbs_alone_credits_nobody() {
        // 50 000 speech verbs and no sentence break: once quadratic, now one pass
        // that finds neither quotation nor speaker in it.
        let found = detect(&article(&"said ".repeat(50_000)), None);
        assert!(found.quotes.is_empty() && found.speakers.is_empty());
        assert!(found.positions.len() <= 1, "{}", found.positions.len());
    }

    #[test]
    fn a_run_on_sentence_of_quotations_keeps_every_quotation() {
        // `said "a said "a …`: the marks pair up, one quotation per two repeats.
        let found = detect(&article(&"said \"a ".repeat(20_000)), None);
        assert_eq!(found.quotes.len(), 10_000);
        assert!(found.quotes.iter().all(|q| q.text.starts_with("\"a said")));
    }
}
