//! Pairing quotation marks inside a paragraph.
//!
//! Curly “…” and ‘…’, straight "…" and '…', guillemets «…» and two apostrophes ''…''
//! (old newspaper archives) all open and close quotations. Apostrophes are told apart from
//! single quotes by what surrounds them: a letter on both sides (don’t), a digit after an
//! opening mark (’08), a plural possessive (the players’ union). Quotations nested inside
//! another are part of it; only the outermost are returned.

use super::bytes::find_any;
use std::ops::Range;

/// A top-level quotation inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// From the opening mark to just past the closing mark (or the paragraph's end).
    pub range: Range<usize>,
    /// The words between the marks.
    pub inner: Range<usize>,
    /// Whether a closing mark was found in the paragraph.
    pub closed: bool,
    /// Whether it opens where an unclosed quotation before it was cut: the next
    /// paragraph of one quotation, run into the same line ("…26 weeks. "We are …").
    pub reopens: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Curly,
    Straight,
    TwoApostrophes,
    Single,
    StraightSingle,
    Guillemet,
}

impl Mark {
    fn is_double(self) -> bool {
        !matches!(self, Mark::Single | Mark::StraightSingle)
    }
}

/// Most quotation marks left open at once. Real nesting is two or three deep; a run of
/// unbalanced marks would otherwise make every later mark search a long stack.
const MAX_OPEN: usize = 8;

/// How far ahead to look for another closing mark when a possessive could close a quote.
const LOOKAHEAD: usize = 240;

/// The top-level quotations of `range` in `text`, in order.
pub fn pair_quotes(text: &str, range: Range<usize>) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    push_quotes(text, range, &mut out);
    out
}

/// [`pair_quotes`] into `out` (cleared first), a buffer reused from paragraph to
/// paragraph.
pub(crate) fn push_quotes(text: &str, range: Range<usize>, out: &mut Vec<QuoteSpan>) {
    out.clear();
    let mut pairing = Pairing {
        s: &text[range.clone()],
        base: range.start,
        stack: Vec::new(),
        reopened: false,
        out,
    };
    let s = pairing.s;
    let mut from = 0;
    // Only the bytes that can start a mark are looked at; most of a paragraph is skipped.
    while let Some(i) = find_any(s.as_bytes(), from, &MARK_LEADS) {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        // Past the deepest nesting, the innermost open mark is dropped: the outermost,
        // which alone is returned, stays.
        if pairing.stack.len() > MAX_OPEN {
            pairing.stack.truncate(MAX_OPEN);
        }
        let at = At {
            i,
            after: i + c.len_utf8(),
            prev: s[..i].chars().next_back(),
            next: s[i + c.len_utf8()..].chars().next(),
        };
        from = at.after;
        if !pairing.cut_run_together(c, &at) {
            from = pairing.mark(c, &at);
        }
    }
    pairing.finish();
}

/// Where a mark is in the paragraph, and the characters beside it.
struct At {
    i: usize,
    after: usize,
    prev: Option<char>,
    next: Option<char>,
}

/// The marks of one paragraph being paired.
struct Pairing<'a> {
    s: &'a str,
    base: usize,
    /// The open marks: mark, start, inner start.
    stack: Vec<(Mark, usize, usize)>,
    /// Whether the quotation open at the bottom of the stack reopened after a cut.
    reopened: bool,
    out: &'a mut Vec<QuoteSpan>,
}

impl Pairing<'_> {
    /// Closes the mark open at `at` of the stack with a mark at `i` ending at `end`.
    fn close_with(&mut self, at: usize, i: usize, end: usize) {
        let (_, start, inner) = self.stack[at];
        self.stack.truncate(at);
        if self.stack.is_empty() {
            self.out.push(QuoteSpan {
                range: self.base + start..self.base + end,
                inner: self.base + inner..self.base + i.max(inner),
                closed: true,
                reopens: std::mem::take(&mut self.reopened),
            });
        }
    }

    /// A mark that can only open, after a sentence that an open quotation ends: the
    /// quotation was left open where its paragraph ended, and this one opens the
    /// next paragraph, run into the same line. The first ends before the mark.
    fn cut_run_together(&mut self, c: char, at: &At) -> bool {
        let s = self.s;
        let Some(&(mark, start, inner)) = self.stack.first() else {
            return false;
        };
        if !(mark.is_double()
            && matches!(c, '“' | '"')
            && opens_only(at.prev, at.next)
            && ends_sentence(&s[inner..at.i]))
        {
            return false;
        }
        let end = inner + s[inner..at.i].trim_end().len();
        self.out.push(QuoteSpan {
            range: self.base + start..self.base + end,
            inner: self.base + inner..self.base + end,
            closed: false,
            reopens: std::mem::take(&mut self.reopened),
        });
        self.stack.clear();
        let mark = if c == '"' {
            Mark::Straight
        } else {
            Mark::Curly
        };
        self.stack.push((mark, at.i, at.after));
        self.reopened = true;
        true
    }

    /// Opens or closes with the mark `c`; where to look for the next mark.
    fn mark(&mut self, c: char, at: &At) -> usize {
        let &At {
            i,
            after,
            prev,
            next,
        } = at;
        let double = |m: Mark| m == Mark::Curly || m == Mark::Straight;
        match c {
            // an opening mark typed for a closing one ("unusual,“ said")
            '“' if prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—'))
                && next.is_none_or(char::is_whitespace) =>
            {
                if let Some(k) = find(&self.stack, double) {
                    self.close_with(k, i, after);
                }
            }
            '“' => self.stack.push((Mark::Curly, i, after)),
            '”' => {
                if let Some(k) = find(&self.stack, double) {
                    self.close_with(k, i, after);
                } else if prev.is_none_or(char::is_whitespace)
                    && next.is_some_and(char::is_alphanumeric)
                {
                    self.stack.push((Mark::Curly, i, after));
                }
            }
            '"' => {
                if let Some(k) = find(&self.stack, double) {
                    self.close_with(k, i, after);
                } else {
                    self.stack.push((Mark::Straight, i, after));
                }
            }
            '«' => self.stack.push((Mark::Guillemet, i, after)),
            '»' => {
                if let Some(k) = find(&self.stack, |m| m == Mark::Guillemet) {
                    self.close_with(k, i, after);
                }
            }
            '\'' if next == Some('\'') => {
                let end = after + 1;
                if let Some(k) = find(&self.stack, |m| m == Mark::TwoApostrophes) {
                    self.close_with(k, i, end);
                } else {
                    self.stack.push((Mark::TwoApostrophes, i, end));
                }
                return end;
            }
            '‘' | '\'' | '’' => self.single(c, at),
            _ => {}
        }
        after
    }

    /// A single mark or an apostrophe.
    fn single(&mut self, c: char, at: &At) {
        let kind = if c == '\'' {
            Mark::StraightSingle
        } else {
            Mark::Single
        };
        let open_at = find(&self.stack, |m| m == kind);
        if opens_single(at.prev, at.next) && (c != '’' || open_at.is_none()) {
            if c != '’' || at.prev.is_none_or(char::is_whitespace) {
                self.stack.push((kind, at.i, at.after));
            }
        } else if let Some(k) = open_at
            && closes_single(self.s, at.i, at.after, at.prev, at.next)
        {
            self.close_with(k, at.i, at.after);
        }
    }

    /// An unclosed double quotation runs to the end of the paragraph; an unclosed
    /// single one was an apostrophe unless it opened the paragraph.
    fn finish(self) {
        if let Some(&(mark, start, inner)) = self.stack.first()
            && (mark.is_double() || start == 0)
        {
            self.out.push(QuoteSpan {
                range: self.base + start..self.base + self.s.len(),
                inner: self.base + inner..self.base + self.s.len(),
                closed: false,
                reopens: self.reopened,
            });
        }
    }
}

/// Whether a double mark between `prev` and `next` can only open a quotation: it
/// follows a space (or starts the text) and comes before a letter or digit.
fn opens_only(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(char::is_whitespace) && next.is_some_and(char::is_alphanumeric)
}

/// Whether quoted text ends a sentence before the space that follows it ("… weeks. ").
fn ends_sentence(quoted: &str) -> bool {
    let t = quoted.trim_end();
    t.len() < quoted.len() && t.ends_with(['.', '?', '!', '…'])
}

/// The bytes that can start a quotation mark: the straight marks, and the lead bytes of
/// « » (U+00AB, U+00BB) and of “ ” ‘ ’ (U+2018–U+201D).
const MARK_LEADS: [u8; 4] = [b'"', b'\'', 0xC2, 0xE2];

fn find(stack: &[(Mark, usize, usize)], pred: impl Fn(Mark) -> bool) -> Option<usize> {
    stack.iter().rposition(|&(m, _, _)| pred(m))
}

/// An opening single mark follows a space, a start or an opening bracket, and comes
/// before a letter (a digit makes it an elision: ’08, '90s).
fn opens_single(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '“' | '"' | '—' | '–' | '-' | '/')
    });
    before_ok && next.is_some_and(char::is_alphabetic)
}

/// A closing single mark follows a non-space and is not followed by a letter; after an
/// "s" and before a space it is a plural possessive when another closing mark follows
/// soon.
fn closes_single(s: &str, i: usize, after: usize, prev: Option<char>, next: Option<char>) -> bool {
    let Some(p) = prev else { return false };
    if p.is_whitespace() || next.is_some_and(char::is_alphanumeric) {
        return false;
    }
    if p == 's' && next == Some(' ') {
        let mark = &s[i..after];
        let mut stop = (after + LOOKAHEAD).min(s.len());
        while !s.is_char_boundary(stop) {
            stop -= 1;
        }
        let rest = &s[after..stop];
        let later_closer = rest.match_indices(mark).any(|(j, _)| {
            let nb = rest[j + mark.len()..].chars().next();
            let pb = rest[..j].chars().next_back();
            pb.is_some_and(|c| !c.is_whitespace()) && !nb.is_some_and(char::is_alphanumeric)
        });
        return !later_closer;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(s: &str) -> Vec<&str> {
        pair_quotes(s, 0..s.len())
            .into_iter()
            .map(|q| &s[q.range])
            .collect()
    }

    #[test]
    fn curly_and_straight_double_quotes_pair() {
        assert_eq!(
            quotes("“Yes,” she said. He said \"no\" twice."),
            vec!["“Yes,”", "\"no\""]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("It’s the class of ’08, the players’ union."),
            Vec::<&str>::new()
        );
        assert_eq!(quotes("Don't say 'em. The '90s."), Vec::<&str>::new());
    }

    #[test]
    fn nested_quotes_belong_to_the_outer_one() {
        assert_eq!(
            quotes("“He told me ‘never again’ and left,” she said."),
            vec!["“He told me ‘never again’ and left,”"]
        );
    }

    #[test]
    fn single_quotes_pair_around_a_plural_possessive() {
        assert_eq!(
            quotes("She called it ‘the voters’ choice’ today."),
            vec!["‘the voters’ choice’"]
        );
        assert_eq!(
            quotes("The plan was 'dead on arrival', he said."),
            vec!["'dead on arrival'"]
        );
    }

    #[test]
    fn two_apostrophes_are_a_quote_mark() {
        assert_eq!(
            quotes("''It isn't over,'' he said."),
            vec!["''It isn't over,''"]
        );
        let s = "''It isn't over,'' he said.";
        let q = pair_quotes(s, 0..s.len());
        assert_eq!(&s[q[0].inner.clone()], "It isn't over,");
    }

    #[test]
    fn unclosed_quote_runs_to_the_end() {
        let s = "“We will stay. We will fight.";
        let q = pair_quotes(s, 0..s.len());
        assert_eq!(q.len(), 1);
        assert!(!q[0].closed);
        assert_eq!(&s[q[0].range.clone()], s);
    }

    #[test]
    fn a_run_of_unclosed_marks_is_one_quotation_to_the_end() {
        // Thousands of opening marks: the outermost one still runs to the end.
        let s = format!("“a {}", "“b ‘c «d ".repeat(5_000));
        let q = pair_quotes(&s, 0..s.len());
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].range, 0..s.len());
        assert!(!q[0].closed);
    }

    #[test]
    fn a_quotation_run_into_the_next_paragraph_is_cut_where_that_one_opens() {
        // Broadcast copy: the first paragraph of a quotation is left open and the next
        // one runs on in the same line.
        let s = "She said: \"We doubled it. \"We will double it again.\" She left.";
        let q = pair_quotes(s, 0..s.len());
        let texts: Vec<&str> = q.iter().map(|q| &s[q.range.clone()]).collect();
        assert_eq!(
            texts,
            vec!["\"We doubled it.", "\"We will double it again.\""]
        );
        assert_eq!((q[0].closed, q[0].reopens), (false, false));
        assert_eq!((q[1].closed, q[1].reopens), (true, true));
        // curly marks too; a mark inside a sentence still nests or closes as before
        assert_eq!(
            quotes("“We won. “And we stay,” he said."),
            vec!["“We won.", "“And we stay,”"]
        );
        assert_eq!(
            quotes("He said \"no\" and \"yes\" today."),
            vec!["\"no\"", "\"yes\""]
        );
    }

    #[test]
    fn an_opening_mark_typed_for_a_closing_one_closes() {
        assert_eq!(
            quotes("“It is odd,“ said Ann Lee. “Very odd.”"),
            vec!["“It is odd,“", "“Very odd.”"]
        );
    }

    #[test]
    fn guillemets_pair() {
        assert_eq!(quotes("Il a dit «non» hier."), vec!["«non»"]);
    }
}
