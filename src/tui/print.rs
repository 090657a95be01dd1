//! `parley print`: the article wrapped to a width, for pipes and pagers — with the
//! reader's highlighting as ANSI styles, or in plain text with the annotations marked.

use crate::article::{Article, Insertion, sanitize_inline};
use crate::config::Config;
use crate::model::Annotations;
use crate::tui::highlight::{Highlights, Layer, Mark};
use crate::tui::layout::{Layout, Row, RowKind, text_width};
use crate::tui::style_row::RowStyler;
use crate::tui::theme::Theme;
use ratatui::style::{Color, Modifier, Style};
use std::io::{self, Write};
use std::ops::Range;

/// Writes the article wrapped to `width` columns. With `styles`, highlights are written
/// as ANSI escape sequences and positions get a gutter bar; without, the annotations
/// are written into the text as plain marks (see [`print_plain`]).
pub fn print(
    article: &Article,
    ann: &Annotations,
    config: &Config,
    width: usize,
    styles: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    if !styles {
        return print_plain(article, ann, width, out);
    }
    let layout = Layout::new(article, width.saturating_sub(2).max(1));
    let theme = Theme::new(config, &ann.parties, true);
    let hl = Highlights::new(ann);
    let styler = RowStyler {
        text: &article.text,
        hl: &hl,
        theme: &theme,
        dateline: article.structure.dateline.as_ref(),
        search: None,
        selected: None,
        overlays: &[],
    };
    write_rows(&layout, &styler, "  ", out, |row, out| {
        match styler.gutter(row) {
            Some((glyph, style)) => write!(out, "{}{glyph}\x1b[0m ", sgr(style))?,
            None => write!(out, "  ")?,
        }
        for (range, style) in styler.segments(row) {
            write!(out, "{}{}\x1b[0m", sgr(style), styler.piece(&range))?;
        }
        Ok(())
    })
}

/// Writes the rows: `write_row` writes one (gutter and text, no line end); the rule
/// before the byline and the line under the title (after `pad`) are written here.
fn write_rows<W: Write>(
    layout: &Layout,
    styler: &RowStyler<'_>,
    pad: &str,
    out: &mut W,
    mut write_row: impl FnMut(&Row, &mut W) -> io::Result<()>,
) -> io::Result<()> {
    let mut title_width = 0;
    let mut body_seen = false;
    for (i, row) in layout.rows().iter().enumerate() {
        let next = layout.rows().get(i + 1).map(|r| r.kind);
        body_seen |= row.kind == RowKind::Body;
        // a rule sets off a byline after the story (a wire's), not one under the headline
        if row.kind == RowKind::Blank && next == Some(RowKind::Byline) && body_seen {
            writeln!(out)?;
            writeln!(out, "{}", "─".repeat(layout.width.min(20)))?;
            continue;
        }
        write_row(row, out)?;
        writeln!(out)?;
        if row.kind == RowKind::Title {
            title_width = title_width.max(text_width(&styler.piece(&row.range())));
            if next != Some(RowKind::Title) {
                writeln!(out, "{pad}{}", "═".repeat(title_width.min(layout.width)))?;
            }
        }
    }
    Ok(())
}

/// The marks of plain output, documented in the README's command-line section.
const QUOTE_MARKS: (&str, &str) = ("[", "]");
const SPEAKER_MARKS: (&str, &str) = ("{", "}");
/// The gutter mark of a position with no side.
const NO_SIDE: &str = "·";

/// Plain text that keeps the annotations, for pagers and files: quotes (and terms)
/// in `[…]`, speakers' names in `{…}`, and each row of a position with its side's
/// number and a bar in the gutter (`2│ `), the sides named at the end.
fn print_plain(
    article: &Article,
    ann: &Annotations,
    width: usize,
    out: &mut impl Write,
) -> io::Result<()> {
    let hl = Highlights::new(ann);
    let marks: Vec<&Mark> = hl.overlapping(0..article.text.len()).collect();
    let (marked, map) = article.with_insertions(&insertions(&marks));
    let bars: Vec<(Range<usize>, Option<usize>)> = marks
        .iter()
        .filter(|m| m.layer() == Layer::Position)
        .map(|m| (map.range(&m.range()), m.party()))
        .collect();
    let label_width = ann.parties.len().max(1).to_string().len();
    let gutter = if bars.is_empty() { 0 } else { label_width + 2 };
    let layout = Layout::new(&marked, width.saturating_sub(gutter).max(1));
    let theme = Theme::new(&Config::default(), &[], false);
    let no_marks = Highlights::default();
    let styler = RowStyler {
        text: &marked.text,
        hl: &no_marks,
        theme: &theme,
        dateline: None,
        search: None,
        selected: None,
        overlays: &[],
    };
    let max_bar = bars.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
    let pad = " ".repeat(gutter);
    write_rows(&layout, &styler, &pad, out, |row, out| {
        if gutter > 0 {
            match bar_of(&bars, max_bar, row) {
                Some(side) => {
                    let label = side.map_or(NO_SIDE.to_string(), |i| (i + 1).to_string());
                    write!(out, "{label:>label_width$}│ ")?;
                }
                None => write!(out, "{pad}")?,
            }
        }
        write!(out, "{}", styler.piece(&row.range()))
    })?;
    if !bars.is_empty() || marks.iter().any(|m| m.party().is_some()) {
        let names: Vec<String> = ann
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{} {}", i + 1, sanitize_inline(&p.name)))
            .collect();
        if !names.is_empty() {
            writeln!(out)?;
            let legend = format!("Sides: {}", names.join(" · "));
            for line in textwrap::wrap(&legend, width.max(1)) {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// The marks to write into the text: outer marks open first and close last.
fn insertions(marks: &[&Mark]) -> Vec<Insertion> {
    let pair = |m: &Mark| match m.layer() {
        Layer::Quote { .. } => Some(QUOTE_MARKS),
        Layer::Mention => Some(SPEAKER_MARKS),
        Layer::Position | Layer::Cue => None,
    };
    let mut opening: Vec<(Range<usize>, &'static str)> = Vec::new();
    let mut closing = Vec::new();
    for m in marks {
        if let Some((open, close)) = pair(m) {
            opening.push((m.range(), open));
            closing.push((m.range(), close));
        }
    }
    opening.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    closing.sort_by_key(|(r, _)| (r.end, std::cmp::Reverse(r.start)));
    let to = |closes| {
        move |(r, text): (Range<usize>, &'static str)| Insertion {
            at: if closes { r.end } else { r.start },
            closes,
            text,
        }
    };
    opening
        .into_iter()
        .map(to(false))
        .chain(closing.into_iter().map(to(true)))
        .collect()
}

/// The side of the first position (sorted by start, none longer than `max_len`)
/// covering a row: `Some(None)` for a position with no side.
fn bar_of(
    bars: &[(Range<usize>, Option<usize>)],
    max_len: usize,
    row: &Row,
) -> Option<Option<usize>> {
    if row.kind == RowKind::Blank {
        return None;
    }
    let probe = row.start()..row.end().max(row.start() + 1);
    let hi = bars.partition_point(|(r, _)| r.start < probe.end);
    let lo = bars[..hi].partition_point(|(r, _)| r.start < probe.start.saturating_sub(max_len));
    bars[lo..hi]
        .iter()
        .find(|(r, _)| r.end > probe.start)
        .map(|(_, side)| *side)
}

/// The SGR escape sequence for a style (reset first, so styles never leak).
pub fn sgr(style: Style) -> String {
    let mut codes = vec!["0".to_string()];
    let m = style.add_modifier;
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            codes.push(code.to_string());
        }
    }
    if let Some(fg) = style.fg {
        codes.extend(color_code(fg, false));
    }
    if let Some(bg) = style.bg {
        codes.extend(color_code(bg, true));
    }
    format!("\x1b[{}m", codes.join(";"))
}

fn color_code(c: Color, bg: bool) -> Option<String> {
    let base = if bg { 40 } else { 30 };
    let named = |n: u8| Some((base + n).to_string());
    let bright = |n: u8| Some((base + 60 + n).to_string());
    match c {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleInfo;

    #[test]
    fn sgr_codes() {
        assert_eq!(sgr(Style::new()), "\x1b[0m");
        assert_eq!(
            sgr(Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::BOLD)),
            "\x1b[0;1;94m"
        );
        assert_eq!(
            sgr(Style::new().bg(Color::Indexed(238))),
            "\x1b[0;48;5;238m"
        );
    }

    #[test]
    fn plain_print_has_no_escapes_and_fits() {
        let a = Article::bundled();
        let mut out = Vec::new();
        let ann = Annotations::new(ArticleInfo::default());
        print(&a, &ann, &Config::default(), 50, false, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(!s.contains('\x1b'));
        assert!(s.lines().all(|l| text_width(l) <= 50));
    }

    #[test]
    fn plain_marks_pair_up_nest_and_fit() {
        let a = Article::bundled();
        let ann = crate::detect::detect(&a, None);
        for width in [30, 50, 80] {
            let mut out = Vec::new();
            print(&a, &ann, &Config::default(), width, false, &mut out).unwrap();
            let s = String::from_utf8(out).unwrap();
            assert!(s.lines().all(|l| text_width(l) <= width), "{s}");
            // every mark that opens closes, innermost first
            let mut open = Vec::new();
            for c in s.chars() {
                match c {
                    '[' | '{' => open.push(c),
                    ']' => assert_eq!(open.pop(), Some('['), "{s}"),
                    '}' => assert_eq!(open.pop(), Some('{'), "{s}"),
                    _ => {}
                }
            }
            assert!(open.is_empty(), "{s}");
            let quotes = ann
                .quotes
                .iter()
                .filter(|q| q.status != crate::model::Status::Rejected);
            assert_eq!(s.matches('[').count(), quotes.count());
        }
    }
}
