//! One article's commands: `detect` (printed), `export`, `print`, `text` and `check`.

use super::input::{load_article, store_options};
use super::output::{refused, stream_stdout, warn, warn_article, write_stdout, write_text_stdout};
use super::{ColorChoice, EXIT_PROBLEMS};
use crate::article::{Article, Source};
use crate::config::Config;
use crate::export::Format;
use crate::export::table::ArticleRef;
use crate::model::Party;
use crate::store::{Store, guard};
use anyhow::{Context, Result};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `parley detect [ARTICLE]`: the automatic annotations as TOML on standard output.
pub fn detect(
    arg: Option<&Path>,
    parties: Option<Vec<Party>>,
    config: &Config,
) -> Result<ExitCode> {
    // the detector's tables are built on another core while the article loads
    let inferring = parties.is_none();
    std::thread::spawn(move || crate::detect::build_tables(inferring));
    let article = load_article(arg, config)?;
    warn_article(&article);
    let mut found = crate::detect::detect(&article, parties.as_deref());
    stream_stdout(|out| crate::store::schema::write_toml(&mut found, out))
        .context("cannot write the annotations as TOML")?;
    Ok(ExitCode::SUCCESS)
}

/// `parley text [ARTICLE]`: the text every offset counts in.
pub fn text(arg: Option<&Path>, config: &Config) -> Result<ExitCode> {
    let article = load_article(arg, config)?;
    warn_article(&article);
    write_stdout(article.text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// What `export` of one article was asked for.
#[derive(Debug)]
pub struct ExportRequest {
    /// `--format`, else the output file's extension, else TOML.
    pub format: Option<Format>,
    /// `-o FILE`, else standard output.
    pub output: Option<PathBuf>,
    /// Replace an existing output file.
    pub force: bool,
    /// Include rejected suggestions.
    pub all: bool,
    /// `--store`.
    pub store: Option<PathBuf>,
}

/// `parley export [ARTICLE]`: the store's annotations (or the automatic ones).
pub fn export(arg: Option<&Path>, request: ExportRequest, config: &Config) -> Result<ExitCode> {
    let ExportRequest {
        format,
        output,
        force,
        all,
        store,
    } = request;
    let format = format
        .or_else(|| output.as_deref().and_then(Format::of_extension))
        .unwrap_or(Format::Toml);
    let article = load_article(arg, config)?;
    let store_file = crate::store::store_path(&article, store.as_deref());
    let rules = guard::Rules {
        article: article_file(&article),
        replace: force,
        follow_links: true,
        store: store_file.as_deref(),
    };
    // refused before the work, so a mistyped -o costs nothing
    if let Some(path) = &output {
        guard::check(path, rules).map_err(refused)?;
        let beside = article_file(&article).map(crate::store::store_beside);
        for store in store_file.iter().chain(&beside) {
            guard::check_spares_store(path, store).map_err(refused)?;
        }
    }
    let opened = Store::load(&article, &store_options(store, config))?;
    warn(opened.notices());
    let name = article.source.to_string();
    let reference = ArticleRef {
        path: &name,
        title: article.title(),
        sha256: article.sha256(),
    };
    let text =
        crate::export::export_article(reference, opened.annotations(), opened.text(), format, all)
            .with_context(|| format!("cannot write the annotations as {}", format.name()))?;
    match output {
        Some(path) => guard::write(&path, text.as_bytes(), rules).map_err(refused)?,
        None => write_text_stdout(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `parley check [ARTICLE]`: the store's problems, one a line (exit 1 when any).
pub fn check(arg: Option<&Path>, store: Option<PathBuf>, config: &Config) -> Result<ExitCode> {
    let article = load_article(arg, config)?;
    let report = crate::store::check::check(&article, &store_options(store, config))?;
    warn(&report.notes);
    let mut out = String::new();
    for p in &report.problems {
        out.push_str(p);
        out.push('\n');
    }
    write_text_stdout(&out)?;
    Ok(if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PROBLEMS)
    })
}

/// The article's file, when it is one (the file no output may replace).
fn article_file(article: &Article) -> Option<&Path> {
    match &article.source {
        Source::File(p) => Some(p),
        Source::Bundled | Source::Stdin => None,
    }
}

/// Said when the sides given are not those of the store printed.
const STORE_HAS_ITS_SIDES: &str = "the store has sides of its own, which are printed; the sides given are for an article without a store (the reader offers to apply them)";

/// `parley print`, and `parley ARTICLE` when standard output is not a terminal.
pub fn print(
    article: &Article,
    config: &Config,
    store: Option<PathBuf>,
    width: Option<u16>,
    color: ColorChoice,
) -> Result<ExitCode> {
    warn_article(article);
    let width = width.map(usize::from).unwrap_or_else(terminal_width);
    let styles = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && crate::tui::theme::color_allowed(),
    };
    // the store's annotations when there is one (journal applied, re-anchored), else
    // the automatic ones; a broken store is reported and the automatic ones are shown
    let opened = Store::open(article, &store_options(store, config));
    warn(opened.notices());
    if !config.parties.is_empty()
        && opened.exists_on_disk()
        && opened.annotations().parties != config.parties
    {
        warn(&[STORE_HAS_ITS_SIDES.to_string()]);
    }
    let ann = opened.annotations();
    let mut buf = Vec::new();
    crate::tui::print::print(article, ann, config, width, styles, &mut buf)?;
    write_stdout(&buf)?;
    Ok(ExitCode::SUCCESS)
}

/// The terminal's width when standard output is one, else 80.
fn terminal_width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = crossterm::terminal::size()
        && w > 0
    {
        return usize::from(w);
    }
    80
}
