//! The command line over a corpus (a folder, or several files): `detect --save`,
//! `export` as one table, and `stats`. The work is `crate::corpus`'s; this file
//! parses nothing and draws the progress bar.

use super::{EXIT_USAGE, refused, warn};
use crate::config::Config;
use crate::corpus::{self, Limits, Rows, Saved, Settings};
use crate::export::Format;
use crate::export::table::TableFormat;
use crate::model::Party;
use crate::store::{fsio, guard, owned};
use anyhow::{Context, Result, bail};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The limits of the config, for a corpus run.
fn limits(config: &Config) -> Limits {
    Limits {
        max_article_bytes: config.limits.max_article_bytes,
        max_store_bytes: config.limits.max_store_bytes,
    }
}

/// `parley detect PATHS --save`: a store for every article without one, in
/// parallel, a progress bar on a terminal, and a tally at the end.
pub fn detect_save(
    paths: &[PathBuf],
    parties: Option<Vec<Party>>,
    config: &Config,
) -> Result<ExitCode> {
    let bar = progress_bar(|| corpus::Articles::new(paths).count() as u64);
    let settings = Settings {
        max_article_bytes: config.limits.max_article_bytes,
        parties,
        threads: std::thread::available_parallelism().map_or(1, usize::from),
    };
    let each = |saved: &Saved| {
        if let Saved::Failed(path, why) = saved {
            let line = format!(
                "parley: {}: {}",
                corpus::display(path),
                crate::article::sanitize_inline(why)
            );
            match &bar {
                Some(bar) => bar.suspend(|| eprintln!("{line}")),
                None => eprintln!("{line}"),
            }
        }
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    };
    let tally = corpus::detect_and_save(paths, &settings, &each);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    eprintln!(
        "parley: {} written, {} skipped (a store was there), {} failed",
        tally.written, tally.skipped, tally.failed
    );
    Ok(if tally.failed > 0 {
        ExitCode::from(EXIT_USAGE)
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress bar on standard error when it is a terminal (only then are the articles
/// counted before the work).
fn progress_bar(total: impl FnOnce() -> u64) -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total());
    let style = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} articles  {per_sec}  {eta} left",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

/// `parley DIR`: the reader over a folder's articles, starting from their list.
pub fn read(
    dir: &Path,
    store_given: bool,
    config: Config,
    color: super::ColorChoice,
) -> Result<ExitCode> {
    if store_given {
        bail!("--store names one article's store; a folder's articles each keep their own");
    }
    if !io::stdout().is_terminal() {
        bail!(
            "{}: a folder is read in a terminal; parley export or parley stats give its annotations",
            corpus::display(dir)
        );
    }
    let paths: Vec<PathBuf> = corpus::Articles::new(&[dir.to_path_buf()])
        .filter_map(Result::ok)
        .collect();
    let options = crate::store::OpenOptions {
        inspect: false,
        ..super::store_options(None, &config)
    };
    let mut list = crate::tui::corpus::Corpus::new(dir, paths, options, color.in_reader());
    list.places = crate::tui::session::default_path();
    let exit = crate::tui::run_corpus(list, config)?;
    Ok(ExitCode::from(exit.0))
}

/// What `export` over a corpus was asked for.
#[derive(Debug)]
pub struct TableRequest {
    /// The table's format.
    pub format: TableFormat,
    /// A row per annotation or per article.
    pub rows: Rows,
    /// `-o FILE`, else standard output.
    pub output: Option<PathBuf>,
    /// Replace an existing output file.
    pub force: bool,
}

/// `parley export PATHS`: one table of the whole corpus.
pub fn export(paths: &[PathBuf], request: TableRequest, config: &Config) -> Result<ExitCode> {
    let limits = limits(config);
    let mut problems = 0usize;
    let mut problem = |line: String| {
        problems += 1;
        warn(&[line]);
    };
    let mut table = |out: &mut dyn Write| {
        corpus::export_table(
            paths,
            limits,
            request.rows,
            request.format,
            out,
            &mut problem,
        )
    };
    match &request.output {
        None => match table(&mut BufWriter::with_capacity(1 << 16, io::stdout().lock())) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
            other => {
                other.context("cannot write the table")?;
            }
        },
        Some(path) => {
            let rules = guard::Rules {
                article: None,
                replace: request.force,
                follow_links: true,
                store: None,
            };
            let spared = |p: &Path| {
                guard::check(p, rules)?;
                corpus::check_output(paths, p, request.force)
            };
            spared(path).map_err(refused)?;
            let rows = write_replacing(path, &spared, |out| table(out))?;
            eprintln!(
                "parley: {} written to {}",
                crate::tui::strings::counted(rows, "row"),
                corpus::display(path)
            );
        }
    }
    Ok(if problems > 0 {
        ExitCode::from(EXIT_USAGE)
    } else {
        ExitCode::SUCCESS
    })
}

/// Streams into a temporary file beside `path`, then renames it into place, so a
/// table of any size is written in bounded memory and appears whole or not at all.
/// The temporary file is made new under a name no other write uses, and only that
/// file is ever removed: whatever else is at such a name is left alone.
fn write_replacing<T>(
    path: &Path,
    spared: &dyn Fn(&Path) -> Result<(), guard::Refused>,
    write: impl FnOnce(&mut BufWriter<std::fs::File>) -> io::Result<T>,
) -> Result<T> {
    let dir = corpus::folder_of(path);
    let shown = corpus::display(path);
    let (temp, file) =
        fsio::create_temp_beside(path).with_context(|| format!("cannot write {shown}"))?;
    let result = (|| {
        let mut out = BufWriter::with_capacity(1 << 16, file.try_clone()?);
        let value = write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        Ok::<T, io::Error>(value)
    })();
    let value = match result {
        Ok(v) => v,
        Err(e) => {
            let _ = owned::remove(&temp, &file);
            return Err(e).with_context(|| format!("cannot write {shown}"));
        }
    };
    // checked again: the file may have appeared while the table was made
    if let Err(e) = spared(path) {
        let _ = owned::remove(&temp, &file);
        return Err(refused(e));
    }
    std::fs::rename(&temp, path).with_context(|| format!("cannot write {shown}"))?;
    fsio::sync_dir(dir).with_context(|| format!("cannot write {shown}"))?;
    Ok(value)
}

/// `parley stats PATHS`: per side, quotes, positions and speakers, and who is quoted
/// most; `--json` for scripts.
pub fn stats(paths: &[PathBuf], json: bool, config: &Config) -> Result<ExitCode> {
    let mut problem = |line: String| warn(&[line]);
    let stats = corpus::gather_stats(paths, limits(config), &mut problem);
    let sides = stats.sides();
    let text = if json {
        let doc = serde_json::json!({
            "articles": stats.articles,
            "annotated": stats.annotated,
            "sides": sides,
        });
        let mut s = serde_json::to_string_pretty(&doc).context("cannot write the figures")?;
        s.push('\n');
        s
    } else {
        stats_text(&stats, &sides)
    };
    super::write_text_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The figures as a few lines a person reads.
fn stats_text(stats: &corpus::Stats, sides: &[corpus::SideStats]) -> String {
    use crate::tui::strings::counted;
    use std::fmt::Write as _;
    let mut out = format!(
        "{}, {} annotated\n",
        counted(stats.articles, "article"),
        stats.annotated
    );
    if sides.is_empty() {
        out.push_str("no quotes or positions yet (parley detect DIR --save suggests them)\n");
    }
    for s in sides {
        let _ = writeln!(
            out,
            "\n{}: {}, {}, {}",
            crate::article::sanitize_inline(&s.side),
            counted(s.quotes, "quote"),
            counted(s.positions, "position"),
            counted(s.speakers, "speaker")
        );
        for top in &s.top_speakers {
            let _ = writeln!(
                out,
                "  {:>5}  {}",
                top.quotes,
                crate::article::sanitize_inline(&top.name)
            );
        }
    }
    out
}

/// The table format for a corpus: `--format`, else the output file's extension, else CSV.
pub fn table_format(format: Option<Format>, output: Option<&Path>) -> Result<TableFormat> {
    let Some(format) = format.or_else(|| output.and_then(Format::of_extension)) else {
        return Ok(TableFormat::Csv);
    };
    match format.table() {
        Some(table) => Ok(table),
        None => bail!(
            "--format {}: a corpus is exported as {}",
            format.name(),
            Format::table_names()
        ),
    }
}
