//! Drawing the corpus list over the whole screen: a row per article — its mark (not
//! started, in progress, done), its annotations by status and by side, its title and
//! file — or, after a corpus search, a row per matching line with its article and
//! line number; the row under the cursor reversed, the list's keys below.

use crate::corpus::{Counts, Progress};
use crate::keys::Command;
use crate::tui::app::App;
use crate::tui::corpus::search::Search;
use crate::tui::corpus::{Corpus, Entry};
use crate::tui::layout::text_width;
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
    let lines = visible_lines(corpus, rows, w);
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

/// The rows that fit in `rows` lines of a list `list_width` wide, the cursor's in
/// view, each with whether it is the cursor's: the matches of a search, else the
/// articles.
fn visible_lines(corpus: &Corpus, rows: usize, list_width: usize) -> Vec<(String, bool)> {
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
            let shown = || corpus.rows.iter().enumerate().skip(first).take(rows);
            let widest = shown()
                .map(|(_, &i)| text_width(&counts_text(corpus, &corpus.entries[i])))
                .max()
                .unwrap_or(0);
            let counts = counts_width(list_width, widest);
            shown()
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

/// One article's row: mark, `*` while what the reader holds of it is not saved, its
/// counts in a column `counts_width` wide, the title and the file.
fn entry_line(corpus: &Corpus, e: &Entry, counts_width: usize) -> String {
    let open = if corpus
        .current
        .is_some_and(|c| corpus.entries.get(c).is_some_and(|x| x == e))
    {
        "▸"
    } else {
        " "
    };
    let unsaved = if e.unsaved.is_some() { UNSAVED } else { " " };
    // "…" while the background read may still come to it
    let title = match &e.title {
        Some(title) => title.as_str(),
        None if corpus.counting_failed => "",
        None => "…",
    };
    format!(
        "{open}{}{unsaved} {}  {}  ({})",
        mark(e.progress()),
        column(&counts_text(corpus, e), counts_width),
        title,
        e.name
    )
}

/// The mark of a row whose counts are the reader's, not saved yet.
const UNSAVED: &str = "*";

/// An article's counts as its row shows them: by status (suggested, accepted,
/// rejected), then per side; the reader's while the open article is not saved, else
/// its store file's.
fn counts_text(corpus: &Corpus, e: &Entry) -> String {
    let counted = |c: &Counts| {
        format!(
            "{:>3} sugg {:>3} acc {:>3} rej  {}",
            c.by_status[0],
            c.by_status[1],
            c.by_status[2],
            c.sides_line()
        )
    };
    if let Some(c) = &e.unsaved {
        return counted(c);
    }
    match (&e.counts, &e.problem) {
        (_, Some(_)) => "store unreadable".to_string(),
        (Some(c), None) => counted(c),
        (None, None) if corpus.counting_failed && !e.is_counted() => {
            strings::COUNTS_UNAVAILABLE.to_string()
        }
        (None, None) if e.is_counted() => strings::NO_STORE_YET.to_string(),
        (None, None) => String::new(),
    }
}

/// The columns the titles keep at least, beside the counts.
const TITLE_ROOM: usize = 30;

/// The counts by status alone ("  6 sugg   0 acc   0 rej"): the column is never cut
/// narrower.
const BY_STATUS_WIDTH: usize = 24;

/// The counts' column in a list `list_width` wide whose widest counts shown are
/// `widest` columns: the same for every row, so the titles line up whatever the
/// sides' names; as wide as those counts where the titles keep `TITLE_ROOM`, else cut
/// (with "…") to leave them that.
fn counts_width(list_width: usize, widest: usize) -> usize {
    widest.min(list_width.saturating_sub(TITLE_ROOM).max(BY_STATUS_WIDTH))
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
        "{} not started · {} in progress · {} done · {UNSAVED} not saved",
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

    /// A corpus of `n` articles, "/c/0.txt" on, not yet read.
    fn articles(n: usize) -> Corpus {
        let paths = (0..n)
            .map(|i| PathBuf::from(format!("/c/{i}.txt")))
            .collect();
        Corpus::new(Path::new("/c"), paths, OpenOptions::default(), false)
    }

    /// Article `i` read, titled "Talks", its store counting `by_side`.
    fn counted(corpus: &mut Corpus, i: usize, by_side: &[(&str, usize)]) {
        let e = &mut corpus.entries[i];
        e.title = Some("Talks".into());
        e.counts = Some(Counts {
            by_status: [5, 0, 0],
            by_side: by_side.iter().map(|&(n, c)| (n.to_string(), c)).collect(),
            ..Counts::default()
        });
    }

    /// The list's rows as drawn in a list `width` wide.
    fn lines(corpus: &Corpus, width: usize) -> Vec<String> {
        let rows = visible_lines(corpus, 10, width);
        rows.into_iter()
            .map(|(line, _)| truncate(&line, width))
            .collect()
    }

    #[test]
    fn titles_line_up_whatever_the_sides_are_called() {
        let mut corpus = articles(3);
        counted(&mut corpus, 0, &[]);
        counted(&mut corpus, 1, &[("Norway", 1), ("Iceland", 1)]);
        let wide = [
            ("The Confederation of Dockers and Port Workers 北", 12),
            ("海", 3),
        ];
        counted(&mut corpus, 2, &wide);
        for width in [70, 100, 200] {
            let lines = lines(&corpus, width);
            let columns: Vec<usize> = lines
                .iter()
                .map(|line| line[..line.find("Talks").unwrap()].width())
                .collect();
            assert_eq!(columns, [columns[0]; 3], "{width}: {lines:#?}");
        }
        let cut = &lines(&corpus, 100)[2];
        assert!(
            cut.contains("Port Worke…  Talks"),
            "cut, not wrapped: {cut}"
        );
    }

    #[test]
    fn the_sides_take_the_width_there_is_and_are_cut_with_an_ellipsis() {
        let mut corpus = articles(1);
        let sides = [
            ("The Confederation of Dockers and Port Workers", 12),
            ("The Harbour Authority of Velmora", 3),
            ("The Ministry of Transport", 2),
        ];
        counted(&mut corpus, 0, &sides);
        // past 72 columns of counts when the list has room for them and the title
        let wide = &lines(&corpus, 200)[0];
        assert!(
            wide.contains("The Ministry of Transport: 2  Talks"),
            "{wide}"
        );
        for width in [40, 60, 80, 100, 120] {
            let line = &lines(&corpus, width)[0];
            assert!(line.width() <= width, "{width}: {line}");
            assert!(line.contains('…'), "{width}: {line}");
            assert!(!line.contains('\n'));
        }
        // the titles keep their room beside the counts
        let line = &lines(&corpus, 100)[0];
        assert!(line.contains("Talks  (0.txt)"), "{line}");
    }

    #[test]
    fn an_article_without_a_store_says_so_once_read_and_nothing_before() {
        let mut corpus = articles(1);
        let before = &lines(&corpus, 100)[0];
        assert!(!before.contains(strings::NO_STORE_YET) && before.contains('…'));
        corpus.entries[0].title = Some("Talks".into());
        let read = &lines(&corpus, 100)[0];
        assert!(read.contains(strings::NO_STORE_YET), "{read}");
    }

    #[test]
    fn what_the_reader_holds_unsaved_is_marked_apart_from_what_is_saved() {
        let mut corpus = articles(2);
        corpus.entries[0].title = Some("Talks".into());
        counted(&mut corpus, 1, &[("Ostrelia", 2)]);
        corpus.entries[0].unsaved = Some(Counts {
            by_status: [6, 0, 0],
            ..Counts::default()
        });
        let lines = lines(&corpus, 100);
        assert!(
            lines[0].starts_with(&format!(" ·{UNSAVED}   6 sugg")),
            "{lines:#?}"
        );
        assert!(lines[1].starts_with(" ·    5 sugg"), "{lines:#?}");
    }
}
