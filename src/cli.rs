//! The command line (README, "Command line"): parsing and dispatch only.

mod corpus;

use crate::article::bounded::Kinds;
use crate::article::{Article, Source};
use crate::config::Config;
use crate::model::Party;
use crate::store::{OpenOptions, Store, guard};
use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod agree;
mod agree_text;
mod git_setup;
mod team;
mod usage;

pub use usage::error_text;

/// A terminal reader for news articles: who said what, for which side.
#[derive(Debug, Parser)]
#[command(name = "parley", version, about, long_about = None)]
pub struct Cli {
    /// The article to read (a text file, or - for standard input); if omitted, standard
    /// input when it is not a terminal, else the bundled article.
    #[arg(value_name = "ARTICLE")]
    pub article: Option<PathBuf>,

    /// Where the annotation store is (default: beside the article, ARTICLE.parley.toml).
    #[arg(long, global = true, value_name = "PATH")]
    pub store: Option<PathBuf>,

    /// The configuration file (default: $PARLEY_CONFIG, then the user config directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// A TOML file of [[party]] tables: the reader's sides (a store with others asks first).
    #[arg(long, value_name = "FILE")]
    pub parties: Option<PathBuf>,

    /// Colours in the reader: never keeps every distinction with bold, underline and reverse.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the automatic annotations as TOML on standard output (writes nothing); with
    /// --save, write a store for every article of a corpus that has none.
    Detect {
        /// The article (a text file, a web page, Markdown, or - for standard input); if
        /// omitted, standard input when it is not a terminal, else the bundled article. With --save: folders and files, a corpus.
        #[arg(value_name = "ARTICLE")]
        articles: Vec<PathBuf>,
        /// A TOML file of [[party]] tables fixing the sides (default: the config, else inferred).
        #[arg(long, value_name = "FILE")]
        parties: Option<PathBuf>,
        /// Save a store beside every article that has none (never replaces one).
        #[arg(long)]
        save: bool,
    },
    /// Export the annotations (the store, or the automatic ones when there is none); of a
    /// folder or several files, one table of every store's annotations.
    Export {
        /// The article (a text file, a web page, Markdown, or - for standard input); if
        /// omitted, standard input when it is not a terminal, else the bundled article. Folders or several files: a corpus.
        #[arg(value_name = "ARTICLE")]
        articles: Vec<PathBuf>,
        /// The output format (default: the --output file's extension, else toml for an
        /// article and csv for a corpus).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Of a corpus: one row per article, with its status and counts.
        #[arg(long = "articles")]
        article_rows: bool,
        /// Write to this file (atomically) instead of standard output; never the
        /// article, only a regular file, and an existing one only with --force.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the --output file if it exists.
        #[arg(long)]
        force: bool,
        /// Include rejected suggestions.
        #[arg(long)]
        all: bool,
    },
    /// Validate the store against the article (exit 1 when it has problems).
    Check {
        /// The article (a text file, or - for standard input); if omitted, standard input when
        /// it is not a terminal, else the bundled article.
        article: Option<PathBuf>,
    },
    /// Per side across a corpus: quotes, positions, speakers, and the most quoted.
    Stats {
        /// Folders and files.
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// As JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Print the article's text exactly as parley reads it: the text every offset counts in.
    Text {
        /// The article (a text file, a web page, Markdown, or - for standard input).
        article: Option<PathBuf>,
    },
    /// Print the article wrapped to a width, highlighted, for pipes and pagers.
    Print {
        /// The article (a text file, or - for standard input); if omitted, standard input when
        /// it is not a terminal, else the bundled article.
        article: Option<PathBuf>,
        /// Columns to wrap to (default: the terminal's width, or 80).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
        /// When to use colour.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// A TOML file of [[party]] tables: the sides of an article without a store.
        #[arg(long, value_name = "FILE")]
        parties: Option<PathBuf>,
    },
    /// How far two annotators agree: two stores of one article, or two folders of stores.
    Agree(agree::AgreeArgs),
    /// Merge two stores three ways, as git's merge driver (exit 1 when conflicts are left).
    Merge(team::MergeArgs),
    /// What differs between two stores of one article (exit 1 when they differ).
    Diff(team::DiffArgs),
    /// Declare parley's merge driver for *.parley.toml in this git repository.
    GitSetup,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The store schema.
    Toml,
    /// W3C Web Annotations (of a corpus: an array of rows).
    Json,
    /// One row per quote or position.
    Csv,
    /// A readable brief.
    Markdown,
    /// One JSON object per line, a row per quote or position.
    Jsonl,
}

impl Format {
    /// The format an output file's name asks for (`out.json`, `brief.md`).
    pub fn of_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "toml" => Format::Toml,
            "json" | "jsonld" => Format::Json,
            "csv" => Format::Csv,
            "md" | "markdown" => Format::Markdown,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => return None,
        })
    }

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Toml => "toml",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Jsonl => "jsonl",
        }
    }
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

impl ColorChoice {
    /// Whether the reader draws in colour.
    fn in_reader(self) -> bool {
        match self {
            ColorChoice::Auto => crate::tui::theme::color_allowed(),
            ColorChoice::Always => true,
            ColorChoice::Never => false,
        }
    }
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
    let _ = writeln!(
        std::io::stderr(),
        "parley: {}",
        crate::article::sanitize_inline(&one_line(e))
    );
}

/// An error and its causes joined by ": ", each said once: a cause whose text its
/// parent already ends with (an error that both prints and chains its source) is
/// left out.
pub fn one_line(e: &anyhow::Error) -> String {
    let mut msg = String::new();
    for cause in e.chain().map(ToString::to_string) {
        if !msg.ends_with(&cause) {
            if !msg.is_empty() {
                msg.push_str(": ");
            }
            msg.push_str(&cause);
        }
    }
    msg
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    let config = Config::load(cli.config.as_deref())?;
    match cli.command {
        None => {
            let mut config = config;
            if let Some(path) = &cli.parties {
                config.parties = read_parties(path)?;
            }
            if let Some(dir) = cli.article.as_deref().filter(|p| p.is_dir()) {
                return corpus::read(dir, cli.store.is_some(), config, cli.color);
            }
            if !std::io::stdout().is_terminal() {
                // like less: not a terminal, so print instead of taking over the screen
                let article = load_article(cli.article.as_deref(), &config)?;
                return print_article(&article, &config, cli.store, None, cli.color);
            }
            let opening = Article::load_head(
                article_source(cli.article.as_deref()),
                config.limits.max_article_bytes,
            )?;
            let options = OpenOptions {
                inspect: false,
                ..store_options(cli.store, &config)
            };
            let exit = crate::tui::run(opening, config, options, cli.color.in_reader())?;
            Ok(ExitCode::from(exit.0))
        }
        Some(Command::Print {
            article,
            width,
            color,
            parties,
        }) => {
            let mut config = config;
            if let Some(path) = &parties {
                config.parties = read_parties(path)?;
            }
            let article = load_article(article.as_deref(), &config)?;
            print_article(&article, &config, cli.store, width, color)
        }
        Some(Command::Text { article }) => {
            let article = load_article(article.as_deref(), &config)?;
            warn_article(&article);
            write_stdout(article.text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Stats { paths, json }) => corpus::stats(&paths, json, &config),
        Some(Command::Detect {
            articles,
            parties,
            save,
        }) => {
            let parties = match parties {
                Some(path) => Some(read_parties(&path)?),
                None if !config.parties.is_empty() => Some(config.parties.clone()),
                None => None,
            };
            if save {
                if articles.is_empty() {
                    anyhow::bail!("detect --save needs the folders or files to annotate");
                }
                return corpus::detect_save(&articles, parties, &config);
            }
            if crate::corpus::names_a_corpus(&articles) {
                anyhow::bail!(
                    "detect prints one article's annotations; pass --save to write a store for each article of a corpus"
                );
            }
            let article = load_article(articles.first().map(PathBuf::as_path), &config)?;
            warn_article(&article);
            let mut found = crate::detect::detect(&article, parties.as_deref());
            stream_stdout(|out| crate::store::schema::write_toml(&mut found, out))
                .context("cannot write the annotations as TOML")?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            articles,
            format,
            article_rows,
            output,
            force,
            all,
        }) => {
            if article_rows || crate::corpus::names_a_corpus(&articles) {
                let request = corpus::TableRequest {
                    format: corpus::table_format(format, output.as_deref())?,
                    rows: if article_rows {
                        crate::corpus::Rows::Articles
                    } else {
                        crate::corpus::Rows::Annotations { all }
                    },
                    output,
                    force,
                };
                return corpus::export(&articles, request, &config);
            }
            let format = format
                .or_else(|| output.as_deref().and_then(Format::of_extension))
                .unwrap_or(Format::Toml);
            let article = load_article(articles.first().map(PathBuf::as_path), &config)?;
            let store_file = crate::store::store_path(&article, cli.store.as_deref());
            let rules = guard::Rules {
                article: article_file(&article),
                replace: force,
                follow_links: true,
                store: store_file.as_deref(),
            };
            // refused before the work, so a mistyped -o costs nothing
            if let Some(path) = &output {
                guard::check(path, rules).map_err(refused)?;
            }
            let store = Store::load(&article, &store_options(cli.store, &config))?;
            warn(store.notices());
            let text = match format {
                Format::Jsonl => one_table(&article, &store, all)?,
                _ => crate::export::export(store.annotations(), store.text(), format.into(), all)
                    .context("cannot write the annotations as TOML")?,
            };
            match output {
                Some(path) => guard::write(&path, text.as_bytes(), rules).map_err(refused)?,
                None => write_text_stdout(&text)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Agree(args)) => agree::run(&args, &config),
        Some(Command::Merge(args)) => team::merge(&args, &config),
        Some(Command::Diff(args)) => team::diff_stores(&args, &config),
        Some(Command::GitSetup) => git_setup::run(),
        Some(Command::Check { article }) => {
            let article = load_article(article.as_deref(), &config)?;
            let report = crate::store::check::check(&article, &store_options(cli.store, &config))?;
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
    }
}

/// The article's file, when it is one (the file no output may replace).
fn article_file(article: &Article) -> Option<&Path> {
    match &article.source {
        Source::File(p) => Some(p),
        Source::Bundled | Source::Stdin => None,
    }
}

/// A refused write as one line, with the way out for the command line.
fn refused(e: guard::Refused) -> anyhow::Error {
    match e {
        guard::Refused::Exists(path) => {
            anyhow::anyhow!("{path}: already exists; pass --force to replace it")
        }
        other => other.into(),
    }
}

/// Said when the sides given are not those of the store printed.
const STORE_HAS_ITS_SIDES: &str = "the store has sides of its own, which are printed; the sides given are for an article without a store (the reader offers to apply them)";

/// Exit code of `check` when the store has problems.
pub const EXIT_PROBLEMS: u8 = 1;

/// How the commands open a store: `--store`, the size limit, the configured sides, and
/// never a change on disk.
pub(crate) fn store_options(store: Option<PathBuf>, config: &Config) -> OpenOptions {
    OpenOptions {
        store,
        max_bytes: config.limits.max_store_bytes,
        parties: (!config.parties.is_empty()).then(|| config.parties.clone()),
        inspect: true,
        suggest: Some(crate::detect::detect_with_progress),
    }
}

/// Says on standard error what loading the article changed or found (an empty file).
fn warn_article(article: &Article) {
    for w in &article.warnings {
        let _ = writeln!(std::io::stderr(), "parley: {}: {w}", article.source);
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
            // one article's table is made by `one_table`
            Format::Jsonl => crate::export::Format::Json,
        }
    }
}

/// One article's annotations as the corpus table's JSON Lines.
fn one_table(article: &Article, store: &Store, all: bool) -> Result<String> {
    use crate::export::table::{ANNOTATION_COLUMNS, ArticleRef, TableFormat, TableWriter};
    let name = article.source.to_string();
    let reference = ArticleRef {
        path: &name,
        title: article.title(),
        sha256: article.sha256(),
    };
    let mut table = TableWriter::new(Vec::new(), TableFormat::Jsonl, &ANNOTATION_COLUMNS)?;
    table.annotations(reference, store.annotations(), store.text(), all)?;
    Ok(String::from_utf8(table.finish()?)?)
}

/// Loads the article named on the command line, with the configured size limit.
pub fn load_article(arg: Option<&Path>, config: &Config) -> Result<Article> {
    let article = Article::load(article_source(arg), config.limits.max_article_bytes)?;
    Ok(article)
}

/// The source for the ARTICLE argument: with none, standard input when it is not a
/// terminal — a pipe, a file, or a device such as `/dev/null` (`parley < /dev/null`
/// reads the empty input, as `less` does) — else the bundled article.
pub fn article_source(arg: Option<&Path>) -> Source {
    if arg.is_none() && stdin_is_input() {
        return Source::Stdin;
    }
    Source::from_arg(arg)
}

/// Whether standard input is open and not a terminal.
fn stdin_is_input() -> bool {
    use std::os::fd::AsFd;
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    // a closed standard input gives nothing to read
    stdin.as_fd().try_clone_to_owned().is_ok()
}

/// The largest `--parties` file read: far more sides than any story has.
pub const MAX_PARTIES_BYTES: u64 = 1 << 20;

/// Reads a `--parties` file: a TOML document of `[[party]]` tables.
pub fn read_parties(path: &Path) -> Result<Vec<Party>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct PartiesFile {
        #[serde(default)]
        party: Vec<Party>,
    }
    let name = crate::article::sanitize_inline(&path.display().to_string());
    let bytes = crate::article::bounded::read_file(path, MAX_PARTIES_BYTES, Kinds::AnyReadable)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{name}: the parties file is not valid UTF-8"))?;
    let file: PartiesFile = toml::from_str(&text).map_err(|e| {
        let (line, col) = e
            .span()
            .map_or((1, 1), |s| crate::article::line_column(&text, s.start));
        anyhow::anyhow!("{name}:{line}:{col}: {}", e.message().trim())
    })?;
    if file.party.is_empty() {
        anyhow::bail!("{name}: no [[party]] tables in the parties file");
    }
    crate::model::check_party_ids(&file.party).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    Ok(file.party)
}

fn print_article(
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

/// Writes to standard output; a closed pipe (`parley print | head`) is not an error.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    stream_stdout(|out| out.write_all(bytes))
}

/// Writes an export or report to standard output. The formats escape control
/// characters their own way; on a terminal each line is also cleaned as `print` and
/// the reader clean text, so nothing in a store or a config can drive the terminal.
fn write_text_stdout(text: &str) -> Result<()> {
    if io::stdout().is_terminal() {
        return write_stdout(terminal_safe(text).as_bytes());
    }
    write_stdout(text.as_bytes())
}

/// Text cleaned line by line for a terminal: escapes removed, controls shown as
/// placeholders, bidi controls dropped; line breaks kept.
fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n');
        out.push_str(&crate::article::sanitize_inline(body.unwrap_or(line)));
        if body.is_some() {
            out.push('\n');
        }
    }
    out
}

/// Lets `write` stream into buffered standard output; a closed pipe is not an error.
fn stream_stdout(write: impl FnOnce(&mut BufWriter<StdoutLock>) -> io::Result<()>) -> Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
