//! The text around an annotation, kept to re-anchor it when the article changes.

use super::Snippet;
use std::ops::Range;
use std::sync::Arc;

/// Up to `chars` characters of `text` before `at` and after `end`, for re-anchoring.
pub fn context(text: &str, at: usize, end: usize, chars: usize) -> (String, String) {
    let (before, after) = context_ranges(text, at, end, chars);
    (text[before].to_string(), text[after].to_string())
}

/// [`context`] as snippets of the shared article text (no copies).
pub fn shared_context(
    text: &Arc<String>,
    at: usize,
    end: usize,
    chars: usize,
) -> (Snippet, Snippet) {
    let (before, after) = context_ranges(text, at, end, chars);
    (Snippet::shared(text, before), Snippet::shared(text, after))
}

/// Where the context of `at..end` lies: up to `chars` characters on each side.
fn context_ranges(text: &str, at: usize, end: usize, chars: usize) -> (Range<usize>, Range<usize>) {
    if chars == 0 {
        return (at..at, end..end);
    }
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(chars - 1)
        .map_or(0, |(i, _)| i);
    let after = &text[end..];
    let stop = after
        .char_indices()
        .nth(chars)
        .map_or(after.len(), |(i, _)| i);
    (start..at, end..end + stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_takes_characters_not_bytes() {
        let t = "ééé[x]ààà";
        let at = t.find('[').unwrap();
        let end = t.find(']').unwrap() + 1;
        assert_eq!(context(t, at, end, 2), ("éé".into(), "àà".into()));
        assert_eq!(context(t, at, end, 10), ("ééé".into(), "ààà".into()));
        assert_eq!(context(t, at, end, 0), (String::new(), String::new()));
    }
}
