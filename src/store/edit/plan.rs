//! Planning an edit: the primitive [`Change`]s that make it against the current set
//! and article text, with the label undo shows and the id of what it creates.

use super::ids::{find, next_id, speaker_id};
use super::{EditError, Filter};
use crate::model::{
    Annotations, Id, Origin, Position, Quote, QuoteKind, QuoteSides, Recheck, Snippet, Speaker,
    Status, shared_context,
};
use crate::store::anchor::CONTEXT_CHARS;
use crate::store::history::{Change, Item, Slot};
use std::sync::Arc;

/// The planned changes of an edit.
#[derive(Debug)]
pub struct Plan {
    /// What the action was ("set side").
    pub label: &'static str,
    /// The changes.
    pub changes: Vec<Change>,
    /// The id of what was created, if anything.
    pub created: Option<Id>,
    /// False for reading-position updates, which are not undo steps.
    pub undoable: bool,
    /// What a re-detection changed.
    pub tally: Option<Tally>,
}

/// What a re-detection changed, for the reader to say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Suggestions added (over text that had none, or in place of ones that went).
    pub added: usize,
    /// Untouched suggestions at the same span that changed (speaker, side, kind, cue).
    pub changed: usize,
    /// Untouched suggestions the detector no longer finds.
    pub removed: usize,
    /// Annotations a person touched, kept as they are.
    pub kept: usize,
    /// Speakers added.
    pub speakers_added: usize,
    /// The detector's speakers that nothing names any more.
    pub speakers_removed: usize,
}

impl Tally {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added + self.changed + self.removed + self.speakers_added + self.speakers_removed == 0
    }

    /// What changed and what was kept, in words ("suggestions 1 added, 2 changed;
    /// 1 speaker added; 3 annotations a person touched kept").
    pub fn describe(&self) -> String {
        let counted = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        let kept = format!("{} a person touched kept", counted(self.kept, "annotation"));
        if self.is_empty() {
            return format!("nothing changed; {kept}");
        }
        let suggestions: Vec<String> = [
            (self.added, "added"),
            (self.changed, "changed"),
            (self.removed, "removed"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        let mut parts = Vec::new();
        if !suggestions.is_empty() {
            parts.push(format!("suggestions {}", suggestions.join(", ")));
        }
        if self.speakers_added > 0 {
            parts.push(format!("{} added", counted(self.speakers_added, "speaker")));
        }
        if self.speakers_removed > 0 {
            parts.push(format!(
                "{} gone",
                counted(self.speakers_removed, "speaker")
            ));
        }
        parts.push(kept);
        parts.join("; ")
    }
}

impl Plan {
    pub(super) fn new(label: &'static str, changes: Vec<Change>) -> Plan {
        Plan {
            label,
            changes,
            created: None,
            undoable: true,
            tally: None,
        }
    }
}

/// A quote tagged by hand over `start..end`: manual and accepted.
pub(super) fn add_quote(
    a: &Annotations,
    text: &Arc<String>,
    (start, end): (usize, usize),
    kind: QuoteKind,
    party: &Option<Id>,
    speaker: &Option<Id>,
) -> Result<Plan, EditError> {
    let (start, end, span_text, prefix, suffix) = span(text, start, end)?;
    let id = next_id(a, "q");
    let q = Quote {
        id: id.clone(),
        start,
        end,
        text: span_text,
        speaker: speaker.clone(),
        party: party.clone(),
        kind,
        cue: None,
        cue_text: Default::default(),
        origin: Origin::Manual,
        status: Status::Accepted,
        recheck: None,
        note: None,
        prefix,
        suffix,
    };
    let plan = Plan::new("add quote", vec![Change::Put(Item::Quote(q))]);
    Ok(created(plan, id))
}

/// A position tagged by hand over `start..end`: manual and accepted.
pub(super) fn add_position(
    a: &Annotations,
    text: &Arc<String>,
    (start, end): (usize, usize),
    party: &Option<Id>,
    speaker: &Option<Id>,
) -> Result<Plan, EditError> {
    let (start, end, span_text, prefix, suffix) = span(text, start, end)?;
    let id = next_id(a, "p");
    let p = Position {
        id: id.clone(),
        start,
        end,
        text: span_text,
        party: party.clone(),
        speaker: speaker.clone(),
        origin: Origin::Manual,
        status: Status::Accepted,
        recheck: None,
        note: None,
        prefix,
        suffix,
    };
    let plan = Plan::new("add position", vec![Change::Put(Item::Position(p))]);
    Ok(created(plan, id))
}

/// A new kind for a quote (placed or orphan); a position has none.
pub(super) fn set_kind(a: &Annotations, id: &str, kind: QuoteKind) -> Result<Plan, EditError> {
    let mut item = find(a, id)?;
    match &mut item {
        Item::Quote(q) | Item::OrphanQuote(q) if q.kind == kind => {
            return Ok(Plan::new("set kind", Vec::new()));
        }
        Item::Quote(q) | Item::OrphanQuote(q) => {
            q.kind = kind;
            q.origin = Origin::Manual;
            q.recheck = None;
        }
        _ => return Err(EditError::NotApplicable(format!("{id} is not a quote"))),
    }
    Ok(Plan::new("set kind", vec![Change::Put(item)]))
}

/// A speaker added by hand, its id made from its name.
pub(super) fn add_speaker(
    a: &Annotations,
    name: &str,
    role: &Option<String>,
    party: &Option<Id>,
) -> Plan {
    let id = speaker_id(a, name);
    let s = Speaker {
        id: id.clone(),
        name: name.to_string(),
        role: role.clone(),
        party: party.clone(),
        mentions: Vec::new(),
        mention_text: Vec::new(),
        origin: Origin::Manual,
    };
    created(
        Plan::new("add speaker", vec![Change::Put(Item::Speaker(s))]),
        id,
    )
}

pub(super) fn created(mut plan: Plan, id: Id) -> Plan {
    plan.created = Some(id);
    plan
}

/// Checks a span and returns it with its text and context (ranges of the shared text).
fn span(
    text: &Arc<String>,
    start: usize,
    end: usize,
) -> Result<(usize, usize, Snippet, Snippet, Snippet), EditError> {
    if start >= end
        || end > text.len()
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return Err(EditError::BadSpan { start, end });
    }
    let (prefix, suffix) = shared_context(text, start, end, CONTEXT_CHARS);
    Ok((
        start,
        end,
        Snippet::shared(text, start..end),
        prefix,
        suffix,
    ))
}

/// The fields quotes and positions share, borrowed for a change.
pub(super) struct Fields<'a> {
    pub(super) party: &'a mut Option<Id>,
    pub(super) speaker: &'a mut Option<Id>,
    pub(super) status: &'a mut Status,
    recheck: &'a mut Option<Recheck>,
    pub(super) note: &'a mut Option<String>,
    pub(super) origin: &'a mut Origin,
}

pub(super) fn fields(item: &mut Item) -> Option<Fields<'_>> {
    match item {
        Item::Quote(q) | Item::OrphanQuote(q) => Some(Fields {
            party: &mut q.party,
            speaker: &mut q.speaker,
            status: &mut q.status,
            recheck: &mut q.recheck,
            note: &mut q.note,
            origin: &mut q.origin,
        }),
        Item::Position(p) | Item::OrphanPosition(p) => Some(Fields {
            party: &mut p.party,
            speaker: &mut p.speaker,
            status: &mut p.status,
            recheck: &mut p.recheck,
            note: &mut p.note,
            origin: &mut p.origin,
        }),
        Item::Speaker(_) | Item::Party(_) | Item::Conflict(_) => None,
    }
}

/// Changes the annotation's fields; an edit that leaves it as it was is no change
/// (no undo step, nothing unsaved).
pub(super) fn modify(
    a: &Annotations,
    id: &str,
    label: &'static str,
    f: impl Fn(Fields<'_>),
) -> Result<Plan, EditError> {
    let before = find(a, id)?;
    let mut item = before.clone();
    if let Some(fields) = fields(&mut item) {
        // a person has looked at it
        *fields.recheck = None;
        f(fields);
    }
    // an edit that changes nothing is no change: nothing to journal, undo or save
    let changes = if item == before {
        Vec::new()
    } else {
        vec![Change::Put(item)]
    };
    Ok(Plan::new(label, changes))
}

/// Whether the annotation's fields already are as `wanted` says: setting a side or a
/// speaker it has is no edit, and leaves it a suggestion of the detector.
pub(super) fn has(
    a: &Annotations,
    id: &str,
    wanted: impl Fn(&Fields<'_>) -> bool,
) -> Result<bool, EditError> {
    let mut item = find(a, id)?;
    Ok(fields(&mut item).is_some_and(|f| wanted(&f)))
}

pub(super) fn set_span(
    a: &Annotations,
    text: &Arc<String>,
    id: &str,
    start: usize,
    end: usize,
) -> Result<Plan, EditError> {
    let item = find(a, id)?;
    let (slot, _) = item.key();
    let placed = placed_at(&item, text, start, end)?;
    let mut changes = Vec::new();
    let label = if matches!(slot, Slot::OrphanQuote | Slot::OrphanPosition) {
        changes.push(Change::Remove {
            slot,
            id: Id::from(id),
        });
        "re-attach"
    } else {
        "set span"
    };
    changes.push(Change::Put(placed));
    Ok(Plan::new(label, changes))
}

/// A quote or position (placed or orphan) moved to `start..end` of the article, with
/// its text and context from there: placed, and made by hand.
pub(crate) fn placed_at(
    item: &Item,
    text: &Arc<String>,
    start: usize,
    end: usize,
) -> Result<Item, EditError> {
    let (start, end, span_text, prefix, suffix) = span(text, start, end)?;
    match item.clone() {
        Item::Quote(mut q) | Item::OrphanQuote(mut q) => {
            (q.start, q.end, q.text, q.prefix, q.suffix) = (start, end, span_text, prefix, suffix);
            q.cue = q.cue.filter(|c| c[1] <= text.len());
            q.origin = Origin::Manual;
            q.recheck = None;
            Ok(Item::Quote(q))
        }
        Item::Position(mut p) | Item::OrphanPosition(mut p) => {
            (p.start, p.end, p.text, p.prefix, p.suffix) = (start, end, span_text, prefix, suffix);
            p.origin = Origin::Manual;
            p.recheck = None;
            Ok(Item::Position(p))
        }
        Item::Speaker(_) | Item::Party(_) | Item::Conflict(_) => Err(EditError::NotApplicable(
            "only a quote or a position has a span".into(),
        )),
    }
}

/// Every quote and position (placed or orphan) as items.
pub(super) fn all_annotations(a: &Annotations) -> impl Iterator<Item = Item> + '_ {
    a.quotes
        .iter()
        .map(|q| Item::Quote(q.clone()))
        .chain(a.positions.iter().map(|p| Item::Position(p.clone())))
        .chain(a.orphan_quotes.iter().map(|q| Item::OrphanQuote(q.clone())))
        .chain(
            a.orphan_positions
                .iter()
                .map(|p| Item::OrphanPosition(p.clone())),
        )
}

pub(super) fn merge_speakers(a: &Annotations, from: &Id, into: &Id) -> Result<Plan, EditError> {
    let gone = a
        .speaker(from)
        .ok_or_else(|| EditError::NotFound(from.to_string()))?;
    let mut kept = a
        .speaker(into)
        .ok_or_else(|| EditError::NotFound(into.to_string()))?
        .clone();
    if from == into {
        return Err(EditError::NotApplicable(
            "a speaker cannot be merged into itself".into(),
        ));
    }
    let mut changes: Vec<Change> = all_annotations(a)
        .filter_map(|mut item| {
            let f = fields(&mut item)?;
            if f.speaker.as_ref() != Some(from) {
                return None;
            }
            *f.speaker = Some(into.clone());
            Some(Change::Put(item))
        })
        .collect();
    // their texts go along only when both speakers have them for every mention
    let texts = kept.mention_text.len() == kept.mentions.len()
        && gone.mention_text.len() == gone.mentions.len();
    kept.mentions.extend(&gone.mentions);
    if texts {
        kept.mention_text.extend(gone.mention_text.iter().cloned());
    }
    crate::store::schema::sort_mentions(&mut kept);
    if kept.party.is_none() {
        kept.party = gone.party.clone();
    }
    // a person joined them: re-detection must not part them again
    kept.origin = Origin::Manual;
    changes.push(Change::Put(Item::Speaker(kept)));
    changes.push(Change::Remove {
        slot: Slot::Speaker,
        id: from.clone(),
    });
    Ok(Plan::new("merge speakers", changes))
}

pub(super) fn set_status_all(a: &Annotations, filter: &Filter, status: Status) -> Plan {
    let quote_sides = QuoteSides::new(a);
    let changes = all_annotations(a)
        .filter(|item| match item {
            Item::Quote(q) | Item::OrphanQuote(q) => {
                filter.quotes
                    && filter.kind.is_none_or(|k| k == q.kind)
                    && filter.party.matches(quote_sides.of(q))
            }
            Item::Position(p) | Item::OrphanPosition(p) => {
                filter.positions && filter.party.matches(p.party.as_deref())
            }
            _ => false,
        })
        .filter_map(|mut item| {
            let f = fields(&mut item)?;
            if *f.status != Status::Suggested {
                return None;
            }
            *f.status = status;
            Some(Change::Put(item))
        })
        .collect();
    Plan::new("set status of all", changes)
}
