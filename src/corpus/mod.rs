//! A corpus: the articles of a folder (or of several files), read one at a time so
//! memory holds the largest article, never the corpus. Listing, where each article
//! stands, detecting and saving stores for all of them, one table of every
//! annotation, and per-side figures. No terminal here: the command line and the
//! reader show what this gives.

pub mod list;
pub mod marks;
pub mod save;
pub mod stats;
pub mod summary;

pub use list::{Articles, ListError, folder_of, is_article_name, names_a_corpus};
pub use marks::{MARKS_FILE, Marks, Progress};
pub use save::{Saved, Settings, Tally, detect_and_save};
pub use stats::{SideStats, Stats};
pub use summary::{Counts, StoreSummary, peek_title, read_annotations, read_store};

use crate::article::{Article, Source};
use crate::export::table::{
    ANNOTATION_COLUMNS, ARTICLE_COLUMNS, ArticleRef, ArticleRow, TableFormat, TableWriter,
};
use crate::store::guard::{self, Refused};
use crate::store::{OpenOptions, Store};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The limits a corpus run reads within (the config's).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// `limits.max_article_bytes`.
    pub max_article_bytes: u64,
    /// `limits.max_store_bytes`.
    pub max_store_bytes: u64,
}

/// What the table holds: a row per annotation, or per article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// Every placed quote and position of every store (rejected ones with `all`).
    Annotations {
        /// Keep rejected suggestions.
        all: bool,
    },
    /// Each article with its status and counts.
    Articles,
}

/// Writes the corpus table into `out`, article by article; an article or store that
/// cannot be read is told to `problem` and passed over. Gives how many rows it wrote.
pub fn export_table<W: Write>(
    paths: &[PathBuf],
    limits: Limits,
    rows: Rows,
    format: TableFormat,
    out: W,
    problem: &mut dyn FnMut(String),
) -> io::Result<usize> {
    let columns: &[&str] = match rows {
        Rows::Annotations { .. } => &ANNOTATION_COLUMNS,
        Rows::Articles => &ARTICLE_COLUMNS,
    };
    let mut table = TableWriter::new(out, format, columns)?;
    let mut marks = Marks::default();
    for item in Articles::new(paths) {
        match item {
            Ok(path) => table_rows(&mut table, &path, limits, rows, &mut marks, problem)?,
            Err(ListError { path, error }) => problem(format!("{}: {error}", display(&path))),
        }
    }
    let written = table.rows();
    table.finish()?;
    Ok(written)
}

/// One article's rows: its annotations, or its row of status and counts (an article
/// without a store has no annotations, and is not started unless marked done).
fn table_rows<W: Write>(
    table: &mut TableWriter<W>,
    path: &Path,
    limits: Limits,
    rows: Rows,
    marks: &mut Marks,
    problem: &mut dyn FnMut(String),
) -> io::Result<()> {
    let name = display(path);
    if !crate::store::store_beside(path).exists() {
        if rows == Rows::Articles {
            let title = peek_title(path);
            let article = ArticleRef {
                path: &name,
                title: &title,
                sha256: "",
            };
            let progress = Progress::of(false, marks.is_done(path));
            let row = article_row(article, progress, &Counts::default());
            table.article(&row)?;
        }
        return Ok(());
    }
    let (article, store) = match open(path, limits) {
        Ok(opened) => opened,
        Err(e) => {
            problem(e);
            return Ok(());
        }
    };
    let a = store.annotations();
    let reference = ArticleRef {
        path: &name,
        title: article.title(),
        sha256: article.sha256(),
    };
    match rows {
        Rows::Annotations { all } => table.annotations(reference, a, store.text(), all),
        Rows::Articles => {
            let counts = Counts::of(a);
            let progress = Progress::of(counts.is_begun(), marks.is_done(path));
            table.article(&article_row(reference, progress, &counts))
        }
    }
}

fn article_row<'a>(article: ArticleRef<'a>, progress: Progress, c: &Counts) -> ArticleRow<'a> {
    ArticleRow {
        article,
        status: progress.as_str(),
        quotes: c.quotes,
        positions: c.positions,
        suggested: c.by_status[0],
        accepted: c.by_status[1],
        rejected: c.by_status[2],
        sides: c.sides_line(),
    }
}

/// An article and its store, as `export` reads them: the store re-anchored to the
/// article's text, nothing written.
fn open(path: &Path, limits: Limits) -> Result<(Article, Store), String> {
    let article = Article::load(Source::File(path.to_path_buf()), limits.max_article_bytes)
        .map_err(|e| e.to_string())?;
    let options = OpenOptions {
        store: None,
        max_bytes: limits.max_store_bytes,
        parties: None,
        inspect: true,
        suggest: None,
    };
    let store = Store::load(&article, &options).map_err(|e| e.to_string())?;
    Ok((article, store))
}

/// The figures of a corpus, read from its store files alone; a store that cannot be
/// read is told to `problem` and counted as none.
pub fn gather_stats(paths: &[PathBuf], limits: Limits, problem: &mut dyn FnMut(String)) -> Stats {
    let mut stats = Stats::default();
    for item in Articles::new(paths) {
        match item.map_err(|e| format!("{}: {}", display(&e.path), e.error)) {
            Ok(path) => match read_annotations(&path, limits.max_store_bytes) {
                Ok(Some(a)) => stats.add(&a),
                Ok(None) => stats.add_unannotated(),
                Err(e) => {
                    problem(e);
                    stats.add_unannotated();
                }
            },
            Err(e) => problem(e),
        }
    }
    stats
}

/// Checks that the table may be written to `output`: it is none of the corpus's own
/// files — an article, the store beside one, or a store's journal or lock — by name,
/// by place or through a link, under the rules one article's export follows. Only the
/// articles whose files `output` could be are looked at closely, so a large corpus
/// costs a few `stat` calls an article.
pub fn check_output(paths: &[PathBuf], output: &Path, replace: bool) -> Result<(), Refused> {
    let target = std::fs::metadata(output).ok();
    let output_name = output.file_name().map(std::ffi::OsStr::as_encoded_bytes);
    for path in Articles::new(paths).filter_map(Result::ok) {
        let store = crate::store::store_beside(&path);
        // every file of an article is named after it: NAME, NAME.parley.toml, ….lock
        let by_name = output_name
            .zip(path.file_name())
            .is_some_and(|(o, n)| o.starts_with(n.as_encoded_bytes()));
        let by_file = target.as_ref().is_some_and(|t| {
            let own = [
                path.clone(),
                store.clone(),
                crate::store::journal::path_for(&store),
                crate::store::lock::path_for(&store),
            ];
            own.iter().any(|p| guard::is_same_file(t, p))
        });
        if by_name || by_file {
            let rules = guard::Rules {
                article: Some(&path),
                replace,
                follow_links: true,
                store: Some(&store),
            };
            guard::check(output, rules)?;
            guard::check_spares_store(output, &store)?;
        }
    }
    Ok(())
}

/// A path as the tables and messages name it.
pub fn display(path: &Path) -> String {
    crate::article::bounded::display_name(path)
}
