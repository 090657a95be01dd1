//! The store at its limits (issue #21): ids at the top of their range, a journal of
//! many entries with a bad one among them, and a journal on a full disk.

#![allow(clippy::unwrap_used)]

mod store_support;

use parley::model::QuoteKind;
use parley::store::{Edit, Store};
use std::fs;
use store_support::{article, edited, fixture, options, span};

#[test]
fn a_new_quote_never_takes_the_id_of_one_there_whatever_the_ids_are() {
    let f = fixture();
    drop(edited(&f, true));
    // the saved store with its quote and position renamed to the ends of the range
    let text = fs::read_to_string(&f.store_path).unwrap();
    let text = text
        .replace("id = \"q1\"", "id = \"q0\"")
        .replace("id = \"p1\"", "id = \"q18446744073709551615\"");
    fs::write(&f.store_path, text).unwrap();
    let mut s = Store::open(&article(&f), &options());
    assert!(s.read_only().is_none(), "{:?}", s.read_only());
    let (start, end) = span("The talks went on past midnight.");
    let made = s
        .apply(Edit::AddQuote {
            start,
            end,
            kind: QuoteKind::Direct,
            party: None,
            speaker: None,
        })
        .unwrap()
        .created
        .unwrap();
    let a = s.annotations();
    assert_eq!(a.quotes.len(), 2, "{:?}", a.quotes);
    assert_eq!(a.positions.len(), 1);
    let ids: Vec<&str> = a
        .quotes
        .iter()
        .map(|q| q.id.as_str())
        .chain(a.positions.iter().map(|p| p.id.as_str()))
        .collect();
    assert_eq!(ids.iter().filter(|id| **id == made).count(), 1, "{ids:?}");
    assert!(ids.contains(&"q0") && ids.contains(&"q18446744073709551615"));
    s.save().unwrap();
    let c = parley::store::check::check(&article(&f), &options()).unwrap();
    assert!(c.problems.is_empty(), "{:?}", c.problems);
}
