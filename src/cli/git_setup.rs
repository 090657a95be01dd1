//! `parley git-setup`: declares parley's merge driver in the git repository around the
//! current folder, so that merging two annotators' branches merges their stores field
//! by field instead of line by line. Idempotent: a second run changes nothing and says
//! so.
//!
//! - `.gitattributes` (committed, shared by the team): `*.parley.toml merge=parley`;
//! - the repository's own config (each clone runs git-setup once): the driver, this
//!   parley run as `parley merge %O %A %B --path %P`;
//! - `.git/info/exclude` (this clone only): the store's lock, journal and temporary
//!   files, which belong to one reader and never to a commit.

use crate::article::bounded::display_name;
use crate::store::guard;
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The attribute line that sends stores to the driver.
const ATTRIBUTE: &str = "*.parley.toml merge=parley";

/// What the driver is called in git's config.
const DRIVER: &str = "parley";

/// Files beside a store that belong to one reader, never to a commit.
const LOCAL_FILES: [&str; 3] = [
    "*.parley.toml.lock",
    "*.parley.toml.journal*",
    ".*.parley.toml.tmp*",
];

/// Runs `parley git-setup` in the repository around the current folder.
pub fn run() -> Result<ExitCode> {
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?);
    let git_dir = PathBuf::from(git(&["rev-parse", "--absolute-git-dir"])?);
    let mut said = Vec::new();
    said.push(add_lines(&top.join(".gitattributes"), &[ATTRIBUTE])?);
    let exe = std::env::current_exe().context("cannot tell where this parley is")?;
    let driver = format!(
        "{} merge %O %A %B --path %P",
        shell_quoted(&exe.to_string_lossy())
    );
    said.push(set_config(&format!("merge.{DRIVER}.driver"), &driver)?);
    said.push(set_config(
        &format!("merge.{DRIVER}.name"),
        "parley: three-way merge of annotation stores",
    )?);
    said.push(add_lines(
        &git_dir.join("info").join("exclude"),
        &LOCAL_FILES,
    )?);
    let mut out = std::io::stdout().lock();
    for line in said {
        writeln!(out, "{}", crate::article::sanitize_inline(&line))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs git with `args` in the current folder and returns what it printed, trimmed.
fn git(args: &[&str]) -> Result<String> {
    let out = Command::new("git")
        .args(args)
        .output()
        .context("git-setup needs git on the PATH")?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        if why.contains("not a git repository") {
            bail!(
                "not in a git repository: run parley git-setup inside the repository of the stores"
            );
        }
        bail!("git {}: {}", args.join(" "), why.trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Sets a key of the repository's own config unless it holds that value already.
fn set_config(key: &str, value: &str) -> Result<String> {
    let now = git(&["config", "--local", "--get", key]).ok();
    if now.as_deref() == Some(value) {
        return Ok(format!("git config {key}: already set"));
    }
    git(&["config", "--local", key, value])?;
    Ok(format!("git config {key} = {value}"))
}

/// Appends the lines a file lacks (creating it if need be), atomically; says what it
/// did.
fn add_lines(path: &Path, lines: &[&str]) -> Result<String> {
    let name = display_name(path);
    let old = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("{name}: cannot read")),
    };
    let has = |line: &str| {
        old.lines()
            .any(|l| l.split_whitespace().eq(line.split_whitespace()))
    };
    let missing: Vec<&str> = lines.iter().copied().filter(|l| !has(l)).collect();
    if missing.is_empty() {
        return Ok(format!("{name}: already has {}", lines.join(", ")));
    }
    let mut text = old;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for line in &missing {
        text.push_str(line);
        text.push('\n');
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("{name}: cannot make its folder"))?;
    }
    let rules = guard::Rules {
        article: None,
        replace: true,
        follow_links: true,
        store: None,
    };
    guard::write(path, text.as_bytes(), rules)?;
    Ok(format!("{name}: added {}", missing.join(", ")))
}

/// A word for `sh`, which git runs the driver with: in single quotes, each single
/// quote written as `'\''`.
fn shell_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_one_word_for_the_shell_whatever_it_holds() {
        assert_eq!(shell_quoted("/usr/bin/parley"), "'/usr/bin/parley'");
        assert_eq!(shell_quoted("/tmp/it's here"), r"'/tmp/it'\''s here'");
    }
}
