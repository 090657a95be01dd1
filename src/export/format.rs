//! The export formats, declared once: the command line's `--format` (its values, help
//! and errors), the file extensions that ask for a format, the reader's export question
//! and the export functions all read this table.

use super::table::TableFormat;
use std::path::Path;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The store schema.
    Toml,
    /// W3C Web Annotation JSON-LD (of a corpus: the table as one JSON array).
    Json,
    /// One row per quote or position.
    Csv,
    /// A readable brief.
    Markdown,
    /// The corpus table's rows, one JSON object a line.
    Jsonl,
}

/// What is declared of each format.
struct Declared {
    name: &'static str,
    extensions: &'static [&'static str],
    key: char,
    label: &'static str,
    description: &'static str,
    table: Option<TableFormat>,
}

// The first extension of each is the one a file is named with; the others are also
// recognised.
const TOML: Declared = Declared {
    name: "toml",
    extensions: &["toml"],
    key: 't',
    label: "TOML (the store schema)",
    description: "The store schema",
    table: None,
};

const JSON: Declared = Declared {
    name: "json",
    extensions: &["json", "jsonld"],
    key: 'j',
    label: "JSON (W3C Web Annotations)",
    description: "W3C Web Annotations (of a corpus: an array of rows)",
    table: Some(TableFormat::Json),
};

const CSV: Declared = Declared {
    name: "csv",
    extensions: &["csv"],
    key: 'c',
    label: "CSV (a row per quote or position)",
    description: "One row per quote or position",
    table: Some(TableFormat::Csv),
};

const MARKDOWN: Declared = Declared {
    name: "markdown",
    extensions: &["md", "markdown"],
    key: 'm',
    label: "Markdown brief",
    description: "A readable brief",
    table: None,
};

const JSONL: Declared = Declared {
    name: "jsonl",
    extensions: &["jsonl", "ndjson"],
    key: 'l',
    label: "JSON Lines (the corpus table's rows)",
    description: "One JSON object per line, a row per quote or position",
    table: Some(TableFormat::Jsonl),
};

impl Format {
    /// Every format, in the order they are offered.
    pub const ALL: [Format; 5] = [
        Format::Toml,
        Format::Json,
        Format::Csv,
        Format::Markdown,
        Format::Jsonl,
    ];

    fn declared(self) -> &'static Declared {
        match self {
            Format::Toml => &TOML,
            Format::Json => &JSON,
            Format::Csv => &CSV,
            Format::Markdown => &MARKDOWN,
            Format::Jsonl => &JSONL,
        }
    }

    /// Its name on the command line (`--format NAME`).
    pub fn name(self) -> &'static str {
        self.declared().name
    }

    /// The extension a file of this format is named with, without the dot.
    pub fn extension(self) -> &'static str {
        self.declared().extensions[0]
    }

    /// The letter that picks it in the reader's export question.
    pub fn key(self) -> char {
        self.declared().key
    }

    /// How the reader's export question names it.
    pub fn label(self) -> &'static str {
        self.declared().label
    }

    /// What it holds, one line, for `--help`.
    pub fn description(self) -> &'static str {
        self.declared().description
    }

    /// The corpus table in this format, when a corpus can be exported in it.
    pub fn table(self) -> Option<TableFormat> {
        self.declared().table
    }

    /// The format named `name` on the command line.
    pub fn of_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format picked by `key` in the reader's export question.
    pub fn of_key(key: char) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The format a file's name asks for (`out.json`, `brief.md`), if it names one.
    pub fn of_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.declared().extensions.contains(&ext.as_str()))
    }

    /// The names of the formats a corpus can be exported in, for an error message
    /// ("csv, json or jsonl").
    pub fn table_names() -> String {
        let names: Vec<&str> = Format::ALL
            .into_iter()
            .filter(|f| f.table().is_some())
            .map(Format::name)
            .collect();
        match names.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_formats_share_a_name_a_key_or_an_extension() {
        for a in Format::ALL {
            for b in Format::ALL.into_iter().filter(|b| *b != a) {
                assert_ne!(a.name(), b.name());
                assert_ne!(a.key(), b.key());
                for ext in a.declared().extensions {
                    assert!(!b.declared().extensions.contains(ext), "{ext} twice");
                }
            }
        }
    }

    #[test]
    fn a_name_an_extension_and_a_key_each_find_their_format() {
        for f in Format::ALL {
            assert_eq!(Format::of_name(f.name()), Some(f));
            assert_eq!(Format::of_key(f.key()), Some(f));
            let file = format!("out.{}", f.extension().to_uppercase());
            assert_eq!(Format::of_extension(Path::new(&file)), Some(f));
        }
        assert_eq!(
            Format::of_extension(Path::new("brief.markdown")),
            Some(Format::Markdown)
        );
        assert_eq!(
            Format::of_extension(Path::new("rows.ndjson")),
            Some(Format::Jsonl)
        );
        assert_eq!(Format::of_extension(Path::new("notes.txt")), None);
        assert_eq!(Format::of_extension(Path::new("json")), None);
        assert_eq!(Format::of_name("JSON"), None);
    }

    #[test]
    fn a_corpus_is_exported_in_the_table_formats_only() {
        assert_eq!(Format::table_names(), "json, csv or jsonl");
        assert_eq!(Format::Toml.table(), None);
        assert_eq!(Format::Jsonl.table(), Some(TableFormat::Jsonl));
    }
}
