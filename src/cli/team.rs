//! `parley merge BASE OURS THEIRS` (git's merge driver) and `parley diff A B`: store
//! files read as they are, with no article needed (the stores carry their texts).

use super::agree::text::excerpt;
use super::{EXIT_PROBLEMS, warn, write_text_stdout};
use crate::article::bounded::{Kinds, display_name, read_file};
use crate::config::Config;
use crate::model::{Annotations, ArticleInfo};
use crate::store::guard;
use crate::store::schema;
use crate::store::validate::{self, Locator};
use crate::team::diff::{Change, Entry, diff};
use anyhow::{Result, anyhow};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `parley merge`'s arguments: git's `%O %A %B`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The common ancestor's store (git's %O; an empty file when there is none).
    pub base: PathBuf,
    /// Our store (git's %A): the merged store is written here, atomically.
    pub ours: PathBuf,
    /// Their store (git's %B).
    pub theirs: PathBuf,
    /// The store's path in the repository (git's %P), named in messages.
    #[arg(long, value_name = "PATH")]
    pub path: Option<PathBuf>,
}

/// `parley diff`'s arguments.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The store before (say, main's).
    pub a: PathBuf,
    /// The store after (say, the branch's).
    pub b: PathBuf,
}

/// Reads a store file strictly: the schema and its references, not the offsets (no
/// article here). An empty file is an empty set (git's base when there is none).
fn read_set(path: &Path, kinds: Kinds, config: &Config) -> Result<Annotations> {
    let name = display_name(path);
    let bytes = read_file(path, config.limits.max_store_bytes, kinds)?;
    let text =
        String::from_utf8(bytes).map_err(|_| anyhow!("{name}: the store is not valid UTF-8"))?;
    if text.trim().is_empty() {
        return Ok(Annotations::new(ArticleInfo::default()));
    }
    let a = schema::parse(&text, &name)?;
    let findings = validate::validate(&a, None);
    if !findings.is_empty() {
        let problems = Locator::new(&text).problems(findings);
        return Err(schema::StoreError::Invalid {
            path: name,
            problems,
        }
        .into());
    }
    Ok(a)
}

/// Runs `parley merge`: 0 when clean, 1 when conflicts are left in OURS.
pub fn merge(args: &MergeArgs, config: &Config) -> Result<ExitCode> {
    let base = read_set(&args.base, Kinds::AnyReadable, config)?;
    let ours = read_set(&args.ours, Kinds::RegularOnly, config)?;
    let theirs = read_set(&args.theirs, Kinds::AnyReadable, config)?;
    let name = display_name(args.path.as_deref().unwrap_or(&args.ours));
    let merged =
        crate::team::merge::merge(&base, &ours, &theirs).map_err(|e| anyhow!("{name}: {e}"))?;
    let text = schema::to_toml(&merged.annotations)?;
    let rules = guard::Rules {
        article: None,
        replace: true,
        follow_links: true,
        store: Some(&args.ours),
    };
    guard::write(&args.ours, text.as_bytes(), rules)?;
    let notes: Vec<String> = merged
        .notes
        .iter()
        .map(|n| format!("{name}: {n}"))
        .collect();
    warn(&notes);
    let left = merged.annotations.conflicts.len();
    if left == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    let what = if left == 1 { "conflict" } else { "conflicts" };
    warn(&[format!(
        "{name}: {left} {what} left as [[conflict]] tables ({} from this merge); settle them in the reader (key C)",
        merged.conflicts
    )]);
    Ok(ExitCode::from(EXIT_PROBLEMS))
}

/// Runs `parley diff`: 0 when the stores hold the same, 1 when they differ.
pub fn diff_stores(args: &DiffArgs, config: &Config) -> Result<ExitCode> {
    let a = read_set(&args.a, Kinds::AnyReadable, config)?;
    let b = read_set(&args.b, Kinds::AnyReadable, config)?;
    let entries = diff(&a, &b);
    write_text_stdout(&render(&entries))?;
    Ok(if entries.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PROBLEMS)
    })
}

/// A value for one line: none, or quoted and shortened.
fn value(v: &Option<String>) -> String {
    v.as_deref()
        .map_or_else(|| "none".to_string(), validate::show)
}

/// The differences as text: `+` added, `-` removed, `~` changed, a field a line.
fn render(entries: &[Entry]) -> String {
    let mut out = String::new();
    if entries.is_empty() {
        out.push_str("no differences\n");
        return out;
    }
    for e in entries {
        let mark = match e.change {
            Change::Added => '+',
            Change::Removed => '-',
            Change::Changed(_) => '~',
        };
        // a conflict's words say what it is about: whole; a quote's text: its start
        let max = if e.table == "conflict" { 400 } else { 70 };
        let _ = writeln!(
            out,
            "{mark} {} {}: {}",
            e.table,
            e.id,
            excerpt(&e.label, max)
        );
        if let Some(r) = &e.reading {
            let _ = writeln!(out, "    {r}");
        }
        if let Change::Changed(fields) = &e.change {
            for (field, from, to) in fields {
                let _ = writeln!(out, "    {field}: {} → {}", value(from), value(to));
            }
        }
    }
    let count = |c: fn(&Change) -> bool| entries.iter().filter(|e| c(&e.change)).count();
    let _ = writeln!(
        out,
        "{} added, {} removed, {} changed",
        count(|c| *c == Change::Added),
        count(|c| *c == Change::Removed),
        count(|c| matches!(c, Change::Changed(_)))
    );
    out
}
