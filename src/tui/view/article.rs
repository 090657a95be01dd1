//! The article pane: visible rows only, each cut into styled pieces, with the gutter bar.

use crate::article::sanitize_inline;
use crate::tui::app::App;
use crate::tui::geometry::Geometry;
use crate::tui::layout::{Row, RowKind};
use crate::tui::style_row::RowStyler;
use ratatui::buffer::Buffer;
use std::ops::Range;

/// The cursor and selection of cursor mode, as styled ranges drawn over everything.
pub fn cursor_overlays(app: &App) -> Vec<(Range<usize>, ratatui::style::Style)> {
    let Some(&c) = app.mode().cursor() else {
        return Vec::new();
    };
    let text = &app.article().text;
    let mut out = Vec::new();
    if let Some(sel) = c.selection(text) {
        out.push((sel, app.theme().selecting));
    }
    let end = crate::tui::app::cursor::next_boundary(text, c.at.min(text.len()));
    out.push((c.at..end, app.theme().cursor));
    out
}

/// The styler for the reader's current state.
pub fn styler<'a>(
    app: &'a App,
    overlays: &'a [(Range<usize>, ratatui::style::Style)],
) -> RowStyler<'a> {
    RowStyler {
        text: &app.article().text,
        hl: app.hl(),
        theme: app.theme(),
        dateline: app.article().structure.dateline.as_ref(),
        search: Some(app.search()),
        selected: app
            .selected()
            .and_then(|s| app.hl().items.get(s))
            .map(|it| it.range()),
        overlays,
    }
}

/// Draws the visible rows (or, while none of the article is here, its placeholder).
pub fn render(app: &App, g: &Geometry, buf: &mut Buffer) {
    let area = g.article;
    super::fill_style(buf, area, app.theme().text);
    if let Some(note) = app.loading().placeholder() {
        return render_placeholder(app, g, note, buf);
    }
    let overlays = cursor_overlays(app);
    let styler = styler(app, &overlays);
    let rows = app.layout().rows();
    // (made only when its row is on screen: a frame scrolled past the headline skips it)
    let on_screen = app.top()..app.top() + usize::from(area.height);
    let credit = credit_row(rows)
        .filter(|at| on_screen.contains(at))
        .and_then(|at| Some((at, credit_line(app, rows.get(at + 1))?)));
    for (dy, row) in rows
        .iter()
        .skip(app.top())
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + dy as u16;
        if let Some((_, line)) = credit.as_ref().filter(|(at, _)| *at == app.top() + dy) {
            let width = usize::from(g.text_width);
            let line = super::truncate(line, width);
            super::put_str(buf, g.text_x, y, &line, width, app.theme().dim);
            continue;
        }
        let styled = styler.style(row);
        if let Some((glyph, style)) = styled.gutter {
            buf.set_string(g.gutter_x, y, glyph, style);
        }
        let mut x = g.text_x;
        let right = g.text_x + g.text_width;
        for (range, style) in styled.pieces {
            if x >= right {
                break;
            }
            let text = styler.piece(&range);
            x = super::put_str(buf, x, y, text.as_ref(), usize::from(right - x), style);
        }
    }
}

/// The row under the headline (the blank one before the story), where a page's
/// byline and date are shown.
fn credit_row(rows: &[Row]) -> Option<usize> {
    let title_rows = rows.iter().take_while(|r| r.kind == RowKind::Title).count();
    (title_rows > 0 && rows.get(title_rows)?.kind == RowKind::Blank).then_some(title_rows)
}

/// A page's byline, date and site, from the store's `[article]` table (the page's own
/// before the store is here), on one line made safe: "By Priya Valdane · 2026-11-03 ·
/// The Meridian Post". No byline when the text's next row is its own byline.
fn credit_line(app: &App, next: Option<&Row>) -> Option<String> {
    let (info, meta) = (&app.ann().article, &app.article().meta);
    let pick = |stored: &Option<String>, page: &Option<String>| {
        let value = stored.as_deref().or(page.as_deref())?;
        let value = sanitize_inline(value).trim().to_string();
        (!value.is_empty()).then_some(value)
    };
    let byline = pick(&info.byline, &meta.byline)
        .filter(|_| next.is_none_or(|r| r.kind != RowKind::Byline))
        .map(|b| match b.get(..3) {
            Some(by) if by.eq_ignore_ascii_case("by ") => b,
            _ => format!("By {b}"),
        });
    let published = pick(&info.published, &meta.published).map(|d| short_date(&d).to_string());
    let site = pick(&info.site_name, &meta.site_name);
    let parts: Vec<String> = [byline, published, site].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The day of a date as pages write it in their metadata: "2026-11-03" of
/// "2026-11-03T08:15:00Z"; any other form as it is.
fn short_date(date: &str) -> &str {
    let day = date.get(..10).filter(|d| {
        d.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
    });
    day.unwrap_or(date)
}

/// The file's name as its title, and under it "reading…" while the article comes, or
/// why it could not be read.
fn render_placeholder(app: &App, g: &Geometry, note: &str, buf: &mut Buffer) {
    let width = usize::from(g.text_width);
    let (x, y) = (g.text_x, g.article.y);
    super::put_str(buf, x, y, app.label(), width, app.theme().title);
    let note = crate::article::sanitize_inline(note);
    let rows = usize::from(g.article.height).saturating_sub(2);
    for (dy, line) in textwrap::wrap(&note, width.max(1))
        .iter()
        .take(rows)
        .enumerate()
    {
        super::put_str(buf, x, y + 2 + dy as u16, line, width, app.theme().dim);
    }
}

#[cfg(test)]
mod tests {
    use super::short_date;
    use crate::tui::test_support::{app_on_file, screen_lines};

    /// A page written for this test, its byline holding an escape sequence and a bell.
    const PAGE: &str = "<!DOCTYPE html><html><head><title>Velmora dockers strike</title>\n\
<meta name=\"author\" content=\"Lena &#27;[31mOrsk&#7;\">\n\
<meta property=\"article:published_time\" content=\"2026-11-03T08:15:00Z\">\n\
<meta property=\"og:site_name\" content=\"The Harbour Post\">\n\
</head><body><article><h1>Velmora dockers strike</h1>\n\
<p>Dock workers in Velmora walked off the job on Monday over automated cranes.</p>\n\
<p>&ldquo;We will not stand by,&rdquo; said Tomas Ferrin, who leads the union.</p>\n\
</article></body></html>\n";

    #[test]
    fn a_pages_byline_and_date_are_under_its_headline_and_made_safe() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_on_file(dir.path(), PAGE, Vec::new());
        assert_eq!(
            a.ann().article.published.as_deref(),
            Some("2026-11-03T08:15:00Z")
        );
        let lines = screen_lines(&a);
        let title = lines
            .iter()
            .position(|l| l.contains("Velmora dockers strike"));
        let under = &lines[title.expect("the headline") + 1];
        assert!(
            under.contains("By Lena") && under.contains("· 2026-11-03 · The Harbour Post"),
            "{lines:#?}"
        );
        assert!(
            !under.contains('\u{1b}') && !under.contains('\u{7}'),
            "{under:?}"
        );
        assert!(lines[title.unwrap() + 2].trim().is_empty(), "a blank row");
        assert!(
            lines[title.unwrap() + 3].contains("Dock workers"),
            "the story after it"
        );
        // cut with an ellipsis on a narrow terminal
        a.update(crate::tui::action::Action::Resize(40, 12));
        let lines = screen_lines(&a);
        let under = lines.iter().find(|l| l.contains("By Lena"));
        let under = under.expect("the byline at 40 columns");
        assert!(under.trim_end().ends_with('…'), "{under}");
    }

    #[test]
    fn a_plain_text_has_no_line_under_its_headline() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Velmora dockers strike\n\nDock workers walked off the job on Monday.\n";
        let a = app_on_file(dir.path(), text, Vec::new());
        let lines = screen_lines(&a);
        assert!(lines[1].trim().is_empty(), "{lines:#?}");
    }

    #[test]
    fn a_date_is_shown_by_its_day_when_it_has_one() {
        assert_eq!(short_date("2026-11-03T08:15:00Z"), "2026-11-03");
        assert_eq!(short_date("2026-11-03"), "2026-11-03");
        assert_eq!(short_date("3 November 2026"), "3 November 2026");
        assert_eq!(short_date("2026"), "2026");
    }
}
