//! Automatic annotation: quotes, speakers, sides and positions.
//!
//! The pipeline runs paragraph by paragraph, so it is linear in the article:
//! quotation pairing ([`quotes`]), cues and their sources ([`cues`]), speakers and
//! coreference ([`speakers`], [`entities`]), attribution and positions ([`attribution`],
//! [`quote_speakers`], [`positions`]), then sides ([`parties`]). See docs/DETECTION.md.

mod affiliation;
mod attribution;
mod bytes;
mod cues;
mod entities;
pub mod gazetteer;
mod home;
mod kinds;
pub mod lexicon;
pub mod parties;
mod positions;
mod quote_speakers;
pub mod quotes;
mod roles;
pub mod sides;
mod speakers;
mod subjects;
mod units;
mod words;

use crate::article::Article;
use crate::model::{
    Annotations, ArticleInfo, Id, Origin, Party, Position, Quote, QuoteKind, Snippet, Speaker,
    Status, shared_context,
};
use attribution::{Findings, Found, attribute};
use entities::{Entities, EntityKind};
use parties::{SideMatcher, countries};
use sides::{country_party, party_names};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// Characters of context kept on each side of a span.
const CONTEXT_CHARS: usize = 32;

/// Finds the annotations of an article. `parties` fixes the sides; `None` infers them.
pub fn detect(article: &Article, parties: Option<&[Party]>) -> Annotations {
    detect_with_progress(article, parties, &mut |_| {})
}

/// [`detect`], telling `progress` how many bytes of the article text are done: a
/// growing count, reported about every 64 KiB and last with the text's length.
pub fn detect_with_progress(
    article: &Article,
    parties: Option<&[Party]>,
    progress: &mut dyn FnMut(usize),
) -> Annotations {
    let text = article.text.as_str();
    // Candidate sides: the given parties, or every country of the gazetteer.
    let matcher = match parties {
        Some(p) => Cow::Owned(SideMatcher::new(&party_names(p))),
        None => candidate_countries(text, &article.structure),
    };
    let mut entities = Entities::new();
    let mut findings = attribute(text, &article.structure, &matcher, &mut entities, progress);
    affiliation::sides_from_appositives(text, &mut entities, &matcher);
    let home = home::find_home(
        text,
        &article.structure,
        gazetteer::gazetteer(),
        country_matcher(),
    );
    if let Some(home) = home {
        let country = &countries()[home.country];
        let side = match parties {
            Some(_) => std::iter::once(&country.name)
                .chain(&country.names)
                .find_map(|n| matcher.first(n)),
            None => matcher.first(&country.name),
        };
        if let Some(side) = side {
            home::apply_home(text, home, side, &mut findings, &mut entities);
        }
    }
    affiliation::sides_from_namesakes(&mut entities);
    infer_opponents(&findings, &mut entities);
    // The sides of the story, as indexes into the candidates.
    let chosen: Vec<usize> = match parties {
        Some(p) => (0..p.len()).collect(),
        None => {
            let lead = home::lead(text, &article.structure, country_matcher());
            sides::complete_pair(most_present(&findings, &entities), &lead, &matcher)
        }
    };
    let mut out = Annotations::new(ArticleInfo::of(article));
    out.parties = match parties {
        Some(p) => p.to_vec(),
        None => chosen
            .iter()
            .map(|&i| country_party(&countries()[i]))
            .collect(),
    };
    let labels = Labels {
        ids: speaker_ids(&entities),
        chosen,
        parties: &out.parties,
    };
    let speakers = labels.speakers(&article.text, &mut entities);
    // Each list of findings is freed as soon as it is converted, the longer one first.
    let Findings { quotes, positions } = findings;
    let positions = positions
        .into_iter()
        .enumerate()
        .map(|(n, p)| labels.position(&article.text, n, p, &entities))
        .collect();
    let quotes = quotes
        .into_iter()
        .enumerate()
        .map(|(n, q)| labels.quote(&article.text, n, q, &entities))
        .collect();
    (out.speakers, out.quotes, out.positions) = (speakers, quotes, positions);
    progress(text.len());
    out
}

/// The matcher over every country of the gazetteer, built once.
fn country_matcher() -> &'static SideMatcher {
    static MATCHER: std::sync::OnceLock<SideMatcher> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| SideMatcher::new(&country_names(None)))
}

/// The names of each gazetteer country; a historical state in `merged` also takes its
/// successor's names, which the successor gives up.
fn country_names(merged: Option<(usize, usize)>) -> Vec<Vec<String>> {
    let mut names: Vec<Vec<String>> = countries()
        .iter()
        .map(|c| c.all_names().cloned().collect())
        .collect();
    if let Some((old, successor)) = merged {
        let taken = std::mem::take(&mut names[successor]);
        names[old].extend(taken);
    }
    names
}

/// Bytes at the start of an article in which a historical state must be named for it
/// to take its successor's names: wire copy names its countries in the lead.
const LEAD_BYTES: usize = 4096;

/// The candidate sides when none are given: every country, but where the lead names a
/// historical state ("the Soviet Union"), the names of its successor ("Moscow",
/// "Kremlin") are the old state's.
fn candidate_countries(
    text: &str,
    structure: &crate::article::Structure,
) -> Cow<'static, SideMatcher> {
    let all = country_matcher();
    let lead_end = structure
        .paragraphs
        .iter()
        .map(|p| p.range.end)
        .take_while(|&end| end <= LEAD_BYTES)
        .last()
        .unwrap_or_else(|| article_floor(text, LEAD_BYTES));
    let g = gazetteer::gazetteer();
    let merged = all.find(&text[..lead_end]).into_iter().find_map(|(_, i)| {
        let successor = countries()[i].successor.as_deref()?;
        Some((i, g.index_of(successor)?))
    });
    match merged {
        Some(m) => Cow::Owned(SideMatcher::new(&country_names(Some(m)))),
        None => Cow::Borrowed(all),
    }
}

/// The largest char boundary at or below `at`.
fn article_floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// What the annotations call the detector's entities and sides.
struct Labels<'a> {
    /// Each entity's speaker id.
    ids: Vec<Id>,
    /// The sides of the story, as indexes into the candidate sides.
    chosen: Vec<usize>,
    /// The parties for the chosen sides, in the same order.
    parties: &'a [Party],
}

impl Labels<'_> {
    /// The party id of a candidate side, if it is one of the story's.
    fn party_id(&self, side: Option<usize>) -> Option<Id> {
        let k = self.chosen.iter().position(|&c| Some(c) == side)?;
        self.parties.get(k).map(|p| Id::from(p.id.as_str()))
    }

    /// The entities that speak, with their mentions (taken out of the registry) and the
    /// mentions' texts.
    fn speakers(&self, text: &Arc<String>, entities: &mut Entities) -> Vec<Speaker> {
        let mut out = Vec::new();
        for (i, e) in entities.list.iter_mut().enumerate() {
            if !e.speaks {
                continue;
            }
            let mut mentions: Vec<[usize; 2]> = std::mem::take(&mut e.mentions)
                .into_iter()
                .map(|r| [r.start, r.end])
                .collect();
            mentions.sort_unstable();
            mentions.dedup();
            out.push(Speaker {
                id: self.ids[i].clone(),
                name: e.name.clone(),
                role: e.role.clone(),
                party: self.party_id(e.side),
                mention_text: mentions
                    .iter()
                    .map(|m| Snippet::shared(text, m[0]..m[1]))
                    .collect(),
                mentions,
                origin: Origin::Auto,
            });
        }
        out
    }

    /// The `n`th quotation found.
    fn quote(&self, text: &Arc<String>, n: usize, q: Found, entities: &Entities) -> Quote {
        let (prefix, suffix) = shared_context(text, q.range.start, q.range.end, CONTEXT_CHARS);
        let speaker = q.speaker.filter(|_| q.kind != QuoteKind::Term);
        Quote {
            id: numbered('q', n + 1),
            start: q.range.start,
            end: q.range.end,
            text: Snippet::shared(text, q.range),
            speaker: speaker.map(|e| self.ids[e].clone()),
            party: speaker.and_then(|e| self.party_id(entities.list[e].side)),
            kind: q.kind,
            cue: q.cue.as_ref().map(|c| [c.start, c.end]),
            cue_text: q
                .cue
                .map_or_else(Snippet::default, |c| Snippet::shared(text, c)),
            origin: Origin::Auto,
            status: Status::Suggested,
            recheck: None,
            note: None,
            prefix,
            suffix,
        }
    }

    /// The `n`th position found.
    fn position(
        &self,
        text: &Arc<String>,
        n: usize,
        p: positions::Position,
        entities: &Entities,
    ) -> Position {
        let (prefix, suffix) = shared_context(text, p.range.start, p.range.end, CONTEXT_CHARS);
        let side = p.speaker.and_then(|e| entities.list[e].side).or(p.side);
        Position {
            id: numbered('p', n + 1),
            start: p.range.start,
            end: p.range.end,
            text: Snippet::shared(text, p.range),
            party: self.party_id(side),
            speaker: p.speaker.map(|e| self.ids[e].clone()),
            origin: Origin::Auto,
            status: Status::Suggested,
            recheck: None,
            note: None,
            prefix,
            suffix,
        }
    }
}

/// An annotation id: a letter and a number ("q12"). Written by hand: there is one for
/// each annotation, and the formatting machinery costs more than the rest of the id.
fn numbered(letter: char, n: usize) -> Id {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = Id::with_capacity(1 + digits.len() - at);
    id.push(letter);
    id.extend(digits[at..].iter().map(|&d| char::from(d)));
    id
}

/// A speaker with no side of its own who attacks one side ("challenged China") stands
/// with the other, when the story has two.
fn infer_opponents(findings: &Findings, entities: &mut Entities) {
    let mut present: Vec<usize> = entities.list.iter().filter_map(|e| e.side).collect();
    present.sort_unstable();
    present.dedup();
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for e in &entities.list {
        if let Some(s) = e.side.filter(|_| e.speaks) {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut top: Vec<(usize, usize)> = counts.into_iter().collect();
    top.sort_by_key(|&(s, n)| (std::cmp::Reverse(n), s));
    if top.len() < 2 {
        return;
    }
    let pair = [top[0].0, top[1].0];
    for p in &findings.positions {
        let (Some(e), Some(against)) = (p.speaker, p.against) else {
            continue;
        };
        let entity = &mut entities.list[e];
        if entity.side.is_none() && entity.kind == EntityKind::Person && pair.contains(&against) {
            entity.side = pair.iter().copied().find(|&s| s != against);
        }
    }
}

/// The two sides most present among the attributed sources (speakers weighted by what
/// they say), ties broken by the order of the gazetteer; returned in the order the
/// article first attributes something to them.
fn most_present(findings: &Findings, entities: &Entities) -> Vec<usize> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for q in findings.quotes.iter().filter(|q| q.kind != QuoteKind::Term) {
        if let Some(s) = q.speaker.and_then(|e| entities.list[e].side) {
            *counts.entry(s).or_default() += 2;
        }
    }
    for p in &findings.positions {
        let side = p.speaker.and_then(|e| entities.list[e].side).or(p.side);
        if let Some(s) = side {
            *counts.entry(s).or_default() += 2;
        }
        if let Some(s) = p.against {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut top: Vec<(usize, usize)> = counts.into_iter().collect();
    top.sort_by_key(|&(s, n)| (std::cmp::Reverse(n), s));
    let mut pair: Vec<usize> = top.into_iter().take(2).map(|(s, _)| s).collect();
    // the side the story attributes to first comes first (as readers name them)
    let first_seen = |side: usize| {
        let quotes = findings
            .quotes
            .iter()
            .filter(|q| q.speaker.and_then(|e| entities.list[e].side) == Some(side))
            .map(|q| q.range.start);
        let positions = findings
            .positions
            .iter()
            .filter(|p| p.speaker.and_then(|e| entities.list[e].side).or(p.side) == Some(side))
            .map(|p| p.range.start);
        quotes.chain(positions).min().unwrap_or(usize::MAX)
    };
    pair.sort_by_key(|&s| first_seen(s));
    pair
}

/// Stable ids: the slug of each name, numbered when two names share one.
fn speaker_ids(entities: &Entities) -> Vec<Id> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    entities
        .list
        .iter()
        .map(|e| {
            let base = slug(&e.name);
            let n = seen.entry(base.clone()).or_default();
            *n += 1;
            if *n == 1 {
                Id::from(base)
            } else {
                compact_str::format_compact!("{base}-{n}")
            }
        })
        .collect()
}

/// Lower-case letters and digits joined by single hyphens ("Ian Kelly" → "ian-kelly").
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "speaker".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Source;

    /// About 300 KB of body paragraphs, each with a quotation and its speaker.
    fn long_article() -> Article {
        let mut text = String::from("A made-up headline for a long article\n\n");
        for n in 0..2000 {
            text.push_str(&format!(
                "“We will meet again on day {n},” Trade Minister Anna Berg said on \
                 Monday. The talks in Geneva covered tariffs, quotas and the rules \
                 of origin that both sides want to change before the summit.\n\n"
            ));
        }
        Article::from_bytes(Source::Stdin, text.as_bytes())
    }

    #[test]
    fn progress_grows_in_steps_and_ends_at_the_text_length() {
        let article = long_article();
        let mut reports = Vec::new();
        let found = detect_with_progress(&article, None, &mut |done| reports.push(done));
        assert!(reports.len() > 3, "{reports:?}");
        assert!(reports.windows(2).all(|w| w[0] <= w[1]), "{reports:?}");
        assert_eq!(reports.last(), Some(&article.text.len()));
        // About every 64 KiB: never two reports closer than a step, but the last.
        let steps = &reports[..reports.len() - 1];
        assert!(
            steps
                .windows(2)
                .all(|w| w[1] - w[0] >= attribution::PROGRESS_STEP)
        );
        assert_eq!(found, detect(&article, None));
    }

    #[test]
    fn ids_are_numbered_like_format_would() {
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(numbered('q', n), format!("q{n}"));
        }
    }

    #[test]
    fn progress_on_a_short_article_is_one_report_of_its_length() {
        let article = Article::bundled();
        let mut reports = Vec::new();
        detect_with_progress(&article, None, &mut |done| reports.push(done));
        assert_eq!(reports, vec![article.text.len()]);
    }
}
