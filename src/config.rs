//! Configuration: reader settings, limits, colours, key bindings and parties.
//!
//! `config.example.toml` documents every key with its default; tests keep it and
//! [`Config::default`] in step. Unknown keys and bad values are errors that name the
//! file, the line and column, and the offending line. Colours and the themes'
//! palettes are in `colors`.

mod colors;

use crate::article::bounded::{Kinds, ReadError};
use crate::article::{line_column, sanitize_inline};
use crate::keys::{Bindings, Command, KeyChord, Scope, WAYS_OUT, side_digit, side_name};
use crate::model::{PartiesError, Party};
pub use colors::{Color, Colors, Palette};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The largest configuration file read (a generous hundred times the example's size).
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The documented default configuration, shipped in the binary.
pub const EXAMPLE: &str = include_str!("../config.example.toml");

/// Everything a user can configure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// How the article is shown.
    pub reader: ReaderConfig,
    /// Sizes beyond which input is refused.
    pub limits: Limits,
    /// Colours of both themes.
    pub colors: Colors,
    /// Key bindings by command name; a command listed here replaces its default keys.
    pub keys: Bindings,
    /// The sides of the story; empty means "infer them from the article".
    #[serde(rename = "party")]
    pub parties: Vec<Party>,
}

/// Reader settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReaderConfig {
    /// The widest the text column gets, in terminal columns.
    pub max_width: u16,
    /// Whether the mouse scrolls and selects.
    pub mouse: bool,
    /// `dark` or `light`.
    pub theme: ThemeName,
    /// Whether the sidebar is open at start.
    pub sidebar: bool,
}

/// The two built-in themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeName {
    /// Light text on a dark terminal.
    Dark,
    /// Dark text on a light terminal.
    Light,
}

/// Input size limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Articles larger than this are refused.
    pub max_article_bytes: u64,
    /// Stores larger than this are refused.
    pub max_store_bytes: u64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            reader: ReaderConfig::default(),
            limits: Limits::default(),
            colors: Colors::default(),
            keys: Bindings::defaults(),
            parties: Vec::new(),
        }
    }
}

impl Default for ReaderConfig {
    fn default() -> ReaderConfig {
        ReaderConfig {
            max_width: 80,
            mouse: false,
            theme: ThemeName::Dark,
            sidebar: false,
        }
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_article_bytes: crate::article::DEFAULT_MAX_BYTES,
            max_store_bytes: crate::article::DEFAULT_MAX_BYTES,
        }
    }
}

/// A configuration file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read (the message says where and why; no cause is
    /// chained, so it is said once).
    #[error("cannot read the config: {0}")]
    Read(ReadError),
    /// The file is not valid TOML, or a key or value is wrong.
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong, with the offending line.
        message: String,
    },
}

impl Config {
    /// Parses a configuration file's text; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_column(text, s.start));
            let snippet = text.lines().nth(line - 1).unwrap_or("").trim();
            let mut message = e.message().trim().to_string();
            if !snippet.is_empty() {
                // enough of the line to recognise it, never a whole megabyte
                let mut shown: String = sanitize_inline(snippet).chars().take(60).collect();
                if snippet.chars().count() > 60 {
                    shown.push('…');
                }
                message = format!("{message} (in `{shown}`)");
            }
            ConfigError::Invalid {
                path: path.to_string(),
                line,
                column,
                message,
            }
        })?;
        config.fill_default_keys();
        config.check(text, path)?;
        Ok(config)
    }

    /// Loads the configuration: `explicit` (from `--config`), else `$PARLEY_CONFIG`,
    /// else the user's config directory; defaults when none of them exists.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let env = std::env::var_os("PARLEY_CONFIG").filter(|v| !v.is_empty());
        let (path, required) = match (explicit, env) {
            (Some(p), _) => (Some(p.to_path_buf()), true),
            (None, Some(v)) => (Some(PathBuf::from(v)), true),
            (None, None) => (crate::paths::config_file(), false),
        };
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let name = sanitize_inline(&path.display().to_string());
        // a config the user named may be a pipe (`--config <(…)`); the default one is
        // read only as a regular file, so a FIFO put there cannot hang the start
        let kinds = if required {
            Kinds::AnyReadable
        } else {
            Kinds::RegularOnly
        };
        match crate::article::bounded::read_file(&path, MAX_CONFIG_BYTES, kinds) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|_| ConfigError::Invalid {
                    path: name.clone(),
                    line: 1,
                    column: 1,
                    message: "the file is not valid UTF-8".into(),
                })?;
                Config::parse(&text, &name)
            }
            Err(ReadError::NotFound(_)) if !required => Ok(Config::default()),
            Err(e) => Err(ConfigError::Read(e)),
        }
    }

    /// The palette of the configured theme.
    pub fn palette(&self) -> &Palette {
        match self.reader.theme {
            ThemeName::Dark => &self.colors.dark,
            ThemeName::Light => &self.colors.light,
        }
    }

    /// Commands the user did not rebind keep their default keys.
    fn fill_default_keys(&mut self) {
        self.keys.fill_defaults();
    }

    /// Checks what serde cannot: one command per key in each mode, unique party ids.
    fn check(&self, text: &str, path: &str) -> Result<(), ConfigError> {
        let problem = self
            .side_keys_problem(text)
            .or_else(|| self.way_out_problem(text))
            .or_else(|| self.clashing_keys(text))
            .or_else(|| self.parties_problem(text));
        let Some((at, message)) = problem else {
            return Ok(());
        };
        let (line, column) = line_column(text, at);
        Err(ConfigError::Invalid {
            path: path.to_string(),
            line,
            column,
            message,
        })
    }

    /// `set_side` bound to a key that is not a digit; where and why.
    fn side_keys_problem(&self, text: &str) -> Option<(usize, String)> {
        let k = self.keys[&Command::SetSide]
            .iter()
            .find(|k| side_digit(k).is_none())?;
        Some((
            offset_of(text, "set_side"),
            format!(
                "`set_side` takes digits (1-9 a party, 0 none), not `{k}`; give other keys to side_1 … side_9 or side_none"
            ),
        ))
    }

    /// A way out of the reader left with no key; where and why.
    fn way_out_problem(&self, text: &str) -> Option<(usize, String)> {
        let c = WAYS_OUT.iter().find(|c| self.keys[c].is_empty())?;
        let name = c.name();
        let defaults = c.default_keys().join("\", \"");
        Some((
            key_offset(text, name),
            format!(
                "`{name}` has no key, which would leave no way out; give it one (by default [\"{defaults}\"])"
            ),
        ))
    }

    /// A key bound to two commands of one scope; where and why.
    fn clashing_keys(&self, text: &str) -> Option<(usize, String)> {
        for scope in Scope::ALL {
            let mut seen: BTreeMap<KeyChord, String> = BTreeMap::new();
            let commands = self
                .keys
                .commands
                .iter()
                .filter(|(c, _)| c.scopes().contains(&scope));
            let mut named: Vec<(String, &Vec<KeyChord>)> =
                commands.map(|(c, k)| (c.name().to_string(), k)).collect();
            if scope == Scope::Normal {
                named.extend(self.keys.sides.iter().map(|(n, k)| (side_name(*n), k)));
            }
            for (name, chords) in named {
                for chord in chords {
                    if let Some(other) = seen.insert(*chord, name.clone()) {
                        let message = format!(
                            "key `{chord}` is bound to both `{other}` and `{name}`; give one of them other keys"
                        );
                        return Some((offset_of(text, &name), message));
                    }
                }
            }
        }
        None
    }

    /// A party without an id, or two with one; where and why.
    fn parties_problem(&self, text: &str) -> Option<(usize, String)> {
        match crate::model::check_party_ids(&self.parties) {
            Ok(()) => None,
            Err(e @ PartiesError::EmptyId) => Some((offset_of(text, "[[party]]"), e.to_string())),
            Err(PartiesError::DuplicateId(id)) => {
                let e = PartiesError::DuplicateId(sanitize_inline(&id));
                Some((offset_of(text, &id), e.to_string()))
            }
        }
    }
}

/// Where `needle` first is in the config's text, or 0.
fn offset_of(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or(0)
}

/// Where the line setting `key` starts (`key = …`, `key=…`), or 0.
fn key_offset(text: &str, key: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return offset + (line.len() - t.len());
        }
        offset += line.len();
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_parses_and_is_the_default() {
        let parsed = Config::parse(EXAMPLE, "config.example.toml").unwrap();
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn example_documents_every_key() {
        fn keys(prefix: &str, v: &toml::Value, out: &mut Vec<String>) {
            if let toml::Value::Table(t) = v {
                for (k, v) in t {
                    let name = format!("{prefix}{k}");
                    keys(&format!("{name}."), v, out);
                    out.push(name);
                }
            }
        }
        let documented: toml::Value = toml::from_str(EXAMPLE).unwrap();
        let defaults = toml::Value::try_from(Config::default()).unwrap();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        keys("", &documented, &mut a);
        keys("", &defaults, &mut b);
        a.sort();
        b.sort();
        // parties are inferred by default, so the example shows them commented out
        b.retain(|k| k != "party");
        assert_eq!(a, b);
    }

    #[test]
    fn unknown_key_names_file_line_column_and_key() {
        let e = Config::parse("[reader]\nmax_width = 70\nmouse_wheel = true\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:3:1:"), "{e}");
        assert!(e.contains("mouse_wheel"), "{e}");
    }

    #[test]
    fn bad_values_are_errors_with_the_line() {
        let e = Config::parse("[reader]\nmax_width = \"wide\"\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:2:"), "{e}");
        assert!(e.contains("max_width"), "{e}");
        let e = Config::parse("[colors.dark]\ntext = \"mauve\"\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("mauve"), "{e}");
        let e = Config::parse("[keys]\nquit = [\"hyper-q\"]\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("hyper-q"), "{e}");
        let e = Config::parse("[keys]\nfrobnicate = [\"q\"]\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("frobnicate"), "{e}");
    }

    #[test]
    fn rebinding_clashes_are_reported() {
        let e = Config::parse("[keys]\nquit = [\"j\"]\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("`j`") || e.contains("j"), "{e}");
        assert!(e.contains("scroll_down"), "{e}");
        let ok = Config::parse("[keys]\nquit = [\"Q\"]\n", "c.toml").unwrap();
        assert_eq!(ok.keys[&Command::Quit], ["Q".parse().unwrap()]);
        assert_eq!(ok.keys[&Command::ScrollDown].len(), 3);
    }

    #[test]
    fn parties_and_colours() {
        let c = Config::parse(
            "[[party]]\nid = \"a\"\nname = \"Alpha\"\naliases = [\"A\"]\ncolor = \"#ff8800\"\n",
            "c.toml",
        )
        .unwrap();
        assert_eq!(c.parties[0].name, "Alpha");
        assert_eq!(c.parties[0].color, Some(Color::Rgb(255, 136, 0)));
        let e = Config::parse(
            "[[party]]\nid = \"a\"\nname = \"A\"\n[[party]]\nid = \"a\"\nname = \"B\"\n",
            "c.toml",
        );
        assert!(e.is_err());
    }

    #[test]
    fn huge_and_deeply_nested_values_are_clear_errors() {
        let deep = format!(
            "[reader]\nmax_width = {}{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let e = Config::parse(&deep, "c.toml").unwrap_err().to_string();
        assert!(e.starts_with("c.toml:2:"), "{e}");
        assert!(e.len() < 300, "one short line: {} bytes", e.len());
    }
}
