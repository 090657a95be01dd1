//! Sides: the gazetteer of countries (names, demonyms, capitals, institutions), matching
//! it against phrases, and mapping countries to the parties of the story.

use super::lexicon::WordMap;
use crate::model::Party;
use serde::Deserialize;
use std::sync::OnceLock;

/// The embedded gazetteer.
const GAZETTEER: &str = include_str!("../../assets/gazetteer.toml");

/// A country (or union of countries) of the gazetteer.
#[derive(Debug, Clone, Deserialize)]
pub struct Country {
    /// Stable id ("us").
    pub id: String,
    /// Display name ("United States").
    pub name: String,
    /// Official and short names.
    #[serde(default)]
    pub names: Vec<String>,
    /// Adjectives and nouns for its people ("Cuban").
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Capitals, which news copy uses for governments ("Havana said").
    #[serde(default)]
    pub capitals: Vec<String>,
    /// Bodies that speak for it ("State Department").
    #[serde(default)]
    pub institutions: Vec<String>,
}

impl Country {
    /// Every name of the country, its demonyms, capitals and institutions.
    pub fn all_names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name)
            .chain(&self.names)
            .chain(&self.demonyms)
            .chain(&self.capitals)
            .chain(&self.institutions)
    }
}

#[derive(Deserialize)]
struct GazetteerFile {
    country: Vec<Country>,
}

/// The countries of the embedded gazetteer.
pub fn countries() -> &'static [Country] {
    static TABLE: OnceLock<Vec<Country>> = OnceLock::new();
    TABLE.get_or_init(|| {
        toml::from_str::<GazetteerFile>(GAZETTEER)
            .map(|g| g.country)
            .unwrap_or_default()
    })
}

/// A key for comparing names: dots dropped, curly apostrophes straightened, a final
/// possessive removed ("U.S." = "US", "China’s" = "China").
pub fn name_key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fill_key(word, &mut out);
    out
}

/// [`name_key`] into a reused buffer.
fn fill_key(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '.' => {}
            '’' => out.push('\''),
            c => out.push(c),
        }
    }
    if out.ends_with("'s") {
        out.truncate(out.len() - 2);
    } else if out.ends_with('\'') {
        out.truncate(out.len() - 1);
    }
}

/// [`name_key`] without allocating for the common plain word.
fn key_of<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        word
    } else {
        fill_key(word, buf);
        buf
    }
}

/// Words of a phrase for gazetteer matching, as byte ranges: split at spaces, hyphens
/// and slashes, with surrounding punctuation trimmed. An iterator, so that matching
/// allocates nothing; cloning it looks ahead.
fn word_spans(phrase: &str) -> WordSpans<'_> {
    WordSpans { phrase, at: 0 }
}

#[derive(Debug, Clone)]
struct WordSpans<'a> {
    phrase: &'a str,
    at: usize,
}

impl WordSpans<'_> {
    /// Whether the character at byte `i` belongs to a word, and its length.
    fn inside(&self, i: usize) -> (bool, usize) {
        let b = self.phrase.as_bytes()[i];
        if b < 0x80 {
            return (b.is_ascii_alphanumeric() || matches!(b, b'.' | b'\''), 1);
        }
        let c = self.phrase[i..].chars().next().unwrap_or(' ');
        (c.is_alphanumeric() || c == '’', c.len_utf8())
    }
}

impl Iterator for WordSpans<'_> {
    type Item = std::ops::Range<usize>;

    fn next(&mut self) -> Option<Self::Item> {
        let len = self.phrase.len();
        loop {
            while self.at < len {
                let (inside, n) = self.inside(self.at);
                if inside {
                    break;
                }
                self.at += n;
            }
            if self.at >= len {
                return None;
            }
            let start = self.at;
            while self.at < len {
                let (inside, n) = self.inside(self.at);
                if !inside {
                    break;
                }
                self.at += n;
            }
            let w = &self.phrase[start..self.at];
            let t = w.trim_matches(|c: char| !c.is_alphanumeric());
            if !t.is_empty() {
                let lead = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
                return Some(start + lead..start + lead + t.len());
            }
        }
    }
}

/// Whether a word starts with a capital letter, without decoding an ASCII one.
fn starts_upper(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.starts_with(char::is_uppercase),
    }
}

/// Whether a phrase has a capital letter, without decoding its ASCII part.
fn has_upper(phrase: &str) -> bool {
    if phrase.is_ascii() {
        phrase.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        phrase.contains(char::is_uppercase)
    }
}

/// Matches side names in phrases. Built once per article for its parties.
#[derive(Debug, Default)]
pub struct SideMatcher {
    /// First word key → (all word keys, side index), longest first.
    entries: WordMap<String, Vec<(Vec<String>, usize)>>,
    /// Whether some name starts with a lower-case word (else those are skipped fast).
    lower_first: bool,
}

impl SideMatcher {
    /// A matcher over `sides`, each a list of names.
    pub fn new(sides: &[Vec<String>]) -> SideMatcher {
        let mut entries: WordMap<String, Vec<(Vec<String>, usize)>> = WordMap::default();
        let mut lower_first = false;
        for (side, names) in sides.iter().enumerate() {
            for name in names {
                let keys: Vec<String> = word_spans(name).map(|r| name_key(&name[r])).collect();
                if let Some(first) = keys.first() {
                    lower_first |= !first.starts_with(char::is_uppercase);
                    entries.entry(first.clone()).or_default().push((keys, side));
                }
            }
        }
        for list in entries.values_mut() {
            list.sort_by_key(|(keys, _)| std::cmp::Reverse(keys.len()));
        }
        SideMatcher {
            entries,
            lower_first,
        }
    }

    /// The sides named in `phrase`, in order, as (byte offset in phrase, side).
    /// A name after "anti-" does not count.
    pub fn find(&self, phrase: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        self.scan(phrase, |at, side| {
            out.push((at, side));
            false
        });
        out
    }

    /// Whether one word is (the start of) a side's name.
    pub fn starts_name(&self, word: &str) -> bool {
        let mut buf = String::new();
        self.entries.contains_key(key_of(word, &mut buf))
    }

    /// The first side named in `phrase`.
    pub fn first(&self, phrase: &str) -> Option<usize> {
        let mut found = None;
        self.scan(phrase, |_, side| {
            found = Some(side);
            true
        });
        found
    }

    /// Calls `hit` with each match until it returns true.
    fn scan(&self, phrase: &str, mut hit: impl FnMut(usize, usize) -> bool) {
        if !self.lower_first && !has_upper(phrase) {
            return;
        }
        let (mut key, mut other) = (String::new(), String::new());
        let mut words = word_spans(phrase);
        while let Some(r) = words.next() {
            let w = &phrase[r.clone()];
            if !self.lower_first && !starts_upper(w) {
                continue;
            }
            let found = self.entries.get(key_of(w, &mut key)).and_then(|list| {
                list.iter().find(|(keys, _)| {
                    let mut rest = words.clone();
                    keys[1..].iter().all(|k| {
                        rest.next()
                            .is_some_and(|r| k == key_of(&phrase[r], &mut other))
                    })
                })
            });
            if let Some((keys, side)) = found {
                let at = r.start;
                let negated = at >= 5
                    && phrase.is_char_boundary(at - 5)
                    && phrase[at - 5..at].eq_ignore_ascii_case("anti-");
                if !negated && hit(at, *side) {
                    return;
                }
                for _ in 1..keys.len() {
                    words.next();
                }
            }
        }
    }
}

/// Names for each given party: its id, name and aliases, plus every gazetteer name of the
/// countries it stands for.
pub fn party_names(parties: &[Party]) -> Vec<Vec<String>> {
    parties
        .iter()
        .map(|p| {
            let own: Vec<String> = std::iter::once(&p.name)
                .chain(&p.aliases)
                .cloned()
                .collect();
            let own_keys: Vec<String> = own
                .iter()
                .chain(std::iter::once(&p.id))
                .map(|n| name_key(n).to_lowercase())
                .collect();
            let mut names = own.clone();
            for c in countries() {
                let linked = std::iter::once(&c.id)
                    .chain(c.all_names())
                    .filter(|n| !c.institutions.contains(n))
                    .any(|n| own_keys.contains(&name_key(n).to_lowercase()));
                if linked {
                    names.extend(c.all_names().cloned());
                }
            }
            names
        })
        .collect()
}

/// A party for a gazetteer country.
pub fn country_party(c: &Country) -> Party {
    let mut aliases: Vec<String> = c.names.iter().filter(|n| **n != c.name).cloned().collect();
    aliases.extend(c.demonyms.iter().cloned());
    aliases.extend(c.capitals.iter().cloned());
    aliases.extend(c.institutions.iter().cloned());
    Party {
        id: c.id.clone(),
        name: c.name.clone(),
        aliases,
        color: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer_matcher() -> SideMatcher {
        let names: Vec<Vec<String>> = countries()
            .iter()
            .map(|c| c.all_names().cloned().collect())
            .collect();
        SideMatcher::new(&names)
    }

    fn side_id(m: &SideMatcher, phrase: &str) -> Option<&'static str> {
        m.first(phrase).map(|i| countries()[i].id.as_str())
    }

    #[test]
    fn gazetteer_parses_and_has_the_main_countries() {
        let ids: Vec<&str> = countries().iter().map(|c| c.id.as_str()).collect();
        for id in ["us", "china", "cuba", "uk", "russia", "taiwan"] {
            assert!(ids.contains(&id), "{id}");
        }
    }

    #[test]
    fn titles_and_bodies_give_sides() {
        let m = gazetteer_matcher();
        assert_eq!(side_id(&m, "Cuban Deputy Foreign Minister"), Some("cuba"));
        assert_eq!(side_id(&m, "State Department spokesman"), Some("us"));
        assert_eq!(side_id(&m, "the U.S. statement"), Some("us"));
        assert_eq!(side_id(&m, "China’s embassy"), Some("china"));
        assert_eq!(side_id(&m, "leader of a pro-Moscow party"), Some("russia"));
        assert_eq!(side_id(&m, "an anti-Moscow party"), None);
        assert_eq!(side_id(&m, "the spokesman"), None);
    }

    #[test]
    fn an_institution_wins_over_the_country_inside_it() {
        let m = gazetteer_matcher();
        assert_eq!(side_id(&m, "the Taiwan Affairs Office"), Some("china"));
    }

    #[test]
    fn given_parties_take_the_gazetteer_names_of_their_country() {
        let p = vec![Party {
            id: "us".into(),
            name: "United States".into(),
            aliases: vec!["Washington".into()],
            color: None,
        }];
        let names = party_names(&p);
        assert!(names[0].iter().any(|n| n == "State Department"));
    }
}
