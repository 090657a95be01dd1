//! Planning what a fresh detection changes in a set a person has worked on: every
//! annotation a person touched stays as it is; the untouched suggestions are replaced
//! by what the detector finds now (one at the same span keeps its id and takes the
//! new speaker, side, kind and cue); what the detector finds over text that has no
//! annotation is added; its speakers join the set, matched to the set's own by id or
//! by a shared mention, so a renamed or merged speaker is not brought back.
//! [`rederive`] is the lighter step the sides take: only the sides of the untouched
//! suggestions and of the detector's speakers. What a merge conflict names counts as
//! a person's until they settle it.

mod merge;
mod speaker_map;

use super::ids::next_id;
use super::plan::{Plan, Tally};
use super::{EditError, SideList};
use crate::model::{
    Annotations, ConflictTable, Id, Origin, Position, Quote, Snippet, shared_context,
};
use crate::store::anchor::CONTEXT_CHARS;
use crate::store::history::{Change, Item};
use compact_str::format_compact;
use merge::merge;
use speaker_map::SpeakerMap;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The sides the detector, run with the set's sides (`found`), gives the set's
/// untouched suggestions (matched by span) and its own speakers (auto, by id). A
/// suggestion whose speaker a person gave a side takes that side instead. What the
/// detector does not find again keeps its side.
pub fn rederive(a: &Annotations, found: &Annotations) -> (SideList, SideList) {
    let by_span =
        |spans: Vec<((usize, usize), Option<Id>)>| -> HashMap<_, _> { spans.into_iter().collect() };
    let quote_sides = by_span(
        found
            .quotes
            .iter()
            .map(|q| ((q.start, q.end), q.party.clone()))
            .collect(),
    );
    let position_sides = by_span(
        found
            .positions
            .iter()
            .map(|p| ((p.start, p.end), p.party.clone()))
            .collect(),
    );
    let side = |span, speaker: &Option<Id>, sides: &HashMap<(usize, usize), Option<Id>>| {
        chosen_side(a, speaker).or_else(|| sides.get(&span).cloned())
    };
    let held = conflicted(a, &[ConflictTable::Quote, ConflictTable::Position]);
    let held_speakers = conflicted(a, &[ConflictTable::Speaker]);
    let quotes = a
        .quotes
        .iter()
        .filter(|q| q.is_untouched() && !held.contains(&q.id))
        .filter_map(|q| {
            Some((
                q.id.clone(),
                side((q.start, q.end), &q.speaker, &quote_sides)?,
            ))
        });
    let positions = a
        .positions
        .iter()
        .filter(|p| p.is_untouched() && !held.contains(&p.id))
        .filter_map(|p| {
            Some((
                p.id.clone(),
                side((p.start, p.end), &p.speaker, &position_sides)?,
            ))
        });
    let sides = quotes.chain(positions).collect();
    let speaker_sides = a
        .speakers
        .iter()
        .filter(|s| s.origin == Origin::Auto && !held_speakers.contains(&s.id))
        .filter_map(|s| Some((s.id.clone(), found.speaker(&s.id)?.party.clone())))
        .collect();
    (sides, speaker_sides)
}

/// The side a person gave the speaker `speaker` (a manual speaker's), which its
/// suggestions take over the detector's.
fn chosen_side(a: &Annotations, speaker: &Option<Id>) -> Option<Option<Id>> {
    let s = a.speaker(speaker.as_deref()?)?;
    (s.origin == Origin::Manual && s.party.is_some()).then(|| s.party.clone())
}

/// The ids of the items of these tables that a merge conflict names: a person must
/// settle them, so neither re-detection nor re-derivation changes them meanwhile.
fn conflicted(a: &Annotations, tables: &[ConflictTable]) -> HashSet<Id> {
    a.conflicts
        .iter()
        .filter(|c| tables.contains(&c.table))
        .map(|c| c.item.clone())
        .collect()
}

/// How many annotations the side list gives a side they do not have yet.
pub fn side_changes(a: &Annotations, sides: &SideList) -> usize {
    let now: HashMap<&str, &Option<Id>> = a
        .quotes
        .iter()
        .map(|q| (q.id.as_str(), &q.party))
        .chain(a.positions.iter().map(|p| (p.id.as_str(), &p.party)))
        .collect();
    sides
        .iter()
        .filter(|(id, side)| now.get(id.as_str()).is_some_and(|s| *s != side))
        .count()
}

/// The changes that merge the detector's `found` into `a` (see the module doc).
/// `found` must have been detected with the set's sides, so its side ids are the set's.
pub(super) fn plan(
    a: &Annotations,
    text: &Arc<String>,
    found: &Annotations,
) -> Result<Plan, EditError> {
    same_sides(a, found)?;
    let speakers = SpeakerMap::new(a, found);
    let held = conflicted(a, &[ConflictTable::Quote, ConflictTable::Position]);
    let held_speakers = conflicted(a, &[ConflictTable::Speaker]);
    let mut tally = Tally::default();
    let (a_quotes, a_orphans) = (&a.quotes, &a.orphan_quotes);
    let mut quotes = merge(
        a,
        a_quotes,
        a_orphans,
        &found.quotes,
        &speakers,
        &held,
        &mut tally,
    );
    cues_on_text(&mut quotes.put, text);
    let (a_positions, a_orphans) = (&a.positions, &a.orphan_positions);
    let positions = merge(
        a,
        a_positions,
        a_orphans,
        &found.positions,
        &speakers,
        &held,
        &mut tally,
    );
    let named: HashSet<Id> = quotes
        .named
        .iter()
        .chain(&positions.named)
        .cloned()
        .collect();
    let (speaker_puts, speaker_removes) =
        speakers.changes(a, found, (&named, &held_speakers), &mut tally);
    let mut changes = speaker_puts;
    let removes = quotes.removes.into_iter().chain(positions.removes);
    changes.extend(removes.map(|(slot, id)| Change::Remove { slot, id }));
    changes.extend(quote_puts(a, text, quotes.put));
    changes.extend(position_puts(a, text, positions.put));
    changes.extend(speaker_removes);
    let mut plan = Plan::new("re-detect", changes);
    plan.tally = Some(tally);
    Ok(plan)
}

/// Refuses a detection made with other sides than the set's.
fn same_sides(a: &Annotations, found: &Annotations) -> Result<(), EditError> {
    let ids = |parties: &[crate::model::Party]| -> Vec<String> {
        parties.iter().map(|p| p.id.clone()).collect()
    };
    if ids(&found.parties) != ids(&a.parties) {
        return Err(EditError::NotApplicable(
            "the detection ran with other sides; run it again".into(),
        ));
    }
    Ok(())
}

/// The cues and their text as the article has them (what re-anchoring follows).
fn cues_on_text(quotes: &mut [Quote], text: &Arc<String>) {
    for q in quotes {
        let on_text = |c: &[usize; 2]| text.get(c[0]..c[1]).is_some();
        q.cue = q.cue.filter(on_text);
        q.cue_text = q
            .cue
            .map_or_else(Snippet::default, |c| Snippet::shared(text, c[0]..c[1]));
    }
}

/// The merged quotes to put, new ones given fresh ids, each with its text and context.
fn quote_puts(a: &Annotations, text: &Arc<String>, put: Vec<Quote>) -> Vec<Change> {
    let mut fresh = fresh_ids(a, "q");
    put.into_iter()
        .map(|mut q| {
            if q.id.is_empty() {
                q.id = fresh();
            }
            let span = (q.start, q.end);
            place(&mut q.text, &mut q.prefix, &mut q.suffix, text, span);
            Change::Put(Item::Quote(q))
        })
        .collect()
}

/// The merged positions to put, as `quote_puts` does the quotes.
fn position_puts(a: &Annotations, text: &Arc<String>, put: Vec<Position>) -> Vec<Change> {
    let mut fresh = fresh_ids(a, "p");
    put.into_iter()
        .map(|mut p| {
            if p.id.is_empty() {
                p.id = fresh();
            }
            let span = (p.start, p.end);
            place(&mut p.text, &mut p.prefix, &mut p.suffix, text, span);
            Change::Put(Item::Position(p))
        })
        .collect()
}

/// The text and context of a span, as ranges of the shared article text.
fn place(
    text: &mut Snippet,
    prefix: &mut Snippet,
    suffix: &mut Snippet,
    article: &Arc<String>,
    (start, end): (usize, usize),
) {
    *text = Snippet::shared(article, start..end);
    (*prefix, *suffix) = shared_context(article, start, end, CONTEXT_CHARS);
}

/// New ids `PREFIX<n>`, one after another from the one [`next_id`] gives, each free
/// (past `u64::MAX` they go on from 1, skipping the ids the set has).
fn fresh_ids(a: &Annotations, prefix: &'static str) -> impl FnMut() -> Id {
    let mut taken: HashSet<Id> = a
        .quotes
        .iter()
        .map(|q| q.id.clone())
        .chain(a.positions.iter().map(|p| p.id.clone()))
        .chain(a.orphan_quotes.iter().map(|q| q.id.clone()))
        .chain(a.orphan_positions.iter().map(|p| p.id.clone()))
        .collect();
    let first = next_id(a, prefix);
    let mut n: u64 = first
        .strip_prefix(prefix)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    move || loop {
        let id = format_compact!("{prefix}{n}");
        n = n.checked_add(1).unwrap_or(1);
        if taken.insert(id.clone()) {
            return id;
        }
    }
}
