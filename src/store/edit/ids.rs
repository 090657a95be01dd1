//! Ids: finding an annotation, speaker or party by its id, and making new ids that
//! no annotation or speaker has yet.

use super::EditError;
use crate::model::{Annotations, Id, Position, Quote};
use crate::store::history::Item;
use compact_str::format_compact;

/// The annotation with this id, wherever it is.
pub fn find(a: &Annotations, id: &str) -> Result<Item, EditError> {
    let by_id = |q: &&Quote| q.id == id;
    let p_by_id = |p: &&Position| p.id == id;
    a.quotes
        .iter()
        .find(by_id)
        .map(|q| Item::Quote(q.clone()))
        .or_else(|| {
            a.positions
                .iter()
                .find(p_by_id)
                .map(|p| Item::Position(p.clone()))
        })
        .or_else(|| {
            a.orphan_quotes
                .iter()
                .find(by_id)
                .map(|q| Item::OrphanQuote(q.clone()))
        })
        .or_else(|| {
            a.orphan_positions
                .iter()
                .find(p_by_id)
                .map(|p| Item::OrphanPosition(p.clone()))
        })
        .ok_or_else(|| EditError::NotFound(id.to_string()))
}

/// Checks that the party and speaker named, if any, exist.
pub(super) fn check_refs(
    a: &Annotations,
    party: Option<&str>,
    speaker: Option<&str>,
) -> Result<(), EditError> {
    if let Some(p) = party
        && a.party(p).is_none()
    {
        return Err(EditError::NotFound(p.to_string()));
    }
    if let Some(s) = speaker
        && a.speaker(s).is_none()
    {
        return Err(EditError::NotFound(s.to_string()));
    }
    Ok(())
}

/// A new id `PREFIX<n>` that no annotation has: one past the highest number in use,
/// or, when that would pass `u64::MAX`, the lowest number free. Never an id in use.
pub fn next_id(a: &Annotations, prefix: &str) -> Id {
    let ids = || {
        a.quotes
            .iter()
            .map(|q| &q.id)
            .chain(a.positions.iter().map(|p| &p.id))
            .chain(a.orphan_quotes.iter().map(|q| &q.id))
            .chain(a.orphan_positions.iter().map(|p| &p.id))
    };
    let numbers = || ids().filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok());
    let after_max = numbers().max().unwrap_or(0).checked_add(1);
    let taken: std::collections::HashSet<&str> = ids().map(|id| id.as_str()).collect();
    let free = |n: &u64| !taken.contains(format_compact!("{prefix}{n}").as_str());
    // "q01" is not "q1", so even one past the highest number is checked
    let n = after_max
        .filter(free)
        .or_else(|| (1..=u64::MAX).find(free))
        .unwrap_or(0);
    format_compact!("{prefix}{n}")
}

/// A name typed for a side, an alias, a label or a speaker (`what` names which, "a
/// side's name"), trimmed: refused when it is blank or holds no letter or digit of
/// any script ("!!!", "…"), which names nothing and would make no id of its own.
pub fn check_name<'a>(what: &str, name: &'a str) -> Result<&'a str, EditError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::NotApplicable(format!("{what} cannot be blank")));
    }
    if !name.chars().any(char::is_alphanumeric) {
        return Err(EditError::NotApplicable(format!(
            "{what} needs a letter or a digit: “{}” has none",
            crate::article::sanitize_inline(name)
        )));
    }
    Ok(name)
}

/// A speaker id from a name ("Ian Kelly" → "ian-kelly"), made unique.
pub fn speaker_id(a: &Annotations, name: &str) -> Id {
    unique_slug(name, "speaker", |id| a.speaker(id).is_some())
}

/// A party id from a name ("Sri Lanka" → "sri-lanka"), made unique among the sides.
pub fn party_id(a: &Annotations, name: &str) -> Id {
    unique_slug(name, "side", |id| a.party(id).is_some())
}

/// Lower-case letters and digits of `name` joined by hyphens (`fallback` when there
/// are none), numbered from 2 until `taken` says no.
fn unique_slug(name: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> Id {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = match slug.trim_end_matches('-') {
        "" => fallback,
        s => s,
    };
    let mut id = Id::from(slug);
    let mut n = 2;
    while taken(&id) {
        id = format_compact!("{slug}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::check_name;

    #[test]
    fn a_name_needs_a_letter_or_a_digit_of_any_script() {
        for name in ["U.S.", " 3M ", "北京", "Ελλάδα", "al-Quds", "G7"] {
            assert_eq!(check_name("a name", name).ok(), Some(name.trim()), "{name}");
        }
        for name in ["!!!", "…", " -- ", "“”", "?!", "·"] {
            let e = check_name("a side's name", name).unwrap_err().to_string();
            assert!(
                e.starts_with("a side's name needs a letter or a digit"),
                "{e}"
            );
        }
        let e = check_name("an alias", "  ").unwrap_err().to_string();
        assert_eq!(e, "an alias cannot be blank");
    }
}
