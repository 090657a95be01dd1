//! Attribution: walks the paragraphs in order, taking each unit's words and cues as
//! [`super::reading`] read them, pairs each quotation with its cue and source (its kind is decided in
//! [`super::kinds`], its source's entity in [`super::quote_speakers`]), carries speakers
//! over floating and multi-paragraph quotations, and finds the sentences that state a
//! position.

use super::entities::Entities;
use super::found::{Findings, Found};
use super::kinds::{classify, signature_paragraph, transcript_label};
use super::lexicon::CueKind;
use super::opening::SplitOpening;
use super::parties::SideMatcher;
use super::positions::unit_positions;
use super::quote_speakers::{
    Label, carry_over_paragraphs, colon_label, resolve_cues, sentence_subject,
};
use super::quotes::QuoteSpan;
use super::reading::{Batch, Input, ParagraphReading, UnitView, read_paragraphs};
use super::words::Word;
use crate::article::Structure;
use crate::model::QuoteKind;
use std::ops::Range;

/// How many paragraphs back a floating quotation may look for its speaker.
const FLOAT_PARAGRAPHS: usize = 3;

/// Bytes of text between two progress reports.
pub const PROGRESS_STEP: usize = 64 * 1024;

/// Finds quotations, attributions and positions in the body paragraphs, reporting the
/// bytes done after the paragraphs that cross each [`PROGRESS_STEP`]. `helpers` threads
/// read the paragraphs ahead of the walk ([`super::reading`]).
pub fn attribute(
    text: &str,
    structure: &Structure,
    sides: &SideMatcher,
    opening: SplitOpening,
    entities: &mut Entities,
    helpers: usize,
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
    read_paragraphs(
        Input {
            text,
            structure,
            sides,
            opening,
        },
        helpers,
        &mut |batch| {
            for p in &batch.paragraphs {
                let para = &structure.paragraphs[p.index];
                if let Some(before) = p.index.checked_sub(1) {
                    walk.signed_below(p.index, &para.range, &structure.paragraphs[before].range);
                }
                open_from_previous = walk.paragraph(batch, p, open_from_previous);
                if para.range.end >= next_report {
                    progress(para.range.end);
                    next_report = para.range.end + PROGRESS_STEP;
                }
            }
        },
    );
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

/// Buffers reused from unit to unit, so that the walk allocates only for what it
/// keeps.
#[derive(Default)]
struct Scratch {
    /// The entity of each cue.
    resolved: Vec<Option<usize>>,
    /// The cues that attribute quotations, with their entities.
    speech: Vec<(usize, Option<usize>)>,
}

impl Walk<'_> {
    /// Walks one paragraph, read ahead as `p` of `batch`; returns the index of its last
    /// quotation if that one is left open (to be continued in the next paragraph).
    fn paragraph(
        &mut self,
        batch: &Batch,
        p: &ParagraphReading,
        open_from_previous: Option<usize>,
    ) -> Option<usize> {
        let mut prev_unit_speaker: Option<usize> = None;
        for u in &batch.units[p.units.clone()] {
            let unit = batch.unit(u);
            self.unit(
                p.index,
                unit,
                (p.body_start, open_from_previous),
                &mut prev_unit_speaker,
            );
        }
        batch
            .spans_of(p)
            .last()
            .filter(|q| !q.closed)
            .map(|_| self.found.quotes.len() - 1)
    }

    /// "“…”" then "- Jane Doe.": a paragraph that only signs the quotation paragraph
    /// `before` it gives that paragraph's quotations its name, whoever a floating
    /// quotation was first given to.
    fn signed_below(&mut self, pi: usize, para: &Range<usize>, before: &Range<usize>) {
        let text = self.text;
        if !text[before.clone()].trim_start().starts_with(['"', '“']) {
            return;
        }
        let Some(name) = signature_paragraph(text, para) else {
            return;
        };
        let Some(e) = self
            .entities
            .resolve_phrase(text, name, self.sides)
            .flatten()
        else {
            return;
        };
        let above = self.found.quotes.iter_mut().rev();
        let mut signed = false;
        for q in above.take_while(|q| q.range.start >= before.start) {
            if q.kind != QuoteKind::Term {
                q.speaker = Some(e);
                signed = true;
            }
        }
        if signed {
            self.entities.list[e].speaks = true;
            self.last = Some((e, pi));
        }
    }

    /// Walks one unit (a sentence, or sentences a quotation joins): its cues, its
    /// quotations and its position. `open` is where the paragraph's text starts and the
    /// quotation left open before it.
    fn unit(
        &mut self,
        pi: usize,
        u: UnitView,
        open: (usize, Option<usize>),
        prev_unit_speaker: &mut Option<usize>,
    ) {
        self.entities.learn_names(self.text, u.words, self.sides);
        self.unit_cues(u);
        for q in u.spans {
            let (body_start, open_before) = open;
            // (a quotation reopened after a cut continues the one cut, just before it)
            let reopened = q.reopens.then(|| self.found.quotes.len().checked_sub(1));
            let continues = reopened
                .flatten()
                .or(open_before.filter(|_| q.range.start == body_start));
            let found = self.quote(pi, q, u, continues, *prev_unit_speaker);
            if let Some(e) = found.speaker {
                self.last = Some((e, pi));
                *prev_unit_speaker = Some(e);
                self.entities.list[e].speaks = true;
            }
            self.found.quotes.push(found);
        }
        self.unit_end(pi, u, prev_unit_speaker);
    }

    /// Who each of the unit's cues names, and which of them attribute its quotations.
    fn unit_cues(&mut self, u: UnitView) {
        let text = self.text;
        let s = &mut self.scratch;
        resolve_cues(
            text,
            (u.cues, u.sources),
            u.outside,
            self.sides,
            self.entities,
            &mut s.resolved,
        );
        for (i, c) in u.cues.iter().enumerate() {
            let reporter = reporting_cue(text, &u.cues[..i], c).and_then(|j| s.resolved[j]);
            if let Some(e) = reporter.filter(|_| s.resolved[i].is_some()) {
                self.entities.bring_forward(e);
            }
        }
        if u.cues.is_empty()
            && u.spans.is_empty()
            && let Some(subject) = sentence_subject(text, u.outside)
        {
            self.entities.mention_subject(text, subject, self.sides);
        }
        // Quotations go with speech verbs; a stance verb with a source ("criticized
        // the “rigged” system") may attribute them too ([`super::kinds`] says when).
        s.speech.clear();
        s.speech.extend(
            u.cues
                .iter()
                .zip(&s.resolved)
                .enumerate()
                .filter(|(_, (c, r))| c.kind == CueKind::Speech || r.is_some())
                .map(|(i, (_, r))| (i, *r)),
        );
    }

    /// After a unit's quotations: its reported speech and its position.
    fn unit_end(&mut self, pi: usize, u: UnitView, prev_unit_speaker: &mut Option<usize>) {
        let text = self.text;
        let s = &self.scratch;
        // Reported speech without a quotation ("Or Dan Holt, Ivo Marsh says.") is the
        // last speech: a floating quotation after it is the same speaker's.
        // (a speech verb of what was reported is not the reporter: "Kemp said the
        // Greens had never explained it. “…”" is Kemp's quotation)
        let reported = u
            .cues
            .iter()
            .zip(&s.resolved)
            .enumerate()
            .rev()
            .filter(|&(i, _)| reporting_cue(text, &u.cues[..i], &u.cues[i]).is_none())
            .find_map(|(_, (c, r))| r.filter(|_| c.kind == CueKind::Speech));
        // A sentence that closes on a colon with no speech verb ("After the mill
        // shut, Mayor Cole put out this statement:") introduces the quotation
        // that follows it: its subject speaks it.
        let introduces = || {
            u.spans.is_empty()
                && text[u.range.clone()].trim_end().ends_with(':')
                && u.cues.iter().all(|c| c.kind != CueKind::Speech)
        };
        let reported = match reported {
            None if introduces() => self.subject_entity(text, u.outside),
            r => r,
        };
        if let Some(e) = reported.filter(|_| u.spans.is_empty()) {
            *prev_unit_speaker = Some(e);
            self.last = Some((e, pi));
        }
        let (s, sides, entities) = (&self.scratch, self.sides, &mut *self.entities);
        let first_side = &mut |phrase: &str| entities.first_side(phrase, sides);
        for p in unit_positions(
            text,
            u.range,
            (u.words, u.outside),
            u.cues,
            &s.resolved,
            (sides, first_side),
        ) {
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
    fn subject_entity(&mut self, text: &str, outside: &[Word]) -> Option<usize> {
        let known = self.entities.list.len();
        let r = sentence_subject(text, outside)?;
        let e = self
            .entities
            .resolve_phrase(text, r, self.sides)
            .flatten()?;
        (e < known || self.entities.list[e].name.contains(' ')).then_some(e)
    }

    /// The entity a colon's label names ([`colon_label`]).
    fn label_entity(&mut self, text: &str, name: Range<usize>) -> Option<usize> {
        self.entities
            .resolve_phrase(text, name, self.sides)
            .flatten()
    }

    /// The speaker of a quotation found so far, or the one a dashed or opening label
    /// before a colon names ([`Label`]), which outranks a cue before the label
    /// ("Analysts agree - Dana Whitfield: “…”"); an opening label of one word only if
    /// it names someone met before.
    fn label_before_quote(&mut self, q: &QuoteSpan, u: UnitView, found: &Found) -> Option<usize> {
        let text = self.text;
        if found.kind == QuoteKind::Term
            || found.speaker.is_some()
            || !after_colon(text, u.range, q)
        {
            return found.speaker;
        }
        let cue = found.cue.as_ref();
        let (name, label) = colon_label(text, u.outside, q.range.start)?;
        if label == Label::AfterRole || cue.is_some_and(|c| c.start >= name.start) {
            return None;
        }
        let known = self.entities.list.len();
        let e = self.label_entity(text, name)?;
        let trusted =
            label == Label::Dashed || e < known || self.entities.list[e].name.contains(' ');
        trusted.then_some(e)
    }

    /// What a quotation of the current unit is, and who said it.
    fn quote(
        &mut self,
        pi: usize,
        q: &QuoteSpan,
        u: UnitView,
        continues: Option<usize>,
        prev_unit_speaker: Option<usize>,
    ) -> Found {
        let text = self.text;
        let speech = &self.scratch.speech;
        let mut found = classify(
            text,
            q,
            u.range,
            u.cues,
            speech,
            u.outside,
            continues.is_some(),
        );
        found.continues = continues;
        if let Some(np) = transcript_label(text, q) {
            found.kind = QuoteKind::Direct;
            found.speaker = self.entities.resolve(&np);
        }
        found.speaker = self.label_before_quote(q, u, &found);
        let s = &self.scratch;
        if found.kind != QuoteKind::Term && found.speaker.is_none() {
            if let Some(i) = found.cue.as_ref().and_then(|c| {
                s.speech
                    .iter()
                    .find(|(k, _)| u.cues[*k].word == *c)
                    .map(|x| x.1)
            }) {
                found.speaker = self.reporter_instead(q, u, &found, i);
            } else if found.cue.is_none()
                && (found.kind == QuoteKind::Partial || after_colon(text, u.range, q))
            {
                // A fragment with no cue of its own ("Doe lamented the “countless
                // victims”") is the words of the sentence's subject, and so is a
                // quotation that a clause introduces with a colon ("Perez has a simple
                // message: “…”").
                let label = after_colon(text, u.range, q)
                    .then(|| colon_label(text, u.outside, q.range.start))
                    .flatten();
                let subject = match label {
                    Some((name, Label::Dashed)) => self.label_entity(text, name),
                    // (an opening label is the unit's subject: trusted as one)
                    Some((_, Label::Opening)) | None => self.subject_entity(text, u.outside),
                    Some((name, Label::AfterRole)) => self
                        .subject_entity(text, u.outside)
                        .or_else(|| self.label_entity(text, name)),
                };
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

mod reporter;
use reporter::reporting_cue;

#[cfg(test)]
mod tests {
    use crate::article::{Article, Source};
    use crate::detect::detect;

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
