//! The highlight index: lookups, and what does not fit its packed fields.

use super::*;
use crate::model::{ArticleInfo, Party, Speaker};

/// The last offset 32 bits hold: spans may end here, not past it.
const TOP: usize = u32::MAX as usize;

fn quote(id: &str, start: usize, end: usize) -> Quote {
    Quote {
        cue: Some([end + 1, end + 5]),
        ..Quote::at(id, start, end)
    }
}

fn position(id: &str, start: usize, end: usize) -> Position {
    Position {
        id: id.into(),
        start,
        end,
        text: Default::default(),
        party: None,
        speaker: None,
        origin: Default::default(),
        status: Status::Suggested,
        recheck: None,
        note: None,
        prefix: Default::default(),
        suffix: Default::default(),
    }
}

fn party(id: String) -> Party {
    Party {
        id,
        name: String::new(),
        aliases: Vec::new(),
        color: None,
        ..Default::default()
    }
}

#[test]
fn overlapping_finds_long_and_short_marks() {
    let mut ann = Annotations::new(ArticleInfo::default());
    ann.quotes = vec![quote("q1", 10, 20), quote("q2", 100, 130)];
    ann.positions = vec![position("p1", 0, 500)];
    let h = Highlights::new(&ann);
    let got: Vec<_> = h.overlapping(110..120).map(Mark::range).collect();
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

#[test]
fn spans_past_4_gib_are_listed_nowhere_and_not_drawn() {
    let mut ann = Annotations::new(ArticleInfo::default());
    ann.quotes = vec![
        quote("near", 10, 20),
        quote("edge", TOP - 10, TOP), // its cue lies past the edge
        quote("across", TOP - 5, TOP + 5),
        quote("far", TOP + 100, TOP + 200),
    ];
    ann.positions = vec![position("far", TOP + 1, TOP + 2)];
    ann.orphan_quotes = vec![quote("orphan", 30, 40)];
    let h = Highlights::new(&ann);

    let drawn: Vec<_> = h.overlapping(0..usize::MAX).map(Mark::range).collect();
    assert_eq!(drawn, vec![10..20, 21..25, TOP - 10..TOP]);
    let listed: Vec<_> = h.items.iter().map(|it| (it.target(), it.range())).collect();
    let nowhere = usize::MAX..usize::MAX;
    assert_eq!(
        listed,
        vec![
            (Target::Quote(0), 10..20),
            (Target::Quote(1), TOP - 10..TOP),
            (Target::Position(0), nowhere.clone()),
            (Target::Quote(2), nowhere.clone()),
            (Target::Quote(3), nowhere.clone()),
            (Target::OrphanQuote(0), nowhere),
        ]
    );
    assert_eq!(h.item_at_or_after(TOP - 10), 1);
    assert_eq!(h.item_at_or_after(TOP), 2);
    assert_eq!(h.item_covering(TOP - 1), Some(1));
    assert_eq!(h.item_covering(TOP + 150), None);
}

#[test]
fn sides_past_16_bits_are_no_side() {
    let sides = usize::from(u16::MAX) + 10;
    let mut ann = Annotations::new(ArticleInfo::default());
    ann.parties = (0..sides).map(|i| party(format!("s{i}"))).collect();
    let last_fitting = usize::from(u16::MAX);
    ann.speakers = vec![Speaker {
        id: "sp".into(),
        name: String::new(),
        role: None,
        party: Some("s0".into()),
        mentions: Vec::new(),
        mention_text: Vec::new(),
        origin: Default::default(),
    }];
    ann.quotes = vec![quote("fits", 0, 5), quote("wide", 10, 15)];
    ann.quotes[0].party = Some(format!("s{last_fitting}").into());
    // the quote's own side wins over its speaker's, even when it is too wide to keep
    ann.quotes[1].party = Some(format!("s{}", sides - 1).into());
    ann.quotes[1].speaker = Some("sp".into());
    let h = Highlights::new(&ann);

    let parties: Vec<_> = h.items.iter().map(Item::party).collect();
    assert_eq!(parties, vec![Some(last_fitting), None]);
    let marked: Vec<_> = h.overlapping(0..20).map(Mark::party).collect();
    assert_eq!(marked, vec![Some(last_fitting), None, None, None]);
    assert_eq!(h.side_counts[last_fitting], 1);
    assert_eq!(h.side_counts.iter().sum::<usize>(), 1);
}

#[test]
fn marks_on_one_span_go_by_layer_then_side() {
    let mut ann = Annotations::new(ArticleInfo::default());
    ann.parties = vec![party("a".into()), party("b".into())];
    ann.positions = vec![position("p", 0, 9), position("p", 0, 9)];
    ann.positions[0].party = Some("b".into());
    ann.quotes = vec![quote("q", 0, 9), quote("q", 0, 9)];
    ann.quotes[0].party = Some("b".into());
    ann.quotes[1].kind = QuoteKind::Term;
    let h = Highlights::new(&ann);

    let order: Vec<_> = h
        .overlapping(0..9)
        .map(|m| (m.layer().rank(), m.party()))
        .collect();
    assert_eq!(
        order,
        vec![(0, None), (0, Some(1)), (1, None), (1, Some(1))]
    );
}
