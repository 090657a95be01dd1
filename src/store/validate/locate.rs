//! Where in a store's text a problem is: the line and column of a table's key.

use super::{Finding, Place, Problem};
use crate::article::line_column;

/// Finds the line and column of a table's key in a store's text, by scanning the table
/// headers (`[[quote]]`) and keys; cheap, and good enough for messages.
#[derive(Debug)]
pub struct Locator<'t> {
    text: &'t str,
    /// (table name, offset of the header, offset of the next header).
    blocks: Vec<(&'t str, usize, usize)>,
}

impl<'t> Locator<'t> {
    /// Indexes the table headers of a store's text.
    pub fn new(text: &'t str) -> Locator<'t> {
        let mut blocks: Vec<(&str, usize, usize)> = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let t = line.trim();
            if let Some(name) = t.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")) {
                if let Some(last) = blocks.last_mut() {
                    last.2 = offset;
                }
                blocks.push((
                    name.trim(),
                    offset + (line.len() - line.trim_start().len()),
                    text.len(),
                ));
            } else if t.starts_with('[') {
                if let Some(last) = blocks.last_mut() {
                    last.2 = offset;
                }
                blocks.push(("", offset, text.len()));
            }
            offset += line.len();
        }
        Locator { text, blocks }
    }

    /// Line and column of `place`, or of its table, or 1:1.
    pub fn locate(&self, place: Place) -> (usize, usize) {
        let Some(&(_, start, end)) = self
            .blocks
            .iter()
            .filter(|b| b.0 == place.table)
            .nth(place.index)
        else {
            return (1, 1);
        };
        line_column(
            self.text,
            self.key_offset(start, end, place.field).unwrap_or(start),
        )
    }

    /// Line and column of the annotation with this id in a table, or 1:1.
    pub fn locate_id(&self, table: &'static str, id: &str) -> (usize, usize) {
        let wanted = format!("\"{id}\"");
        let index = self
            .blocks
            .iter()
            .filter(|b| b.0 == table)
            .position(|&(_, start, end)| {
                self.key_offset(start, end, "id").is_some_and(|at| {
                    self.text[at..end]
                        .trim_start_matches(['=', ' '])
                        .starts_with(&wanted)
                })
            });
        index.map_or((1, 1), |index| {
            self.locate(Place {
                table,
                index,
                field: "id",
            })
        })
    }

    /// The offset of the value of `key` within `start..end`.
    fn key_offset(&self, start: usize, end: usize, key: &str) -> Option<usize> {
        let mut offset = start;
        for line in self.text[start..end].split_inclusive('\n') {
            let t = line.trim_start();
            if let Some(rest) = t.strip_prefix(key)
                && rest.trim_start().starts_with('=')
            {
                let value = rest.trim_start()[1..].trim_start();
                return Some(offset + line.len() - value.len());
            }
            offset += line.len();
        }
        None
    }

    /// Turns findings into problems with lines and columns.
    pub fn problems(&self, findings: Vec<Finding>) -> Vec<Problem> {
        findings
            .into_iter()
            .map(|f| {
                let (line, column) = self.locate(f.place);
                Problem {
                    line,
                    column,
                    message: f.message,
                }
            })
            .collect()
    }
}
