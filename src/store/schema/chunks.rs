//! Parsing a large store that is not in parley's canonical form (a hand-edited one, or
//! one written by another tool) on several threads: the text is cut before
//! `[[quote]]`/`[[position]]` headers and the pieces parsed at once. Any doubt about a
//! cut makes the whole attempt give way to parsing in one piece.

use crate::model::{Annotations, Conflict, Position, Quote};

/// The tables that can follow the first `[[quote]]` or `[[position]]` in a store.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Tail {
    #[serde(default)]
    quote: Vec<Quote>,
    #[serde(default)]
    position: Vec<Position>,
    #[serde(default)]
    orphan_quote: Vec<Quote>,
    #[serde(default)]
    orphan_position: Vec<Position>,
    #[serde(default)]
    conflict: Vec<Conflict>,
    /// An older store's `[reading]` table, dropped.
    #[serde(default, rename = "reading")]
    _dropped_reading: crate::model::Dropped,
}

/// Smallest chunk worth a thread.
const MIN_CHUNK: usize = 1 << 20;

/// Splits a large store before `[[quote]]`/`[[position]]` headers and parses the
/// pieces in parallel. A cut inside a multi-line string leaves the piece before it
/// with an unterminated string, so any bad cut makes a piece fail and gives `None`.
pub(super) fn parse_in_chunks(text: &str) -> Option<Annotations> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    parse_chunked(text, threads, MIN_CHUNK)
}

fn parse_chunked(text: &str, threads: usize, min_chunk: usize) -> Option<Annotations> {
    if threads < 2 || text.len() < 2 * min_chunk {
        return None;
    }
    let size = (text.len() / threads).max(min_chunk);
    let mut cuts = vec![0];
    let mut at = size;
    while at < text.len() {
        let rest = &text.as_bytes()[at..];
        let next = ["\n[[quote]]\n", "\n[[position]]\n"]
            .iter()
            .filter_map(|h| memchr::memmem::find(rest, h.as_bytes()))
            .min();
        let Some(i) = next else { break };
        cuts.push(at + i + 1);
        at += i + 1 + size;
    }
    cuts.push(text.len());
    if cuts.len() < 3 {
        return None;
    }
    let (head, tails) = std::thread::scope(|scope| {
        let handles: Vec<_> = cuts[1..]
            .windows(2)
            .map(|w| {
                let piece = &text[w[0]..w[1]];
                scope.spawn(move || toml::from_str::<Tail>(piece).ok())
            })
            .collect();
        let head = toml::from_str::<Annotations>(&text[..cuts[1]]).ok();
        let tails: Option<Vec<Tail>> = handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect();
        (head, tails)
    });
    let mut a = head?;
    for t in tails? {
        a.quotes.extend(t.quote);
        a.positions.extend(t.position);
        a.orphan_quotes.extend(t.orphan_quote);
        a.orphan_positions.extend(t.orphan_position);
        a.conflicts.extend(t.conflict);
    }
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::schema::tests::GOOD;
    use crate::store::schema::{canonicalize, parse};

    #[test]
    fn large_stores_parse_the_same_in_chunks() {
        let mut a = parse(GOOD, "s.toml").unwrap();
        let q = a.quotes[0].clone();
        let p = Position {
            id: "p".into(),
            start: 1,
            end: 2,
            text: "e".into(),
            party: None,
            speaker: None,
            origin: Default::default(),
            status: Default::default(),
            recheck: None,
            note: Some("line\n[[quote]]\nid = \"x\"\n".into()),
            prefix: "a\n\nb".into(),
            suffix: Default::default(),
        };
        for i in 0..300 {
            a.quotes.push(Quote {
                id: format!("q{i}").into(),
                note: (i % 7 == 0).then(|| "a\n[[position]]\nb".into()),
                ..q.clone()
            });
            a.positions.push(Position {
                id: format!("p{i}").into(),
                ..p.clone()
            });
        }
        canonicalize(&mut a);
        let chunk = 4096;
        let text = toml::to_string(&a).unwrap();
        assert!(text.len() > 8 * chunk, "{}", text.len());
        // Notes that look like table headers: a cut inside one must not be taken.
        assert!(parse_chunked(&text, 4, chunk).is_none());
        assert!(parse(&text, "s.toml").unwrap() == a, "tricky notes");
        for p in &mut a.positions {
            p.note = None;
        }
        for q in &mut a.quotes {
            q.note = None;
        }
        let text = toml::to_string(&a).unwrap();
        assert!(
            parse_chunked(&text, 4, chunk) == Some(a.clone()),
            "parsed in chunks"
        );
        let broken = text.replacen("[[position]]\n", "[[position]]\nbad = 1\n", 1);
        assert!(parse_chunked(&broken, 4, chunk).is_none());
    }
}
