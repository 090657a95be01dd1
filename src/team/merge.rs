//! A three-way merge of stores, as git's merge driver does it (base, ours, theirs):
//! parties, speakers and annotations matched by id — two new annotations that share an
//! id matched by span, and kept apart with a fresh id when their spans differ — and
//! merged field by field; one side's change wins over no change, a field changed two
//! ways keeps ours and records a `[[conflict]]` for the user to settle. References
//! stay whole: what one side deleted and the other still names is kept.

mod items;
mod people;
#[cfg(test)]
mod tests;

use crate::model::{Annotations, ArticleInfo, Conflict, ConflictTable, Id};
use crate::store::edit::{next_conflict_id, next_id};
use crate::store::history::Item;
use crate::store::schema::canonicalize;
use crate::store::validate::{show, validate};
use items::{Found, merge_item, with_id};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The result of a merge.
#[derive(Debug)]
pub struct Merged {
    /// The merged set, in canonical order.
    pub annotations: Annotations,
    /// How many fields this merge found changed two ways (each now a `[[conflict]]`).
    pub conflicts: usize,
    /// What the merge did that is worth saying (fresh ids, kept references).
    pub notes: Vec<String>,
}

/// Why two stores cannot be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// The two sides annotate different texts: their offsets do not meet.
    #[error(
        "ours annotates the article with hash {ours}…, theirs the one with hash {theirs}…; open both against the same article in parley and save, then merge again"
    )]
    DifferentArticles {
        /// The start of our article's hash.
        ours: String,
        /// The start of theirs.
        theirs: String,
    },
    /// The merged set breaks a rule of the schema (a bug, or inputs broken already).
    #[error("the merged store would not be valid: {0}")]
    Invalid(String),
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge(
    base: &Annotations,
    ours: &Annotations,
    theirs: &Annotations,
) -> Result<Merged, MergeError> {
    let mut notes = Vec::new();
    let mut out = Annotations::new(article(base, ours, theirs)?);
    let (theirs, _) = people::rename_theirs(base, ours, theirs, &mut notes);
    let mut found = Vec::new();
    let parties = people::merge_list(
        ConflictTable::Party,
        people::parties(base),
        people::parties(ours),
        people::parties(&theirs),
        &mut found,
    );
    let speakers = people::merge_list(
        ConflictTable::Speaker,
        people::speakers(base),
        people::speakers(ours),
        people::speakers(&theirs),
        &mut found,
    );
    for item in parties.into_iter().chain(speakers) {
        put(&mut out, item);
    }
    let moved = merge_annotations(base, ours, &theirs, &mut out, &mut found, &mut notes);
    keep_references([ours, &theirs, base], &mut out, &found, &mut notes);
    let conflicts = found.len();
    let mut theirs = theirs;
    for c in &mut theirs.conflicts {
        if let (ConflictTable::Quote | ConflictTable::Position, Some(id)) =
            (c.table, moved.get(&c.item))
        {
            c.item = id.clone();
        }
    }
    merge_conflicts(base, ours, &theirs, &mut out, found);
    canonicalize(&mut out);
    if let Some(f) = validate(&out, None).into_iter().next() {
        return Err(MergeError::Invalid(f.message));
    }
    Ok(Merged {
        annotations: out,
        conflicts,
        notes,
    })
}

/// The `[article]` table: both sides must annotate the same text; the title and source
/// follow whichever side changed them.
fn article(
    base: &Annotations,
    ours: &Annotations,
    theirs: &Annotations,
) -> Result<ArticleInfo, MergeError> {
    let (o, t) = (&ours.article, &theirs.article);
    if !o.sha256.is_empty() && !t.sha256.is_empty() && o.sha256 != t.sha256 {
        let short = |h: &str| h.chars().take(12).collect();
        return Err(MergeError::DifferentArticles {
            ours: short(&o.sha256),
            theirs: short(&t.sha256),
        });
    }
    let mut info = if o.sha256.is_empty() {
        t.clone()
    } else {
        o.clone()
    };
    let b = &base.article;
    if o.title == b.title {
        info.title.clone_from(&t.title);
    }
    if o.source == b.source {
        info.source.clone_from(&t.source);
    }
    Ok(info)
}

/// Puts a merged item in its list (sorted later).
fn put(out: &mut Annotations, item: Item) {
    match item {
        Item::Quote(q) => out.quotes.push(q),
        Item::Position(p) => out.positions.push(p),
        Item::OrphanQuote(q) => out.orphan_quotes.push(q),
        Item::OrphanPosition(p) => out.orphan_positions.push(p),
        Item::Speaker(s) => out.speakers.push(s),
        Item::Party(p) => out.parties.push(p),
        Item::Conflict(c) => out.conflicts.push(c),
    }
}

/// Quotes and positions, placed and orphan, as items.
fn annotations(a: &Annotations) -> impl Iterator<Item = Item> + '_ {
    let quotes = a.quotes.iter().cloned().map(Item::Quote);
    let positions = a.positions.iter().cloned().map(Item::Position);
    let orphan_quotes = a.orphan_quotes.iter().cloned().map(Item::OrphanQuote);
    let orphan_positions = a.orphan_positions.iter().cloned().map(Item::OrphanPosition);
    quotes
        .chain(positions)
        .chain(orphan_quotes)
        .chain(orphan_positions)
}

/// Where an annotation lies: its table and span (how two new ones are matched).
fn span_key(item: &Item) -> Option<(ConflictTable, usize, usize)> {
    match item {
        Item::Quote(q) | Item::OrphanQuote(q) => Some((ConflictTable::Quote, q.start, q.end)),
        Item::Position(p) | Item::OrphanPosition(p) => {
            Some((ConflictTable::Position, p.start, p.end))
        }
        _ => None,
    }
}

fn by_id(a: &Annotations) -> HashMap<Id, Item> {
    annotations(a).map(|i| (Id::from(i.key().1), i)).collect()
}

/// The annotations merged: by id; theirs' new ones matched to ours' new ones by span,
/// and given a fresh id when theirs took an id ours gave to another. Returns theirs'
/// ids that changed, and what they became.
fn merge_annotations(
    base: &Annotations,
    ours: &Annotations,
    theirs: &Annotations,
    out: &mut Annotations,
    found: &mut Vec<Found>,
    notes: &mut Vec<String>,
) -> HashMap<Id, Id> {
    let mut moved = HashMap::new();
    let (b, o) = (by_id(base), by_id(ours));
    let mut ours_new: HashMap<(ConflictTable, usize, usize), Id> = HashMap::new();
    for (id, item) in o.iter().filter(|(id, _)| !b.contains_key(*id)) {
        if let Some(key) = span_key(item) {
            ours_new.entry(key).or_insert_with(|| id.clone());
        }
    }
    let mut t: HashMap<Id, Item> = HashMap::new();
    let mut clashing = Vec::new();
    for item in annotations(theirs) {
        let id = Id::from(item.key().1);
        if b.contains_key(&id) {
            t.insert(id, item);
        } else if let Some(same) = span_key(&item).and_then(|k| ours_new.remove(&k)) {
            moved.insert(id, same.clone());
            t.insert(same.clone(), with_id(&item, &same));
        } else if o.contains_key(&id) || t.contains_key(&id) {
            clashing.push(item);
        } else {
            t.insert(id, item);
        }
    }
    let ids: BTreeSet<&Id> = b.keys().chain(o.keys()).chain(t.keys()).collect();
    for id in ids {
        let (bi, oi, ti) = (b.get(id), o.get(id), t.get(id));
        let Some(table) = [bi, oi, ti].into_iter().flatten().find_map(span_key) else {
            continue;
        };
        if let Some(item) = merge_item(table.0, bi, oi, ti, found) {
            put(out, item);
        }
    }
    for item in clashing {
        let (table, ..) = span_key(&item).unwrap_or((ConflictTable::Quote, 0, 0));
        let prefix = if table == ConflictTable::Quote {
            "q"
        } else {
            "p"
        };
        let fresh = next_id(out, prefix);
        notes.push(format!(
            "their {} {} is now {fresh}: ours gave {} to another",
            table.as_str(),
            item.key().1,
            item.key().1
        ));
        moved.insert(Id::from(item.key().1), fresh.clone());
        put(out, with_id(&item, &fresh));
    }
    moved
}

/// Speakers and parties that the merged set still names (an annotation, a speaker's
/// side, a conflict's value) but one side deleted: taken back from the first side that
/// has them.
fn keep_references(
    sides: [&Annotations; 3],
    out: &mut Annotations,
    found: &[Found],
    notes: &mut Vec<String>,
) {
    loop {
        let (speakers, parties) = named(out, found);
        let missing_speaker = speakers.into_iter().find(|id| out.speaker(id).is_none());
        let missing_party = parties.into_iter().find(|id| out.party(id).is_none());
        let restored = if let Some(id) = missing_speaker {
            sides
                .iter()
                .find_map(|a| a.speaker(&id))
                .map(|s| Item::Speaker(s.clone()))
        } else if let Some(id) = missing_party {
            sides
                .iter()
                .find_map(|a| a.party(&id))
                .map(|p| Item::Party(p.clone()))
        } else {
            return;
        };
        let Some(item) = restored else {
            // named but defined nowhere: validation will say so
            return;
        };
        notes.push(format!(
            "kept {} {}: one side deleted it, the other still names it",
            match item {
                Item::Speaker(_) => "speaker",
                _ => "side",
            },
            show(item.key().1)
        ));
        put(out, item);
    }
}

/// The speakers and parties the set and the new conflicts name.
fn named(out: &Annotations, found: &[Found]) -> (BTreeSet<Id>, BTreeSet<Id>) {
    let mut speakers = BTreeSet::new();
    let mut parties = BTreeSet::new();
    let quotes = out.quotes.iter().chain(&out.orphan_quotes);
    for (s, p) in quotes.map(|q| (&q.speaker, &q.party)).chain(
        out.positions
            .iter()
            .chain(&out.orphan_positions)
            .map(|p| (&p.speaker, &p.party)),
    ) {
        speakers.extend(s.iter().cloned());
        parties.extend(p.iter().cloned());
    }
    parties.extend(out.speakers.iter().filter_map(|s| s.party.clone()));
    for c in found.iter().chain(&out.conflicts) {
        let values = [&c.base, &c.ours, &c.theirs].into_iter().flatten();
        match c.field.as_str() {
            "party" => parties.extend(values.map(|v| Id::from(v.as_str()))),
            "speaker" => speakers.extend(values.map(|v| Id::from(v.as_str()))),
            _ => {}
        }
    }
    (speakers, parties)
}

/// What a conflict is about.
type ConflictKey = (ConflictTable, Id, String);

fn key(c: &Conflict) -> ConflictKey {
    (c.table, c.item.clone(), c.field.clone())
}

/// The conflicts the sides already had (one settled on either side is settled), with
/// this merge's new ones in place of any on the same field; ours keep their ids.
fn merge_conflicts(
    base: &Annotations,
    ours: &Annotations,
    theirs: &Annotations,
    out: &mut Annotations,
    found: Vec<Found>,
) {
    let in_base: HashSet<ConflictKey> = base.conflicts.iter().map(key).collect();
    let in_ours: HashSet<ConflictKey> = ours.conflicts.iter().map(key).collect();
    let in_theirs: HashSet<ConflictKey> = theirs.conflicts.iter().map(key).collect();
    let new: HashSet<ConflictKey> = found.iter().map(key).collect();
    let items: HashSet<(ConflictTable, &str)> = annotations_of(out)
        .chain(
            out.speakers
                .iter()
                .map(|s| (ConflictTable::Speaker, s.id.as_str())),
        )
        .chain(
            out.parties
                .iter()
                .map(|p| (ConflictTable::Party, p.id.as_str())),
        )
        .collect();
    let exists = |c: &Conflict| items.contains(&(c.table, c.item.as_str()));
    let kept_ours = ours
        .conflicts
        .iter()
        .filter(|c| in_theirs.contains(&key(c)) || !in_base.contains(&key(c)));
    let kept_theirs = theirs
        .conflicts
        .iter()
        .filter(|c| !in_ours.contains(&key(c)) && !in_base.contains(&key(c)))
        .map(|c| Conflict {
            id: Id::default(),
            ..c.clone()
        });
    let kept: Vec<Conflict> = kept_ours
        .cloned()
        .chain(kept_theirs)
        .filter(|c| !new.contains(&key(c)) && exists(c))
        .collect();
    out.conflicts = Vec::with_capacity(kept.len() + found.len());
    let mut used = HashSet::new();
    for c in kept.into_iter().chain(found) {
        let id = if c.id.is_empty() || used.contains(&c.id) {
            next_conflict_id(out)
        } else {
            c.id.clone()
        };
        used.insert(id.clone());
        out.conflicts.push(Conflict { id, ..c });
    }
}

/// The table and id of every quote and position, placed or orphan.
fn annotations_of(a: &Annotations) -> impl Iterator<Item = (ConflictTable, &str)> {
    let quotes = a.quotes.iter().chain(&a.orphan_quotes);
    let positions = a.positions.iter().chain(&a.orphan_positions);
    quotes
        .map(|q| (ConflictTable::Quote, q.id.as_str()))
        .chain(positions.map(|p| (ConflictTable::Position, p.id.as_str())))
}
