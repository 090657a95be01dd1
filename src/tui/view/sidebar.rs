//! The sidebar: every annotation in document order, in step with the selection.

use crate::model::{QuoteKind, Status};
use crate::tui::app::App;
use crate::tui::geometry::sidebar_first;
use crate::tui::highlight::{Target, on_target};
use crate::tui::layout::text_width;
use crate::tui::strings;
use crate::tui::view::{fill_style, put_str, truncate, truncate_start};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// The sidebar's mark of an annotation to check again (placed by a fuzzy match).
pub const RECHECK_MARK: &str = "≈";

/// One line describing an item: kind, side, speaker, first words, status.
pub fn describe(app: &App, item: usize, width: usize) -> (String, Style) {
    Describer::new(app, width).line(item, width)
}

/// The widest the side column gets: a third of the line, up to 12 columns; a longer
/// name is cut (a label is the way to make it fit).
fn side_column(width: usize) -> usize {
    (width / 3).clamp(4, 12)
}

/// Describes items; the sides' names are worked out once, not once a line.
#[derive(Debug)]
pub struct Describer<'a> {
    app: &'a App,
    /// Each party's label, or its name, cut and padded to the side column.
    sides: Vec<String>,
    /// "—" (no side) padded to the side column.
    no_side: String,
}

impl<'a> Describer<'a> {
    /// A describer for the reader's current annotations, in lines `width` columns wide.
    pub fn new(app: &'a App, width: usize) -> Describer<'a> {
        let names: Vec<String> = app
            .ann()
            .parties
            .iter()
            .map(|p| crate::article::sanitize_inline(p.short_name()))
            .collect();
        let column = names
            .iter()
            .map(|n| text_width(n))
            .max()
            .unwrap_or(1)
            .clamp(1, side_column(width));
        let pad = |s: &str| {
            let cut = truncate(s, column);
            let room = column.saturating_sub(text_width(&cut));
            format!("{cut}{}", " ".repeat(room))
        };
        Describer {
            app,
            sides: names.iter().map(|n| pad(n)).collect(),
            no_side: pad("—"),
        }
    }

    /// One line describing an item, cut to `width` columns, and its style.
    pub fn line(&self, item: usize, width: usize) -> (String, Style) {
        let app = self.app;
        let it = &app.hl().items[item];
        let (kind, speaker, text, recheck) = match it.target() {
            Target::Quote(i) => {
                let q = &app.ann().quotes[i];
                let k = match q.kind {
                    QuoteKind::Direct => "Q",
                    QuoteKind::Partial => "q",
                    QuoteKind::Term => "T",
                };
                (k, q.speaker.as_deref(), q.text.as_str(), q.recheck)
            }
            Target::Position(i) => {
                let p = &app.ann().positions[i];
                ("P", p.speaker.as_deref(), p.text.as_str(), p.recheck)
            }
            Target::OrphanQuote(i) => {
                let q = &app.ann().orphan_quotes[i];
                ("⚠Q", q.speaker.as_deref(), q.text.as_str(), None)
            }
            Target::OrphanPosition(i) => {
                let p = &app.ann().orphan_positions[i];
                ("⚠P", p.speaker.as_deref(), p.text.as_str(), None)
            }
        };
        // to be checked again stands in for the status until a person has looked
        let status = match (recheck, it.status()) {
            (Some(_), _) => RECHECK_MARK,
            (None, Status::Suggested) => "·",
            (None, Status::Accepted) => "✓",
            (None, Status::Rejected) => "✗",
        };
        let side = it
            .party()
            .and_then(|p| self.sides.get(p))
            .unwrap_or(&self.no_side);
        let speaker = speaker
            .and_then(|s| app.ann().speaker(s))
            .map_or(String::new(), |s| {
                format!("{}: ", crate::article::sanitize_inline(&s.name))
            });
        let noted = if has_note(app, it.target()) {
            "✎"
        } else {
            " "
        };
        // no speaker: the text follows the side, with no stray colon before it
        let head = format!("{status}{noted}{kind} {side} {speaker}");
        let mut style = Style::new().fg(app.theme().party_color(it.party()));
        if it.status() == Status::Rejected {
            style = style.add_modifier(Modifier::CROSSED_OUT | Modifier::DIM);
        }
        (head_and_words(&head, text, width), style)
    }
}

/// `head` followed by `text` made printable, cut to `width` columns. A quote can be
/// long: its start alone is cleaned and measured when that decides the line (cleaning
/// only drops or replaces characters as it goes, so the start of the text cleans to the
/// start of the cleaned text).
fn head_and_words(head: &str, text: &str, width: usize) -> String {
    let enough = 2 * width + 16;
    if text.len() > enough {
        let mut cut = enough;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let start = format!("{head}{}", printable(&text[..cut]));
        if let Some(line) = truncate_start(&start, width) {
            return line;
        }
    }
    truncate(&format!("{head}{}", printable(text)), width)
}

/// `sanitize_inline`, skipped for text it leaves as it is: printable ASCII and the
/// quotation marks, dashes and dots of general punctuation (U+2010–U+2027; no control,
/// separator or direction mark among them).
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let plain = |c: char| matches!(c, ' '..='~' | '\u{2010}'..='\u{2027}');
    if text.chars().all(plain) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(crate::article::sanitize_inline(text))
    }
}

fn has_note(app: &App, target: Target) -> bool {
    on_target(
        app.ann(),
        target,
        |q| q.note.is_some(),
        |p| p.note.is_some(),
    ) == Some(true)
}

/// Where the list goes in the sidebar's `area`: below a line naming the filter when
/// one is set; and the first place of the list shown there. Drawing and clicks both
/// use it, so a click lands on what is drawn.
fn list_layout(app: &App, area: Rect) -> (Rect, usize) {
    let header = u16::from(!app.filter().is_empty()).min(area.height);
    let list = Rect::new(
        area.x + 2,
        area.y + header,
        area.width.saturating_sub(2),
        area.height - header,
    );
    let selected = app.selected().and_then(|s| app.list_place(s));
    let first = sidebar_first(app.list_len(), selected, usize::from(list.height));
    (list, first)
}

/// The item listed at screen row `y` of the sidebar's `area`, if any.
pub fn item_at(app: &App, area: Rect, y: u16) -> Option<usize> {
    let (list, first) = list_layout(app, area);
    if y < list.y || y >= list.bottom() {
        return None;
    }
    app.list_item(first + usize::from(y - list.y))
}

/// Draws the sidebar.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    fill_style(buf, area, app.theme().text);
    for y in area.y..area.bottom() {
        buf.set_string(area.x, y, "│", app.theme().border);
    }
    let (list, first) = list_layout(app, area);
    let dim_line = |buf: &mut Buffer, y: u16, text: &str| {
        let width = usize::from(list.width);
        put_str(
            buf,
            list.x,
            y,
            &truncate(text, width),
            width,
            app.theme().dim,
        );
    };
    if list.y > area.y {
        let line = strings::filter_header(&app.filter().describe(app.ann()), app.keymap());
        dim_line(buf, area.y, &line);
    }
    if app.list_len() == 0 {
        let msg = if app.loading().detecting().is_some() {
            strings::detecting(None)
        } else if app.hl().items.is_empty() {
            strings::NO_ANNOTATIONS.to_string()
        } else {
            strings::nothing_listed(app.keymap())
        };
        dim_line(buf, list.y, &msg);
        return;
    }
    let describer = Describer::new(app, usize::from(list.width));
    for (dy, item) in (first..app.list_len())
        .filter_map(|k| app.list_item(k))
        .take(usize::from(list.height))
        .enumerate()
    {
        let (line, mut style) = describer.line(item, usize::from(list.width));
        if app.selected() == Some(item) {
            style = style.add_modifier(Modifier::REVERSED);
        }
        put_str(
            buf,
            list.x,
            list.y + dy as u16,
            &line,
            usize::from(list.width),
            style,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line as it was made before quotes were read only as far as needed.
    fn whole(head: &str, text: &str, width: usize) -> String {
        truncate(
            &format!("{head}{}", crate::article::sanitize_inline(text)),
            width,
        )
    }

    #[test]
    fn plain_text_is_what_sanitize_inline_makes_of_it() {
        let plain: String = (' '..='~').chain('\u{2010}'..='\u{2027}').collect();
        assert_eq!(printable(&plain), crate::article::sanitize_inline(&plain));
        assert!(matches!(printable(&plain), std::borrow::Cow::Borrowed(_)));
        assert_eq!(
            printable("a\tb\u{2028}"),
            crate::article::sanitize_inline("a\tb\u{2028}")
        );
    }

    #[test]
    fn long_quotes_give_the_same_line_as_when_read_whole() {
        let long = "word ".repeat(100);
        for width in [0, 1, 10, 46] {
            assert_eq!(
                head_and_words("·✓Q us ", &long, width),
                whole("·✓Q us ", &long, width)
            );
        }
        // nothing visible until past the part read first: the whole text decides
        let hidden = format!("{}end", "\u{301}".repeat(400));
        assert_eq!(head_and_words("", &hidden, 5), whole("", &hidden, 5));
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_the_same_line_as_when_read_whole(
            text in "[a-z \\n\\t\\r\\u{1b}\\[\\u{7}\\u{301}\\u{feff}\\u{202e}\\u{9b}“”漢👍]{0,400}",
            width in 0usize..40,
        ) {
            proptest::prop_assert_eq!(head_and_words("·✎P ", &text, width), whole("·✎P ", &text, width));
        }
    }
}
