//! Random edits to an article under random annotations (issue #21): insertions,
//! deletions and replacements anywhere, and inside and around the spans. After
//! re-anchoring, every span kept — a quote, a position, a cue, a speaker's mention —
//! holds the text it held, or its change is reported (a fuzzy placement, an orphan, a
//! cue or mention let go); nothing is lost without a word.

use super::{AnchorReport, Made, Placement, place};
use crate::model::{Annotations, ArticleInfo, Id, Position, Quote, Snippet, Speaker};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Words that repeat, so a span's text is often found elsewhere too.
const WORDS: &[&str] = &[
    "said",
    "Kelly",
    "Cuba",
    "it",
    "its",
    "he",
    "the",
    "talks",
    "“talks”",
    "é",
    "漢字",
    "said,",
    ".",
    "\n\n",
    "Ian",
    "we",
    "agree",
    "not",
    "“",
    "”",
];

/// Words `first..first + n` of the article: (first, n).
type Words = (usize, usize);

/// An article as words, and spans as (first word, words) pairs.
#[derive(Debug, Clone)]
struct Case {
    words: Vec<&'static str>,
    /// Quotes, each with its cue if it has one.
    quotes: Vec<(Words, Option<Words>)>,
    positions: Vec<(usize, usize)>,
    mentions: Vec<Vec<(usize, usize)>>,
    edits: Vec<Edit>,
}

/// Replace `len` characters at `at` (a share of the text, or near a span's edge) with
/// `insert`.
#[derive(Debug, Clone)]
struct Edit {
    near_span: Option<(usize, bool, i8)>,
    at: f64,
    len: usize,
    insert: Vec<&'static str>,
}

fn span() -> impl Strategy<Value = (usize, usize)> {
    (0usize..60, 1usize..6)
}

fn case() -> impl Strategy<Value = Case> {
    let edit = (
        proptest::option::of((0usize..20, any::<bool>(), -3i8..4)),
        0.0f64..1.0,
        0usize..12,
        proptest::collection::vec(proptest::sample::select(WORDS), 0..3),
    )
        .prop_map(|(near_span, at, len, insert)| Edit {
            near_span,
            at,
            len,
            insert,
        });
    (
        proptest::collection::vec(proptest::sample::select(WORDS), 10..70),
        proptest::collection::vec((span(), proptest::option::of(span())), 0..6),
        proptest::collection::vec(span(), 0..4),
        proptest::collection::vec(proptest::collection::vec(span(), 0..5), 0..3),
        proptest::collection::vec(edit, 1..4),
    )
        .prop_map(|(words, quotes, positions, mentions, edits)| Case {
            words,
            quotes,
            positions,
            mentions,
            edits,
        })
}

/// The text of the words, and the byte range of words `first..first + n` in it.
fn text_and_ranges(words: &[&str]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    for w in words {
        if !text.is_empty() {
            text.push(' ');
        }
        ranges.push((text.len(), text.len() + w.len()));
        text.push_str(w);
    }
    (text, ranges)
}

fn byte_span(ranges: &[(usize, usize)], (first, n): (usize, usize)) -> Option<[usize; 2]> {
    let a = ranges.get(first)?;
    let b = ranges.get((first + n - 1).min(ranges.len() - 1))?;
    Some([a.0, b.1])
}

fn quote(id: String, text: &Arc<String>, [s, e]: [usize; 2], cue: Option<[usize; 2]>) -> Quote {
    Quote {
        text: Snippet::shared(text, s..e),
        cue,
        ..Quote::at(&id, s, e)
    }
}

/// The set the case describes, placed on its text as a store keeps it.
fn annotations(case: &Case, text: &Arc<String>) -> Annotations {
    let (_, ranges) = text_and_ranges(&case.words);
    let mut a = Annotations::new(ArticleInfo::default());
    for (i, (q, cue)) in case.quotes.iter().enumerate() {
        if let Some(span) = byte_span(&ranges, *q) {
            let cue = cue.and_then(|c| byte_span(&ranges, c));
            a.quotes.push(quote(format!("q{i}"), text, span, cue));
        }
    }
    for (i, p) in case.positions.iter().enumerate() {
        if let Some([s, e]) = byte_span(&ranges, *p) {
            let q = quote(format!("p{i}"), text, [s, e], None);
            a.positions.push(Position {
                id: q.id,
                start: s,
                end: e,
                text: q.text,
                party: None,
                speaker: None,
                origin: Default::default(),
                status: Default::default(),
                recheck: None,
                note: None,
                prefix: Snippet::default(),
                suffix: Snippet::default(),
            });
        }
    }
    for (i, ms) in case.mentions.iter().enumerate() {
        a.speakers.push(Speaker {
            id: Id::from(format!("s{i}")),
            name: format!("S{i}"),
            role: None,
            party: None,
            mentions: ms.iter().filter_map(|m| byte_span(&ranges, *m)).collect(),
            mention_text: Vec::new(),
            origin: Default::default(),
        });
    }
    crate::store::schema::canonicalize(&mut a);
    place(&mut a, text, Made::OnThisText);
    a
}

/// Applies an edit to `text`, on character boundaries.
fn edit(text: &str, e: &Edit, a: &Annotations) -> String {
    let spans: Vec<(usize, usize)> = a
        .quotes
        .iter()
        .map(|q| (q.start, q.end))
        .chain(a.quotes.iter().filter_map(|q| q.cue.map(|c| (c[0], c[1]))))
        .chain(
            a.speakers
                .iter()
                .flat_map(|s| s.mentions.iter().map(|m| (m[0], m[1]))),
        )
        .collect();
    let at = match e.near_span {
        Some((i, end, off)) if !spans.is_empty() => {
            let s = spans[i % spans.len()];
            let edge = if end { s.1 } else { s.0 };
            edge.saturating_add_signed(isize::from(off))
        }
        _ => (e.at * text.len() as f64) as usize,
    };
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let end = text[at..]
        .char_indices()
        .nth(e.len)
        .map_or(text.len(), |(i, _)| at + i);
    format!("{}{}{}", &text[..at], e.insert.join(" "), &text[end..])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_kept_span_holds_its_text_or_is_reported(case in case()) {
        let (old, _) = text_and_ranges(&case.words);
        let old = Arc::new(old);
        let before = annotations(&case, &old);
        let mut new = (*old).clone();
        for e in &case.edits {
            new = edit(&new, e, &before);
        }
        let new = Arc::new(new);
        let mut a = before.clone();
        let report = place(&mut a, &new, Made::OnOtherText { bytes: old.len() });

        check_spans(&before, &a, &new, &report)?;
        check_cues(&before, &a, &old, &new, &report)?;
        check_mentions(&before, &a, &old, &new, &report)?;
        prop_assert!(crate::store::validate::validate(&a, Some(&new)).is_empty());
    }
}

/// Each quote and position kept with its text on the new text, else reported.
fn check_spans(
    before: &Annotations,
    a: &Annotations,
    new: &str,
    report: &AnchorReport,
) -> Result<(), TestCaseError> {
    let old_text: BTreeMap<&str, &str> = before
        .quotes
        .iter()
        .map(|q| (q.id.as_str(), &*q.text))
        .chain(before.positions.iter().map(|p| (p.id.as_str(), &*p.text)))
        .collect();
    let placed = a
        .quotes
        .iter()
        .map(|q| (q.id.as_str(), q.start, q.end, &*q.text))
        .chain(
            a.positions
                .iter()
                .map(|p| (p.id.as_str(), p.start, p.end, &*p.text)),
        );
    let mut seen = 0;
    for (id, s, e, text) in placed {
        seen += 1;
        prop_assert_eq!(new.get(s..e), Some(text), "{} lies on its text", id);
        match report.placement(id) {
            Placement::Exact | Placement::Moved => {
                prop_assert_eq!(text, old_text[id], "{} holds its text", id)
            }
            Placement::Fuzzy => {}
            Placement::Orphaned => prop_assert!(false, "{} orphaned and placed", id),
        }
    }
    for o in a
        .orphan_quotes
        .iter()
        .map(|q| &q.id)
        .chain(a.orphan_positions.iter().map(|p| &p.id))
    {
        prop_assert_eq!(report.placement(o), Placement::Orphaned);
        seen += 1;
    }
    prop_assert_eq!(seen, old_text.len(), "none lost");
    Ok(())
}

/// Each cue kept on its text, else let go and reported.
fn check_cues(
    before: &Annotations,
    a: &Annotations,
    old: &str,
    new: &str,
    report: &AnchorReport,
) -> Result<(), TestCaseError> {
    for q in &a.quotes {
        let was = before.quotes.iter().find(|b| b.id == q.id).unwrap();
        match (was.cue, q.cue) {
            (Some(c), Some(now)) => {
                prop_assert_eq!(
                    new.get(now[0]..now[1]),
                    old.get(c[0]..c[1]),
                    "cue of {}",
                    q.id
                );
                prop_assert_eq!(&*q.cue_text, &old[c[0]..c[1]]);
            }
            (Some(_), None) => prop_assert!(report.cues_dropped.contains(&q.id.to_string())),
            (None, None) => {}
            (None, Some(_)) => prop_assert!(false, "a cue out of nowhere"),
        }
    }
    Ok(())
}

/// Each kept mention reads as one that was there, the rest reported.
fn check_mentions(
    before: &Annotations,
    a: &Annotations,
    old: &str,
    new: &str,
    report: &AnchorReport,
) -> Result<(), TestCaseError> {
    for (s, was) in a.speakers.iter().zip(&before.speakers) {
        let mut kept: Vec<Option<&str>> = s.mentions.iter().map(|m| new.get(m[0]..m[1])).collect();
        let dropped: Vec<[usize; 2]> = report
            .mentions_dropped
            .iter()
            .filter(|(id, _)| *id == *s.id)
            .map(|(_, m)| *m)
            .collect();
        let mut expected: Vec<Option<&str>> = was
            .mentions
            .iter()
            .filter(|m| !dropped.contains(m))
            .map(|m| old.get(m[0]..m[1]))
            .collect();
        kept.sort_unstable();
        expected.sort_unstable();
        prop_assert_eq!(kept, expected, "mentions of {}", s.id);
        let texts: Vec<Option<&str>> = s.mention_text.iter().map(|t| Some(&**t)).collect();
        let read: Vec<Option<&str>> = s.mentions.iter().map(|m| new.get(m[0]..m[1])).collect();
        prop_assert_eq!(texts, read);
    }
    Ok(())
}
