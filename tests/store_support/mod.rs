//! Shared by the store safety tests: a small article with multibyte text, its store
//! beside it, and a store with one quote (q1) and one position (p1).

#![allow(clippy::unwrap_used, dead_code)]

use parley::article::{Article, Source};
use parley::model::{Party, QuoteKind};
use parley::store::{Edit, OpenOptions, Store};
use std::fs;
use std::path::PathBuf;

pub const ARTICLE: &str = "Talks resume in Havana’s old town\n\nHAVANA - \u{201c}We are ready, and \
willing,\u{201d} said Ian Kelly on Tuesday. Cuba said it wanted a new agreement. The talks \
went on past midnight.\n";

pub struct Fixture {
    pub _dir: tempfile::TempDir,
    pub article_path: PathBuf,
    pub store_path: PathBuf,
}

/// A temporary directory holding `talks.txt` with [`ARTICLE`], its store to be.
pub fn fixture() -> Fixture {
    fixture_with(ARTICLE)
}

/// The same with an article of the caller's.
pub fn fixture_with(text: &str) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let article_path = dir.path().join("talks.txt");
    fs::write(&article_path, text).unwrap();
    let store_path = dir.path().join("talks.txt.parley.toml");
    Fixture {
        _dir: dir,
        article_path,
        store_path,
    }
}

pub fn article(f: &Fixture) -> Article {
    Article::load(Source::File(f.article_path.clone()), 1 << 20).unwrap()
}

pub fn options() -> OpenOptions {
    let party = |id: &str, name: &str| Party {
        id: id.into(),
        name: name.into(),
        aliases: vec![],
        color: None,
        ..Default::default()
    };
    OpenOptions {
        parties: Some(vec![party("us", "United States"), party("cuba", "Cuba")]),
        suggest: None,
        ..OpenOptions::default()
    }
}

pub fn span(needle: &str) -> (usize, usize) {
    let start = ARTICLE.find(needle).unwrap();
    (start, start + needle.len())
}

/// Opens the store and adds the quote (q1) and the position (p1); saved when `save`.
pub fn edited(f: &Fixture, save: bool) -> Store {
    let mut s = Store::open(&article(f), &options());
    assert!(s.read_only().is_none(), "{:?}", s.read_only());
    let (start, end) = span("\u{201c}We are ready, and willing,\u{201d}");
    s.apply(Edit::AddQuote {
        start,
        end,
        kind: QuoteKind::Direct,
        party: Some("us".into()),
        speaker: None,
    })
    .unwrap();
    let (start, end) = span("Cuba said it wanted a new agreement.");
    s.apply(Edit::AddPosition {
        start,
        end,
        party: Some("cuba".into()),
        speaker: None,
    })
    .unwrap();
    if save {
        s.save().unwrap();
    }
    s
}

pub fn notices(s: &Store) -> String {
    s.notices().join(" | ")
}
