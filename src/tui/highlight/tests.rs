//! The highlight index: which marks overlap a range, which item covers an offset.

use super::*;
use crate::store::model::ArticleInfo;

fn quote(id: &str, start: usize, end: usize) -> Quote {
    Quote {
        id: id.into(),
        start,
        end,
        text: Default::default(),
        speaker: None,
        party: None,
        kind: QuoteKind::Direct,
        cue: Some([end + 1, end + 5]),
        origin: Default::default(),
        status: Status::Suggested,
        note: None,
        prefix: Default::default(),
        suffix: Default::default(),
    }
}

#[test]
fn overlapping_finds_long_and_short_marks() {
    let mut ann = Annotations::new(ArticleInfo::default());
    ann.quotes = vec![quote("q1", 10, 20), quote("q2", 100, 130)];
    ann.positions = vec![Position {
        id: "p1".into(),
        start: 0,
        end: 500,
        text: Default::default(),
        party: None,
        speaker: None,
        origin: Default::default(),
        status: Status::Suggested,
        note: None,
        prefix: Default::default(),
        suffix: Default::default(),
    }];
    let h = Highlights::new(&ann);
    let got: Vec<_> = h.overlapping(110..120).map(|m| m.range.clone()).collect();
    assert_eq!(got, vec![0..500, 100..130]);
    assert_eq!(h.overlapping(21..22).count(), 2); // position + cue of q1
    assert_eq!(h.items.len(), 3);
    assert_eq!(h.item_covering(15), Some(1));
    assert_eq!(h.item_at_or_after(11), 2);
}

#[test]
fn segments_split_at_inner_boundaries() {
    assert_eq!(
        segments(0..10, [2..4, 3..20, 12..15].into_iter()),
        vec![0..2, 2..3, 3..4, 4..10]
    );
}
