//! `parley print`: the article wrapped to a width, for pipes and pagers — plain, or
//! with the reader's highlighting as ANSI styles.

use crate::article::Article;
use crate::config::Config;
use crate::model::Annotations;
use crate::tui::highlight::Highlights;
use crate::tui::layout::{Layout, RowKind, text_width};
use crate::tui::style_row::RowStyler;
use crate::tui::theme::Theme;
use ratatui::style::{Color, Modifier, Style};
use std::io::{self, Write};

/// Writes the article wrapped to `width` columns. With `styles`, highlights are written
/// as ANSI escape sequences and positions get a gutter bar; without, plain text.
pub fn print(
    article: &Article,
    ann: &Annotations,
    config: &Config,
    width: usize,
    styles: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let gutter = if styles { 2 } else { 0 };
    let layout = Layout::new(article, width.saturating_sub(gutter).max(1));
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
    let mut title_width = 0;
    for (i, row) in layout.rows().iter().enumerate() {
        let next = layout.rows().get(i + 1).map(|r| r.kind);
        if row.kind == RowKind::Blank && next == Some(RowKind::Byline) {
            writeln!(out)?;
            writeln!(out, "{}", "─".repeat(layout.width.min(20)))?;
            continue;
        }
        if styles {
            match styler.gutter(row) {
                Some((glyph, style)) => write!(out, "{}{glyph}\x1b[0m ", sgr(style))?,
                None => write!(out, "  ")?,
            }
            for (range, style) in styler.segments(row) {
                write!(out, "{}{}\x1b[0m", sgr(style), styler.piece(&range))?;
            }
            writeln!(out)?;
        } else {
            writeln!(out, "{}", styler.piece(&row.range()))?;
        }
        if row.kind == RowKind::Title {
            title_width = title_width.max(text_width(&styler.piece(&row.range())));
            if next != Some(RowKind::Title) {
                let pad = if styles { "  " } else { "" };
                writeln!(out, "{pad}{}", "═".repeat(title_width.min(layout.width)))?;
            }
        }
    }
    Ok(())
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
}
