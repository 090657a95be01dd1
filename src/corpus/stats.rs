//! `parley stats`: per side across a corpus, how many quotes (speech: direct and
//! partial, not quoted terms) and positions, how many speakers are quoted, and who
//! is quoted most. Sides are matched across articles by name; rejected annotations
//! are left out.

use crate::model::{Annotations, QuoteKind, Status};
use serde::Serialize;
use std::collections::HashMap;

/// The name under which annotations of no side are counted.
pub const NO_SIDE: &str = "(no side)";

/// How many of a side's most quoted speakers are listed.
pub const TOP_SPEAKERS: usize = 5;

/// One side across the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SideStats {
    /// The side's name.
    pub side: String,
    /// Speech quotes of the side.
    pub quotes: usize,
    /// Positions of the side.
    pub positions: usize,
    /// Different speakers quoted for the side.
    pub speakers: usize,
    /// The most quoted of them, with their quotes, most first.
    pub top_speakers: Vec<SpeakerCount>,
}

/// A speaker and how often they are quoted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerCount {
    /// The speaker's name.
    pub name: String,
    /// Their speech quotes.
    pub quotes: usize,
}

/// The figures of a corpus, gathered article by article.
#[derive(Debug, Default)]
pub struct Stats {
    /// Articles seen.
    pub articles: usize,
    /// Of them, those with a store.
    pub annotated: usize,
    sides: Vec<Side>,
}

#[derive(Debug, Default)]
struct Side {
    name: String,
    quotes: usize,
    positions: usize,
    speakers: HashMap<String, usize>,
}

impl Stats {
    /// Counts an article without a store.
    pub fn add_unannotated(&mut self) {
        self.articles += 1;
    }

    /// Counts an article's annotations.
    pub fn add(&mut self, a: &Annotations) {
        self.articles += 1;
        self.annotated += 1;
        let side_of = |party: Option<&str>| {
            party
                .and_then(|id| a.party(id))
                .map_or(NO_SIDE, |p| p.name.as_str())
                .to_string()
        };
        for q in &a.quotes {
            if q.status == Status::Rejected || q.kind == QuoteKind::Term {
                continue;
            }
            let side = self.side(side_of(q.party.as_deref()));
            side.quotes += 1;
            if let Some(speaker) = q.speaker.as_deref() {
                let name = a.speaker(speaker).map_or(speaker, |s| s.name.as_str());
                *side.speakers.entry(name.to_string()).or_default() += 1;
            }
        }
        for p in &a.positions {
            if p.status != Status::Rejected {
                self.side(side_of(p.party.as_deref())).positions += 1;
            }
        }
    }

    fn side(&mut self, name: String) -> &mut Side {
        let i = match self.sides.iter().position(|s| s.name == name) {
            Some(i) => i,
            None => {
                self.sides.push(Side {
                    name,
                    ..Side::default()
                });
                self.sides.len() - 1
            }
        };
        &mut self.sides[i]
    }

    /// Each side's figures: the sides by quotes, most first, "(no side)" last.
    pub fn sides(&self) -> Vec<SideStats> {
        let mut out: Vec<SideStats> = self
            .sides
            .iter()
            .map(|s| {
                let mut top: Vec<SpeakerCount> = s
                    .speakers
                    .iter()
                    .map(|(name, &quotes)| SpeakerCount {
                        name: name.clone(),
                        quotes,
                    })
                    .collect();
                top.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
                top.truncate(TOP_SPEAKERS);
                SideStats {
                    side: s.name.clone(),
                    quotes: s.quotes,
                    positions: s.positions,
                    speakers: s.speakers.len(),
                    top_speakers: top,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            (a.side == NO_SIDE)
                .cmp(&(b.side == NO_SIDE))
                .then(b.quotes.cmp(&a.quotes))
                .then_with(|| a.side.cmp(&b.side))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::schema;

    fn store(parties: &[(&str, &str)], quotes: &[(&str, &str, &str, &str)]) -> Annotations {
        let mut t = String::from("version = 1\n[article]\n");
        for (id, name) in parties {
            t += &format!("[[party]]\nid = \"{id}\"\nname = \"{name}\"\n");
        }
        let mut speakers: Vec<&str> = quotes
            .iter()
            .map(|q| q.1)
            .filter(|s| !s.is_empty())
            .collect();
        speakers.sort();
        speakers.dedup();
        for s in speakers {
            t += &format!("[[speaker]]\nid = \"{s}\"\nname = \"{s}\"\n");
        }
        for (i, (party, speaker, kind, status)) in quotes.iter().enumerate() {
            t += &format!("[[quote]]\nid = \"q{i}\"\nstart = 0\nend = 1\ntext = \"x\"\n");
            t += &format!("kind = \"{kind}\"\nstatus = \"{status}\"\n");
            if !party.is_empty() {
                t += &format!("party = \"{party}\"\n");
            }
            if !speaker.is_empty() {
                t += &format!("speaker = \"{speaker}\"\n");
            }
        }
        schema::parse(&t, "test").unwrap()
    }

    #[test]
    fn sides_are_matched_by_name_across_articles() {
        let mut stats = Stats::default();
        stats.add(&store(
            &[("us", "United States"), ("cu", "Cuba")],
            &[
                ("us", "Kelly", "direct", "accepted"),
                ("us", "Kelly", "partial", "suggested"),
                ("cu", "Rodriguez", "direct", "suggested"),
                ("cu", "Rodriguez", "term", "suggested"),
                ("us", "Kelly", "direct", "rejected"),
                ("", "", "direct", "suggested"),
            ],
        ));
        stats.add(&store(
            &[("x", "Cuba")],
            &[
                ("x", "Vidal", "direct", "suggested"),
                ("x", "Vidal", "direct", "suggested"),
            ],
        ));
        stats.add_unannotated();
        assert_eq!((stats.articles, stats.annotated), (3, 2));
        let sides = stats.sides();
        let names: Vec<&str> = sides.iter().map(|s| s.side.as_str()).collect();
        assert_eq!(names, ["Cuba", "United States", NO_SIDE]);
        assert_eq!((sides[0].quotes, sides[0].speakers), (3, 2));
        assert_eq!(sides[0].top_speakers[0].name, "Vidal");
        assert_eq!(sides[1].quotes, 2, "the rejected quote is left out");
        assert_eq!(sides[1].top_speakers[0].quotes, 2);
        assert_eq!(sides[2].quotes, 1);
    }
}
