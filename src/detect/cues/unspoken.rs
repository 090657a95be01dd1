//! Speech verbs that report no speech: after a modal ("would respond", "will say") a
//! verb tells what someone would or could say, so a quotation in its clause belongs to
//! whoever reports the sentence's speech.

use super::Cue;
use super::after_quotation::joined;
use crate::detect::lexicon::{self, CueKind};
use crate::detect::words::{Word, lower};

/// "Pell said her government would respond “calmly”": a speech cue after a modal
/// becomes a stance cue, which keeps its source but quotes nobody, when another speech
/// cue of the sentence names its source and reports the modal's clause: it comes
/// before it, or after it past a comma or a quotation ("Ana would never say “yes”, Tom
/// added"). The quotation then goes to the one who said it. ("Supporters would argue —
/// and most voters believe — that …" keeps its verb, and "would later call" tells of
/// the past and still reports.)
pub(super) fn demote_unspoken(text: &str, outside: &[Word], cues: &mut [Cue]) {
    if cues.len() < 2 {
        return;
    }
    let unspoken = |c: &Cue| c.kind == CueKind::Speech && after_modal(text, outside, c);
    let reports = |c: &Cue, modal: &Cue| {
        c.kind == CueKind::Speech
            && !unspoken(c)
            && c.source.as_ref().is_some_and(|source| {
                let opens = if c.inverted {
                    c.word.start
                } else {
                    source.start
                };
                c.word.start < modal.word.start
                    || text[..opens].trim_end().ends_with([',', '”', '"', '\''])
            })
    };
    let dropped: Vec<bool> = cues
        .iter()
        .map(|m| unspoken(m) && cues.iter().any(|c| reports(c, m)))
        .collect();
    for (c, dropped) in cues.iter_mut().zip(dropped) {
        if dropped {
            c.kind = CueKind::Stance;
        }
    }
}

/// Whether a cue's verb comes right after a modal, with at most "not", "never" or
/// "also" between, one space apart ("would respond", "will not say").
fn after_modal(text: &str, outside: &[Word], cue: &Cue) -> bool {
    let k = outside.partition_point(|w| w.start < cue.word.start);
    let mut buf = [0u8; 32];
    for back in 1..=2 {
        let Some(i) = k.checked_sub(back) else {
            return false;
        };
        if !joined(text, outside, i, k + 1) {
            return false;
        }
        let word = lower(&text[outside[i].clone()], &mut buf);
        if lexicon::is_modal(&word) {
            return true;
        }
        if !matches!(&*word, "not" | "never" | "also") {
            return false;
        }
    }
    false
}
