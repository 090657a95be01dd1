//! The differences between two stores of one article, item by item (matched by id):
//! what B adds, what it removes, and each field it changes, for reviewing a branch
//! before merging it.

use crate::model::{Annotations, Conflict, ConflictTable, Id, Origin};
use crate::store::fields;
use crate::store::history::Item;
use std::collections::HashMap;

/// What happened to one item between A and B.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Only B has it.
    Added,
    /// Only A has it.
    Removed,
    /// Both have it; these fields differ (field, A's value, B's value; `None`: empty).
    Changed(Vec<(String, Option<String>, Option<String>)>),
}

/// One item that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its table ("quote", "position", "speaker", "side", "conflict").
    pub table: &'static str,
    /// Its id.
    pub id: Id,
    /// What it says: a quote's or position's text, a name, a conflict in words.
    pub label: String,
    /// How it changed.
    pub change: Change,
    /// For an added or removed quote or position, its reading (kind, side, speaker,
    /// status), so the reviewer sees what it was.
    pub reading: Option<String>,
}

/// The items of one table of a set.
type ItemsOf = fn(&Annotations) -> Vec<Item>;

/// Everything that differs from `a` to `b`: sides, speakers, quotes, positions, then
/// conflicts, each in the order B (then A) holds them.
pub fn diff(a: &Annotations, b: &Annotations) -> Vec<Entry> {
    let mut out = Vec::new();
    let parties = |x: &Annotations| x.parties.iter().cloned().map(Item::Party).collect();
    let speakers = |x: &Annotations| x.speakers.iter().cloned().map(Item::Speaker).collect();
    let quotes = |x: &Annotations| {
        let placed = x.quotes.iter().cloned().map(Item::Quote);
        placed
            .chain(x.orphan_quotes.iter().cloned().map(Item::OrphanQuote))
            .collect()
    };
    let positions = |x: &Annotations| {
        let placed = x.positions.iter().cloned().map(Item::Position);
        let orphans = x.orphan_positions.iter().cloned().map(Item::OrphanPosition);
        placed.chain(orphans).collect()
    };
    let lists: [(&'static str, ItemsOf); 4] = [
        ("side", parties),
        ("speaker", speakers),
        ("quote", quotes),
        ("position", positions),
    ];
    for (table, list) in lists {
        compare(table, a, b, &list(a), &list(b), &mut out);
    }
    conflicts(a, b, &mut out);
    out
}

fn compare(
    table: &'static str,
    a: &Annotations,
    b: &Annotations,
    in_a: &[Item],
    in_b: &[Item],
    out: &mut Vec<Entry>,
) {
    let by_id: HashMap<&str, &Item> = in_a.iter().map(|i| (i.key().1, i)).collect();
    let in_b_ids: HashMap<&str, &Item> = in_b.iter().map(|i| (i.key().1, i)).collect();
    for item in in_b {
        let id = item.key().1;
        let change = match by_id.get(id) {
            None => Change::Added,
            Some(old) => match changed_fields(old, item, a, b) {
                fields if fields.is_empty() => continue,
                fields => Change::Changed(fields),
            },
        };
        out.push(entry(table, item, b, change));
    }
    for item in in_a.iter().filter(|i| !in_b_ids.contains_key(i.key().1)) {
        out.push(entry(table, item, a, Change::Removed));
    }
}

fn entry(table: &'static str, item: &Item, set: &Annotations, change: Change) -> Entry {
    let reading = matches!(change, Change::Added | Change::Removed)
        .then(|| reading(item, set))
        .flatten();
    Entry {
        table,
        id: Id::from(item.key().1),
        label: label(item),
        change,
        reading,
    }
}

/// What an item says, for the reader of the diff.
fn label(item: &Item) -> String {
    match item {
        Item::Quote(q) | Item::OrphanQuote(q) => q.text.to_string(),
        Item::Position(p) | Item::OrphanPosition(p) => p.text.to_string(),
        Item::Speaker(s) => s.name.clone(),
        Item::Party(p) => p.name.clone(),
        Item::Conflict(c) => crate::store::check::describe_conflict(c),
    }
}

/// A field's value as the reader of the diff knows it: sides and speakers by name.
fn shown(field: &str, value: Option<String>, set: &Annotations) -> Option<String> {
    let value = value?;
    Some(match field {
        "party" => set.party(&value).map_or(value.clone(), |p| p.name.clone()),
        "speaker" => set
            .speaker(&value)
            .map_or(value.clone(), |s| s.name.clone()),
        _ => value,
    })
}

/// The kind, side, speaker and status of an added or removed annotation.
fn reading(item: &Item, set: &Annotations) -> Option<String> {
    let table = fields::table_of(item)?;
    if !matches!(table, ConflictTable::Quote | ConflictTable::Position) {
        return None;
    }
    let get = |f: &str| shown(f, fields::get(item, f), set);
    let mut parts = Vec::new();
    if let Some(kind) = get("kind") {
        parts.push(kind);
    }
    parts.push(format!(
        "side {}",
        get("party").unwrap_or_else(|| "none".into())
    ));
    if let Some(speaker) = get("speaker") {
        parts.push(format!("speaker {speaker}"));
    }
    parts.extend(get("status"));
    if matches!(item, Item::OrphanQuote(_) | Item::OrphanPosition(_)) {
        parts.push("orphan".into());
    }
    Some(parts.join(", "))
}

/// The fields that differ, with the values as each set names them.
fn changed_fields(
    old: &Item,
    new: &Item,
    a: &Annotations,
    b: &Annotations,
) -> Vec<(String, Option<String>, Option<String>)> {
    let Some(table) = fields::table_of(new) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Option<String>, Option<String>)> = fields::names(table)
        .iter()
        .filter_map(|f| {
            let (x, y) = (fields::get(old, f), fields::get(new, f));
            (x != y).then(|| (f.to_string(), shown(f, x, a), shown(f, y, b)))
        })
        .collect();
    let placed = |i: &Item| !matches!(i, Item::OrphanQuote(_) | Item::OrphanPosition(_));
    if placed(old) != placed(new) {
        let word = |p: bool| Some(if p { "placed" } else { "orphan" }.to_string());
        out.push(("placement".into(), word(placed(old)), word(placed(new))));
    }
    let origin = |i: &Item| {
        fields::origin(i).map(|o| {
            if o == Origin::Manual {
                "manual"
            } else {
                "auto"
            }
            .to_string()
        })
    };
    if origin(old) != origin(new) {
        out.push(("origin".into(), origin(old), origin(new)));
    }
    match (old, new) {
        (Item::Speaker(x), Item::Speaker(y)) if x.mentions != y.mentions => out.push((
            "mentions".into(),
            Some(x.mentions.len().to_string()),
            Some(y.mentions.len().to_string()),
        )),
        (Item::Party(x), Item::Party(y)) if x.aliases != y.aliases => out.push((
            "aliases".into(),
            Some(x.aliases.join(", ")),
            Some(y.aliases.join(", ")),
        )),
        _ => {}
    }
    out
}

/// Conflicts added or settled (matched by what they are about, not by id).
fn conflicts(a: &Annotations, b: &Annotations, out: &mut Vec<Entry>) {
    let key = |c: &Conflict| (c.table, c.item.clone(), c.field.clone());
    let in_a: HashMap<_, &Conflict> = a.conflicts.iter().map(|c| (key(c), c)).collect();
    let in_b: HashMap<_, &Conflict> = b.conflicts.iter().map(|c| (key(c), c)).collect();
    let mut push = |c: &Conflict, change| {
        out.push(Entry {
            table: "conflict",
            id: c.id.clone(),
            label: crate::store::check::describe_conflict(c),
            change,
            reading: None,
        });
    };
    for c in b.conflicts.iter().filter(|c| !in_a.contains_key(&key(c))) {
        push(c, Change::Added);
    }
    for c in a.conflicts.iter().filter(|c| !in_b.contains_key(&key(c))) {
        push(c, Change::Removed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    fn base() -> Annotations {
        toml::from_str(
            r#"version = 1
[article]
[[party]]
id = "x"
name = "X"
[[speaker]]
id = "ann"
name = "Ann"
[[quote]]
id = "q1"
start = 0
end = 5
text = "Hello"
[[quote]]
id = "q2"
start = 6
end = 11
text = "world"
speaker = "ann"
"#,
        )
        .unwrap()
    }

    #[test]
    fn added_removed_and_changed_items_with_their_fields() {
        let a = base();
        let mut b = base();
        b.quotes[0].status = Status::Accepted;
        b.quotes[0].party = Some("x".into());
        b.quotes.remove(1);
        let mut added = a.quotes[0].clone();
        added.id = "q3".into();
        added.text = "Hell".into();
        b.quotes.push(added);
        let d = diff(&a, &b);
        let summary: Vec<(&str, &str, &Change)> = d
            .iter()
            .map(|e| (e.table, e.id.as_str(), &e.change))
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    "quote",
                    "q1",
                    &Change::Changed(vec![
                        ("party".into(), None, Some("X".into())),
                        (
                            "status".into(),
                            Some("suggested".into()),
                            Some("accepted".into())
                        ),
                    ])
                ),
                ("quote", "q3", &Change::Added),
                ("quote", "q2", &Change::Removed),
            ]
        );
        assert_eq!(d[2].label, "world");
        assert_eq!(
            d[2].reading.as_deref(),
            Some("direct, side none, speaker Ann, suggested")
        );
        assert!(diff(&a, &a).is_empty());
    }
}
