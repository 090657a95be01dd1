//! Helpers the detector's story tests share: made-up stories run through the whole
//! detector, with given parties or with the sides inferred.

use crate::article::{Article, Source};
use crate::model::Party;

/// The side of each quotation in a made-up story told to be between `parties`.
pub fn quote_sides(story: &str, parties: &[Party]) -> Vec<Option<String>> {
    let article = Article::from_bytes(Source::Stdin, story.as_bytes());
    let found = crate::detect::detect(&article, Some(parties));
    let side = |q: &crate::model::Quote| q.party.as_ref().map(|p| p.to_string());
    found.quotes.iter().map(side).collect()
}

/// The side of each quotation in a made-up story whose sides parley infers.
pub fn inferred_quote_sides(story: &str) -> Vec<Option<String>> {
    let article = Article::from_bytes(Source::Stdin, story.as_bytes());
    let found = crate::detect::detect(&article, None);
    let side = |q: &crate::model::Quote| q.party.as_ref().map(|p| p.to_string());
    found.quotes.iter().map(side).collect()
}

/// A given party with its aliases.
pub fn party(id: &str, name: &str, aliases: &[&str]) -> Party {
    Party {
        id: id.into(),
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        ..Party::default()
    }
}

/// `Some(id)` for each id: the sides a test expects.
pub fn sides(ids: &[&str]) -> Vec<Option<String>> {
    ids.iter().map(|s| Some(s.to_string())).collect()
}
