//! A speaker named by the trade of a side and a role it speaks through: "a port
//! spokesman" where the one side whose name holds the trade is "Kelmouth Port Company",
//! "a ferry spokeswoman" where it is "Harlow Ferries". The trade is no side's name by
//! itself (a bare "port" would make every "port worker" the company's), so it is read
//! only before a voice of the body ("spokesman", "manager"), never before "worker".

use crate::detect::candidates::Candidates;
use crate::detect::entities::Entities;
use crate::detect::evidence::{Clue, Evidence, Target};
use crate::detect::side_words::{Class, is};

/// Clues from the speakers called "<trade> <voice>" to the one side of that trade.
pub fn trade_voice_clues(entities: &Entities, candidates: &Candidates, evidence: &mut Evidence) {
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        let phrase = e.role.as_deref().unwrap_or(&e.name);
        let Some(trade) = trade_of_voice(phrase) else {
            continue;
        };
        let mut sides = (0..candidates.own_len()).filter(|&s| {
            let party = candidates.party(s);
            std::iter::once(&party.name)
                .chain(&party.aliases)
                .any(|n| names_trade(n, &trade))
        });
        if let (Some(side), None) = (sides.next(), sides.next()) {
            evidence.add(i, Target::Side(side), Clue::Described);
        }
    }
}

/// The trade of a phrase that is an article (or none), one word in lower case and a
/// role a body speaks through ("a port spokesman", "ferry spokeswoman"), lower case.
fn trade_of_voice(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase
        .split_whitespace()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "a" | "an" | "the"))
        .collect();
    let [trade, voice] = words[..] else {
        return None;
    };
    let lower_trade = trade.chars().all(|c| c.is_ascii_lowercase());
    // ("union spokesman", "company spokeswoman" are told by their nouns already)
    let no_office = crate::detect::home::office_target(phrase, false).is_none();
    (lower_trade && no_office && is(Class::VoiceRole, &voice.to_lowercase()))
        .then(|| trade.to_string())
}

/// Whether a name holds `trade` as one of its words after the first, capitalised, as
/// written or in the plural ("Kelmouth Port Company", "Harlow Ferries" for "ferry"):
/// the first word is the place or owner, not the trade.
fn names_trade(name: &str, trade: &str) -> bool {
    let plural = match trade.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{trade}s"),
    };
    name.split_whitespace().skip(1).any(|w| {
        let w = w.to_lowercase();
        w == trade || w == plural
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::test_support::{party, quote_sides, sides};

    #[test]
    fn a_port_spokesman_speaks_for_the_port_company_and_a_port_worker_does_not() {
        let story = "Tug crews strike at Orlen\n\n\
            Tug crews at the Orlen Port Company walked out on Monday, the Marine \
            Crews Guild said.\n\n\
            \"The new rota is unsafe,\" said Tam Hollis, the guild's secretary.\n\n\
            A port spokesman said ships were waiting offshore. \"We will keep the \
            channel open,\" he said.\n\n\
            \"Nobody here wants a long strike,\" said a port worker, Ben Alder.";
        let parties = [
            party("port", "Orlen Port Company", &[]),
            party("guild", "Marine Crews Guild", &[]),
        ];
        let got = quote_sides(story, &parties);
        assert_eq!(got[..2], sides(&["guild", "port"])[..], "{got:?}");
        // a worker of the port is no voice of the company
        assert_ne!(got[2].as_deref(), Some("port"), "{got:?}");
    }

    #[test]
    fn a_trade_before_a_voice_is_read_and_other_roles_are_not() {
        assert_eq!(trade_of_voice("a port spokesman").as_deref(), Some("port"));
        assert_eq!(
            trade_of_voice("ferry spokeswoman").as_deref(),
            Some("ferry")
        );
        // a worker of the trade speaks for no body; the union and the company are
        // told by their own nouns
        assert_eq!(trade_of_voice("a port worker"), None);
        assert_eq!(trade_of_voice("a union spokesman"), None);
        assert_eq!(trade_of_voice("a company spokeswoman"), None);
        assert_eq!(trade_of_voice("a senior port spokesman"), None);
    }

    #[test]
    fn a_side_names_a_trade_by_a_later_word_as_written_or_plural() {
        assert!(names_trade("Kelmouth Port Company", "port"));
        assert!(names_trade("Harlow Ferries", "ferry"));
        // the first word is the place, not the trade
        assert!(!names_trade("Port Talbot Steel", "port"));
        assert!(!names_trade("Harlow Ferries", "port"));
    }
}
