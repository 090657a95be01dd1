//! Drawing the corpus list over the whole screen: a row per article — its mark (not
//! started, in progress, done), its annotations by status and by side, its title and
//! file — or, after a corpus search, a row per matching line with its article and
//! line number; the row under the cursor reversed, the list's keys below.

use crate::corpus::Progress;
use crate::keys::Command;
use crate::tui::app::App;
use crate::tui::corpus::search::Search;
use crate::tui::corpus::{Corpus, Entry};
use crate::tui::strings;
use crate::tui::view::{frame, put_str, truncate, wrap_items};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// The mark of each status, as the legend and help name them.
pub fn mark(p: Progress) -> &'static str {
    match p {
        Progress::NotStarted => "·",
        Progress::InProgress => "◐",
        Progress::Done => "✓",
    }
}

/// Draws the list over `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(corpus) = app.corpus() else {
        return;
    };
    let title = match &corpus.search {
        Some(search) => search_title(search),
        None => list_title(corpus),
    };
    let inner = frame(app, area, area.width, area.height, &title, buf);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let w = usize::from(inner.width - 1);
    let footer = footer_lines(app, corpus, w);
    let footer_h = footer.len().min(usize::from(inner.height) / 3);
    let rows = usize::from(inner.height).saturating_sub(footer_h).max(1);
    let lines = visible_lines(corpus, rows, counts_width(w));
    if lines.is_empty() {
        let filter_key = app.keymap().hint(Command::CorpusFilter);
        let empty = match corpus.search {
            Some(_) => strings::NO_MATCH_YET.to_string(),
            None if corpus.filter.is_empty() => strings::NO_ARTICLES.to_string(),
            None => strings::none_holds(&corpus.filter, &filter_key),
        };
        put_str(buf, inner.x + 1, inner.y, &empty, w, app.theme().dim);
    }
    for (dy, (line, selected)) in lines.iter().enumerate() {
        let style = if *selected {
            app.theme().text.add_modifier(Modifier::REVERSED)
        } else {
            app.theme().text
        };
        put_str(
            buf,
            inner.x + 1,
            inner.y + dy as u16,
            &truncate(line, w),
            w,
            style,
        );
    }
    let top = inner.bottom() - footer_h as u16;
    for (dy, line) in footer.iter().take(footer_h).enumerate() {
        buf.set_stringn(inner.x + 1, top + dy as u16, line, w, app.theme().dim);
    }
}

/// The list's title: how many articles it shows of how many, its order and filter.
fn list_title(corpus: &Corpus) -> String {
    let filter = if corpus.filter.is_empty() {
        String::new()
    } else {
        strings::corpus_filter(&crate::article::sanitize_inline(&corpus.filter))
    };
    strings::corpus_title(
        corpus.rows.len(),
        corpus.entries.len(),
        corpus.sort.name(),
        &filter,
    )
}

/// The rows that fit in `rows` lines, the cursor's in view, each with whether it is
/// the cursor's: the matches of a search, else the articles.
fn visible_lines(corpus: &Corpus, rows: usize, counts: usize) -> Vec<(String, bool)> {
    match &corpus.search {
        Some(search) => {
            let first = corpus.match_cursor.saturating_sub(rows - 1);
            let shown = search.matches.iter().enumerate().skip(first).take(rows);
            shown
                .map(|(i, m)| {
                    let name = &corpus.entries[m.entry].name;
                    let line = format!("{name}:{}: {}", m.line, m.context);
                    (line, i == corpus.match_cursor)
                })
                .collect()
        }
        None => {
            let first = corpus.cursor.saturating_sub(rows - 1);
            let shown = corpus.rows.iter().enumerate().skip(first).take(rows);
            shown
                .map(|(row, &i)| {
                    let line = entry_line(corpus, &corpus.entries[i], counts);
                    (line, row == corpus.cursor)
                })
                .collect()
        }
    }
}

/// The matches' title: how many, of what, and while the worker reads, how far it is.
fn search_title(search: &Search) -> String {
    let count = match search.matches.len() {
        1 => "1 match".to_string(),
        n => format!("{n} matches"),
    };
    let query = crate::article::sanitize_inline(&search.query);
    if search.running {
        format!(
            "searching “{query}”… {} of {} articles · {count}",
            search.searched, search.total
        )
    } else {
        format!("{count} of “{query}”")
    }
}

/// One article's row: mark, counts by status (suggested/accepted/rejected), per
/// side in a column `counts_width` wide, the title and the file.
fn entry_line(corpus: &Corpus, e: &Entry, counts_width: usize) -> String {
    let open = if corpus
        .current
        .is_some_and(|c| corpus.entries.get(c).is_some_and(|x| x == e))
    {
        "▸"
    } else {
        " "
    };
    let counts = match (&e.counts, &e.problem) {
        (_, Some(_)) => "store unreadable".to_string(),
        (Some(c), None) => format!(
            "{:>3} sugg {:>3} acc {:>3} rej  {}",
            c.by_status[0],
            c.by_status[1],
            c.by_status[2],
            c.sides_line()
        ),
        (None, None) if corpus.counting_failed && !e.is_counted() => {
            strings::COUNTS_UNAVAILABLE.to_string()
        }
        (None, None) if e.is_counted() => strings::NO_STORE_YET.to_string(),
        (None, None) => String::new(),
    };
    // "…" while the background read may still come to it
    let title = match &e.title {
        Some(title) => title.as_str(),
        None if corpus.counting_failed => "",
        None => "…",
    };
    format!(
        "{open}{} {}  {}  ({})",
        mark(e.progress()),
        column(&counts, counts_width),
        title,
        e.name
    )
}

/// The columns of a row's counts in a list `list_width` wide, the same for every row so
/// the titles line up whatever the sides' names: 40 on a narrow list, growing to 72 on
/// a wide one, where two sides' names and counts then fit whole.
fn counts_width(list_width: usize) -> usize {
    (list_width * 9 / 20).clamp(40, 72)
}

/// `s` cut or padded to exactly `width` columns.
fn column(s: &str, width: usize) -> String {
    let mut cell = truncate(s, width);
    let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(cell.as_str()));
    cell.extend(std::iter::repeat_n(' ', pad));
    cell
}

/// The list's keys from the live keymap.
fn footer_lines(app: &App, corpus: &Corpus, width: usize) -> Vec<String> {
    let keys = |c| app.keymap().keys_text(c);
    let items: Vec<(Command, &str)> = match corpus.search {
        Some(ref search) => vec![
            (Command::CorpusOpen, "go there"),
            (
                Command::CorpusClose,
                if search.running {
                    "stop, back to the list"
                } else {
                    "back to the list"
                },
            ),
        ],
        None => vec![
            (Command::CorpusOpen, "open"),
            (Command::CorpusDone, "done"),
            (Command::CorpusSort, "sort"),
            (Command::CorpusFilter, "filter"),
            (Command::CorpusSearch, "search all"),
            (Command::PanelHelp, "help"),
            (
                Command::CorpusClose,
                if corpus.current.is_some() {
                    "back"
                } else {
                    "quit"
                },
            ),
        ],
    };
    let legend = format!(
        "{} not started · {} in progress · {} done",
        mark(Progress::NotStarted),
        mark(Progress::InProgress),
        mark(Progress::Done)
    );
    wrap_items(
        items
            .into_iter()
            .map(|(c, what)| format!("{} {what}", keys(c)))
            .chain([legend]),
        width,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Counts;
    use crate::store::OpenOptions;
    use std::path::{Path, PathBuf};
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn titles_line_up_whatever_the_sides_are_called() {
        let paths = ["a.txt", "b.txt", "c.txt"].map(|n| PathBuf::from("/c").join(n));
        let mut corpus = Corpus::new(
            Path::new("/c"),
            paths.to_vec(),
            OpenOptions::default(),
            false,
        );
        let sides: [&[(&str, usize)]; 3] = [
            &[],
            &[("Norway", 1), ("Iceland", 1)],
            &[
                ("The Confederation of Dockers and Port Workers 北", 12),
                ("海", 3),
            ],
        ];
        for (e, by_side) in corpus.entries.iter_mut().zip(sides) {
            e.title = Some("Talks".into());
            e.counts = Some(Counts {
                by_status: [5, 0, 0],
                by_side: by_side.iter().map(|&(n, c)| (n.to_string(), c)).collect(),
                ..Counts::default()
            });
        }
        let columns: Vec<usize> = corpus
            .entries
            .iter()
            .map(|e| {
                let line = entry_line(&corpus, e, counts_width(100));
                line[..line.find("Talks").unwrap()].width()
            })
            .collect();
        assert_eq!(columns, [columns[0]; 3], "{columns:?}");
        assert!(entry_line(&corpus, &corpus.entries[2], counts_width(100)).contains('…'));
    }

    /// A corpus of one article, "/c/a.txt", not yet read.
    fn one_article() -> Corpus {
        Corpus::new(
            Path::new("/c"),
            vec![PathBuf::from("/c/a.txt")],
            OpenOptions::default(),
            false,
        )
    }

    #[test]
    fn a_wide_list_shows_both_sides_counts_whole_and_a_narrow_one_keeps_its_column() {
        let mut corpus = one_article();
        corpus.entries[0].title = Some("Talks".into());
        corpus.entries[0].counts = Some(Counts {
            by_status: [15, 0, 0],
            by_side: vec![("Ostrelia".into(), 4), ("Caldoria".into(), 5)],
            ..Counts::default()
        });
        let wide = entry_line(&corpus, &corpus.entries[0], counts_width(118));
        assert!(wide.contains("Ostrelia: 4; Caldoria: 5"), "{wide}");
        let narrow = entry_line(&corpus, &corpus.entries[0], counts_width(78));
        assert!(narrow.contains("Ostrelia: 4; …"), "{narrow}");
        assert_eq!(counts_width(78), 40);
        assert_eq!(counts_width(400), 72);
    }

    #[test]
    fn an_article_without_a_store_says_so_once_read_and_nothing_before() {
        let mut corpus = one_article();
        let before = entry_line(&corpus, &corpus.entries[0], counts_width(100));
        assert!(!before.contains(strings::NO_STORE_YET) && before.contains('…'));
        corpus.entries[0].title = Some("Talks".into());
        let read = entry_line(&corpus, &corpus.entries[0], counts_width(100));
        assert!(read.contains(strings::NO_STORE_YET), "{read}");
    }
}
