//! The command line (README, "Command line"): parsing and dispatch only.

mod agree;
mod article;
mod corpus;
mod git_setup;
mod input;
mod output;
mod team;
mod usage;

use crate::article::Article;
use crate::config::Config;
use crate::export::Format;
use crate::store::OpenOptions;
use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub(crate) use input::store_options;
pub use input::{MAX_PARTIES_BYTES, article_source, load_article, read_parties};
use output::{refused, warn, warn_article, write_text_stdout};
pub use usage::error_text;

/// A terminal reader for news articles: who said what, for which side.
#[derive(Debug, Parser)]
#[command(name = "parley", version, about, long_about = None)]
pub struct Cli {
    /// The article to read (a text file, a web page, Markdown, or - for standard input),
    /// or a folder of articles to list; if omitted, standard input when it is not a
    /// terminal, else the bundled article.
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
    Export(ExportArgs),
    /// Validate the store against the article (exit 1 when it has problems).
    Check {
        /// The article (a text file, a web page, Markdown, or - for standard input); if
        /// omitted, standard input when it is not a terminal, else the bundled article.
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
        /// The article (a text file, a web page, Markdown, or - for standard input); if
        /// omitted, standard input when it is not a terminal, else the bundled article.
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

/// `parley export`'s arguments.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The article (a text file, a web page, Markdown, or - for standard input); if
    /// omitted, standard input when it is not a terminal, else the bundled article. Folders or several files: a corpus.
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    /// The output format (default: the --output file's extension, else toml for an
    /// article and csv for a corpus).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Of a corpus: one row per article, with its status and counts.
    #[arg(long = "articles")]
    pub article_rows: bool,
    /// Write to this file (atomically) instead of standard output (- is standard
    /// output); never the article, only a regular file, and an existing one only with
    /// --force.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Include rejected suggestions.
    #[arg(long)]
    pub all: bool,
}

// `--format`'s values, their help and the errors that name them come from the one
// declaration of the export formats
impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()).help(self.description()))
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

/// Exit code of `check` when the store has problems.
pub const EXIT_PROBLEMS: u8 = 1;

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
        None => read(cli, config),
        Some(Command::Print {
            article,
            width,
            color,
            parties,
        }) => print(
            article.as_deref(),
            parties.as_deref(),
            width,
            color,
            cli.store,
            config,
        ),
        Some(Command::Text { article }) => article::text(article.as_deref(), &config),
        Some(Command::Stats { paths, json }) => corpus::stats(&paths, json, &config),
        Some(Command::Detect {
            articles,
            parties,
            save,
        }) => detect(&articles, parties.as_deref(), save, &config),
        Some(Command::Export(args)) => export(args, cli.store, &config),
        Some(Command::Agree(args)) => agree::run(&args, &config),
        Some(Command::Merge(args)) => team::merge(&args, &config),
        Some(Command::Diff(args)) => team::diff_stores(&args, &config),
        Some(Command::GitSetup) => git_setup::run(),
        Some(Command::Check { article }) => article::check(article.as_deref(), cli.store, &config),
    }
}

/// `parley print`: the article wrapped and highlighted, the sides of `--parties` for
/// an article without a store.
fn print(
    article: Option<&Path>,
    parties: Option<&Path>,
    width: Option<u16>,
    color: ColorChoice,
    store: Option<PathBuf>,
    mut config: Config,
) -> Result<ExitCode> {
    if let Some(path) = parties {
        config.parties = read_parties(path)?;
    }
    let article = load_article(article, &config)?;
    article::print(&article, &config, store, width, color)
}

/// `parley detect`: one article's annotations printed, or with `--save` a store
/// written for each article of a corpus.
fn detect(
    articles: &[PathBuf],
    parties: Option<&Path>,
    save: bool,
    config: &Config,
) -> Result<ExitCode> {
    let parties = match parties {
        Some(path) => Some(read_parties(path)?),
        None if !config.parties.is_empty() => Some(config.parties.clone()),
        None => None,
    };
    if save {
        if articles.is_empty() {
            anyhow::bail!("detect --save needs the folders or files to annotate");
        }
        return corpus::detect_save(articles, parties, config);
    }
    if crate::corpus::names_a_corpus(articles) {
        anyhow::bail!(
            "detect prints one article's annotations; pass --save to write a store for each article of a corpus"
        );
    }
    article::detect(articles.first().map(PathBuf::as_path), parties, config)
}

/// `parley export`: one article's annotations, or a corpus's table.
fn export(args: ExportArgs, store: Option<PathBuf>, config: &Config) -> Result<ExitCode> {
    let ExportArgs {
        articles,
        format,
        article_rows,
        output,
        force,
        all,
    } = args;
    // `-o -` is standard output, as `-` is standard input for the article
    let output = output.filter(|p| p.as_os_str() != "-");
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
        return corpus::export(&articles, request, config);
    }
    let request = article::ExportRequest {
        format,
        output,
        force,
        all,
        store,
    };
    article::export(articles.first().map(PathBuf::as_path), request, config)
}

/// `parley [ARTICLE | DIR]`: the reader, on a terminal; else the article printed.
fn read(cli: Cli, mut config: Config) -> Result<ExitCode> {
    if let Some(path) = &cli.parties {
        config.parties = read_parties(path)?;
    }
    if let Some(dir) = cli.article.as_deref().filter(|p| p.is_dir()) {
        return corpus::read(dir, cli.store.is_some(), config, cli.color);
    }
    if !std::io::stdout().is_terminal() {
        // like less: not a terminal, so print instead of taking over the screen
        let article = load_article(cli.article.as_deref(), &config)?;
        return article::print(&article, &config, cli.store, None, cli.color);
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
