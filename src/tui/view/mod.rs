//! Drawing: `impl Widget for &App`, so drawing can never change state.

pub mod article;
pub mod corpus;
pub mod help;
pub mod legend;
pub mod sidebar;
pub mod sides;
pub mod status;

use super::app::App;
use super::app::mode::{Layer, Overlay};
use crate::article::sanitize_inline;
use crate::tui::layout::text_width;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_segmentation::UnicodeSegmentation;

/// Shown instead of the reader when the terminal is smaller than 20×5.
pub const TOO_SMALL: &str = "terminal too small";

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // a resize can reach the reader before the frame it draws into has the new
        // size: nothing is drawn past the frame then, and the next frame has the size
        if self
            .geometry()
            .is_some_and(|g| area.union(g.status) != area)
        {
            return;
        }
        let Some(g) = self
            .geometry()
            .filter(|_| area.width >= 20 && area.height >= 5)
        else {
            render_too_small(area, buf);
            return;
        };
        article::render(self, &g, buf);
        if let Some(side) = g.sidebar {
            sidebar::render(self, side, buf);
        }
        status::render(self, g.status, buf);
        let whole = g.article.union(g.sidebar.unwrap_or(g.article));
        // every layer of the mode, bottom first (cursor mode and the prompts are drawn
        // in the article and the status bar)
        for (i, layer) in self.mode().layers().iter().enumerate() {
            match layer {
                Layer::Overlay(Overlay::Help(scroll)) => {
                    let first = self.mode().scope_under(i);
                    help::render_help(self, whole, (first, *scroll), buf);
                }
                Layer::Overlay(Overlay::Legend(scroll)) => {
                    legend::render_legend(self, g.article, *scroll, buf);
                }
                Layer::Overlay(Overlay::Messages(scroll)) => {
                    help::render_messages(self, whole, *scroll, buf);
                }
                Layer::Overlay(Overlay::Sides(cursor)) => sides::render(self, whole, *cursor, buf),
                Layer::Popup(p) => p.render(self, whole, buf),
                Layer::Cursor(_) | Layer::Search(_) | Layer::Pending(_) => {}
            }
        }
    }
}

/// A box of `width`×`height` centred in `area`, with a title; returns its inside.
pub fn frame(
    app: &App,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    buf: &mut Buffer,
) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(rect, buf);
    let title = truncate(&sanitize_inline(title), usize::from(w.saturating_sub(4)));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme().border)
        .title(format!(" {title} "));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// Items ("a add", "d delete") joined by " · " into lines of at most `width` columns
/// (an item wider than that has a line of its own): the keys under a list popup.
pub fn wrap_items(items: impl Iterator<Item = String>, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for item in items {
        let Some(line) = lines.last_mut() else { break };
        if !line.is_empty() && text_width(line) + 3 + text_width(&item) > width {
            lines.push(item);
        } else {
            if !line.is_empty() {
                line.push_str(" · ");
            }
            line.push_str(&item);
        }
    }
    lines
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    // one word per line when the line is too narrow for the whole message
    let lines: Vec<&str> = if TOO_SMALL.len() <= usize::from(area.width) {
        vec![TOO_SMALL]
    } else {
        TOO_SMALL.split(' ').collect()
    };
    let lines: Vec<String> = if lines.len() > 1 && "too small".len() <= usize::from(area.width) {
        vec!["terminal".into(), "too small".into()]
    } else {
        lines.into_iter().map(String::from).collect()
    };
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    let style = Style::new().add_modifier(Modifier::BOLD);
    for (i, line) in lines.iter().enumerate().take(usize::from(area.height)) {
        let w = (line.len() as u16).min(area.width);
        let x = area.x + (area.width - w) / 2;
        buf.set_stringn(x, top + i as u16, line, usize::from(w), style);
    }
}

/// Cuts `s` to at most `width` columns, ending in `…` when cut. Stops reading at the
/// cut, so a long text costs no more than the columns shown.
pub fn truncate(s: &str, width: usize) -> String {
    match cut_point(s, width) {
        None => s.to_string(),
        Some((kept, _)) => with_ellipsis(&s[..kept], width),
    }
}

/// What `truncate` makes of every text that starts with `s`, when `s` alone decides it
/// (the text overflows before `s`'s last grapheme, which more text could extend).
pub fn truncate_start(s: &str, width: usize) -> Option<String> {
    let (kept, over) = cut_point(s, width)?;
    (over < s.len()).then(|| with_ellipsis(&s[..kept], width))
}

/// Where `truncate` cuts `s`: `None` when it fits, else the end of the text kept (the
/// columns before the grapheme that leaves no room for `…`) and the end of the grapheme
/// that overflows `width`.
fn cut_point(s: &str, width: usize) -> Option<(usize, usize)> {
    let mut total = 0;
    let mut kept = None;
    for (i, g) in super::layout::graphemes(s) {
        let w = super::layout::grapheme_width(g);
        if kept.is_none() && total + w + 1 > width {
            kept = Some(i);
        }
        total += w;
        if total > width {
            return Some((kept.unwrap_or(i), i + g.len()));
        }
    }
    None
}

fn with_ellipsis(kept: &str, width: usize) -> String {
    if width > 0 {
        format!("{kept}…")
    } else {
        String::new()
    }
}

/// `Buffer::set_stringn` with the same result, faster: a printable ASCII character
/// followed by ASCII (or nothing) is a grapheme of one cell, written straight into the
/// row; only the stretches around other characters are segmented into graphemes.
/// Returns the column after the text.
///
/// The split is that of `layout::graphemes`, written out here: going through the
/// iterator made the article pane cost half as much again (callgrind).
pub fn put_str(buf: &mut Buffer, x: u16, y: u16, s: &str, max_width: usize, style: Style) -> u16 {
    let area = buf.area;
    if !(area.y <= y && y < area.bottom() && area.x <= x) {
        return buf.set_stringn(x, y, s, max_width, style).0;
    }
    let row = usize::from(y - area.y) * usize::from(area.width);
    let cell = |x: u16| row + usize::from(x - area.x);
    let mut room = area
        .right()
        .saturating_sub(x)
        .min(u16::try_from(max_width).unwrap_or(u16::MAX));
    let printable = super::layout::printable_ascii;
    let bytes = s.as_bytes();
    let mut x = x;
    let mut i = 0;
    while i < bytes.len() {
        // (a combining mark or joiner after it would make a longer grapheme)
        if printable(bytes[i]) && bytes.get(i + 1).is_none_or(u8::is_ascii) {
            if room == 0 {
                break;
            }
            buf.content[cell(x)]
                .set_char(char::from(bytes[i]))
                .set_style(style);
            (x, room, i) = (x + 1, room - 1, i + 1);
            continue;
        }
        // up to where two printable ASCII characters meet: always a grapheme boundary
        let mut end = i + 1;
        while end < bytes.len() && !(printable(bytes[end - 1]) && printable(bytes[end])) {
            end += 1;
        }
        for g in s[i..end].graphemes(true) {
            if g.contains(char::is_control) {
                continue;
            }
            let w = g.cell_width();
            if w == 0 {
                continue;
            }
            let Some(left) = room.checked_sub(w) else {
                return x;
            };
            room = left;
            buf.content[cell(x)].set_symbol(g).set_style(style);
            // the cells a wide grapheme covers are cleared, as set_stringn does
            for covered in x + 1..x + w {
                buf.content[cell(covered)].reset();
            }
            x += w;
        }
        i = end;
    }
    x
}

/// `Buffer::set_style` over `area`, a row slice at a time.
pub fn fill_style(buf: &mut Buffer, area: Rect, style: Style) {
    let area = buf.area.intersection(area);
    for y in area.top()..area.bottom() {
        let first = usize::from(y - buf.area.y) * usize::from(buf.area.width)
            + usize::from(area.x - buf.area.x);
        for cell in &mut buf.content[first..first + usize::from(area.width)] {
            cell.set_style(style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_keeps_what_fits_and_marks_the_cut() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello", 4), "hel…");
        assert_eq!(truncate("hello", 1), "…");
        assert_eq!(truncate("hello", 0), "");
        assert_eq!(truncate("", 0), "");
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
        assert_eq!(truncate("漢字漢字", 4), "漢…");
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
    }

    /// Every cell as `set_stringn` leaves it, from the same start.
    fn both(s: &str, x: u16, max_width: usize) -> (Buffer, Buffer) {
        let area = Rect::new(2, 1, 12, 3);
        let style = Style::new().add_modifier(Modifier::BOLD);
        let mut a = Buffer::empty(area);
        let mut b = Buffer::empty(area);
        a.set_style(area, Style::new().add_modifier(Modifier::ITALIC));
        fill_style(&mut b, area, Style::new().add_modifier(Modifier::ITALIC));
        let xa = a.set_stringn(x, 2, s, max_width, style).0;
        let xb = put_str(&mut b, x, 2, s, max_width, style);
        assert_eq!(xa, xb, "{s:?} at {x} in {max_width}");
        (a, b)
    }

    #[test]
    fn put_str_writes_what_set_stringn_writes() {
        let texts = [
            "",
            "plain words",
            "a\u{301}b",
            "tab\there",
            "line\nbreak",
            "漢字 wide",
            "ab漢",
            "x\r\ny",
            "“quoted,” he said",
            "\u{600}1 prepended",
            "🇺🇸🇫🇷 flags",
            "a👍\u{200d}👍b",
            "x\u{ff9e}y",
            "\u{7}bell\u{1b}[31m",
        ];
        for s in texts {
            for x in [2, 5, 12, 13] {
                for max_width in [0, 1, 2, 3, 40] {
                    let (a, b) = both(s, x, max_width);
                    assert_eq!(a, b, "{s:?} at {x} in {max_width}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn put_str_matches_set_stringn_on_any_text(
            s in "[a-z .,\"'\n\t\r\u{1b}\u{7}\u{301}\u{200d}\u{600}\u{ff9e}“”—漢👍🇺🇸]{0,24}",
            x in 2u16..14,
            max_width in 0usize..16,
        ) {
            let (a, b) = both(&s, x, max_width);
            proptest::prop_assert_eq!(a, b);
        }
    }
}
