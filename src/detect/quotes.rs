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
    let s = &text[range.clone()];
    let base = range.start;
    let mut stack: Vec<(Mark, usize, usize)> = Vec::new(); // mark, start, inner start
    let mut from = 0;
    // Whether the quotation open at the bottom of the stack reopened after a cut.
    let mut reopened = false;
    // Only the bytes that can start a mark are looked at; most of a paragraph is skipped.
    while let Some(i) = find_any(s.as_bytes(), from, &MARK_LEADS) {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        // Past the deepest nesting, the innermost open mark is dropped: the outermost,
        // which alone is returned, stays.
        if stack.len() > MAX_OPEN {
            stack.truncate(MAX_OPEN);
        }
        let after = i + c.len_utf8();
        from = after;
        let prev = s[..i].chars().next_back();
        let next = s[after..].chars().next();
        let mut close_with = |stack: &mut Vec<(Mark, usize, usize)>, at: usize, end: usize| {
            let (_, start, inner) = stack[at];
            stack.truncate(at);
            if stack.is_empty() {
                out.push(QuoteSpan {
                    range: base + start..base + end,
                    inner: base + inner..base + i.max(inner),
                    closed: true,
                    reopens: std::mem::take(&mut reopened),
                });
            }
        };
        // A mark that can only open, after a sentence that an open quotation ends: the
        // quotation was left open where its paragraph ended, and this one opens the
        // next paragraph, run into the same line. The first ends before the mark.
        if let Some(&(mark, start, inner)) = stack.first()
            && mark.is_double()
            && matches!(c, '“' | '"')
            && opens_only(prev, next)
            && ends_sentence(&s[inner..i])
        {
            let end = inner + s[inner..i].trim_end().len();
            out.push(QuoteSpan {
                range: base + start..base + end,
                inner: base + inner..base + end,
                closed: false,
                reopens: std::mem::take(&mut reopened),
            });
            stack.clear();
            stack.push((
                if c == '"' {
                    Mark::Straight
                } else {
                    Mark::Curly
                },
                i,
                after,
            ));
            reopened = true;
            continue;
        }
        match c {
            // an opening mark typed for a closing one ("unusual,“ said")
            '“' if prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—'))
                && next.is_none_or(char::is_whitespace) =>
            {
                if let Some(at) = find(&stack, |m| m == Mark::Curly || m == Mark::Straight) {
                    close_with(&mut stack, at, after);
                }
            }
            '“' => stack.push((Mark::Curly, i, after)),
            '”' => {
                if let Some(at) = find(&stack, |m| m == Mark::Curly || m == Mark::Straight) {
                    close_with(&mut stack, at, after);
                } else if prev.is_none_or(char::is_whitespace)
                    && next.is_some_and(char::is_alphanumeric)
                {
                    stack.push((Mark::Curly, i, after));
                }
            }
            '"' => {
                if let Some(at) = find(&stack, |m| m == Mark::Straight || m == Mark::Curly) {
                    close_with(&mut stack, at, after);
                } else {
                    stack.push((Mark::Straight, i, after));
                }
            }
            '«' => stack.push((Mark::Guillemet, i, after)),
            '»' => {
                if let Some(at) = find(&stack, |m| m == Mark::Guillemet) {
                    close_with(&mut stack, at, after);
                }
            }
            '\'' if next == Some('\'') => {
                let end = after + 1;
                from = end;
                if let Some(at) = find(&stack, |m| m == Mark::TwoApostrophes) {
                    close_with(&mut stack, at, end);
                } else {
                    stack.push((Mark::TwoApostrophes, i, end));
                }
            }
            '‘' | '\'' | '’' => {
                let kind = if c == '\'' {
                    Mark::StraightSingle
                } else {
                    Mark::Single
                };
                let open_at = find(&stack, |m| m == kind);
                if opens_single(prev, next) && (c != '’' || open_at.is_none()) {
                    if c != '’' || prev.is_none_or(char::is_whitespace) {
                        stack.push((kind, i, after));
                    }
                } else if let Some(at) = open_at
                    && closes_single(s, i, after, prev, next)
                {
                    close_with(&mut stack, at, after);
                }
            }
            _ => {}
        }
    }
    // An unclosed double quotation runs to the end of the paragraph; an unclosed single
    // one was an apostrophe unless it opened the paragraph.
    if let Some(&(mark, start, inner)) = stack.first()
        && (mark.is_double() || start == 0)
    {
        out.push(QuoteSpan {
            range: base + start..base + s.len(),
            inner: base + inner..base + s.len(),
            closed: false,
            reopens: reopened,
        });
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
