//! A store opened on an article that changed since it was saved: after re-anchoring,
//! what a person touched and a fuzzy match placed (`AnchorReport::placement`; its
//! text is now the article's new text there) is marked for a person to check and
//! named in the notice; and once the journal is replayed, the detector runs again on
//! the article as it is, with the store's sides, and what it finds is merged as one
//! undo step (`Edit::Redetect`), so new text gets suggestions and nothing a person
//! touched changes.

use super::Store;
use crate::article::{Article, sanitize_inline};
use crate::model::{Annotations, Id, Recheck};
use crate::store::anchor::{AnchorReport, Placement};
use crate::store::edit::Edit;

/// How many annotations a notice names before it says how many more there are.
const NAMED: usize = 5;

/// Marks the placed annotations a person touched that a fuzzy match placed (their
/// text is the article's new text there) for a person to check; returns them as "id
/// “first words”". (An untouched suggestion is there to be reviewed anyway, and
/// detecting the article again replaces it.)
pub(super) fn mark_fuzzy(a: &mut Annotations, report: &AnchorReport) -> Vec<String> {
    let mut marked = Vec::new();
    let mut mark = |id: &Id, text: &str, recheck: &mut Option<Recheck>, untouched: bool| {
        if !untouched && report.placement(id) == Placement::Fuzzy {
            *recheck = Some(Recheck::Fuzzy);
            marked.push(format!("{} “{}”", sanitize_inline(id), first_words(text)));
        }
    };
    for q in &mut a.quotes {
        let untouched = q.is_untouched();
        mark(&q.id, &q.text, &mut q.recheck, untouched);
    }
    for p in &mut a.positions {
        let untouched = p.is_untouched();
        mark(&p.id, &p.text, &mut p.recheck, untouched);
    }
    marked
}

/// The first few words of a text, made printable, for a notice.
fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    let more = text.split_whitespace().nth(6).is_some();
    let head = sanitize_inline(&words.join(" "));
    if more { format!("{head} …") } else { head }
}

/// "q3 “…”, p2 “…” and 4 more".
pub(super) fn name_some(marked: &[String]) -> String {
    let shown = marked[..marked.len().min(NAMED)].join(", ");
    match marked.len().saturating_sub(NAMED) {
        0 => shown,
        n => format!("{shown} and {n} more"),
    }
}

impl Store {
    /// Runs the detector again on the changed article with the store's sides and
    /// merges what it finds (one undo step, journalled), unless the store is only
    /// being looked at or cannot be written, or nothing detects.
    pub(super) fn redetect_changed(&mut self, article: &Article, progress: &mut dyn FnMut(usize)) {
        let Some(suggest) = self.options.suggest else {
            return;
        };
        if self.options.inspect || self.read_only.is_some() {
            return;
        }
        let parties = self.annotations.parties.clone();
        let found = suggest(article, Some(&parties), progress);
        match self.apply(Edit::Redetect(Box::new(found))) {
            Ok(o) => {
                if let Some(t) = o.tally.filter(|t| !t.is_empty()) {
                    // first: what is new is what a narrow status bar must still show
                    self.notices
                        .insert(0, format!("detected again: {}", t.describe()));
                }
            }
            Err(e) => self
                .notices
                .push(format!("the changed article was not detected again: {e}")),
        }
    }
}
