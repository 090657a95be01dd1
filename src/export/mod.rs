//! Exports of an annotation set: the TOML schema, W3C Web Annotations (JSON), CSV and a
//! Markdown brief. Rejected suggestions are left out unless asked for. JSON and CSV
//! give offsets in characters (Unicode code points, as the W3C TextPositionSelector
//! counts them); the TOML export is the store itself, in its byte offsets. Text from
//! the store (notes, names, titles) may hold anything: each format escapes control
//! characters in its own way, so no export can drive a terminal that shows it.

pub mod chars;
mod csv;
mod json;
mod markdown;
pub mod table;

use chars::CharCounter;

use crate::model::{Annotations, Origin, Status};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The store schema.
    Toml,
    /// W3C Web Annotation JSON-LD.
    Json,
    /// One row per quote or position.
    Csv,
    /// A readable brief.
    Markdown,
}

impl Format {
    /// The format a file's name asks for (`out.json`, `brief.md`), if it names one.
    pub fn of_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "toml" => Format::Toml,
            "json" | "jsonld" => Format::Json,
            "csv" => Format::Csv,
            "md" | "markdown" => Format::Markdown,
            _ => return None,
        })
    }
}

/// Renders `a` (offsets into `text`) in a format; `all` keeps rejected suggestions.
/// Fails only when TOML cannot hold a value (an offset beyond `i64::MAX`).
pub fn export(
    a: &Annotations,
    text: &str,
    format: Format,
    all: bool,
) -> Result<String, toml::ser::Error> {
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
    })
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
