//! `parley check`: validates a store against the article as it is now, after replaying
//! a pending journal and re-anchoring in memory.

use super::schema::StoreError;
use super::session::{OpenOptions, Store};
use super::validate::{Locator, show};
use crate::article::{Article, sanitize_inline};

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// One line per problem (`FILE:LINE:COLUMN: what`); empty when clean.
    pub problems: Vec<String>,
    /// Things worth saying that are not problems (re-anchored clean, no store yet).
    pub notes: Vec<String>,
}

/// Checks the store of `article`. `Err` when the store is unreadable (not TOML, wrong
/// types, unknown version, too large).
pub fn check(article: &Article, options: &OpenOptions) -> Result<CheckReport, StoreError> {
    let options = OpenOptions {
        inspect: true,
        ..options.clone()
    };
    let mut report = CheckReport::default();
    let store = match Store::load(article, &options) {
        Ok(s) => s,
        Err(StoreError::Invalid { path, problems }) => {
            report.problems = problems.iter().map(|p| format!("{path}:{p}")).collect();
            return Ok(report);
        }
        Err(e) => return Err(e),
    };
    let name = store.path().map_or_else(
        || "the store".to_string(),
        |p| sanitize_inline(&p.display().to_string()),
    );
    if !store.exists_on_disk() {
        report.notes.push(format!(
            "{name}: no store yet (the automatic annotations are not saved until you save in the reader)"
        ));
    }
    report.notes.extend(store.notices().iter().cloned());
    let text = store
        .path()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default();
    let locator = Locator::new(&text);
    let (quotes, positions) = store.orphans();
    let orphans = quotes
        .iter()
        .map(|q| ("quote", &q.id, &q.text))
        .chain(positions.iter().map(|p| ("position", &p.id, &p.text)));
    for (what, id, body) in orphans {
        let (table, orphan_table) = if what == "quote" {
            ("quote", "orphan_quote")
        } else {
            ("position", "orphan_position")
        };
        let (mut line, mut column) = locator.locate_id(table, id);
        if (line, column) == (1, 1) {
            (line, column) = locator.locate_id(orphan_table, id);
        }
        report.problems.push(format!(
            "{name}:{line}:{column}: {what} {} cannot be placed in the article (an orphan: re-attach or delete it in the reader): {}",
            show(id),
            show(body)
        ));
    }
    for c in &store.annotations().conflicts {
        let (line, column) = locator.locate_id("conflict", &c.id);
        report.problems.push(format!(
            "{name}:{line}:{column}: {}; settle it in the reader (key C)",
            describe_conflict(c)
        ));
    }
    Ok(report)
}

/// A conflict in words: what changed two ways and the two values.
pub fn describe_conflict(c: &crate::model::Conflict) -> String {
    let value = |v: &Option<String>| v.as_deref().map_or_else(|| "none".to_string(), show);
    if c.field == super::fields::DELETED {
        let deleted_by = if c.ours.as_deref() == Some("yes") {
            "ours"
        } else {
            "theirs"
        };
        return format!(
            "{} {} was deleted on {deleted_by} and changed on the other branch",
            c.table.as_str(),
            show(&c.item)
        );
    }
    format!(
        "the {} of {} {} was changed two ways (ours {}, theirs {})",
        c.field,
        c.table.as_str(),
        show(&c.item),
        value(&c.ours),
        value(&c.theirs)
    )
}
