//! A Markdown brief: for each side, its positions and its quotes with speakers; then
//! what has no side, then the orphans.

use super::{Row, rows, speaker_name};
use crate::model::Annotations;
use std::fmt::Write;

/// The Markdown export.
pub fn to_markdown(a: &Annotations) -> String {
    let mut out = String::new();
    let title = if a.article.title.is_empty() {
        "Untitled article"
    } else {
        &a.article.title
    };
    let _ = writeln!(out, "# {}\n", escape(title));
    if !a.article.source.is_empty() {
        let _ = writeln!(out, "Source: {}\n", escape(&a.article.source));
    }
    let rows = rows(a);
    let sides = a
        .parties
        .iter()
        .map(|p| (Some(p.id.as_str()), p.name.as_str()))
        .chain(std::iter::once((None, "No side")));
    for (id, name) in sides {
        let mine: Vec<&Row<'_>> = rows
            .iter()
            .filter(|r| match id {
                Some(id) => r.side == Some(id),
                None => r.side.is_none_or(|s| a.party(s).is_none()),
            })
            .collect();
        if mine.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {}\n", escape(name));
        section(
            &mut out,
            a,
            "Positions",
            mine.iter().filter(|r| r.kind == "position"),
        );
        section(
            &mut out,
            a,
            "Quotes",
            mine.iter().filter(|r| r.kind != "position"),
        );
    }
    let orphans: Vec<&str> = a
        .orphan_quotes
        .iter()
        .map(|q| q.text.as_str())
        .chain(a.orphan_positions.iter().map(|p| p.text.as_str()))
        .collect();
    if !orphans.is_empty() {
        let _ = writeln!(out, "## Not found in the current text\n");
        for t in orphans {
            let _ = writeln!(out, "- “{}”", escape(t));
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn section<'a>(
    out: &mut String,
    a: &Annotations,
    heading: &str,
    rows: impl Iterator<Item = &'a &'a Row<'a>>,
) {
    let mut rows = rows.peekable();
    if rows.peek().is_none() {
        return;
    }
    let _ = writeln!(out, "### {heading}\n");
    for r in rows {
        let mut line = format!("- “{}”", escape(r.text));
        let who = speaker_name(a, r.speaker);
        if !who.is_empty() {
            let _ = write!(line, " — **{}**", escape(who));
        }
        let mut tags = Vec::new();
        if r.kind != "position" && r.kind != "direct" {
            tags.push(r.kind.to_string());
        }
        if r.status.as_str() != "accepted" {
            tags.push(r.status.as_str().to_string());
        }
        if !tags.is_empty() {
            let _ = write!(line, " _({})_", tags.join(", "));
        }
        if let Some(note) = r.note {
            let _ = write!(line, "\n  Note: {}", escape(note));
        }
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
}

/// Text made inert for Markdown: one line, with markup characters escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape("a *b* [c](d)\n#e"), "a \\*b\\* \\[c\\](d) \\#e");
    }
}
