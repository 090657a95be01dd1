//! The detector on arbitrary text: no panic; every span on char boundaries with its
//! text equal to the article slice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parley::article::{Article, Source};

fuzz_target!(|data: &[u8]| {
    let a = Article::from_bytes(Source::Stdin, data);
    let ann = parley::detect::detect(&a, None);
    let t = &a.text;
    for q in &ann.quotes {
        assert!(t.is_char_boundary(q.start) && t.is_char_boundary(q.end) && q.start <= q.end);
        assert_eq!(&t[q.start..q.end], q.text);
    }
    for p in &ann.positions {
        assert!(t.is_char_boundary(p.start) && t.is_char_boundary(p.end) && p.start <= p.end);
        assert_eq!(&t[p.start..p.end], p.text);
    }
    for s in &ann.speakers {
        for [a, b] in &s.mentions {
            assert!(t.is_char_boundary(*a) && t.is_char_boundary(*b) && a <= b && *b <= t.len());
        }
    }
});
