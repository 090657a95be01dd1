//! `parley agree A B`: how far two annotators agree, on two stores of one article or
//! on two folders of stores paired by article hash (per article and for the corpus).
//! The figures are `team::agree`'s; this file finds the stores and articles, and
//! `text` says the figures.

pub(super) mod text;

use super::{load_article, warn, warn_article, write_text_stdout};
use crate::article::Article;
use crate::article::bounded::{Kinds, display_name, read_file};
use crate::config::Config;
use crate::store::Store;
use crate::team::agree::{Agreement, Pair, agree};
use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `parley agree`'s arguments.
#[derive(Debug, clap::Args)]
pub struct AgreeArgs {
    /// Annotator A's store (ARTICLE.parley.toml), or a folder of stores.
    pub a: PathBuf,
    /// Annotator B's store of the same article, or a folder of stores.
    pub b: PathBuf,
    /// The article both stores annotate (default: A's or B's name without .parley.toml).
    #[arg(long, value_name = "FILE")]
    pub article: Option<PathBuf>,
    /// Print the figures and disagreements as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The name every store ends with.
pub const STORE_SUFFIX: &str = ".parley.toml";

/// Runs `parley agree`.
pub fn run(args: &AgreeArgs, config: &Config) -> Result<ExitCode> {
    let report = if args.a.is_dir() && args.b.is_dir() {
        corpus(args, config)?
    } else if args.a.is_dir() || args.b.is_dir() {
        bail!("give two stores or two folders of stores, not one of each");
    } else {
        single(args, config)?
    };
    let text = if args.json {
        let mut json = serde_json::to_string_pretty(&report)?;
        json.push('\n');
        json
    } else {
        text::report(&report.all, &report.per_article)
    };
    write_text_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// What `agree` reports: the figures of everything it read, and of each article when
/// it read folders.
#[derive(Debug, serde::Serialize)]
struct Report {
    #[serde(flatten)]
    all: Agreement,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    per_article: Vec<ArticleFigures>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    unpaired: Vec<String>,
}

/// The figures of one article of a corpus.
#[derive(Debug, serde::Serialize)]
pub(super) struct ArticleFigures {
    /// The article's file.
    pub article: String,
    /// Its figures.
    #[serde(flatten)]
    pub figures: Agreement,
}

/// Two stores of one article.
fn single(args: &AgreeArgs, config: &Config) -> Result<Report> {
    let article_path = match &args.article {
        Some(p) => p.clone(),
        None => [&args.a, &args.b]
            .into_iter()
            .find_map(|s| article_beside(s).filter(|p| p.is_file()))
            .with_context(|| {
                format!(
                    "cannot tell which article {} annotates; pass --article FILE",
                    display_name(&args.a)
                )
            })?,
    };
    let article = load_article(Some(&article_path), config)?;
    warn_article(&article);
    let a = open_store(&article, &args.a, config)?;
    let b = open_store(&article, &args.b, config)?;
    let name = display_name(&article_path);
    Ok(Report {
        all: agree(&[pair(&name, &article, &a, &b)]),
        per_article: Vec::new(),
        unpaired: Vec::new(),
    })
}

fn pair<'a>(name: &'a str, article: &'a Article, a: &'a Store, b: &'a Store) -> Pair<'a> {
    Pair {
        name,
        text: &article.text,
        a: a.annotations(),
        b: b.annotations(),
    }
}

/// The article a store beside it annotates: the store's name without `.parley.toml`.
pub fn article_beside(store: &Path) -> Option<PathBuf> {
    let name = store.file_name()?.to_str()?;
    let article = name.strip_suffix(STORE_SUFFIX).filter(|a| !a.is_empty())?;
    Some(store.with_file_name(article))
}

/// A store file read strictly against the article (a journal beside it is read, never
/// changed); a missing file is an error, not an empty set.
pub fn open_store(article: &Article, path: &Path, config: &Config) -> Result<Store> {
    let options = crate::store::OpenOptions {
        store: Some(path.to_path_buf()),
        inspect: true,
        suggest: None,
        parties: None,
        ..super::store_options(None, config)
    };
    let store = Store::load(article, &options)?;
    if !store.exists_on_disk() {
        bail!("{}: no such store", display_name(path));
    }
    warn(store.notices());
    Ok(store)
}

/// Two folders: their stores paired by the hash of the article they annotate.
fn corpus(args: &AgreeArgs, config: &Config) -> Result<Report> {
    let in_a = stores_by_article(&args.a, config)?;
    let mut in_b = stores_by_article(&args.b, config)?;
    let mut unpaired = Vec::new();
    let mut loaded = Vec::new();
    for (hash, a_path) in in_a {
        let Some(b_path) = in_b.remove(&hash) else {
            unpaired.push(format!("only in A: {}", display_name(&a_path)));
            continue;
        };
        let found = [&a_path, &b_path]
            .into_iter()
            .filter_map(|s| article_beside(s))
            .find_map(|p| Some(p.clone()).zip(article_with_hash(&p, &hash, config)));
        let Some((article_path, article)) = found else {
            unpaired.push(format!(
                "no article beside {} or {}",
                display_name(&a_path),
                display_name(&b_path)
            ));
            continue;
        };
        let a = open_store(&article, &a_path, config)?;
        let b = open_store(&article, &b_path, config)?;
        loaded.push((display_name(&article_path), article, a, b));
    }
    unpaired.extend(
        in_b.values()
            .map(|p| format!("only in B: {}", display_name(p))),
    );
    warn(&unpaired);
    if loaded.is_empty() {
        bail!(
            "no article has a store in both {} and {}",
            display_name(&args.a),
            display_name(&args.b)
        );
    }
    // listed by name, as the folder is, not in the order of the hashes that paired them
    loaded.sort_by(|x, y| x.0.cmp(&y.0));
    let pairs: Vec<Pair<'_>> = loaded
        .iter()
        .map(|(name, article, a, b)| pair(name, article, a, b))
        .collect();
    let per_article = pairs
        .iter()
        .map(|p| ArticleFigures {
            article: p.name.to_string(),
            figures: agree(std::slice::from_ref(p)),
        })
        .collect();
    Ok(Report {
        all: agree(&pairs),
        per_article,
        unpaired,
    })
}

/// The article at `path` when it can be read and is the one with this hash.
fn article_with_hash(path: &Path, hash: &str, config: &Config) -> Option<Article> {
    let article = load_article(Some(path), config).ok()?;
    (article.sha256() == hash).then_some(article)
}

/// Every store under `dir` (hidden files and folders left out), keyed by the hash its
/// `[article]` table records; a store that cannot be read is an error.
fn stores_by_article(dir: &Path, config: &Config) -> Result<BTreeMap<String, PathBuf>> {
    let mut found = Vec::new();
    collect_stores(dir, &mut found)?;
    found.sort();
    let mut by_hash = BTreeMap::new();
    for path in found {
        let name = display_name(&path);
        let bytes = read_file(&path, config.limits.max_store_bytes, Kinds::RegularOnly)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| anyhow::anyhow!("{name}: the store is not valid UTF-8"))?;
        let store = crate::store::schema::parse(&text, &name)?;
        if let Some(first) = by_hash.insert(store.article.sha256.clone(), path) {
            bail!(
                "{} and {name} annotate the same article; keep one store per article in a folder",
                display_name(&first)
            );
        }
    }
    Ok(by_hash)
}

fn collect_stores(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let cannot_list = || format!("{}: cannot list the folder", display_name(dir));
    for entry in std::fs::read_dir(dir).with_context(cannot_list)? {
        let entry = entry.with_context(cannot_list)?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') {
            continue;
        }
        let kind = entry.file_type().with_context(cannot_list)?;
        if kind.is_dir() {
            collect_stores(&entry.path(), out)?;
        } else if kind.is_file() && name.ends_with(STORE_SUFFIX) {
            out.push(entry.path());
        }
    }
    Ok(())
}
