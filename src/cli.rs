//! The command line (README, "Command line"): parsing and dispatch only.

use crate::article::{Article, Source};
use crate::config::Config;
use crate::model::Party;
use crate::store::{OpenOptions, Store};
use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A terminal reader for news articles: who said what, for which side.
#[derive(Debug, Parser)]
#[command(name = "parley", version, about, long_about = None)]
pub struct Cli {
    /// The article to read (a text file, or - for standard input); the bundled one if omitted.
    #[arg(value_name = "ARTICLE")]
    pub article: Option<PathBuf>,

    /// Where the annotation store is (default: beside the article, ARTICLE.parley.toml).
    #[arg(long, global = true, value_name = "PATH")]
    pub store: Option<PathBuf>,

    /// The configuration file (default: $PARLEY_CONFIG, then the user config directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Colours in the reader: never keeps every distinction with bold, underline and reverse.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the automatic annotations as TOML on standard output (writes nothing).
    Detect {
        /// The article (a text file, or - for standard input); the bundled one if omitted.
        article: Option<PathBuf>,
        /// A TOML file of [[party]] tables fixing the sides (default: the config, else inferred).
        #[arg(long, value_name = "FILE")]
        parties: Option<PathBuf>,
    },
    /// Export the annotations (the store, or the automatic ones when there is none).
    Export {
        /// The article (a text file, or - for standard input); the bundled one if omitted.
        article: Option<PathBuf>,
        /// The output format.
        #[arg(long, value_enum, default_value_t = Format::Toml)]
        format: Format,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Include rejected suggestions.
        #[arg(long)]
        all: bool,
    },
    /// Validate the store against the article (exit 1 when it has problems).
    Check {
        /// The article (a text file, or - for standard input); the bundled one if omitted.
        article: Option<PathBuf>,
    },
    /// Print the article wrapped to a width, highlighted, for pipes and pagers.
    Print {
        /// The article (a text file, or - for standard input); the bundled one if omitted.
        article: Option<PathBuf>,
        /// Columns to wrap to (default: the terminal's width, or 80).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
        /// When to use colour.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The store schema.
    Toml,
    /// W3C Web Annotations.
    Json,
    /// One row per quote or position.
    Csv,
    /// A readable brief.
    Markdown,
}

/// Whether to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Exit code for bad usage or unreadable input.
pub const EXIT_USAGE: u8 = 2;

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            report(&e);
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Prints an error as one line on standard error.
pub fn report(e: &anyhow::Error) {
    let msg = e
        .chain()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(": ");
    let _ = writeln!(
        std::io::stderr(),
        "parley: {}",
        crate::article::sanitize_inline(&msg)
    );
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    let config = Config::load(cli.config.as_deref())?;
    match cli.command {
        None => {
            if !std::io::stdout().is_terminal() {
                // like less: not a terminal, so print instead of taking over the screen
                let article = load_article(cli.article.as_deref(), &config)?;
                return print_article(&article, &config, cli.store, None, cli.color);
            }
            let opening = Article::load_head(
                Source::from_arg(cli.article.as_deref()),
                config.limits.max_article_bytes,
            )?;
            let options = OpenOptions {
                inspect: false,
                ..store_options(cli.store, &config)
            };
            let color = match cli.color {
                ColorChoice::Auto => crate::tui::theme::color_allowed(),
                ColorChoice::Always => true,
                ColorChoice::Never => false,
            };
            let exit = crate::tui::run(opening, config, options, color)?;
            Ok(ExitCode::from(exit.0))
        }
        Some(Command::Print {
            article,
            width,
            color,
        }) => {
            let article = load_article(article.as_deref(), &config)?;
            print_article(&article, &config, cli.store, width, color)
        }
        Some(Command::Detect { article, parties }) => {
            let article = load_article(article.as_deref(), &config)?;
            let parties = match parties {
                Some(path) => Some(read_parties(&path)?),
                None if !config.parties.is_empty() => Some(config.parties.clone()),
                None => None,
            };
            let mut found = crate::detect::detect(&article, parties.as_deref());
            stream_stdout(|out| crate::store::schema::write_toml(&mut found, out))
                .context("cannot write the annotations as TOML")?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            article,
            format,
            output,
            all,
        }) => {
            let article = load_article(article.as_deref(), &config)?;
            let store = Store::load(&article, &store_options(cli.store, &config))?;
            warn(store.notices());
            let text = crate::export::export(store.annotations(), store.text(), format.into(), all)
                .context("cannot write the annotations as TOML")?;
            match output {
                Some(path) => crate::store::fsio::write_atomic(&path, text.as_bytes())
                    .with_context(|| {
                        format!(
                            "{}: cannot write the export",
                            crate::article::sanitize_inline(&path.display().to_string())
                        )
                    })?,
                None => write_stdout(text.as_bytes())?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { article }) => {
            let article = load_article(article.as_deref(), &config)?;
            let report = crate::store::check::check(&article, &store_options(cli.store, &config))?;
            warn(&report.notes);
            let mut out = String::new();
            for p in &report.problems {
                out.push_str(p);
                out.push('\n');
            }
            write_stdout(out.as_bytes())?;
            Ok(if report.problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(EXIT_PROBLEMS)
            })
        }
    }
}

/// Exit code of `check` when the store has problems.
pub const EXIT_PROBLEMS: u8 = 1;

/// How the commands open a store: `--store`, the size limit, the configured sides, and
/// never a change on disk.
fn store_options(store: Option<PathBuf>, config: &Config) -> OpenOptions {
    OpenOptions {
        store,
        max_bytes: config.limits.max_store_bytes,
        parties: (!config.parties.is_empty()).then(|| config.parties.clone()),
        inspect: true,
        suggest: Some(crate::detect::detect_with_progress),
    }
}

/// Prints notes on standard error, one line each.
fn warn(notes: &[String]) {
    for n in notes {
        let _ = writeln!(
            std::io::stderr(),
            "parley: {}",
            crate::article::sanitize_inline(n)
        );
    }
}

impl From<Format> for crate::export::Format {
    fn from(f: Format) -> crate::export::Format {
        match f {
            Format::Toml => crate::export::Format::Toml,
            Format::Json => crate::export::Format::Json,
            Format::Csv => crate::export::Format::Csv,
            Format::Markdown => crate::export::Format::Markdown,
        }
    }
}

/// Loads the article named on the command line, with the configured size limit.
pub fn load_article(arg: Option<&Path>, config: &Config) -> Result<Article> {
    Ok(Article::load(
        Source::from_arg(arg),
        config.limits.max_article_bytes,
    )?)
}

/// Reads a `--parties` file: a TOML document of `[[party]]` tables.
pub fn read_parties(path: &Path) -> Result<Vec<Party>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct PartiesFile {
        #[serde(default)]
        party: Vec<Party>,
    }
    let name = crate::article::sanitize_inline(&path.display().to_string());
    let text = std::fs::read_to_string(path).with_context(|| format!("{name}: cannot read"))?;
    let file: PartiesFile = toml::from_str(&text).map_err(|e| {
        let (line, col) = e
            .span()
            .map_or((1, 1), |s| crate::article::line_column(&text, s.start));
        anyhow::anyhow!("{name}:{line}:{col}: {}", e.message().trim())
    })?;
    if file.party.is_empty() {
        anyhow::bail!("{name}: no [[party]] tables in the parties file");
    }
    Ok(file.party)
}

fn print_article(
    article: &Article,
    config: &Config,
    store: Option<PathBuf>,
    width: Option<u16>,
    color: ColorChoice,
) -> Result<ExitCode> {
    for w in &article.warnings {
        let _ = writeln!(std::io::stderr(), "parley: {}: {w}", article.source);
    }
    let width = width.map(usize::from).unwrap_or_else(terminal_width);
    let styles = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && crate::tui::theme::color_allowed(),
    };
    // the store's annotations when there is one (journal applied, re-anchored), else
    // the automatic ones; a broken store is reported and the automatic ones are shown
    let ann = if styles {
        let opened = Store::open(article, &store_options(store, config));
        warn(opened.notices());
        opened.annotations().clone()
    } else {
        crate::model::Annotations::new(crate::model::ArticleInfo::default())
    };
    let mut buf = Vec::new();
    crate::tui::print::print(article, &ann, config, width, styles, &mut buf)?;
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

/// Writes to standard output; a closed pipe (`parley print | head`) is not an error.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    stream_stdout(|out| out.write_all(bytes))
}

/// Lets `write` stream into buffered standard output; a closed pipe is not an error.
fn stream_stdout(write: impl FnOnce(&mut BufWriter<StdoutLock>) -> io::Result<()>) -> Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
