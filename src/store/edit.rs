//! The edits an annotation UI makes, each turned into primitive [`Change`]s against the
//! current set (so the journal and undo work on one small vocabulary).

use super::anchor::CONTEXT_CHARS;
use super::history::{Change, Item, Slot};
use super::model::{
    Annotations, Mark, Origin, Party, Position, Quote, QuoteKind, Reading, Snippet, Speaker,
    Status, shared_context,
};
use std::sync::Arc;

/// One user action on the annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Adds a quote over `start..end` (a manual, accepted annotation).
    AddQuote {
        /// Span start (byte offset).
        start: usize,
        /// Span end.
        end: usize,
        /// Direct, partial or term.
        kind: QuoteKind,
        /// The side.
        party: Option<String>,
        /// Who said it.
        speaker: Option<String>,
    },
    /// Adds a position over `start..end` (manual, accepted).
    AddPosition {
        /// Span start.
        start: usize,
        /// Span end.
        end: usize,
        /// The side.
        party: Option<String>,
        /// Who stated it.
        speaker: Option<String>,
    },
    /// Deletes a quote, position or orphan. (To keep a suggestion from coming back,
    /// reject it instead.)
    Delete {
        /// The annotation.
        id: String,
    },
    /// Sets a quote's kind.
    SetKind {
        /// The quote.
        id: String,
        /// The new kind.
        kind: QuoteKind,
    },
    /// Sets an annotation's side.
    SetSide {
        /// The annotation.
        id: String,
        /// A party id, or none.
        party: Option<String>,
    },
    /// Sets who said or stated it.
    SetSpeaker {
        /// The annotation.
        id: String,
        /// A speaker id, or none.
        speaker: Option<String>,
    },
    /// Accepts, rejects or resets an annotation.
    SetStatus {
        /// The annotation.
        id: String,
        /// The new status.
        status: Status,
    },
    /// Sets or clears the user's note.
    SetNote {
        /// The annotation.
        id: String,
        /// The note; `None` or empty clears it.
        note: Option<String>,
    },
    /// Moves an annotation to a new span; an orphan placed this way is re-attached.
    SetSpan {
        /// The annotation.
        id: String,
        /// New start.
        start: usize,
        /// New end.
        end: usize,
    },
    /// Adds a speaker; its id is made from the name.
    AddSpeaker {
        /// Canonical name.
        name: String,
        /// Title or function.
        role: Option<String>,
        /// The side.
        party: Option<String>,
    },
    /// Replaces a speaker's name, role, party or mentions (same id).
    UpdateSpeaker(Speaker),
    /// Points every annotation of `from` at `into`, joins the mentions, removes `from`.
    MergeSpeakers {
        /// The speaker that goes away.
        from: String,
        /// The speaker that stays.
        into: String,
    },
    /// Sets the status of every suggestion that matches the filter ("accept all").
    SetStatusAll {
        /// Which suggestions.
        filter: Filter,
        /// The new status.
        status: Status,
    },
    /// Adds or replaces a party.
    PutParty(Party),
    /// Records where the reader is (journalled, not an undo step).
    SetReadingPosition(usize),
    /// Sets (`Some`) or deletes (`None`) a named mark.
    SetMark {
        /// The mark's name.
        name: String,
        /// Where it points.
        at: Option<usize>,
    },
}

/// Which suggestions a bulk edit touches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Include quotes.
    pub quotes: bool,
    /// Include positions.
    pub positions: bool,
    /// Only quotes of this kind.
    pub kind: Option<QuoteKind>,
    /// Only annotations of this side.
    pub party: Option<String>,
}

/// Why an edit cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The store is read-only.
    #[error("the store is read-only: {0}")]
    ReadOnly(String),
    /// No annotation, speaker or party has this id.
    #[error("nothing has the id {0}")]
    NotFound(String),
    /// The span is empty, reversed, past the end or inside a character.
    #[error("{start}..{end} is not a span of the article")]
    BadSpan {
        /// Start.
        start: usize,
        /// End.
        end: usize,
    },
    /// The edit does not apply to this kind of annotation.
    #[error("{0}")]
    NotApplicable(String),
}

/// The planned changes of an edit.
#[derive(Debug)]
pub struct Plan {
    /// What the action was ("set side").
    pub label: &'static str,
    /// The changes.
    pub changes: Vec<Change>,
    /// The id of what was created, if anything.
    pub created: Option<String>,
    /// False for reading-position updates, which are not undo steps.
    pub undoable: bool,
}

impl Plan {
    fn new(label: &'static str, changes: Vec<Change>) -> Plan {
        Plan {
            label,
            changes,
            created: None,
            undoable: true,
        }
    }
}

/// Works out the changes of `edit` against the current set and article text.
pub fn plan(a: &Annotations, text: &Arc<String>, edit: &Edit) -> Result<Plan, EditError> {
    let plan = match edit {
        Edit::AddQuote {
            start,
            end,
            kind,
            party,
            speaker,
        } => {
            check_refs(a, party.as_deref(), speaker.as_deref())?;
            let (start, end, span_text, prefix, suffix) = span(text, *start, *end)?;
            let id = next_id(a, "q");
            let q = Quote {
                id: id.clone(),
                start,
                end,
                text: span_text,
                speaker: speaker.clone(),
                party: party.clone(),
                kind: *kind,
                cue: None,
                origin: Origin::Manual,
                status: Status::Accepted,
                note: None,
                prefix,
                suffix,
            };
            created(
                Plan::new("add quote", vec![Change::Put(Item::Quote(q))]),
                id,
            )
        }
        Edit::AddPosition {
            start,
            end,
            party,
            speaker,
        } => {
            check_refs(a, party.as_deref(), speaker.as_deref())?;
            let (start, end, span_text, prefix, suffix) = span(text, *start, *end)?;
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
                note: None,
                prefix,
                suffix,
            };
            created(
                Plan::new("add position", vec![Change::Put(Item::Position(p))]),
                id,
            )
        }
        Edit::Delete { id } => {
            let item = find(a, id)?;
            let (slot, id) = item.key();
            Plan::new(
                "delete",
                vec![Change::Remove {
                    slot,
                    id: id.to_string(),
                }],
            )
        }
        Edit::SetKind { id, kind } => {
            let mut item = find(a, id)?;
            match &mut item {
                Item::Quote(q) | Item::OrphanQuote(q) => {
                    q.kind = *kind;
                    q.origin = Origin::Manual;
                }
                _ => return Err(EditError::NotApplicable(format!("{id} is not a quote"))),
            }
            Plan::new("set kind", vec![Change::Put(item)])
        }
        Edit::SetSide { id, party } => {
            check_refs(a, party.as_deref(), None)?;
            modify(a, id, "set side", |f| {
                *f.party = party.clone();
                *f.origin = Origin::Manual;
            })?
        }
        Edit::SetSpeaker { id, speaker } => {
            check_refs(a, None, speaker.as_deref())?;
            modify(a, id, "set speaker", |f| {
                *f.speaker = speaker.clone();
                *f.origin = Origin::Manual;
            })?
        }
        Edit::SetStatus { id, status } => modify(a, id, "set status", |f| *f.status = *status)?,
        Edit::SetNote { id, note } => {
            let note = note.clone().filter(|n| !n.is_empty());
            modify(a, id, "set note", |f| *f.note = note.clone())?
        }
        Edit::SetSpan { id, start, end } => set_span(a, text, id, *start, *end)?,
        Edit::AddSpeaker { name, role, party } => {
            check_refs(a, party.as_deref(), None)?;
            let id = speaker_id(a, name);
            let s = Speaker {
                id: id.clone(),
                name: name.clone(),
                role: role.clone(),
                party: party.clone(),
                mentions: Vec::new(),
                origin: Origin::Manual,
            };
            created(
                Plan::new("add speaker", vec![Change::Put(Item::Speaker(s))]),
                id,
            )
        }
        Edit::UpdateSpeaker(s) => {
            a.speaker(&s.id)
                .ok_or_else(|| EditError::NotFound(s.id.clone()))?;
            check_refs(a, s.party.as_deref(), None)?;
            let mut s = s.clone();
            s.mentions.sort_unstable();
            s.mentions.dedup();
            Plan::new("edit speaker", vec![Change::Put(Item::Speaker(s))])
        }
        Edit::MergeSpeakers { from, into } => merge_speakers(a, from, into)?,
        Edit::SetStatusAll { filter, status } => set_status_all(a, filter, *status),
        Edit::PutParty(p) => Plan::new("set party", vec![Change::Put(Item::Party(p.clone()))]),
        Edit::SetReadingPosition(at) => {
            let mut r = a.reading.clone();
            r.position = floor(text, *at);
            Plan {
                undoable: false,
                ..Plan::new("move", vec![Change::Reading(r)])
            }
        }
        Edit::SetMark { name, at } => {
            let mut r: Reading = a.reading.clone();
            r.marks.retain(|m| m.name != *name);
            if let Some(at) = at {
                r.marks.push(Mark {
                    name: name.clone(),
                    at: floor(text, *at),
                });
                r.marks.sort_by(|x, y| x.name.cmp(&y.name));
            }
            Plan::new("set mark", vec![Change::Reading(r)])
        }
    };
    Ok(plan)
}

fn created(mut plan: Plan, id: String) -> Plan {
    plan.created = Some(id);
    plan
}

fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
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

fn check_refs(
    a: &Annotations,
    party: Option<&str>,
    speaker: Option<&str>,
) -> Result<(), EditError> {
    if let Some(p) = party
        && a.party(p).is_none()
    {
        return Err(EditError::NotFound(p.to_string()));
    }
    if let Some(s) = speaker
        && a.speaker(s).is_none()
    {
        return Err(EditError::NotFound(s.to_string()));
    }
    Ok(())
}

/// The annotation with this id, wherever it is.
pub fn find(a: &Annotations, id: &str) -> Result<Item, EditError> {
    let by_id = |q: &&Quote| q.id == id;
    let p_by_id = |p: &&Position| p.id == id;
    a.quotes
        .iter()
        .find(by_id)
        .map(|q| Item::Quote(q.clone()))
        .or_else(|| {
            a.positions
                .iter()
                .find(p_by_id)
                .map(|p| Item::Position(p.clone()))
        })
        .or_else(|| {
            a.orphan_quotes
                .iter()
                .find(by_id)
                .map(|q| Item::OrphanQuote(q.clone()))
        })
        .or_else(|| {
            a.orphan_positions
                .iter()
                .find(p_by_id)
                .map(|p| Item::OrphanPosition(p.clone()))
        })
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

/// The fields quotes and positions share, borrowed for a change.
struct Fields<'a> {
    party: &'a mut Option<String>,
    speaker: &'a mut Option<String>,
    status: &'a mut Status,
    note: &'a mut Option<String>,
    origin: &'a mut Origin,
}

fn fields(item: &mut Item) -> Option<Fields<'_>> {
    match item {
        Item::Quote(q) | Item::OrphanQuote(q) => Some(Fields {
            party: &mut q.party,
            speaker: &mut q.speaker,
            status: &mut q.status,
            note: &mut q.note,
            origin: &mut q.origin,
        }),
        Item::Position(p) | Item::OrphanPosition(p) => Some(Fields {
            party: &mut p.party,
            speaker: &mut p.speaker,
            status: &mut p.status,
            note: &mut p.note,
            origin: &mut p.origin,
        }),
        Item::Speaker(_) | Item::Party(_) => None,
    }
}

fn modify(
    a: &Annotations,
    id: &str,
    label: &'static str,
    f: impl Fn(Fields<'_>),
) -> Result<Plan, EditError> {
    let mut item = find(a, id)?;
    if let Some(fields) = fields(&mut item) {
        f(fields);
    }
    Ok(Plan::new(label, vec![Change::Put(item)]))
}

fn set_span(
    a: &Annotations,
    text: &Arc<String>,
    id: &str,
    start: usize,
    end: usize,
) -> Result<Plan, EditError> {
    let (start, end, span_text, prefix, suffix) = span(text, start, end)?;
    let item = find(a, id)?;
    let (slot, _) = item.key();
    let placed = match item {
        Item::Quote(mut q) | Item::OrphanQuote(mut q) => {
            (q.start, q.end, q.text, q.prefix, q.suffix) = (start, end, span_text, prefix, suffix);
            q.cue = q.cue.filter(|c| c[1] <= text.len());
            q.origin = Origin::Manual;
            Item::Quote(q)
        }
        Item::Position(mut p) | Item::OrphanPosition(mut p) => {
            (p.start, p.end, p.text, p.prefix, p.suffix) = (start, end, span_text, prefix, suffix);
            p.origin = Origin::Manual;
            Item::Position(p)
        }
        Item::Speaker(_) | Item::Party(_) => unreachable!("find returns annotations only"),
    };
    let mut changes = Vec::new();
    let label = if matches!(slot, Slot::OrphanQuote | Slot::OrphanPosition) {
        changes.push(Change::Remove {
            slot,
            id: id.to_string(),
        });
        "re-attach"
    } else {
        "set span"
    };
    changes.push(Change::Put(placed));
    Ok(Plan::new(label, changes))
}

/// Every quote and position (placed or orphan) as items.
fn all_annotations(a: &Annotations) -> impl Iterator<Item = Item> + '_ {
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

fn merge_speakers(a: &Annotations, from: &str, into: &str) -> Result<Plan, EditError> {
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
            if f.speaker.as_deref() != Some(from) {
                return None;
            }
            *f.speaker = Some(into.to_string());
            Some(Change::Put(item))
        })
        .collect();
    kept.mentions.extend(&gone.mentions);
    kept.mentions.sort_unstable();
    kept.mentions.dedup();
    if kept.party.is_none() {
        kept.party = gone.party.clone();
    }
    changes.push(Change::Put(Item::Speaker(kept)));
    changes.push(Change::Remove {
        slot: Slot::Speaker,
        id: from.to_string(),
    });
    Ok(Plan::new("merge speakers", changes))
}

fn set_status_all(a: &Annotations, filter: &Filter, status: Status) -> Plan {
    let changes = all_annotations(a)
        .filter(|item| match item {
            Item::Quote(q) | Item::OrphanQuote(q) => {
                filter.quotes && filter.kind.is_none_or(|k| k == q.kind)
            }
            Item::Position(_) | Item::OrphanPosition(_) => filter.positions,
            _ => false,
        })
        .filter_map(|mut item| {
            let f = fields(&mut item)?;
            let side_ok = filter.party.is_none() || *f.party == filter.party;
            if !side_ok || *f.status != Status::Suggested {
                return None;
            }
            *f.status = status;
            Some(Change::Put(item))
        })
        .collect();
    Plan::new("set status of all", changes)
}

/// The next free id `PREFIX<n>` among all annotations.
fn next_id(a: &Annotations, prefix: &str) -> String {
    let ids = a
        .quotes
        .iter()
        .map(|q| &q.id)
        .chain(a.positions.iter().map(|p| &p.id))
        .chain(a.orphan_quotes.iter().map(|q| &q.id))
        .chain(a.orphan_positions.iter().map(|p| &p.id));
    let max = ids
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", max + 1)
}

/// A speaker id from a name ("Ian Kelly" → "ian-kelly"), made unique.
fn speaker_id(a: &Annotations, name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = match slug.trim_end_matches('-') {
        "" => "speaker".to_string(),
        s => s.to_string(),
    };
    let mut id = slug.clone();
    let mut n = 2;
    while a.speaker(&id).is_some() {
        id = format!("{slug}-{n}");
        n += 1;
    }
    id
}
