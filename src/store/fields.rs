//! The fields of a quote, position, speaker or party one by one, by name, as text: what
//! a three-way merge compares and copies, what a `[[conflict]]` names, and what
//! settling a conflict sets. Bookkeeping that follows another field (a span's text and
//! context) goes with it; `origin` and the lists that merge as sets (mentions, aliases)
//! are not fields here.

use super::edit::EditError;
use super::history::Item;
use crate::model::{ConflictTable, Id, Origin, QuoteKind, Status};
use std::sync::Arc;

/// The field a conflict names when one side deleted the item and the other changed it.
pub const DELETED: &str = "deleted";

/// The fields of each table, in the order a merge goes through them.
pub fn names(table: ConflictTable) -> &'static [&'static str] {
    match table {
        ConflictTable::Quote => &["span", "kind", "party", "speaker", "cue", "status", "note"],
        ConflictTable::Position => &["span", "party", "speaker", "status", "note"],
        ConflictTable::Speaker => &["name", "role", "party"],
        ConflictTable::Party => &["name", "color", "label"],
    }
}

/// Whether a conflict on `table` may name `field`.
pub fn is_field(table: ConflictTable, field: &str) -> bool {
    field == DELETED || names(table).contains(&field)
}

/// The table a conflict on this item names (none for a conflict itself).
pub fn table_of(item: &Item) -> Option<ConflictTable> {
    match item {
        Item::Quote(_) | Item::OrphanQuote(_) => Some(ConflictTable::Quote),
        Item::Position(_) | Item::OrphanPosition(_) => Some(ConflictTable::Position),
        Item::Speaker(_) => Some(ConflictTable::Speaker),
        Item::Party(_) => Some(ConflictTable::Party),
        Item::Conflict(_) => None,
    }
}

fn pair(p: [usize; 2]) -> String {
    format!("{}..{}", p[0], p[1])
}

/// A field's value as text (`None`: the field is empty); `None` too for a field the
/// item does not have.
pub fn get(item: &Item, field: &str) -> Option<String> {
    let id = |v: &Option<Id>| v.as_ref().map(ToString::to_string);
    match (item, field) {
        (Item::Quote(q) | Item::OrphanQuote(q), _) => match field {
            "span" => Some(pair([q.start, q.end])),
            "kind" => Some(q.kind.as_str().to_string()),
            "party" => id(&q.party),
            "speaker" => id(&q.speaker),
            "cue" => q.cue.map(pair),
            "status" => Some(q.status.as_str().to_string()),
            "note" => q.note.clone(),
            _ => None,
        },
        (Item::Position(p) | Item::OrphanPosition(p), _) => match field {
            "span" => Some(pair([p.start, p.end])),
            "party" => id(&p.party),
            "speaker" => id(&p.speaker),
            "status" => Some(p.status.as_str().to_string()),
            "note" => p.note.clone(),
            _ => None,
        },
        (Item::Speaker(s), "name") => Some(s.name.clone()),
        (Item::Speaker(s), "role") => s.role.clone(),
        (Item::Speaker(s), "party") => id(&s.party),
        (Item::Party(p), "name") => Some(p.name.clone()),
        (Item::Party(p), "color") => p.color.as_ref().map(ToString::to_string),
        (Item::Party(p), "label") => p.label.clone(),
        _ => None,
    }
}

/// Gives a quote or position `d` the span of `s`: offsets, text and context.
macro_rules! take_span {
    ($d:expr, $s:expr) => {{
        ($d.start, $d.end) = ($s.start, $s.end);
        ($d.text, $d.prefix, $d.suffix) = ($s.text.clone(), $s.prefix.clone(), $s.suffix.clone());
    }};
}

/// The same quote or position, placed or orphan.
fn placed_as(item: Item, placed: bool) -> Item {
    match (item, placed) {
        (Item::Quote(q) | Item::OrphanQuote(q), true) => Item::Quote(q),
        (Item::Quote(q) | Item::OrphanQuote(q), false) => Item::OrphanQuote(q),
        (Item::Position(p) | Item::OrphanPosition(p), true) => Item::Position(p),
        (Item::Position(p) | Item::OrphanPosition(p), false) => Item::OrphanPosition(p),
        (other, _) => other,
    }
}

/// Copies one field from `src` to `dst` (items of one table); a span brings its text,
/// its context and whether it is placed.
pub fn copy(dst: &mut Item, src: &Item, field: &str) {
    if field == "span" {
        let placed = matches!(src, Item::Quote(_) | Item::Position(_));
        let mut moved = dst.clone();
        match (&mut moved, src) {
            (Item::Quote(d) | Item::OrphanQuote(d), Item::Quote(s) | Item::OrphanQuote(s)) => {
                take_span!(d, s)
            }
            (
                Item::Position(d) | Item::OrphanPosition(d),
                Item::Position(s) | Item::OrphanPosition(s),
            ) => take_span!(d, s),
            _ => return,
        }
        *dst = placed_as(moved, placed);
        return;
    }
    match (dst, src) {
        (Item::Quote(d) | Item::OrphanQuote(d), Item::Quote(s) | Item::OrphanQuote(s)) => {
            match field {
                "kind" => d.kind = s.kind,
                "party" => d.party = s.party.clone(),
                "speaker" => d.speaker = s.speaker.clone(),
                "cue" => d.cue = s.cue,
                "status" => d.status = s.status,
                "note" => d.note = s.note.clone(),
                _ => {}
            }
        }
        (
            Item::Position(d) | Item::OrphanPosition(d),
            Item::Position(s) | Item::OrphanPosition(s),
        ) => match field {
            "party" => d.party = s.party.clone(),
            "speaker" => d.speaker = s.speaker.clone(),
            "status" => d.status = s.status,
            "note" => d.note = s.note.clone(),
            _ => {}
        },
        (Item::Speaker(d), Item::Speaker(s)) => match field {
            "name" => d.name = s.name.clone(),
            "role" => d.role = s.role.clone(),
            "party" => d.party = s.party.clone(),
            _ => {}
        },
        (Item::Party(d), Item::Party(s)) => match field {
            "name" => d.name = s.name.clone(),
            "color" => d.color = s.color,
            "label" => d.label = s.label.clone(),
            _ => {}
        },
        _ => {}
    }
}

/// Whether the user had a hand in the item.
pub fn origin(item: &Item) -> Option<Origin> {
    match item {
        Item::Quote(q) | Item::OrphanQuote(q) => Some(q.origin),
        Item::Position(p) | Item::OrphanPosition(p) => Some(p.origin),
        Item::Speaker(s) => Some(s.origin),
        Item::Party(_) | Item::Conflict(_) => None,
    }
}

/// Sets a field from its text (`None`: empty), as settling a conflict does; a span is
/// checked against the article and takes its text and context from it.
pub fn set(
    item: &mut Item,
    field: &str,
    value: Option<&str>,
    text: &Arc<String>,
) -> Result<(), EditError> {
    let bad = || {
        EditError::NotApplicable(format!(
            "“{}” is not a value for {field}",
            value.unwrap_or("")
        ))
    };
    let id = || value.map(Id::from);
    let span = || -> Result<Option<[usize; 2]>, EditError> {
        let Some(v) = value else { return Ok(None) };
        let (a, b) = v.split_once("..").ok_or_else(bad)?;
        let (a, b) = (
            a.trim().parse().map_err(|_| bad())?,
            b.trim().parse().map_err(|_| bad())?,
        );
        Ok(Some([a, b]))
    };
    let status = || match value {
        Some("suggested") => Ok(Status::Suggested),
        Some("accepted") => Ok(Status::Accepted),
        Some("rejected") => Ok(Status::Rejected),
        _ => Err(bad()),
    };
    if field == "span" {
        let [start, end] = span()?.ok_or_else(bad)?;
        let placed = super::edit::placed_at(item, text, start, end)?;
        *item = placed;
        return Ok(());
    }
    match item {
        Item::Quote(q) | Item::OrphanQuote(q) => match field {
            "kind" => {
                q.kind = match value {
                    Some("direct") => QuoteKind::Direct,
                    Some("partial") => QuoteKind::Partial,
                    Some("term") => QuoteKind::Term,
                    _ => return Err(bad()),
                }
            }
            "party" => q.party = id(),
            "speaker" => q.speaker = id(),
            "cue" => q.cue = span()?,
            "status" => q.status = status()?,
            "note" => q.note = value.map(str::to_string),
            _ => return Err(bad()),
        },
        Item::Position(p) | Item::OrphanPosition(p) => match field {
            "party" => p.party = id(),
            "speaker" => p.speaker = id(),
            "status" => p.status = status()?,
            "note" => p.note = value.map(str::to_string),
            _ => return Err(bad()),
        },
        Item::Speaker(s) => match field {
            "name" => s.name = value.ok_or_else(bad)?.to_string(),
            "role" => s.role = value.map(str::to_string),
            "party" => s.party = id(),
            _ => return Err(bad()),
        },
        Item::Party(p) => match field {
            "name" => p.name = value.ok_or_else(bad)?.to_string(),
            "color" => p.color = value.map(str::parse).transpose().map_err(|_| bad())?,
            "label" => p.label = value.map(str::to_string),
            _ => return Err(bad()),
        },
        Item::Conflict(_) => return Err(bad()),
    }
    Ok(())
}
