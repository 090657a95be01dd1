//! Tests of [`super`]: the canonical writer's text, its streaming and its names.

use super::*;

#[test]
fn streaming_writes_the_same_text_and_says_what_stopped_it() {
    let mut a: Annotations = toml::from_str(concat!(
        "version = 1\n[article]\ntitle = 'say \"hi\"'\nbytes = 5\n",
        "[[quote]]\nid = \"q1\"\nstart = 0\nend = 5\ntext = \"a\\nb\\u0001é\"\n",
    ))
    .unwrap();
    let mut streamed = Vec::new();
    write_to(&a, &mut streamed).unwrap();
    assert_eq!(String::from_utf8(streamed).ok(), write(&a));

    let mut full = [0u8; 8];
    let e = write_to(&a, &mut &mut full[..]).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::WriteZero, "the sink's own error");

    a.quotes[0].end = usize::MAX;
    assert_eq!(write(&a), None);
    let e = write_to(&a, &mut Vec::new()).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{e}");
}

#[test]
fn schema_names_need_no_escape() {
    use crate::model::{ConflictTable, QuoteKind};
    let names = [Origin::Auto.as_str(), Origin::Manual.as_str()]
        .into_iter()
        .chain([Status::Suggested, Status::Accepted, Status::Rejected].map(Status::as_str))
        .chain([QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Term].map(QuoteKind::as_str))
        .chain(
            [
                ConflictTable::Quote,
                ConflictTable::Position,
                ConflictTable::Speaker,
                ConflictTable::Party,
            ]
            .map(ConflictTable::as_str),
        );
    for n in names {
        let (mut named, mut quoted) = (String::new(), String::new());
        Writer { out: &mut named }.name("k", n).unwrap();
        Writer { out: &mut quoted }.string("k", n).unwrap();
        assert_eq!(named, quoted);
    }
}

/// A set of `n` quotes and as many positions, with text that needs escaping.
fn large_set(n: usize) -> Annotations {
    let mut a: Annotations =
        toml::from_str("version = 1\n[article]\ntitle = 't'\nbytes = 5\n").unwrap();
    for i in 0..n {
        let q: Quote = toml::from_str(&format!(
            "id = \"q{i}\"\nstart = {i}\nend = {}\ntext = \"say \\\"{i}\\\"\\n\"\nprefix = \"é\"\n",
            i + 3
        ))
        .unwrap();
        let p: Position = toml::from_str(&format!(
            "id = \"p{i}\"\nstart = {i}\nend = {}\ntext = \"we {i}\"\n",
            i + 9
        ))
        .unwrap();
        a.quotes.push(q);
        a.positions.push(p);
    }
    a
}

/// What `emit` writes with `threads` threads, and whether it failed.
fn emitted(a: &Annotations, threads: usize) -> (String, fmt::Result) {
    let mut out = String::new();
    let result = emit(a, &mut Writer { out: &mut out }, threads);
    (out, result)
}

#[test]
fn tables_formatted_on_several_threads_are_the_same_text() {
    let mut a = large_set(5 * TABLES_PER_PIECE + 17);
    let alone = emitted(&a, 1);
    assert!(alone.1.is_ok() && alone.0.matches("[[quote]]").count() == a.quotes.len());
    for threads in [2, 3, 8] {
        assert_eq!(emitted(&a, threads), alone, "{threads} threads");
    }
    // a failure in a later piece: the same text up to it
    a.positions[3 * TABLES_PER_PIECE + 5].end = usize::MAX;
    let alone = emitted(&a, 1);
    assert!(alone.1.is_err() && alone.0.len() > 1000);
    for threads in [2, 3, 8] {
        assert_eq!(emitted(&a, threads), alone, "{threads} threads");
    }
}
