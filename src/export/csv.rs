//! CSV (RFC 4180): one row per placed quote or position.

use super::{rows, side_name, speaker_name};
use crate::model::Annotations;

const HEADER: [&str; 9] = [
    "side", "speaker", "kind", "status", "text", "note", "id", "start", "end",
];

/// The CSV export: a header row, then one row per annotation in article order.
pub fn to_csv(a: &Annotations) -> String {
    let mut out = String::new();
    push_row(&mut out, HEADER.iter().map(|s| s.to_string()));
    for r in rows(a) {
        push_row(
            &mut out,
            [
                side_name(a, r.side).to_string(),
                speaker_name(a, r.speaker).to_string(),
                r.kind.to_string(),
                r.status.as_str().to_string(),
                r.text.to_string(),
                r.note.unwrap_or("").to_string(),
                r.id.to_string(),
                r.start.to_string(),
                r.end.to_string(),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, &cell);
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
}
