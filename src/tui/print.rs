//! `parley print`: the article wrapped to a width, for pipes and pagers.

use crate::article::Article;
use crate::tui::layout::{Layout, RowKind, text_width};
use std::io::{self, Write};

/// Writes the article wrapped to `width` columns: the title underlined with `═`, the
/// byline set off by a rule.
pub fn print_plain(article: &Article, width: usize, out: &mut impl Write) -> io::Result<()> {
    let layout = Layout::new(article, width);
    let mut in_title = false;
    let mut title_width = 0;
    for (i, row) in layout.rows.iter().enumerate() {
        let text = article.text[row.range.clone()].replace('\n', " ");
        match row.kind {
            RowKind::Title => {
                in_title = true;
                title_width = title_width.max(text_width(&text));
            }
            RowKind::Blank if in_title => {
                in_title = false;
                writeln!(out, "{}", "═".repeat(title_width.min(layout.width)))?;
            }
            RowKind::Blank if layout.rows.get(i + 1).map(|r| r.kind) == Some(RowKind::Byline) => {
                writeln!(out)?;
                writeln!(out, "{}", "─".repeat(layout.width.min(20)))?;
                continue;
            }
            _ => {}
        }
        writeln!(out, "{text}")?;
    }
    if in_title {
        writeln!(out, "{}", "═".repeat(title_width.min(layout.width)))?;
    }
    Ok(())
}
