//! How far two annotators' stores of the same articles agree: for quotes and for
//! positions, Krippendorff's α_u over the characters (each quote kind a category),
//! F1 of exactly equal and of overlapping spans; on the quotes both found, agreement
//! on kind, side and speaker (share and Cohen's κ); and every place they differ.
//! Several articles are read as one continuum laid end to end, so a corpus gets one
//! α_u, with its counts pooled.

use super::alpha::{self, Disagreement, Span};
use super::stats::{self, LabelAgreement, Pairing};
use crate::export::chars::CharCounter;
use crate::model::{Annotations, Id, QuoteKind, Status};
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// One article as both annotators left it.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    /// How the article is named in the list of differences.
    pub name: &'a str,
    /// Its normalised text (the offsets point into it).
    pub text: &'a str,
    /// Annotator A's set.
    pub a: &'a Annotations,
    /// Annotator B's set.
    pub b: &'a Annotations,
}

/// The agreement figures of one article or of a corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// How many articles.
    pub articles: usize,
    /// The length of the continuum: the articles' characters.
    pub characters: u64,
    /// On the quotes.
    pub quotes: Spans,
    /// On the positions.
    pub positions: Spans,
    /// On the kind of the quotes both found.
    pub kind: LabelAgreement,
    /// On the side of the quotes both found.
    pub side: LabelAgreement,
    /// On the speaker of the quotes both found (speakers compared by name).
    pub speaker: LabelAgreement,
    /// Every place where the two differ, in text order.
    pub disagreements: Vec<Difference>,
}

/// Agreement on where one kind of annotation lies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spans {
    /// How many A has.
    pub a: usize,
    /// How many B has.
    pub b: usize,
    /// Krippendorff's α_u over all categories; `None` when neither has any.
    pub alpha_u: Option<f64>,
    /// α_u of each category alone (quote kinds; "position").
    pub alpha_u_by_category: BTreeMap<&'static str, Option<f64>>,
    /// Pairs with the same start and end.
    pub exact: usize,
    /// Pairs that share characters (the exact ones included).
    pub overlapping: usize,
    /// F1 of the exact pairs.
    pub f1_exact: Option<f64>,
    /// F1 of the overlapping pairs.
    pub f1_overlap: Option<f64>,
}

/// One place where the two annotators differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The article.
    pub article: String,
    /// "quote" or "position".
    pub what: &'static str,
    /// First character of the stretch both readings cover.
    pub start: u64,
    /// Just past its last character.
    pub end: u64,
    /// The article's text there.
    pub text: String,
    /// A's reading; `None` when A has nothing there.
    pub a: Option<String>,
    /// B's reading; `None` when B has nothing there.
    pub b: Option<String>,
}

/// One annotator's quote or position, as agreement compares it.
#[derive(Debug, Clone)]
struct Reading {
    chars: Span,
    bytes: Range<usize>,
    kind: Option<QuoteKind>,
    side: Option<Id>,
    side_name: String,
    speaker: Option<String>,
    speaker_name: String,
}

impl Reading {
    fn describe(&self) -> String {
        let what = self.kind.map_or("position", QuoteKind::as_str);
        format!(
            "{what} {}–{}, side {}, speaker {}",
            self.chars.start, self.chars.end, self.side_name, self.speaker_name
        )
    }

    fn same_labels(&self, other: &Reading) -> bool {
        self.kind == other.kind && self.side == other.side && self.speaker == other.speaker
    }
}

/// Quote kinds in the order α_u lists them.
const KINDS: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Term];

/// The readings of one set: placed quotes and positions that are not rejected.
fn readings(text: &str, a: &Annotations) -> (Vec<Reading>, Vec<Reading>) {
    let mut chars = CharCounter::new(text);
    let mut read = |bytes: Range<usize>, kind, side: &Option<Id>, speaker: &Option<Id>| {
        let side_name = side.as_ref().map_or_else(
            || "none".to_string(),
            |id| {
                a.party(id)
                    .map_or_else(|| id.to_string(), |p| p.name.clone())
            },
        );
        let speaker_name = speaker.as_ref().map_or_else(
            || "none".to_string(),
            |id| {
                a.speaker(id)
                    .map_or_else(|| id.to_string(), |s| s.name.clone())
            },
        );
        Reading {
            chars: chars.at(bytes.start) as u64..chars.at(bytes.end) as u64,
            bytes,
            kind,
            side: side.clone(),
            side_name,
            speaker: speaker.is_some().then(|| speaker_key(&speaker_name)),
            speaker_name,
        }
    };
    let quotes = a
        .quotes
        .iter()
        .filter(|q| q.status != Status::Rejected)
        .map(|q| read(q.range(), Some(q.kind), &q.party, &q.speaker))
        .collect();
    let positions = a
        .positions
        .iter()
        .filter(|p| p.status != Status::Rejected)
        .map(|p| read(p.range(), None, &p.party, &p.speaker))
        .collect();
    (quotes, positions)
}

/// A speaker's name as compared: case and spacing do not matter, and two annotators
/// who added the same person gave it the same name, not always the same id.
fn speaker_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Both annotators' readings of one kind of annotation, over the whole continuum.
#[derive(Default)]
struct Side {
    a: Vec<Reading>,
    b: Vec<Reading>,
    exact: usize,
    overlapping: usize,
}

/// The agreement of the articles in `pairs`, read as one continuum.
pub fn agree(pairs: &[Pair<'_>]) -> Agreement {
    let mut quotes = Side::default();
    let mut positions = Side::default();
    let (mut kind, mut side, mut speaker) = (Vec::new(), Vec::new(), Vec::new());
    let mut disagreements = Vec::new();
    let mut offset = 0u64;
    for pair in pairs {
        let (qa, pa) = readings(pair.text, pair.a);
        let (qb, pb) = readings(pair.text, pair.b);
        let quote_pairs = pair_readings(&qa, &qb);
        for &(i, j) in &quote_pairs.overlapping {
            kind.push((qa[i].kind, qb[j].kind));
            side.push((qa[i].side.clone(), qb[j].side.clone()));
            speaker.push((qa[i].speaker.clone(), qb[j].speaker.clone()));
        }
        let position_pairs = pair_readings(&pa, &pb);
        let mut here = Vec::new();
        differences(pair, "quote", &qa, &qb, &quote_pairs, &mut here);
        differences(pair, "position", &pa, &pb, &position_pairs, &mut here);
        here.sort_by_key(|d| (d.start, d.end));
        disagreements.extend(here);
        quotes.add(qa, qb, &quote_pairs, offset);
        positions.add(pa, pb, &position_pairs, offset);
        offset += pair.text.chars().count() as u64;
    }
    Agreement {
        articles: pairs.len(),
        characters: offset,
        quotes: quotes.figures(offset, true),
        positions: positions.figures(offset, false),
        kind: stats::label_agreement(&kind),
        side: stats::label_agreement(&side),
        speaker: stats::label_agreement(&speaker),
        disagreements,
    }
}

fn pair_readings(a: &[Reading], b: &[Reading]) -> Pairing {
    let spans = |r: &[Reading]| r.iter().map(|x| x.chars.clone()).collect::<Vec<_>>();
    stats::pair(&spans(a), &spans(b))
}

impl Side {
    /// Adds one article's readings, moved to where it lies on the continuum.
    fn add(&mut self, a: Vec<Reading>, b: Vec<Reading>, p: &Pairing, offset: u64) {
        self.exact += p.exact.len();
        self.overlapping += p.overlapping.len();
        let shift = |mut r: Reading| {
            r.chars = r.chars.start + offset..r.chars.end + offset;
            r
        };
        self.a.extend(a.into_iter().map(shift));
        self.b.extend(b.into_iter().map(shift));
    }

    fn figures(&self, length: u64, quotes: bool) -> Spans {
        let units = |readings: &[Reading], kind: Option<QuoteKind>| {
            let of_kind = readings.iter().filter(|r| r.kind == kind);
            alpha::segmentation(of_kind.map(|r| r.chars.clone()), length)
        };
        let categories: Vec<(&'static str, Option<QuoteKind>)> = if quotes {
            KINDS.iter().map(|k| (k.as_str(), Some(*k))).collect()
        } else {
            vec![("position", None)]
        };
        let mut by_category = BTreeMap::new();
        let mut all: Vec<Disagreement> = Vec::new();
        for (name, kind) in categories {
            let d = alpha::category(length, &[units(&self.a, kind), units(&self.b, kind)]);
            by_category.insert(name, d.alpha());
            all.push(d);
        }
        let (a, b) = (self.a.len(), self.b.len());
        Spans {
            a,
            b,
            alpha_u: alpha::alpha(&all),
            alpha_u_by_category: by_category,
            exact: self.exact,
            overlapping: self.overlapping,
            f1_exact: stats::f1(self.exact, a, b),
            f1_overlap: stats::f1(self.overlapping, a, b),
        }
    }
}

/// The places where `a` and `b` differ: a reading without a partner, and a pair whose
/// spans or labels are not the same.
fn differences(
    pair: &Pair<'_>,
    what: &'static str,
    a: &[Reading],
    b: &[Reading],
    pairing: &Pairing,
    out: &mut Vec<Difference>,
) {
    let mut paired_a = vec![None; a.len()];
    let mut paired_b = vec![false; b.len()];
    for &(i, j) in &pairing.overlapping {
        paired_a[i] = Some(j);
        paired_b[j] = true;
    }
    let place = |x: Option<&Reading>, y: Option<&Reading>| {
        let both = [x, y].into_iter().flatten();
        let chars = both.clone().map(|r| r.chars.start).min().unwrap_or(0)
            ..both.clone().map(|r| r.chars.end).max().unwrap_or(0);
        let bytes = both.clone().map(|r| r.bytes.start).min().unwrap_or(0)
            ..both.map(|r| r.bytes.end).max().unwrap_or(0);
        Difference {
            article: pair.name.to_string(),
            what,
            start: chars.start,
            end: chars.end,
            text: pair.text.get(bytes).unwrap_or_default().to_string(),
            a: x.map(Reading::describe),
            b: y.map(Reading::describe),
        }
    };
    for (i, x) in a.iter().enumerate() {
        match paired_a[i].map(|j| &b[j]) {
            Some(y) if y.chars == x.chars && y.same_labels(x) => {}
            y => out.push(place(Some(x), y)),
        }
    }
    for (_, y) in b.iter().enumerate().filter(|(j, _)| !paired_b[*j]) {
        out.push(place(None, Some(y)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Ann said “we win” and Bo said “we lose”. The plan is good, Cy says.";

    /// An item over TEXT: kind (or "position"), the span's first and last words, side,
    /// speaker.
    type Item<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, Option<&'a str>);

    /// A set over TEXT.
    fn set(items: &[Item<'_>]) -> Annotations {
        let mut toml = String::from(
            "version = 1\n[article]\n[[party]]\nid = \"x\"\nname = \"X\"\n[[party]]\nid = \"y\"\nname = \"Y\"\n\
             [[speaker]]\nid = \"ann\"\nname = \"Ann\"\n[[speaker]]\nid = \"bo\"\nname = \"Bo\"\n",
        );
        for (n, (kind, from, to, side, speaker)) in items.iter().enumerate() {
            let start = TEXT.find(from).unwrap();
            let end = TEXT.find(to).unwrap() + to.len();
            let table = if *kind == "position" {
                "position"
            } else {
                "quote"
            };
            toml.push_str(&format!(
                "[[{table}]]\nid = \"a{n}\"\nstart = {start}\nend = {end}\ntext = {:?}\n",
                &TEXT[start..end]
            ));
            if table == "quote" {
                toml.push_str(&format!("kind = \"{kind}\"\n"));
            }
            for (key, value) in [("party", side), ("speaker", speaker)] {
                if let Some(v) = value {
                    toml.push_str(&format!("{key} = \"{v}\"\n"));
                }
            }
        }
        toml::from_str(&toml).unwrap()
    }

    fn agreement(a: &Annotations, b: &Annotations) -> Agreement {
        agree(&[Pair {
            name: "t",
            text: TEXT,
            a,
            b,
        }])
    }

    #[test]
    fn a_store_agrees_with_itself_fully() {
        let a = set(&[
            ("direct", "“we win”", "“we win”", Some("x"), Some("ann")),
            ("partial", "“we lose”", "“we lose”", Some("y"), Some("bo")),
            ("position", "The", "good", Some("x"), None),
        ]);
        let r = agreement(&a, &a);
        assert_eq!(r.quotes.alpha_u, Some(1.0));
        assert_eq!(r.positions.alpha_u, Some(1.0));
        assert_eq!(
            (r.quotes.f1_exact, r.quotes.f1_overlap),
            (Some(1.0), Some(1.0))
        );
        assert_eq!((r.side.agreement, r.side.kappa), (Some(1.0), Some(1.0)));
        assert_eq!(r.speaker.agreement, Some(1.0));
        assert!(r.disagreements.is_empty(), "{:?}", r.disagreements);
        assert_eq!(r.characters, TEXT.chars().count() as u64);
    }

    #[test]
    fn differences_are_counted_and_listed_with_both_readings() {
        let a = set(&[
            ("direct", "“we win”", "“we win”", Some("x"), Some("ann")),
            ("direct", "“we lose”", "“we lose”", Some("y"), Some("bo")),
        ]);
        let b = set(&[
            ("direct", "we win", "we win", Some("x"), Some("ann")),
            ("direct", "“we lose”", "“we lose”", Some("x"), Some("bo")),
            ("position", "The", "good", Some("x"), None),
        ]);
        let r = agreement(&a, &b);
        assert_eq!((r.quotes.exact, r.quotes.overlapping), (1, 2));
        assert_eq!(r.quotes.f1_exact, Some(0.5));
        assert_eq!(r.quotes.f1_overlap, Some(1.0));
        assert_eq!(r.side.agreement, Some(0.5));
        assert_eq!(r.speaker.agreement, Some(1.0));
        let q = r.quotes.alpha_u.unwrap();
        assert!(q > 0.0 && q < 1.0, "near misses lower α_u: {q}");
        let only_b = r.positions.alpha_u.unwrap();
        assert!(only_b < 0.5, "a position only B has: {only_b}");
        assert_eq!(r.positions.alpha_u_by_category["position"], Some(only_b));
        let listed: Vec<(&str, &str, bool, bool)> = r
            .disagreements
            .iter()
            .map(|d| (d.what, d.text.as_str(), d.a.is_some(), d.b.is_some()))
            .collect();
        assert_eq!(
            listed,
            vec![
                ("quote", "“we win”", true, true),
                ("quote", "“we lose”", true, true),
                ("position", "The plan is good", false, true),
            ]
        );
        let side = &r.disagreements[1];
        assert!(side.a.as_deref().unwrap().contains("side Y"), "{side:?}");
        assert!(side.b.as_deref().unwrap().contains("side X"), "{side:?}");
    }

    #[test]
    fn rejected_suggestions_do_not_count_and_a_corpus_pools_its_articles() {
        let a = set(&[("direct", "“we win”", "“we win”", None, None)]);
        let mut b = a.clone();
        b.quotes[0].status = Status::Rejected;
        let one = agreement(&a, &b);
        assert_eq!((one.quotes.a, one.quotes.b), (1, 0));
        assert_eq!(one.quotes.f1_overlap, Some(0.0));
        let pair = Pair {
            name: "t",
            text: TEXT,
            a: &a,
            b: &a,
        };
        let two = agree(&[pair, Pair { name: "u", ..pair }]);
        assert_eq!(two.articles, 2);
        assert_eq!(two.characters, 2 * TEXT.chars().count() as u64);
        assert_eq!((two.quotes.a, two.quotes.exact), (2, 2));
        assert_eq!(two.quotes.alpha_u, Some(1.0));
    }
}
