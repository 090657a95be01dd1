//! A Markdown brief: for each side, its positions and its quotes with speakers; then
//! what has no side, then the orphans.

use super::{Row, is_control, rows, speaker_name};
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
            let _ = writeln!(out, "- {}", quoted(t));
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
        let mut line = format!("- {}", quoted(r.text));
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
            let _ = write!(line, "\n  Note: {}", note_lines(note));
        }
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
}

/// Double quotation marks, opening or closing, of the usual typographies.
const DOUBLE_MARKS: &[char] = &['“', '”', '"', '«', '»', '„', '‟', '＂'];

/// A quotation as the brief lists it: in curly quotation marks, unless the text holds
/// quotation marks of its own (a direct quote's span includes them; a position may
/// hold a quotation, whole or at one end), which are never doubled: such a text is
/// listed as it stands. Single marks count only as a pair around the whole text (one
/// alone is as likely an apostrophe).
fn quoted(text: &str) -> String {
    let single_pair = text.chars().count() > 1
        && text.starts_with(['‘', '\'', '‹', '‚'])
        && text.ends_with(['’', '\'', '›']);
    if text.contains(DOUBLE_MARKS) || single_pair {
        escape(text)
    } else {
        format!("“{}”", escape(text))
    }
}

/// A note under its list item, its line breaks kept: each line ends in a hard break
/// (two spaces) and goes on indented under the item, so the note stays one item and
/// reads as its writer broke it; a blank line stays a blank line.
fn note_lines(note: &str) -> String {
    let lines: Vec<String> = note
        .split('\n')
        .map(|l| escape_line_start(&escape(l.trim())))
        .collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let prev_blank = lines[i - 1].is_empty();
            if !prev_blank && !line.is_empty() {
                out.push_str("  ");
            }
            out.push('\n');
            if !line.is_empty() {
                out.push_str("  ");
            }
        }
        out.push_str(line);
    }
    out
}

/// A line whose start Markdown would read as a list item, a heading rule or a quote
/// block ("- ", "+ ", "1. ", "= ") gets that start escaped, so a note's line stays text.
fn escape_line_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let after = &line[digits..];
    if digits > 0 && (after.starts_with(". ") || after.starts_with(") ")) {
        return format!("{}\\{after}", &line[..digits]);
    }
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    line.to_string()
}

/// Text made inert for Markdown: one line, with markup characters escaped and control
/// characters written as character references (`&#x1B;`), which show as text in a
/// terminal and as nothing harmful in a renderer.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if is_control(c) => {
                let _ = write!(out, "&#x{:X};", u32::from(c));
            }
            '&' => out.push_str("&amp;"),
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

    #[test]
    fn controls_become_character_references() {
        assert_eq!(
            escape("\u{1b}]0;PWN\u{7}\u{9b}2J\u{202e}x & y"),
            "&#x1B;\\]0;PWN&#x7;&#x9B;2J&#x202E;x &amp; y"
        );
    }

    #[test]
    fn quotation_marks_are_not_doubled() {
        assert_eq!(quoted("“Engaging in talks,”"), "“Engaging in talks,”");
        assert_eq!(quoted("\"Yes\""), "\"Yes\"");
        assert_eq!(quoted("we will not bend"), "“we will not bend”");
        // positions that hold a quotation, at either end or inside
        for text in [
            "He called it “a fruitful session.”",
            "“We will not bend,” the minister said.",
            "The so-called “wet foot, dry foot” policy was discussed.",
            "«Non», a dit le ministre",
        ] {
            assert_eq!(quoted(text), escape(text), "{text}");
        }
        assert_eq!(quoted("‘Yes’"), "‘Yes’");
        assert_eq!(
            quoted("the ’90s"),
            "“the ’90s”",
            "an apostrophe is not a mark"
        );
    }

    #[test]
    fn a_notes_line_breaks_are_kept_as_hard_breaks_under_its_item() {
        assert_eq!(note_lines("one\ntwo"), "one  \n  two");
        assert_eq!(note_lines("one\n\ntwo"), "one\n\n  two");
        assert_eq!(
            note_lines("- not a list\n1. nor this"),
            "\\- not a list  \n  1\\. nor this"
        );
        assert_eq!(note_lines("plain"), "plain");
    }
}
