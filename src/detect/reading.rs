//! The reading of the paragraphs that needs nothing the walk learns: each paragraph's
//! quotations and units, and each unit's words, the words outside its quotations and
//! asides, its cues and their source phrases read. Why apart from the walk ([`super::attribution`]): the walk
//! carries coreference from sentence to sentence and must go in order on one thread,
//! but this part depends only on the text, so on a large article it is worked out on
//! the other cores in batches of paragraphs while the walk follows behind. Every batch
//! is the same whichever thread reads it, so the findings are the same byte for byte
//! with any number of threads.

use super::cues::{Cue, find_cues};
use super::entities::PhraseMemo;
use super::kinds::dash_signature;
use super::opening::SplitOpening;
use super::parties::SideMatcher;
use super::quotes::{QuoteSpan, push_quotes};
use super::speakers::SourceNp;
use super::units::{asides, merge_units};
use super::words::{Word, aside_marks, push_words};
use crate::article::Structure;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

/// Bytes of text read as one batch: large enough that handing a batch over costs
/// nothing next to reading it, small enough that a batch stays in the cache.
const BATCH_BYTES: usize = 32 * 1024;

/// Batches a helper may read ahead of the walk (the memory held is bounded).
const AHEAD: usize = 4;

/// Below this size an article is read on the walk's own thread: starting threads
/// would cost more than they save.
const PARALLEL_BYTES: usize = 256 * 1024;

/// One paragraph, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphReading {
    /// Its index in the structure.
    pub index: usize,
    /// Where its text starts after its dateline (its first sentence).
    pub body_start: usize,
    /// Its quotations, as indexes into [`Batch::spans`].
    pub spans: Range<usize>,
    /// Its units, as indexes into [`Batch::units`].
    pub units: Range<usize>,
}

/// One unit (a sentence, or sentences a quotation joins), read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitReading {
    /// Its text.
    pub range: Range<usize>,
    /// Its quotations, as indexes into [`Batch::spans`].
    pub spans: Range<usize>,
    /// Every word of it, as indexes into [`Batch::words`].
    pub words: Range<usize>,
    /// Its words outside quotations and asides, as indexes into [`Batch::outside`].
    pub outside: Range<usize>,
    /// Its cues in order, dash signatures included, as indexes into [`Batch::cues`]
    /// and [`Batch::sources`].
    pub cues: Range<usize>,
}

/// Consecutive paragraphs, read; the units' lists share flat buffers, reused from
/// batch to batch.
#[derive(Debug, Default)]
pub struct Batch {
    pub paragraphs: Vec<ParagraphReading>,
    pub units: Vec<UnitReading>,
    pub spans: Vec<QuoteSpan>,
    pub words: Vec<Word>,
    pub outside: Vec<Word>,
    pub cues: Vec<Cue>,
    /// Each cue's source phrase, read ([`super::entities::read_phrase`]): shared with
    /// the memo of phrases, so that a phrase read before costs no copy of its strings.
    pub sources: Vec<Option<Arc<SourceNp>>>,
    scratch: Scratch,
}

/// What one unit of a batch holds, as slices.
#[derive(Debug, Clone, Copy)]
pub struct UnitView<'a> {
    pub range: &'a Range<usize>,
    pub spans: &'a [QuoteSpan],
    pub words: &'a [Word],
    pub outside: &'a [Word],
    pub cues: &'a [Cue],
    pub sources: &'a [Option<Arc<SourceNp>>],
}

impl Batch {
    /// The unit `u` of the batch.
    pub fn unit<'a>(&'a self, u: &'a UnitReading) -> UnitView<'a> {
        UnitView {
            range: &u.range,
            spans: &self.spans[u.spans.clone()],
            words: &self.words[u.words.clone()],
            outside: &self.outside[u.outside.clone()],
            cues: &self.cues[u.cues.clone()],
            sources: &self.sources[u.cues.clone()],
        }
    }

    /// The quotations of paragraph `p` of the batch.
    pub fn spans_of(&self, p: &ParagraphReading) -> &[QuoteSpan] {
        &self.spans[p.spans.clone()]
    }
}

/// Buffers a batch reuses from paragraph to paragraph.
#[derive(Debug, Default)]
struct Scratch {
    sentences: Vec<Range<usize>>,
    spans: Vec<QuoteSpan>,
    units: Vec<Range<usize>>,
    reading: UnitScratch,
}

/// Buffers reused from unit to unit.
#[derive(Debug, Default)]
struct UnitScratch {
    /// The unit's quotations.
    ranges: Vec<Range<usize>>,
    /// Its parenthesised and dashed asides.
    asides: Vec<Range<usize>>,
    /// The quotations and asides together, by start.
    hidden: Vec<Range<usize>>,
    cues: Vec<Cue>,
}

/// What the reading reads: the text, its structure and the sides its source phrases
/// may name; the words of its opening, split already.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub text: &'a str,
    pub structure: &'a Structure,
    pub sides: &'a SideMatcher,
    pub opening: SplitOpening<'a>,
}

/// How many threads should help read an article of `len` bytes: one fewer than the
/// cores, none for a small article.
pub fn helpers_for(len: usize) -> usize {
    if len < PARALLEL_BYTES {
        return 0;
    }
    std::thread::available_parallelism().map_or(0, |n| n.get() - 1)
}

/// Reads the paragraphs of `text` in batches and hands each batch, in order, to
/// `walk`; `helpers` threads read ahead (none: the batches are read as they are
/// needed).
pub fn read_paragraphs(input: Input, helpers: usize, walk: &mut dyn FnMut(&Batch)) {
    let bounds = batch_bounds(input.structure);
    if helpers == 0 || bounds.len() < 2 {
        let mut batch = SPARE_BATCH.take();
        let mut memo = PhraseMemo::new();
        for b in &bounds {
            read_batch(input, b.clone(), &mut batch, &mut memo);
            walk(&batch);
        }
        // (its source phrases are this article's: let go now, not at the next one)
        batch.sources.clear();
        SPARE_BATCH.set(batch);
        return;
    }
    read_alongside(input, &bounds, helpers, walk);
}

thread_local! {
    /// The batch a thread read its last article into, kept for its next one: a folder
    /// run's worker reads hundreds of short articles, and each one's batch grew from
    /// empty, its buffers copied at every doubling (some 30 M instructions over the
    /// 840 PolNeAR texts, docs/PERFORMANCE.md). Its buffers are emptied before use;
    /// it holds at most one batch's paragraphs.
    static SPARE_BATCH: std::cell::Cell<Batch> = std::cell::Cell::new(Batch::default());
}

/// [`read_paragraphs`] with `helpers` threads reading ahead of the walk.
fn read_alongside(
    input: Input,
    bounds: &[Range<usize>],
    helpers: usize,
    walk: &mut dyn FnMut(&Batch),
) {
    // A batch is read by whichever thread claims it first: the walk reads the batch it
    // needs itself when no helper has started it, and the batch after it when it would
    // wait for a helper, so a walk faster than the reading shares the reading instead
    // of waiting for it.
    let claimed: Vec<AtomicBool> = bounds.iter().map(|_| AtomicBool::new(false)).collect();
    let claimed = &claimed;
    std::thread::scope(|scope| {
        // Helper k reads batches k, k + helpers, … that the walk has not claimed, each
        // into its own channel, so the walk takes the others in order by taking from
        // the channels in turn; read batches come back to their helper to be filled again.
        let lanes: Vec<_> = (0..helpers.min(bounds.len()))
            .map(|k| spawn_lane(scope, (k, helpers), input, bounds, claimed))
            .collect();
        let (mut own, mut memo) = (Batch::default(), PhraseMemo::new());
        // the batch after the one awaited, read by the walk while it waited
        let (mut ahead, mut ahead_read) = (Batch::default(), false);
        for (i, b) in bounds.iter().enumerate() {
            if std::mem::take(&mut ahead_read) {
                walk(&ahead);
                continue;
            }
            if !claimed[i].swap(true, Ordering::AcqRel) {
                read_batch(input, b.clone(), &mut own, &mut memo);
                walk(&own);
                continue;
            }
            let (ready, done) = &lanes[i % lanes.len()];
            // A helper that reads as fast as the walk or slower has always claimed the
            // next batch before the walk gets to it: rather than wait for the batch
            // being read, the walk reads the one after it, which the helpers then pass.
            let mut next = ready.try_recv();
            if matches!(next, Err(mpsc::TryRecvError::Empty))
                && let Some(after) = bounds.get(i + 1)
                && !claimed[i + 1].swap(true, Ordering::AcqRel)
            {
                read_batch(input, after.clone(), &mut ahead, &mut memo);
                ahead_read = true;
                next = ready.try_recv();
            }
            // (a helper that died leaves its batches to be read here; the scope then
            // passes its panic on)
            let batch = next.or_else(|_| ready.recv()).unwrap_or_else(|_| {
                let mut batch = Batch::default();
                read_batch(input, b.clone(), &mut batch, &mut memo);
                batch
            });
            walk(&batch);
            let _ = done.send(batch);
        }
    });
}

/// Starts helper `k` of `helpers`, which reads batches k, k + helpers, … that no one
/// has claimed; its lane gives the batches it read and takes them back to fill again.
fn spawn_lane<'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    (k, helpers): (usize, usize),
    input: Input<'scope>,
    bounds: &'scope [Range<usize>],
    claimed: &'scope [AtomicBool],
) -> (mpsc::Receiver<Batch>, mpsc::Sender<Batch>) {
    let (full, ready) = mpsc::sync_channel::<Batch>(AHEAD);
    let (done, reuse) = mpsc::channel::<Batch>();
    let mut memo = PhraseMemo::new();
    scope.spawn(move || {
        for i in (k..bounds.len()).step_by(helpers) {
            if claimed[i].swap(true, Ordering::AcqRel) {
                continue;
            }
            let mut batch = reuse.try_recv().unwrap_or_default();
            read_batch(input, bounds[i].clone(), &mut batch, &mut memo);
            if full.send(batch).is_err() {
                return;
            }
        }
    });
    (ready, done)
}

/// The paragraphs of each batch: consecutive paragraphs of about [`BATCH_BYTES`].
fn batch_bounds(structure: &Structure) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut bytes = 0;
    for (i, p) in structure.paragraphs.iter().enumerate() {
        bytes += p.range.len();
        if bytes >= BATCH_BYTES {
            out.push(start..i + 1);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < structure.paragraphs.len() {
        out.push(start..structure.paragraphs.len());
    }
    out
}

/// Reads paragraphs `paragraphs` into `batch` (emptied first), remembering in `memo`
/// the source phrases read.
fn read_batch(input: Input, paragraphs: Range<usize>, batch: &mut Batch, memo: &mut PhraseMemo) {
    batch.paragraphs.clear();
    batch.units.clear();
    batch.spans.clear();
    batch.words.clear();
    batch.outside.clear();
    batch.cues.clear();
    batch.sources.clear();
    for pi in paragraphs {
        read_paragraph(input, pi, batch, memo);
    }
}

/// Reads paragraph `pi` onto the end of `batch`.
fn read_paragraph(input: Input, pi: usize, batch: &mut Batch, memo: &mut PhraseMemo) {
    let Input {
        text, structure, ..
    } = input;
    let para = &structure.paragraphs[pi];
    let mut s = std::mem::take(&mut batch.scratch);
    structure.sentences_into(text, pi, &mut s.sentences);
    let body_start = s.sentences.first().map_or(para.range.start, |f| f.start);
    let first_span = batch.spans.len();
    push_quotes(text, body_start..para.range.end, &mut s.spans);
    batch.spans.extend_from_slice(&s.spans);
    merge_units(text, &s.sentences, &s.spans, &mut s.units);
    let spans = &s.spans;
    let first_unit = batch.units.len();
    let mut next_span = 0;
    for unit in &s.units {
        // Units and quotations are both in order: one pointer walks the quotations.
        while next_span < spans.len() && spans[next_span].range.start < unit.start {
            next_span += 1;
        }
        let first = next_span;
        while next_span < spans.len() && spans[next_span].range.start < unit.end {
            next_span += 1;
        }
        let in_unit = first_span + first..first_span + next_span;
        let into = (&mut *batch, &mut s.reading, &mut *memo);
        read_unit(input, para.range.end, unit, in_unit, into);
    }
    batch.paragraphs.push(ParagraphReading {
        index: pi,
        body_start,
        spans: first_span..batch.spans.len(),
        units: first_unit..batch.units.len(),
    });
    batch.scratch = s;
}

/// Reads one unit onto the end of `batch`: its words, those outside its quotations
/// and asides, and its cues (those of its verbs, then its dash signatures, by place).
fn read_unit(
    input: Input,
    para_end: usize,
    unit: &Range<usize>,
    in_unit: Range<usize>,
    (batch, s, memo): (&mut Batch, &mut UnitScratch, &mut PhraseMemo),
) {
    let text = input.text;
    let spans = &batch.spans[in_unit.clone()];
    s.ranges.clear();
    s.ranges.extend(spans.iter().map(|q| q.range.clone()));
    let first_word = batch.words.len();
    // (a unit in the opening takes its words from there: a short article's every unit)
    let marks = match input.opening.words_in(unit) {
        Some(known) => {
            batch.words.extend_from_slice(known);
            aside_marks(text, unit.clone())
        }
        None => push_words(text, unit.clone(), &mut batch.words),
    };
    let all = &batch.words[first_word..];
    asides(text, unit, marks, &mut s.asides);
    let first_outside = batch.outside.len();
    if s.ranges.is_empty() && s.asides.is_empty() {
        batch.outside.extend_from_slice(all);
    } else {
        s.hidden.clear();
        s.hidden.extend(s.ranges.iter().chain(&s.asides).cloned());
        s.hidden.sort_unstable_by_key(|r| r.start);
        push_visible(all, &s.hidden, &mut batch.outside);
    }
    find_cues(
        text,
        &batch.outside[first_outside..],
        &s.ranges,
        &mut s.cues,
    );
    s.cues.extend(
        spans
            .iter()
            .filter_map(|q| dash_signature(text, q, para_end)),
    );
    s.cues.sort_by_key(|c| c.word.start);
    let first_cue = batch.cues.len();
    let read = |c: &Cue| memo.read(text, c.source.clone()?, input.sides);
    batch.sources.extend(s.cues.iter().map(read));
    batch.cues.append(&mut s.cues);
    batch.units.push(UnitReading {
        range: unit.clone(),
        spans: in_unit,
        words: first_word..batch.words.len(),
        outside: first_outside..batch.outside.len(),
        cues: first_cue..batch.cues.len(),
    });
}

/// The words of `all` that lie inside none of `hidden` (sorted by start), into `out`.
/// Both are in order, so one pointer walks the hidden ranges: a unit can hold
/// thousands of quotations or asides.
fn push_visible(all: &[Word], hidden: &[Range<usize>], out: &mut Vec<Word>) {
    let mut h = 0;
    // the furthest end among the hidden ranges that start at or before the word
    let mut reach = 0;
    for w in all {
        while h < hidden.len() && hidden[h].start <= w.start {
            reach = reach.max(hidden[h].end);
            h += 1;
        }
        if h == 0 || w.end > reach {
            out.push(w.clone());
        }
    }
}

#[cfg(test)]
mod tests;
