//! Fuzzy placement, for an annotation whose own text changed: candidates from exact
//! hits of short pieces of its context and text, scored as Hypothesis does on the
//! similarity of text, prefix and suffix and on the distance from the expected place.
//! Comparisons are bounded (a few candidates nearest the expected place; long texts
//! compared by head and tail), so the cost per annotation stays bounded.

use super::{Anchored, CONTEXT_CHARS, ceil_boundary, floor_boundary};
use crate::model::context;

/// Longest anchor piece taken from the context or the quote, in characters.
const PIECE_CHARS: usize = 16;
/// Most candidate starts (and ends) kept, nearest the expected place first.
const MAX_CANDIDATES: usize = 8;

/// Hypothesis-style fuzzy placement: candidates from exact hits of short pieces of the
/// prefix, the quote's head and tail and the suffix, scored on quote, prefix, suffix
/// similarity and distance. None when the best quote similarity is under one half.
pub(super) fn fuzzy<T: Anchored>(
    article: &str,
    item: &T,
    expected: usize,
) -> Option<(usize, usize)> {
    let text = item.text();
    let len = text.len();
    if len == 0 {
        return None;
    }
    let mut best: Option<(f64, usize, usize)> = None;
    for (s, e) in candidates(article, item, expected) {
        if s >= e || (e - s) > 2 * len + 8 {
            continue;
        }
        let quote_errors = distance(&article[s..e], text);
        if quote_errors * 2 > text.chars().count() {
            continue;
        }
        let score = score(article, item, s, e, quote_errors, expected);
        if best.is_none_or(|b| score > b.0) {
            best = Some((score, s, e));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

/// The spans worth scoring, sorted and without repeats: each start found paired with
/// the span's length and with the nearest end found, each end with the length.
fn candidates<T: Anchored>(article: &str, item: &T, expected: usize) -> Vec<(usize, usize)> {
    let len = item.text().len();
    let (starts, ends) = hits(article, item, expected);
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for &s in &starts {
        candidates.push((s, ceil_boundary(article, s + len)));
        if let Some(&e) = ends
            .iter()
            .filter(|&&e| e > s)
            .min_by_key(|&&e| (e - s).abs_diff(len))
        {
            candidates.push((s, e));
        }
    }
    for &e in &ends {
        candidates.push((floor_boundary(article, e.saturating_sub(len)), e));
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

/// Where the span may start (after its prefix's tail, at its text's head) and end (at
/// its text's tail, before its suffix's head), found near the expected place.
fn hits<T: Anchored>(article: &str, item: &T, expected: usize) -> (Vec<usize>, Vec<usize>) {
    let text = item.text();
    let len = text.len();
    let radius = (4 * len).clamp(512, 1 << 16);
    let lo = floor_boundary(article, expected.saturating_sub(radius));
    let hi = ceil_boundary(article, expected.saturating_add(len + radius));
    let window = &article[lo..hi];
    let hits = |piece: &str, at_end: bool, target: usize| -> Vec<usize> {
        if piece.is_empty() {
            return Vec::new();
        }
        let mut v: Vec<usize> = window
            .match_indices(piece)
            .map(|(i, p)| lo + i + if at_end { p.len() } else { 0 })
            .collect();
        v.sort_by_key(|&i| i.abs_diff(target));
        v.truncate(MAX_CANDIDATES);
        v
    };
    let piece = PIECE_CHARS.min(len / 3 + 1);
    let mut starts = hits(tail_chars(item.prefix(), PIECE_CHARS), true, expected);
    starts.extend(hits(head_chars(text, piece), false, expected));
    let mut ends = hits(tail_chars(text, piece), true, expected + len);
    ends.extend(hits(
        head_chars(item.suffix(), PIECE_CHARS),
        false,
        expected + len,
    ));
    (starts, ends)
}

fn score<T: Anchored>(
    article: &str,
    item: &T,
    s: usize,
    e: usize,
    quote_errors: usize,
    expected: usize,
) -> f64 {
    let similarity = |errors: usize, len: usize| {
        if len == 0 {
            1.0
        } else {
            1.0 - (errors.min(len) as f64 / len as f64)
        }
    };
    let (before, after) = context(article, s, e, CONTEXT_CHARS);
    let quote = similarity(quote_errors, item.text().chars().count());
    let prefix = similarity(
        distance(&before, item.prefix()),
        item.prefix().chars().count(),
    );
    let suffix = similarity(
        distance(&after, item.suffix()),
        item.suffix().chars().count(),
    );
    let position = 1.0 - (s.abs_diff(expected) as f64 / article.len().max(1) as f64);
    (50.0 * quote + 20.0 * prefix + 20.0 * suffix + 2.0 * position) / 92.0
}

fn head_chars(s: &str, n: usize) -> &str {
    &s[..s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)]
}

fn tail_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    &s[s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i)..]
}

/// Longest text compared whole; longer ones are compared by head and tail.
const MAX_COMPARED: usize = 600;

/// Levenshtein distance in characters, bounded in cost for long texts.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() <= MAX_COMPARED && b.len() <= MAX_COMPARED {
        return levenshtein(&a, &b);
    }
    let half = MAX_COMPARED / 2;
    let head = levenshtein(&a[..half.min(a.len())], &b[..half.min(b.len())]);
    let tail = levenshtein(
        &a[a.len().saturating_sub(half)..],
        &b[b.len().saturating_sub(half)..],
    );
    head + tail + a.len().abs_diff(b.len())
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levenshtein_counts_characters() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("é", "e"), 1);
        assert_eq!(distance("", "abc"), 3);
    }
}
