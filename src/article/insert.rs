//! An article with marks written into its text (for plain-text output that shows
//! annotations), its structure moved along so that it lays out as the original does.

use super::{Article, Structure};
use std::ops::Range;
use std::sync::Arc;

/// Text to put into the article at a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insertion {
    /// Where, in the original text (an offset not on a char boundary is ignored).
    pub at: usize,
    /// Whether it closes something that ends at `at` (it then goes before the marks
    /// that open there, and belongs to the range ending there, not the one starting).
    pub closes: bool,
    /// What to insert.
    pub text: &'static str,
}

/// Where each original offset went in the marked text.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// For each offset that got insertions: the offset, where it went counting the
    /// closing marks there (the place of a range end or start), and counting all.
    points: Vec<(usize, usize, usize)>,
}

impl OffsetMap {
    /// The marked text's offset for an original one: after the marks inserted before
    /// it and after the closing marks at it, before the opening marks at it.
    pub fn map(&self, at: usize) -> usize {
        let i = self.points.partition_point(|p| p.0 <= at);
        match i.checked_sub(1).map(|i| self.points[i]) {
            None => at,
            Some((old, after_closers, _)) if old == at => after_closers,
            Some((old, _, after_all)) => after_all + (at - old),
        }
    }

    /// [`OffsetMap::map`] on both ends of a range.
    pub fn range(&self, r: &Range<usize>) -> Range<usize> {
        self.map(r.start)..self.map(r.end)
    }
}

impl Article {
    /// A copy of the article with `insertions` written into its text, and where its
    /// offsets went. At one offset, closing marks come first (the last opened closes
    /// first: pass them innermost first), then opening marks in the order given.
    pub fn with_insertions(&self, insertions: &[Insertion]) -> (Article, OffsetMap) {
        let text = self.text.as_str();
        let mut sorted: Vec<&Insertion> = insertions
            .iter()
            .filter(|i| text.is_char_boundary(i.at))
            .collect();
        sorted.sort_by_key(|i| (i.at, !i.closes));
        let extra: usize = sorted.iter().map(|i| i.text.len()).sum();
        let mut out = String::with_capacity(text.len() + extra);
        let mut map = OffsetMap::default();
        let mut copied = 0;
        for group in sorted.chunk_by(|a, b| a.at == b.at) {
            let at = group[0].at;
            out.push_str(&text[copied..at]);
            copied = at;
            for i in group.iter().filter(|i| i.closes) {
                out.push_str(i.text);
            }
            let after_closers = out.len();
            for i in group.iter().filter(|i| !i.closes) {
                out.push_str(i.text);
            }
            map.points.push((at, after_closers, out.len()));
        }
        out.push_str(&text[copied..]);
        let s = &self.structure;
        let moved = |r: &Option<Range<usize>>| r.as_ref().map(|r| map.range(r));
        let structure = Structure {
            title: moved(&s.title),
            dateline: moved(&s.dateline),
            byline: moved(&s.byline),
            paragraphs: s
                .paragraphs
                .iter()
                .map(|p| super::Paragraph {
                    range: map.range(&p.range),
                })
                .collect(),
        };
        let marked = Article {
            source: self.source.clone(),
            text: Arc::new(out),
            warnings: self.warnings.clone(),
            structure,
            kind: self.kind,
            meta: self.meta.clone(),
            file_sha256: self.file_sha256.clone(),
            sha: std::sync::OnceLock::new(),
        };
        (marked, map)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Source;
    use super::*;

    fn open(at: usize, text: &'static str) -> Insertion {
        Insertion {
            at,
            closes: false,
            text,
        }
    }

    fn close(at: usize, text: &'static str) -> Insertion {
        Insertion {
            at,
            closes: true,
            text,
        }
    }

    #[test]
    fn marks_go_in_and_ranges_follow() {
        let a = Article::from_bytes(Source::Stdin, "Title\n\nKelly said “yes” here.".as_bytes());
        let quote = a.text.find('“').unwrap()..a.text.find(" here").unwrap();
        let (m, map) = a.with_insertions(&[
            open(quote.start, "["),
            close(quote.end, "]"),
            open(7, "{"),
            close(12, "}"),
        ]);
        assert_eq!(m.text.as_str(), "Title\n\n{Kelly} said [“yes”] here.");
        assert_eq!(&m.text[map.range(&quote)], "[“yes”]");
        assert_eq!(m.title(), "Title");
        let p = &m.structure.paragraphs[0].range;
        assert_eq!(&m.text[p.clone()], "{Kelly} said [“yes”] here.");
    }

    #[test]
    fn at_one_offset_closers_come_before_openers() {
        let a = Article::from_bytes(Source::Stdin, b"abcd");
        let (m, map) = a.with_insertions(&[open(2, "("), close(2, ")"), close(4, "]")]);
        assert_eq!(m.text.as_str(), "ab)(cd]");
        assert_eq!(map.map(2), 3, "a range ending or starting at 2");
        assert_eq!(map.map(3), 5);
        assert_eq!(map.map(4), 7);
        assert_eq!(map.map(0), 0);
    }

    #[test]
    fn offsets_inside_a_character_are_ignored() {
        let a = Article::from_bytes(Source::Stdin, "é".as_bytes());
        let (m, _) = a.with_insertions(&[open(1, "[")]);
        assert_eq!(m.text.as_str(), "é");
    }
}
