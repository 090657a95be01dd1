//! CSV (RFC 4180): one row per placed quote or position, offsets in characters.
//! Cells are made inert for spreadsheets (no formulas) and for terminals (no controls).

use super::{CharCounter, is_control, rows, side_name, speaker_name};
use crate::model::Annotations;

const HEADER: [&str; 10] = [
    "side", "speaker", "kind", "origin", "status", "text", "note", "id", "start", "end",
];

/// The CSV export: a header row, then one row per annotation in article order, with
/// `start` and `end` in characters of `text` (as the JSON export counts them).
pub fn to_csv(a: &Annotations, text: &str) -> String {
    let mut out = String::new();
    let mut chars = CharCounter::new(text);
    push_row(&mut out, HEADER.iter().map(|s| s.to_string()));
    for r in rows(a) {
        push_row(
            &mut out,
            [
                side_name(a, r.side).to_string(),
                speaker_name(a, r.speaker).to_string(),
                r.kind.to_string(),
                r.origin.as_str().to_string(),
                r.status.as_str().to_string(),
                r.text.to_string(),
                r.note.unwrap_or("").to_string(),
                r.id.to_string(),
                chars.at(r.start).to_string(),
                chars.at(r.end).to_string(),
            ]
            .into_iter(),
        );
    }
    out
}

pub(super) fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, &inert(&cell));
    }
    out.push_str("\r\n");
}

/// A cell, quoted when it holds a comma, quote or line break (quotes doubled).
fn push_cell(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// What a spreadsheet would run as a formula (OWASP's list: `=`, `+`, `-`, `@`, and a
/// leading tab or carriage return) starts with an apostrophe, which spreadsheets take
/// as "text"; control characters other than line breaks and tabs become the visible
/// stand-ins the reader shows (control pictures; U+FFFD for the rest).
fn inert(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len() + 1);
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.push('\'');
    }
    for c in cell.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'))
            }
            '\u{7f}' => out.push('\u{2421}'),
            c if is_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_needed() {
        let mut s = String::new();
        push_row(
            &mut s,
            ["plain", "a,b", "say \"hi\"", "two\nlines"]
                .map(String::from)
                .into_iter(),
        );
        assert_eq!(s, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    #[test]
    fn formulas_and_controls_are_made_inert() {
        for formula in ["=HYPERLINK(\"x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(inert(formula).starts_with('\''), "{formula:?}");
        }
        assert_eq!(inert("a = b"), "a = b", "only a leading sign is a formula");
        assert_eq!(inert("\u{1b}]0;T\u{7}"), "\u{241b}]0;T\u{2407}");
        assert_eq!(inert("a\u{9b}b\u{202e}c\nd"), "a\u{FFFD}b\u{FFFD}c\nd");
    }
}
