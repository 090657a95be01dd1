//! What the commands read: the article named on the command line (or standard input,
//! or the bundled article), the parties file, and how a command opens a store.

use crate::article::bounded::Kinds;
use crate::article::{Article, Source};
use crate::config::Config;
use crate::model::Party;
use crate::store::OpenOptions;
use anyhow::Result;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

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
