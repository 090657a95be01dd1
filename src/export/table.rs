//! One table for a whole corpus: a row per annotation of every article (or a row per
//! article), as CSV, JSON Lines or a JSON array, written as each article is read so
//! that memory holds one article at a time. Offsets count characters (Unicode code
//! points) of the article's text as `parley text` prints it. The columns are in
//! docs/STORE.md ("The corpus table").

use super::csv::push_row;
use super::json::escape_controls;
use super::{CharCounter, rows, side_name};
use crate::model::{Annotations, Status};
use serde::Serialize;
use std::io::{self, Write};

/// The table's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// RFC 4180, a header row first.
    Csv,
    /// One JSON object a line.
    Jsonl,
    /// One JSON array of objects.
    Json,
}

/// The columns of the annotation table, in order.
pub const ANNOTATION_COLUMNS: [&str; 14] = [
    "article",
    "title",
    "sha256",
    "id",
    "kind",
    "side",
    "speaker",
    "speaker_role",
    "start",
    "end",
    "text",
    "status",
    "origin",
    "note",
];

/// The columns of the article table (`--articles`), in order.
pub const ARTICLE_COLUMNS: [&str; 10] = [
    "article",
    "title",
    "sha256",
    "status",
    "quotes",
    "positions",
    "suggested",
    "accepted",
    "rejected",
    "sides",
];

/// One article as the table names it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ArticleRef<'a> {
    /// Its path, as the user gave it or as found in the folder.
    #[serde(rename = "article")]
    pub path: &'a str,
    /// Its headline.
    pub title: &'a str,
    /// The SHA-256 of its text.
    pub sha256: &'a str,
}

/// Writes a table row by row into `out`.
#[derive(Debug)]
pub struct TableWriter<W: Write> {
    out: W,
    format: TableFormat,
    rows: usize,
}

impl<W: Write> TableWriter<W> {
    /// Starts a table of `columns`: the CSV header, or the JSON array's bracket.
    pub fn new(mut out: W, format: TableFormat, columns: &[&str]) -> io::Result<Self> {
        match format {
            TableFormat::Csv => {
                let mut line = String::new();
                push_row(&mut line, columns.iter().map(|c| c.to_string()));
                out.write_all(line.as_bytes())?;
            }
            TableFormat::Json => out.write_all(b"[")?,
            TableFormat::Jsonl => {}
        }
        Ok(TableWriter {
            out,
            format,
            rows: 0,
        })
    }

    /// How many rows were written.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// One row per placed quote and position of an article (rejected ones only with
    /// `all`), in article order; `text` is the article's text.
    pub fn annotations(
        &mut self,
        article: ArticleRef<'_>,
        a: &Annotations,
        text: &str,
        all: bool,
    ) -> io::Result<()> {
        let mut chars = CharCounter::new(text);
        for r in rows(a) {
            if r.status == Status::Rejected && !all {
                continue;
            }
            let speaker = r.speaker.and_then(|id| a.speaker(id));
            let row = AnnotationRow {
                article: article.path,
                title: article.title,
                sha256: article.sha256,
                id: r.id,
                kind: r.kind,
                side: side_name(a, r.side),
                speaker: speaker.map_or(r.speaker.unwrap_or(""), |s| s.name.as_str()),
                speaker_role: speaker.and_then(|s| s.role.as_deref()).unwrap_or(""),
                start: chars.at(r.start),
                end: chars.at(r.end),
                text: r.text,
                status: r.status.as_str(),
                origin: r.origin.as_str(),
                note: r.note.unwrap_or(""),
            };
            self.row(&row, || row.cells())?;
        }
        Ok(())
    }

    /// One row for an article: its review status and counts.
    pub fn article(&mut self, row: &ArticleRow<'_>) -> io::Result<()> {
        self.row(row, || row.cells())
    }

    fn row<R: Serialize>(
        &mut self,
        row: &R,
        cells: impl FnOnce() -> Vec<String>,
    ) -> io::Result<()> {
        match self.format {
            TableFormat::Csv => {
                let mut line = String::new();
                push_row(&mut line, cells().into_iter());
                self.out.write_all(line.as_bytes())?;
            }
            TableFormat::Jsonl | TableFormat::Json => {
                let json = escape_controls(&serde_json::to_string(row).map_err(io::Error::other)?);
                let sep: &[u8] = match (self.format, self.rows) {
                    (TableFormat::Jsonl, _) => b"",
                    (_, 0) => b"\n",
                    _ => b",\n",
                };
                self.out.write_all(sep)?;
                self.out.write_all(json.as_bytes())?;
                if self.format == TableFormat::Jsonl {
                    self.out.write_all(b"\n")?;
                }
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// Ends the table (the JSON array's bracket) and flushes it.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == TableFormat::Json {
            self.out.write_all(b"\n]\n")?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A row of the annotation table; the field names are the columns.
#[derive(Debug, Serialize)]
struct AnnotationRow<'a> {
    article: &'a str,
    title: &'a str,
    sha256: &'a str,
    id: &'a str,
    kind: &'a str,
    side: &'a str,
    speaker: &'a str,
    speaker_role: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    status: &'a str,
    origin: &'a str,
    note: &'a str,
}

impl AnnotationRow<'_> {
    fn cells(&self) -> Vec<String> {
        [
            self.article,
            self.title,
            self.sha256,
            self.id,
            self.kind,
            self.side,
            self.speaker,
            self.speaker_role,
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([self.start.to_string(), self.end.to_string()])
        .chain(
            [self.text, self.status, self.origin, self.note]
                .iter()
                .map(|s| s.to_string()),
        )
        .collect()
    }
}

/// A row of the article table; the field names are the columns.
#[derive(Debug, Serialize)]
pub struct ArticleRow<'a> {
    /// The article.
    #[serde(flatten)]
    pub article: ArticleRef<'a>,
    /// "not started", "in progress" or "done".
    pub status: &'a str,
    /// Quotes (rejected ones left out).
    pub quotes: usize,
    /// Positions (rejected ones left out).
    pub positions: usize,
    /// Annotations still suggested.
    pub suggested: usize,
    /// Annotations accepted.
    pub accepted: usize,
    /// Annotations rejected.
    pub rejected: usize,
    /// Quotes and positions per side: "United States: 6; Cuba: 9".
    pub sides: String,
}

impl ArticleRow<'_> {
    fn cells(&self) -> Vec<String> {
        [
            self.article.path,
            self.article.title,
            self.article.sha256,
            self.status,
        ]
        .iter()
        .map(|s| s.to_string())
        .chain(
            [
                self.quotes,
                self.positions,
                self.suggested,
                self.accepted,
                self.rejected,
            ]
            .iter()
            .map(usize::to_string),
        )
        .chain([self.sides.clone()])
        .collect()
    }
}
