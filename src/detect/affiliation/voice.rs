//! A speaker named by a bare role just after a body spoke: "Orrin Port Company said
//! the rosters were needed. "…," operations manager Carla Voss said." The role names
//! no side and is no office of the state's, but the paragraph opened with the body
//! saying something, and the one quoted after it is its voice. Only a role a body
//! speaks through counts ("spokesman", "manager"; not "analyst"), and only when every
//! such paragraph names the same body.

use crate::detect::entities::Entities;
use crate::detect::evidence::{Clue, Evidence, Target};
use crate::detect::parties::SideMatcher;
use crate::detect::side_words::{Class, is};

/// Clues from the paragraphs that open with a side saying something and go on to
/// quote a speaker named by a bare role.
pub fn voice_clues(text: &str, entities: &Entities, sides: &SideMatcher, evidence: &mut Evidence) {
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        if !e.role.as_deref().is_some_and(|r| is_bare_voice(r, sides)) {
            continue;
        }
        let bodies = e
            .mentions
            .iter()
            .filter_map(|m| speaking_body_before(text, m.start, sides));
        if let Some(side) = super::agreed(bodies) {
            evidence.add(i, Target::Side(side), Clue::Described);
        }
    }
}

/// Whether `role` is a role a body speaks through that names no side and no office
/// of its own ("spokesman", "operations manager"; not "union secretary").
fn is_bare_voice(role: &str, sides: &SideMatcher) -> bool {
    let Some(last) = role.split_whitespace().last() else {
        return false;
    };
    is(Class::VoiceRole, &last.to_lowercase())
        && sides.first(role).is_none()
        && crate::detect::home::office_target(role, false).is_none()
}

/// The side that opens the paragraph of the mention at `at` by saying something,
/// when a quotation stands between: the paragraph's first sentence (up to its first
/// quotation mark or full stop) is "<a side's name> … said …".
fn speaking_body_before(text: &str, at: usize, sides: &SideMatcher) -> Option<usize> {
    let start = text.get(..at)?.rfind('\n').map_or(0, |p| p + 1);
    let before = &text[start..at];
    let end = before.find(['"', '“', '.'])?;
    if !before[end..].contains(['"', '“']) {
        return None;
    }
    let first = &before[..end];
    let verb = first.find(" said").or_else(|| first.find(" says"))?;
    sides.first(&first[..verb])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides() -> SideMatcher {
        SideMatcher::new(&[
            vec!["Harlow Freight".into(), "company".into()],
            vec!["Drivers Union".into(), "union".into()],
        ])
    }

    #[test]
    fn a_bare_voice_after_its_body_spoke_is_that_body_s() {
        let m = sides();
        let text = "Harlow Freight said it would not move. \"We have made our offer,\" \
                    spokeswoman Ann Bell said.";
        let at = text.find("Ann").unwrap();
        assert_eq!(speaking_body_before(text, at, &m), Some(0));
        assert!(is_bare_voice("spokeswoman", &m));
        assert!(is_bare_voice("operations manager", &m));
    }

    #[test]
    fn no_body_speaking_first_or_a_role_of_its_own_gives_nothing() {
        let m = sides();
        let text = "Talks broke down. \"We have made our offer,\" spokeswoman Ann Bell said.";
        let at = text.find("Ann").unwrap();
        assert_eq!(speaking_body_before(text, at, &m), None);
        let text = "Harlow Freight said so, spokeswoman Ann Bell said.";
        let at = text.find("Ann").unwrap();
        assert_eq!(speaking_body_before(text, at, &m), None);
        assert!(!is_bare_voice("analyst", &m));
        assert!(!is_bare_voice("union spokesman", &m));
    }
}
