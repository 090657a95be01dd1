//! Exports of an annotation set: the TOML schema, W3C Web Annotations (JSON), CSV, a
//! Markdown brief and the corpus table's JSON Lines (the formats: `format`). Rejected suggestions are left out unless asked for. JSON and CSV
//! give offsets in characters (Unicode code points, as the W3C TextPositionSelector
//! counts them); the TOML export is the store itself, in its byte offsets. Text from
//! the store (notes, names, titles) may hold anything: each format escapes control
//! characters in its own way, so no export can drive a terminal that shows it.

pub mod chars;
mod csv;
mod format;
mod json;
mod markdown;
pub mod table;

use chars::CharCounter;
pub use format::Format;
use table::{ANNOTATION_COLUMNS, ArticleRef, TableFormat, TableWriter};

use crate::model::{Annotations, Origin, Status};

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// TOML cannot hold a value (an offset beyond `i64::MAX`).
    #[error(transparent)]
    Toml(#[from] toml::ser::Error),
    /// A table row could not be written.
    #[error(transparent)]
    Table(#[from] std::io::Error),
}

/// Renders `a` (offsets into `text`) in a format; `all` keeps rejected suggestions. The
/// JSON Lines rows name the article as its store records it (`[article]`).
pub fn export(
    a: &Annotations,
    text: &str,
    format: Format,
    all: bool,
) -> Result<String, ExportError> {
    let info = &a.article;
    let article = ArticleRef {
        path: &info.source,
        title: &info.title,
        sha256: &info.sha256,
    };
    export_article(article, a, text, format, all)
}

/// Renders `a` (offsets into `text`) in a format, the JSON Lines rows naming `article`;
/// `all` keeps rejected suggestions.
pub fn export_article(
    article: ArticleRef<'_>,
    a: &Annotations,
    text: &str,
    format: Format,
    all: bool,
) -> Result<String, ExportError> {
    let kept;
    let a = if all || !has_rejected(a) {
        a
    } else {
        kept = without_rejected(a);
        &kept
    };
    Ok(match format {
        Format::Toml => crate::store::schema::to_toml(a)?,
        Format::Json => json::to_json(a, text),
        Format::Csv => csv::to_csv(a, text),
        Format::Markdown => markdown::to_markdown(a),
        Format::Jsonl => table_rows(article, a, text)?,
    })
}

/// The corpus table's JSON Lines of one article.
fn table_rows(article: ArticleRef<'_>, a: &Annotations, text: &str) -> std::io::Result<String> {
    let mut table = TableWriter::new(Vec::new(), TableFormat::Jsonl, &ANNOTATION_COLUMNS)?;
    // rejected suggestions are already left out, unless asked for
    table.annotations(article, a, text, true)?;
    String::from_utf8(table.finish()?).map_err(std::io::Error::other)
}

fn has_rejected(a: &Annotations) -> bool {
    a.quotes
        .iter()
        .chain(&a.orphan_quotes)
        .any(|q| q.status == Status::Rejected)
        || a.positions
            .iter()
            .chain(&a.orphan_positions)
            .any(|p| p.status == Status::Rejected)
}

fn without_rejected(a: &Annotations) -> Annotations {
    let mut out = a.clone();
    out.quotes.retain(|q| q.status != Status::Rejected);
    out.positions.retain(|p| p.status != Status::Rejected);
    out.orphan_quotes.retain(|q| q.status != Status::Rejected);
    out.orphan_positions
        .retain(|p| p.status != Status::Rejected);
    out
}

/// A party's display name, or its id, or "".
fn side_name<'a>(a: &'a Annotations, party: Option<&'a str>) -> &'a str {
    party.map_or("", |id| a.party(id).map_or(id, |p| p.name.as_str()))
}

/// A speaker's name, or its id, or "".
fn speaker_name<'a>(a: &'a Annotations, speaker: Option<&'a str>) -> &'a str {
    speaker.map_or("", |id| a.speaker(id).map_or(id, |s| s.name.as_str()))
}

/// A character a terminal obeys or that reorders the text around it: C0 controls and
/// DEL, C1 controls, bidi marks, embeddings, overrides and isolates, line and paragraph
/// separators. Line breaks and tabs are among them; each format decides about those.
fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}')
        || crate::article::is_bidi_control(c)
}

/// One quote or position, flattened for the row- and list-shaped exports.
#[derive(Debug)]
struct Row<'a> {
    id: &'a str,
    side: Option<&'a str>,
    speaker: Option<&'a str>,
    /// "direct", "partial", "term" or "position".
    kind: &'static str,
    origin: Origin,
    status: Status,
    text: &'a str,
    note: Option<&'a str>,
    prefix: &'a str,
    suffix: &'a str,
    start: usize,
    end: usize,
}

/// Placed quotes and positions as rows, in article order.
fn rows(a: &Annotations) -> Vec<Row<'_>> {
    let mut rows: Vec<Row<'_>> = a
        .quotes
        .iter()
        .map(|q| Row {
            id: &q.id,
            side: q.party.as_deref(),
            speaker: q.speaker.as_deref(),
            kind: q.kind.as_str(),
            origin: q.origin,
            status: q.status,
            text: &q.text,
            note: q.note.as_deref(),
            prefix: &q.prefix,
            suffix: &q.suffix,
            start: q.start,
            end: q.end,
        })
        .chain(a.positions.iter().map(|p| Row {
            id: &p.id,
            side: p.party.as_deref(),
            speaker: p.speaker.as_deref(),
            kind: "position",
            origin: p.origin,
            status: p.status,
            text: &p.text,
            note: p.note.as_deref(),
            prefix: &p.prefix,
            suffix: &p.suffix,
            start: p.start,
            end: p.end,
        }))
        .collect();
    rows.sort_by_key(|r| (r.start, r.end));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Vote today\n\n\"We will win,\" said Ana. \"We lost,\" said Ben.\n";

    /// Two quotes of TEXT, the second rejected, in a store that names its article.
    fn two_quotes() -> Annotations {
        let store = format!(
            "version = 1\n\
             [article]\ntitle = \"Vote today\"\nsource = \"news/vote.txt\"\nsha256 = \"ab\"\nbytes = {}\n\
             [[quote]]\nid = \"q1\"\nstart = 12\nend = 26\ntext = '\"We will win,\"'\n\
             [[quote]]\nid = \"q2\"\nstart = 38\nend = 48\ntext = '\"We lost,\"'\nstatus = \"rejected\"\n",
            TEXT.len()
        );
        crate::store::schema::parse(&store, "test").unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn jsonl_rows_name_the_article_its_store_records_and_leave_rejected_out() {
        let a = two_quotes();
        let rows = export(&a, TEXT, Format::Jsonl, false).unwrap_or_default();
        assert_eq!(rows.lines().count(), 1, "{rows}");
        let row: serde_json::Value = serde_json::from_str(rows.trim_end()).unwrap_or_default();
        assert_eq!(row["article"], "news/vote.txt");
        assert_eq!(row["title"], "Vote today");
        assert_eq!(row["id"], "q1");
        let all = export(&a, TEXT, Format::Jsonl, true).unwrap_or_default();
        assert_eq!(
            all.lines().count(),
            2,
            "--all keeps the rejected one: {all}"
        );
    }
}
