//! Quoted words inside a reported clause that its subject never said. "Brel said the
//! council was ready to act “without delay”": the council has not acted, so the
//! fragment is Brel's, not the subject's of "act". (A speech verb after a modal, "his
//! government would respond “calmly”", quotes nobody already: `cues/unspoken.rs`.) The
//! same holds for a fragment that a second "and that" hangs on the reporting verb ("the
//! agency said the company had filed late and that “…”").
use super::Walk;
use crate::detect::cues::Cue;
use crate::detect::found::Found;
use crate::detect::lexicon::CueKind;
use crate::detect::quotes::QuoteSpan;
use crate::detect::reading::UnitView;
use crate::detect::words::lower;
use crate::model::QuoteKind;

/// The speech cue among `before` whose reported clause `cue`'s source opens ("Kemp said
/// [that] the Greens had never explained it": the Greens' "explained" is what Kemp said).
pub(super) fn reporting_cue(text: &str, before: &[Cue], cue: &Cue) -> Option<usize> {
    let source = cue.source.as_ref().filter(|_| !cue.inverted)?;
    before.iter().rposition(|b| {
        let gap = text.get(b.word.end..source.start).unwrap_or("").trim();
        b.kind == CueKind::Speech && b.word.end <= source.start && (gap.is_empty() || gap == "that")
    })
}

/// The speech cue before cue `k` whose reported clause holds it, when the quotation
/// starting at `quote_start` is that reporter's words: cue `k`'s verb stands under an
/// infinitive's "to", its source opens with a possessive pronoun
/// ("his government", "their party": named from the reporter's side), or an "and that"
/// between the verb and the quotation starts a second clause of the reporter's, or the
/// quotation opens with a conjunction that carries the reporter's sentence on past the
/// verb's object ("said the board had promised the audit “but never ordered it”").
fn reporter_cue(text: &str, cues: &[Cue], k: usize, quote_start: usize) -> Option<usize> {
    let cue = &cues[k];
    if cue.word.end > quote_start {
        return None;
    }
    let j = reporting_cue(text, &cues[..k], cue)?;
    let source = cue.source.as_ref()?;
    // (a few words: "is ready to respond", "was not yet willing to act")
    let before_verb = text.get(source.end..cue.word.start).unwrap_or("");
    let unsaid = before_verb.split_whitespace().count() <= 4
        && before_verb.split_whitespace().next_back() == Some("to");
    let theirs = text[source.clone()]
        .split_whitespace()
        .next()
        .is_some_and(|w| {
            matches!(
                &*lower(w, &mut [0; 32]),
                "his" | "her" | "its" | "their" | "our"
            )
        });
    let second_clause = text
        .get(cue.word.end..quote_start)
        .is_some_and(|between| between.contains(" and that "));
    (unsaid || theirs || second_clause || opens_with_conjunction(text, quote_start)).then_some(j)
}

/// Whether the quotation at `quote_start` opens with "but", "and" or "yet": words that go
/// on from the clause around it rather than stand as the object of its verb.
fn opens_with_conjunction(text: &str, quote_start: usize) -> bool {
    let inside = text
        .get(quote_start..)
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let word = inside
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    matches!(&*lower(word, &mut [0; 32]), "but" | "and" | "yet")
}

impl Walk<'_> {
    /// The speaker of a fragment inside a reported clause: the reporter's when the
    /// clause's subject never said it ([`reporter_cue`]), else `cued`, its own cue's.
    pub(super) fn reporter_instead(
        &self,
        q: &QuoteSpan,
        u: UnitView,
        found: &Found,
        cued: Option<usize>,
    ) -> Option<usize> {
        let k = u
            .cues
            .iter()
            .position(|c| Some(&c.word) == found.cue.as_ref());
        let Some(k) = k.filter(|_| found.kind == QuoteKind::Partial) else {
            return cued;
        };
        reporter_cue(self.text, u.cues, k, q.range.start)
            .and_then(|j| self.scratch.resolved[j])
            .or(cued)
    }
}
