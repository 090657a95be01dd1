//! Cues and speaker mentions: spans with no context of their own, only their text
//! (`cue_text`, `mention_text`). When the article changed, each is looked for where the
//! placed annotations around it say the text moved, and kept only where its own text
//! is: first where the nearest placed offsets before and after it both say (no edit
//! between them); else by the shift of one or the other (an edit between them moved it
//! by one or the other), and a cue also by its own quote's; else as the start of the
//! text did (not at all) or as its end did (by the change in length), which between
//! them hold the answer for any one edit. Two different places that hold its text,
//! or none, and it is let go and reported: never put on other words. A store written
//! before these texts were kept gives them from the context of an annotation around
//! them, when one covers them.

use super::{AnchorReport, Made, Move};
use crate::model::{Annotations, Id, Snippet};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The texts of the old article that the set itself still holds: each placed quote and
/// position with its context (prefix, text, suffix), by where it started.
pub(super) struct OldTexts {
    pieces: Vec<(usize, String)>,
}

impl OldTexts {
    /// What `a` tells of its old text; nothing when every cue and mention keeps its
    /// own text (or the text did not change), so nothing is copied then.
    pub(super) fn of(a: &Annotations, made: Made) -> OldTexts {
        let all_kept = a.quotes.iter().all(|q| {
            q.cue
                .is_none_or(|c| q.cue_text.len() == c[1].saturating_sub(c[0]))
        }) && a
            .speakers
            .iter()
            .all(|s| s.mention_text.len() == s.mentions.len());
        if made == Made::OnThisText || all_kept {
            return OldTexts { pieces: Vec::new() };
        }
        let quotes = a
            .quotes
            .iter()
            .map(|q| (q.start, &q.prefix, &q.text, &q.suffix));
        let positions = a
            .positions
            .iter()
            .map(|p| (p.start, &p.prefix, &p.text, &p.suffix));
        let mut pieces: Vec<(usize, String)> = quotes
            .chain(positions)
            .filter_map(|(start, prefix, text, suffix)| {
                let at = start.checked_sub(prefix.len())?;
                Some((at, format!("{prefix}{text}{suffix}")))
            })
            .collect();
        pieces.sort_by_key(|p| p.0);
        OldTexts { pieces }
    }

    /// The old text at `span`, when a piece covers it.
    fn at(&self, span: [usize; 2]) -> Option<&str> {
        let last = self.pieces.partition_point(|p| p.0 <= span[0]);
        // pieces may nest: look back over a few for one that reaches far enough
        self.pieces[last.saturating_sub(64)..last]
            .iter()
            .rev()
            .find_map(|(at, piece)| piece.get(span[0] - at..span[1].checked_sub(*at)?))
    }
}

/// Where old offsets went, from the annotations placed: (old, new) pairs by old.
struct Shifts {
    points: Vec<(usize, usize)>,
    /// The start and the end of the text: (0, 0) and (old length, new length).
    ends: [(usize, usize); 2],
}

impl Shifts {
    fn new(moves: &BTreeMap<Id, Move>, old_len: usize, new_len: usize) -> Shifts {
        let ends = [(0, 0), (old_len, new_len)];
        let mut points = ends.to_vec();
        for m in moves.values().filter(|m| !m.restored) {
            points.push((m.old.0, m.new.0));
            points.push((m.old.1, m.new.1));
        }
        points.sort_unstable();
        points.dedup();
        Shifts { points, ends }
    }

    /// Where a span at `s..e` may be now: moved as the nearest placed offset before it
    /// moved, as the nearest after it, as the start of the text (not at all) and as its
    /// end (by the change in length).
    fn around(&self, span: [usize; 2]) -> [Option<usize>; 4] {
        let before = self.points.partition_point(|p| p.0 <= span[0]);
        let after = self.points.partition_point(|p| p.0 < span[1]);
        let moved =
            |p: Option<&(usize, usize)>| p.and_then(|&(old, new)| (span[0] + new).checked_sub(old));
        [
            moved(before.checked_sub(1).and_then(|i| self.points.get(i))),
            moved(self.points.get(after)),
            moved(Some(&self.ends[0])),
            moved(Some(&self.ends[1])),
        ]
    }
}

/// The one place among `candidates` where `text` is; none when it is nowhere among
/// them or at two different places.
fn the_one_place(article: &str, text: &str, candidates: &[Option<usize>]) -> Option<[usize; 2]> {
    let mut found: Option<usize> = None;
    for at in candidates.iter().flatten() {
        if article.get(*at..at + text.len()) != Some(text) {
            continue;
        }
        match found {
            Some(f) if f != *at => return None,
            _ => found = Some(*at),
        }
    }
    found.map(|at| [at, at + text.len()])
}

/// Places the cues and the mentions of `a` (its quotes and positions placed already,
/// `moves` saying where from and to), or lets them go and says so in `report`.
pub(super) fn place(
    a: &mut Annotations,
    article: &Arc<String>,
    made: Made,
    old: &OldTexts,
    moves: &BTreeMap<Id, Move>,
    report: &mut AnchorReport,
) {
    let shifts = match made {
        Made::OnThisText => None,
        Made::OnOtherText { bytes } => Some(Shifts::new(moves, bytes, article.len())),
    };
    let follow = Follow {
        article,
        shifts,
        old,
    };
    place_cues(a, &follow, moves, report);
    place_mentions(a, &follow, report);
    report.dropped_offsets = report.cues_dropped.len() + report.mentions_dropped.len();
}

/// Where the text of a span is now.
struct Follow<'a> {
    article: &'a Arc<String>,
    /// How the text moved, when the store was made on another text.
    shifts: Option<Shifts>,
    old: &'a OldTexts,
}

impl Follow<'_> {
    /// Where the text of a span at `span` is now, given the text it held (`kept`, if
    /// the store kept it) and a few more places to try.
    fn follow(&self, span: [usize; 2], kept: &str, more: [Option<usize>; 2]) -> Option<[usize; 2]> {
        let article = self.article;
        let Some(shifts) = &self.shifts else {
            // on the text it was made on: it stays, if it lies on it at all
            return article.get(span[0]..span[1]).map(|_| span);
        };
        let len = span[1].checked_sub(span[0])?;
        let text = if kept.len() == len {
            Some(kept)
        } else {
            self.old.at(span)
        }?;
        let [before, after, first, last] = shifts.around(span);
        let holds =
            |at: &Option<usize>| at.filter(|&at| article.get(at..at + text.len()) == Some(text));
        if before == after
            && let Some(at) = holds(&before)
        {
            return Some([at, at + text.len()]);
        }
        let near = [before, after, more[0], more[1]];
        if near.iter().any(|at| holds(at).is_some()) {
            return the_one_place(article, text, &near);
        }
        the_one_place(article, text, &[first, last])
    }
}

/// Each quote's cue placed again, or dropped and reported.
fn place_cues(
    a: &mut Annotations,
    follow: &Follow<'_>,
    moves: &BTreeMap<Id, Move>,
    report: &mut AnchorReport,
) {
    for q in &mut a.quotes {
        let Some(cue) = q.cue else { continue };
        // a cue also moves as its own quote did (one placed again from the orphans has
        // nothing else to go by)
        let own = moves.get(&q.id).map_or([None, None], |m| {
            let by = |o: usize, n: usize| (cue[0] + n).checked_sub(o);
            [by(m.old.0, m.new.0), by(m.old.1, m.new.1)]
        });
        match follow.follow(cue, &q.cue_text, own) {
            Some(now) => {
                q.cue = Some(now);
                q.cue_text = Snippet::shared(follow.article, now[0]..now[1]);
            }
            None => {
                q.cue = None;
                q.cue_text = Snippet::default();
                report.cues_dropped.push(q.id.to_string());
            }
        }
    }
}

/// Each speaker's mentions placed again, or dropped and reported.
fn place_mentions(a: &mut Annotations, follow: &Follow<'_>, report: &mut AnchorReport) {
    for s in &mut a.speakers {
        let kept = std::mem::take(&mut s.mention_text);
        let paired = kept.len() == s.mentions.len();
        let mut mentions = Vec::with_capacity(s.mentions.len());
        let mut texts = Vec::with_capacity(s.mentions.len());
        for (i, &m) in s.mentions.iter().enumerate() {
            let kept_text = if paired { &*kept[i] } else { "" };
            // two mentions of one text may follow to one place (the text between them
            // went): the second is then reported, not merged away unsaid
            match follow
                .follow(m, kept_text, [None, None])
                .filter(|now| !mentions.contains(now))
            {
                Some(now) => {
                    mentions.push(now);
                    texts.push(Snippet::shared(follow.article, now[0]..now[1]));
                }
                None => report.mentions_dropped.push((s.id.to_string(), m)),
            }
        }
        (s.mentions, s.mention_text) = (mentions, texts);
        crate::store::schema::sort_mentions(s);
    }
}

/// Gives a quote's cue and a speaker's mentions their texts from `article`, the text
/// they lie on: what the store does to every item an edit puts, so the texts it saves
/// are the ones re-anchoring will look for. Spans off the article are left as they are
/// (validation refuses them).
pub fn keep_texts(item: &mut crate::store::history::Item, article: &Arc<String>) {
    use crate::store::history::Item;
    let text = |span: [usize; 2]| {
        article
            .get(span[0]..span[1])
            .map(|_| Snippet::shared(article, span[0]..span[1]))
    };
    match item {
        Item::Quote(q) => {
            if let Some(t) = q.cue.and_then(text) {
                q.cue_text = t;
            }
        }
        Item::Speaker(s) => {
            if let Some(texts) = s.mentions.iter().map(|m| text(*m)).collect() {
                s.mention_text = texts;
            }
        }
        _ => {}
    }
}
