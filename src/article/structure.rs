//! Recognising an article's parts as byte ranges: title, dateline, paragraphs,
//! sentences and byline.

use super::abbreviations;
use super::byline::is_byline;
use std::borrow::Cow;
use std::ops::Range;

/// A body paragraph, as a byte range into the normalised text. Its sentences are split
/// when asked for ([`Structure::sentences_of`]): keeping every sentence of a 10 MB
/// article cost half as much memory as its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The whole paragraph, without surrounding whitespace.
    pub range: Range<usize>,
}

/// The parts of an article. Every range is half-open and lies on char boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Structure {
    /// The headline, if the first line reads like one.
    pub title: Option<Range<usize>>,
    /// "WASHINGTON (Reuters) -" at the start of the first body paragraph.
    pub dateline: Option<Range<usize>>,
    /// The body paragraphs, in order (title and byline excluded).
    pub paragraphs: Vec<Paragraph>,
    /// "Reporting by …; Editing by …" or "By …".
    pub byline: Option<Range<usize>>,
}

impl Structure {
    /// The sentences of paragraph `i` of `text`, in order (a dateline is not part of
    /// any); none for a paragraph that does not exist.
    pub fn sentences_of(&self, text: &str, i: usize) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        self.sentences_into(text, i, &mut out);
        out
    }

    /// [`Structure::sentences_of`] into a buffer (cleared first), to reuse it.
    pub fn sentences_into(&self, text: &str, i: usize, out: &mut Vec<Range<usize>>) {
        out.clear();
        let Some(p) = self.paragraphs.get(i) else {
            return;
        };
        let body_start = match &self.dateline {
            Some(d) if d.start == p.range.start => skip_spaces(text, d.end),
            _ => p.range.start,
        };
        split_sentences_into(text, body_start..p.range.end, out);
    }

    /// Every sentence of the body of `text`, in order.
    pub fn sentences<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        (0..self.paragraphs.len()).flat_map(move |i| self.sentences_of(text, i))
    }
}

/// Longest first line still taken as a headline.
const MAX_TITLE_BYTES: usize = 200;
/// Lines this short, ending a hard-wrapped block, are joined into one paragraph.
const HARD_WRAP_COLUMNS: usize = 80;

/// Recognises the structure of normalised text.
pub fn analyze(text: &str) -> Structure {
    let mut blocks = paragraph_ranges(text);
    let mut structure = Structure::default();
    if let Some(first) = blocks.first().cloned()
        && looks_like_title(text, first.clone(), blocks.len())
    {
        structure.title = Some(first);
        blocks.remove(0);
    }
    if let Some(last) = blocks.last()
        && is_byline(&text[last.clone()])
    {
        structure.byline = blocks.pop();
    } else if let Some(first) = blocks.first()
        && is_byline(&text[first.clone()])
        && text[first.clone()].starts_with("By ")
    {
        structure.byline = Some(blocks.remove(0));
    }
    if let Some(first) = blocks.first() {
        let len = dateline_len(&text[first.clone()]);
        if len > 0 {
            structure.dateline = Some(first.start..first.start + len);
        }
    }
    structure.paragraphs = blocks
        .into_iter()
        .map(|range| Paragraph { range })
        .collect();
    structure
}

fn skip_spaces(text: &str, from: usize) -> usize {
    from + text[from..].len() - text[from..].trim_start().len()
}

/// Paragraphs as trimmed byte ranges. Blank lines separate paragraphs; inside a block,
/// lines are joined when they look hard-wrapped and are paragraphs of their own otherwise.
pub fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut block: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    // (the lines as `split('\n')` gives them, found by `memchr`: the splitter's own
    // search went through the text a word at a time)
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    for end in ends {
        let range = start..end;
        start = end + 1;
        if text[range.clone()].trim().is_empty() {
            flush_block(text, &mut block, &mut out);
        } else {
            block.push(trim_range(text, range));
        }
    }
    flush_block(text, &mut block, &mut out);
    out
}

fn flush_block(text: &str, block: &mut Vec<Range<usize>>, out: &mut Vec<Range<usize>>) {
    if block.is_empty() {
        return;
    }
    // Hard-wrapped text has no long lines, and no short line before its last one (a
    // block of one line is a paragraph whatever its length, so its characters are not
    // counted).
    if block.len() == 1 {
        out.append(block);
        return;
    }
    let lens: Vec<usize> = block
        .iter()
        .map(|r| text[r.clone()].chars().count())
        .collect();
    let longest = lens.iter().copied().max().unwrap_or(0);
    let hard_wrapped = longest <= HARD_WRAP_COLUMNS
        && lens[..lens.len() - 1].iter().all(|&n| n * 5 >= longest * 3);
    if hard_wrapped {
        out.push(block[0].start..block[block.len() - 1].end);
    } else {
        out.append(block);
    }
    block.clear();
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.start + s.trim_end().len();
    start..end.max(start)
}

fn looks_like_title(text: &str, first: Range<usize>, blocks: usize) -> bool {
    let line = &text[first.clone()];
    if blocks < 2 || line.len() > MAX_TITLE_BYTES || line.contains('\n') {
        return false;
    }
    if dateline_len(line) > 0 || is_byline(line) {
        return false;
    }
    let followed_by_blank = text[first.end..].starts_with("\n\n")
        || text[first.end..]
            .trim_start_matches([' '])
            .starts_with("\n\n");
    let ends_like_sentence = line.trim_end_matches(CLOSERS).ends_with(['.', '!', '?']);
    followed_by_blank || !ends_like_sentence
}

/// Length in bytes of a dateline at the start of `par` ("WASHINGTON (Reuters) -",
/// "BEIJING, Dec 3 (Reuters) -", "LONDON —"), including the dash; 0 when there is none.
pub fn dateline_len(par: &str) -> usize {
    const DASHES: [&str; 4] = [" - ", " — ", " – ", " -- "];
    // (a dash that starts past byte 80 makes no dateline: only the bytes a dash starting
    // by then can reach are searched, not the whole paragraph)
    let mut reach = par.len().min(80 + " — ".len());
    while !par.is_char_boundary(reach) {
        reach -= 1;
    }
    let reach = &par[..reach];
    // (the first space that opens a dash: no two dashes open at one byte, so this is
    // the earliest of each dash's first place, found without setting up a substring
    // search for each dash, for every paragraph of every article)
    let Some((dash_at, dash)) = memchr::memchr_iter(b' ', reach.as_bytes()).find_map(|i| {
        DASHES
            .iter()
            .find(|d| reach[i..].starts_with(**d))
            .map(|d| (i, *d))
    }) else {
        return 0;
    };
    if dash_at == 0 || dash_at > 80 {
        return 0;
    }
    let head = &par[..dash_at];
    let place = head.split(['(', ',']).next().unwrap_or("").trim();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    let is_caps_place = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    if !is_caps_place {
        return 0;
    }
    dash_at + dash.trim_end().len()
}

/// Characters that may follow a sentence's final punctuation and still belong to it.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']'];

/// Splits `range` of `text` into sentences. A sentence ends at `.`, `!`, `?` or `…`
/// (plus any closing quotes or brackets) followed by a space and a capital, digit or
/// opening quote — unless the word before the period is an abbreviation or initial.
pub fn split_sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    split_sentences_into(text, range, &mut out);
    out
}

/// [`split_sentences`], appending to `out`.
pub fn split_sentences_into(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let mut start = 0;
    let mut i = 0;
    let bytes = s.as_bytes();
    let mut stops = StopBytes::default();
    while i < s.len() {
        // Only sentence ends matter: the bytes between them are passed over undecoded.
        i = stops.next(bytes, i);
        let c = match s.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) => c,
            None => break,
        };
        let next = i + c.len_utf8();
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut end = next;
            while let Some(d) = s[end..].chars().next().filter(|d| CLOSERS.contains(d)) {
                end += d.len_utf8();
            }
            let rest = &s[end..];
            let gap = rest.len() - rest.trim_start().len();
            if gap > 0
                && starts_sentence(rest.trim_start())
                && !(c == '.' && is_abbreviation(&s[start..i]))
            {
                push_trimmed(s, range.start, start..end, out);
                start = end + gap;
                i = start;
                continue;
            }
            i = end.max(next);
            continue;
        }
        i = next;
    }
    push_trimmed(s, range.start, start..s.len(), out);
}

/// Where the bytes that may end a sentence are: a stop, or the lead byte of '…' (and
/// of other characters of U+2000–U+2FFF, told apart once decoded). Each kind is found
/// by `memchr`, and the next one of each is kept until passed, so every byte of a
/// paragraph is searched once per kind (news has a curly quote or a dash, with that
/// lead byte, about as often as a period).
#[derive(Debug, Default)]
struct StopBytes {
    /// The next '.', '!' or '?' at or after where the last search started.
    mark: Option<usize>,
    /// The next 0xE2 likewise.
    lead: Option<usize>,
}

impl StopBytes {
    /// The first byte at or after `from` that may end a sentence (`bytes.len()` if none).
    fn next(&mut self, bytes: &[u8], from: usize) -> usize {
        let rest = bytes.get(from..).unwrap_or_default();
        let found = |at: Option<usize>| at.map_or(bytes.len(), |k| from + k);
        let mark = match self.mark {
            Some(at) if at >= from => at,
            _ => *self
                .mark
                .insert(found(memchr::memchr3(b'.', b'!', b'?', rest))),
        };
        let lead = match self.lead {
            Some(at) if at >= from => at,
            _ => *self.lead.insert(found(memchr::memchr(0xE2, rest))),
        };
        mark.min(lead)
    }
}

fn push_trimmed(s: &str, base: usize, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let t = trim_range(s, r);
    if !t.is_empty() {
        out.push(base + t.start..base + t.end);
    }
}

fn starts_sentence(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some('"' | '“' | '‘' | '\'' | '«' | '(' | '[') => true,
        _ => false,
    }
}

/// Whether the text before a period ends in an abbreviation, an initial or a dotted
/// acronym ("U.S", "Mr", "J").
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // (ASCII words, nearly all, are lower-cased on the stack)
    let mut buf = [0u8; 16];
    let ascii = word.is_ascii() && word.len() <= buf.len();
    let lower = if ascii {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        Cow::Borrowed(std::str::from_utf8(&buf[..word.len()]).unwrap_or_default())
    } else {
        Cow::Owned(word.to_lowercase())
    };
    if abbreviations::is_abbreviation(&lower) {
        return true;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // single initial ("J."), or dotted acronym ("U.S", "U.N", "a.m")
    (letters == 1
        && word.chars().all(|c| c.is_alphabetic())
        && word.chars().all(char::is_uppercase))
        || (word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2))
}

#[cfg(test)]
mod tests;
