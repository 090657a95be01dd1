//! Tests of the reading ahead: the same batches with any number of threads and any memo.

use super::*;
use crate::article::{Article, Source};
use proptest::prelude::*;
use std::time::Duration;

proptest! {
    #[test]
    fn visible_words_are_those_inside_no_hidden_range(
        spans in proptest::collection::vec((0usize..60, 1usize..8), 0..30),
        hidden in proptest::collection::vec((0usize..60, 0usize..20), 0..8),
    ) {
        let mut all: Vec<Word> = spans.iter().map(|&(s, l)| s..s + l).collect();
        all.sort_unstable_by_key(|w| w.start);
        let mut hidden: Vec<Range<usize>> = hidden.iter().map(|&(s, l)| s..s + l).collect();
        hidden.sort_unstable_by_key(|r| r.start);
        let naive: Vec<Word> = all
            .iter()
            .filter(|w| !hidden.iter().any(|r| r.start <= w.start && w.end <= r.end))
            .cloned()
            .collect();
        let mut out = Vec::new();
        push_visible(&all, &hidden, &mut out);
        prop_assert_eq!(out, naive);
    }
}

/// Paragraphs of varied length with quotations, cues, asides and dashes.
fn varied_article() -> Article {
    let mut text = String::from("A made-up headline\n\n");
    for n in 0..600 {
        let filler = "The talks covered tariffs and quotas. ".repeat(n % 7);
        text.push_str(&format!(
            "“We will meet on day {n},” Minister Anna Berg (of Tessalia) said. {filler}\
             The envoy -- a former aide -- told reporters the “rules” would change, \
             according to officials.\n\n"
        ));
    }
    Article::from_bytes(Source::Stdin, text.as_bytes())
}

/// Every unit of every batch, as the walk would see it, in order; the walk pauses
/// `pause` after each batch (a slow walk leaves every batch to the helpers, a fast
/// one reads some itself).
fn units_read(article: &Article, helpers: usize, pause: Duration) -> Vec<String> {
    units_read_with(article, helpers, pause, SplitOpening::default())
}

/// [`units_read`], the units in `opening` taking its words.
fn units_read_with(
    article: &Article,
    helpers: usize,
    pause: Duration,
    opening: SplitOpening,
) -> Vec<String> {
    let mut out = Vec::new();
    let input = Input {
        text: &article.text,
        structure: &article.structure,
        sides: crate::detect::country_matcher(),
        opening,
    };
    read_paragraphs(input, helpers, &mut |batch| {
        for p in &batch.paragraphs {
            for u in &batch.units[p.units.clone()] {
                let u = batch.unit(u);
                let cues: Vec<_> = u
                    .cues
                    .iter()
                    .map(|c| (c.word.clone(), c.source.clone()))
                    .collect();
                let sources: Vec<_> = u
                    .sources
                    .iter()
                    .map(|np| np.as_ref().map(|np| (np.span.clone(), np.name.clone())))
                    .collect();
                out.push(format!(
                    "{} {}: {:?} {:?} {:?} {:?} {cues:?} {sources:?}",
                    p.index, p.body_start, u.range, u.spans, u.words, u.outside
                ));
            }
        }
        std::thread::sleep(pause);
    });
    out
}

#[test]
fn the_reading_is_the_same_with_any_number_of_threads() {
    let article = varied_article();
    assert!(batch_bounds(&article.structure).len() > 4);
    let no_pause = Duration::ZERO;
    let alone = units_read(&article, 0, no_pause);
    assert!(alone.len() > 1200, "{}", alone.len());
    assert!(alone[0].contains("\"Anna Berg\""), "{}", alone[0]);
    for helpers in [1, 2, 5] {
        let read = units_read(&article, helpers, no_pause);
        assert_eq!(read, alone, "{helpers} helpers");
    }
    let slow_walk = units_read(&article, 1, Duration::from_millis(2));
    assert_eq!(slow_walk, alone, "a slow walk");
}

#[test]
fn the_units_in_the_opening_read_the_same_with_its_words() {
    let article = varied_article();
    let opening = crate::detect::opening::Opening::of(&article.text);
    assert!(opening.text().len() < article.text.len());
    let alone = units_read(&article, 0, Duration::ZERO);
    for helpers in [0, 1] {
        let read = units_read_with(&article, helpers, Duration::ZERO, opening.split());
        assert!(read == alone, "{helpers} helpers");
    }
}

#[test]
fn the_reading_is_the_same_whatever_the_memo_of_phrases_holds() {
    use crate::detect::entities::TEST_CACHE_LIMIT;
    let article = varied_article();
    let remembered = units_read(&article, 1, Duration::ZERO);
    for limit in [0, 1, 7] {
        TEST_CACHE_LIMIT.with(|c| c.set(Some(limit)));
        let read = [
            units_read(&article, 0, Duration::ZERO),
            units_read(&article, 1, Duration::ZERO),
        ];
        TEST_CACHE_LIMIT.with(|c| c.set(None));
        for (helpers, read) in read.iter().enumerate() {
            assert!(*read == remembered, "memo of {limit}, {helpers} helpers");
        }
    }
}

#[test]
fn batches_cover_every_paragraph_once_in_order() {
    let article = varied_article();
    let bounds = batch_bounds(&article.structure);
    assert_eq!(bounds.first().map(|b| b.start), Some(0));
    assert_eq!(
        bounds.last().map(|b| b.end),
        Some(article.structure.paragraphs.len())
    );
    assert!(
        bounds
            .windows(2)
            .all(|w| w[0].end == w[1].start && !w[1].is_empty())
    );
}

#[test]
fn an_article_reads_the_same_after_another_on_its_thread() {
    // (the thread keeps its last batch's buffers for the next article)
    let short = Article::from_bytes(
        Source::Stdin,
        "A headline\n\n“No,” Jo Bell said (twice). The rest -- all of it -- is quiet.\n\n"
            .as_bytes(),
    );
    let fresh = std::thread::spawn(move || {
        let first = units_read(&short, 0, Duration::ZERO);
        (first, short)
    });
    let (alone, short) = fresh.join().unwrap();
    std::thread::spawn(move || {
        let long = units_read(&varied_article(), 0, Duration::ZERO);
        assert!(long.len() > 1200);
        assert_eq!(units_read(&short, 0, Duration::ZERO), alone);
        SPARE_BATCH.with(|b| {
            let spare = b.take();
            assert!(spare.units.capacity() > 0 && spare.sources.is_empty());
        });
    })
    .join()
    .unwrap();
}
