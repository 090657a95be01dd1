//! Loading and normalising arbitrary bytes: no panic, no escape or control character
//! left, every structural range on char boundaries and inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parley::article::{Article, Source};

fuzz_target!(|data: &[u8]| {
    let a = Article::from_bytes(Source::Stdin, data);
    let t = &a.text;
    assert!(!t.chars().any(|c| c == '\u{1b}' || (c.is_control() && c != '\n')));
    let s = &a.structure;
    let ranges = s
        .title
        .iter()
        .chain(s.dateline.iter())
        .chain(s.byline.iter())
        .chain(s.paragraphs.iter().map(|p| &p.range))
        .cloned()
        .chain(s.sentences(t));
    for r in ranges {
        assert!(r.start <= r.end && r.end <= t.len());
        assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
    }
    assert_eq!(Article::from_vec(Source::Stdin, data.to_vec()).text, a.text);
});
