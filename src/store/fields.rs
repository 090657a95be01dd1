//! The fields of a quote, position, speaker or party one by one, by name, as text: what
//! a three-way merge compares and copies, what a `[[conflict]]` names, and what
//! settling a conflict sets. Bookkeeping that follows another field (a span's text and
//! context) goes with it; `origin` and the lists that merge as sets (mentions, aliases)
//! are not fields here.

use super::edit::EditError;
use super::history::Item;
use crate::model::{ConflictTable, Id, Origin, Party, Position, Quote, QuoteKind, Speaker, Status};
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
    let v = Value { field, value };
    if field == "span" {
        let [start, end] = v.span()?.ok_or_else(|| v.bad())?;
        *item = super::edit::placed_at(item, text, start, end)?;
        return Ok(());
    }
    match item {
        Item::Quote(q) | Item::OrphanQuote(q) => set_quote_field(q, &v),
        Item::Position(p) | Item::OrphanPosition(p) => set_position_field(p, &v),
        Item::Speaker(s) => set_speaker_field(s, &v),
        Item::Party(p) => set_party_field(p, &v),
        Item::Conflict(_) => Err(v.bad()),
    }
}

/// A field's new value as text, read as what the field holds.
struct Value<'a> {
    field: &'a str,
    value: Option<&'a str>,
}

impl Value<'_> {
    fn bad(&self) -> EditError {
        let value = self.value.unwrap_or("");
        EditError::NotApplicable(format!("“{value}” is not a value for {}", self.field))
    }

    fn id(&self) -> Option<Id> {
        self.value.map(Id::from)
    }

    fn text(&self) -> Option<String> {
        self.value.map(str::to_string)
    }

    /// `START..END`.
    fn span(&self) -> Result<Option<[usize; 2]>, EditError> {
        let Some(v) = self.value else { return Ok(None) };
        let (a, b) = v.split_once("..").ok_or_else(|| self.bad())?;
        let (a, b) = (
            a.trim().parse().map_err(|_| self.bad())?,
            b.trim().parse().map_err(|_| self.bad())?,
        );
        Ok(Some([a, b]))
    }

    fn status(&self) -> Result<Status, EditError> {
        match self.value {
            Some("suggested") => Ok(Status::Suggested),
            Some("accepted") => Ok(Status::Accepted),
            Some("rejected") => Ok(Status::Rejected),
            _ => Err(self.bad()),
        }
    }

    fn kind(&self) -> Result<QuoteKind, EditError> {
        match self.value {
            Some("direct") => Ok(QuoteKind::Direct),
            Some("partial") => Ok(QuoteKind::Partial),
            Some("term") => Ok(QuoteKind::Term),
            _ => Err(self.bad()),
        }
    }

    /// A value that may not be empty (a name).
    fn required(&self) -> Result<String, EditError> {
        self.text().ok_or_else(|| self.bad())
    }
}

fn set_quote_field(q: &mut Quote, v: &Value<'_>) -> Result<(), EditError> {
    match v.field {
        "kind" => q.kind = v.kind()?,
        "party" => q.party = v.id(),
        "speaker" => q.speaker = v.id(),
        "cue" => q.cue = v.span()?,
        "status" => q.status = v.status()?,
        "note" => q.note = v.text(),
        _ => return Err(v.bad()),
    }
    Ok(())
}

fn set_position_field(p: &mut Position, v: &Value<'_>) -> Result<(), EditError> {
    match v.field {
        "party" => p.party = v.id(),
        "speaker" => p.speaker = v.id(),
        "status" => p.status = v.status()?,
        "note" => p.note = v.text(),
        _ => return Err(v.bad()),
    }
    Ok(())
}

fn set_speaker_field(s: &mut Speaker, v: &Value<'_>) -> Result<(), EditError> {
    match v.field {
        "name" => s.name = v.required()?,
        "role" => s.role = v.text(),
        "party" => s.party = v.id(),
        _ => return Err(v.bad()),
    }
    Ok(())
}

fn set_party_field(p: &mut Party, v: &Value<'_>) -> Result<(), EditError> {
    match v.field {
        "name" => p.name = v.required()?,
        "color" => p.color = v.value.map(str::parse).transpose().map_err(|_| v.bad())?,
        "label" => p.label = v.text(),
        _ => return Err(v.bad()),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Ana said \"no\" today.";

    fn quote() -> Item {
        Item::Quote(Quote {
            text: "\"no\"".into(),
            ..Quote::at("q1", 9, 13)
        })
    }

    #[test]
    fn each_field_set_by_its_text_reads_back_the_same() {
        let text = Arc::new(TEXT.to_string());
        let mut item = quote();
        for (field, value) in [
            ("kind", Some("partial")),
            ("party", Some("a")),
            ("speaker", Some("s1")),
            ("cue", Some("4..8")),
            ("status", Some("rejected")),
            ("note", Some("check")),
            ("note", None),
        ] {
            set(&mut item, field, value, &text).unwrap_or_else(|e| panic!("{field}: {e}"));
            assert_eq!(get(&item, field).as_deref(), value, "{field}");
        }
        set(&mut item, "span", Some("0..3"), &text).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(&item, Item::Quote(q) if &*q.text == "Ana"));
    }

    #[test]
    fn a_value_a_field_cannot_hold_is_refused_and_changes_nothing() {
        let text = Arc::new(TEXT.to_string());
        let before = quote();
        for (field, value) in [
            ("kind", Some("shouted")),
            ("status", None),
            ("cue", Some("4-8")),
            ("span", Some("9..99")),
            ("colour", Some("red")),
        ] {
            let mut item = before.clone();
            let err = set(&mut item, field, value, &text);
            assert!(err.is_err(), "{field} = {value:?}");
            assert_eq!(item, before, "{field}");
        }
    }
}
