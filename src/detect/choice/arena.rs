//! The arena told by a possessive before a party's word: "Tarvonia's main opposition
//! party", "Malvesia's opposition alliance", "Kellmark's ruling coalition" make the
//! country the place whose parties contend, as "Velmora's ruling Unity Party" does
//! where the party has a name the story gives at once.

use super::super::side_words::{Class, is};
use super::super::words::trim_possessive;

/// Whether the name at the start of `after` (the text from a mention on) is written as
/// the owner of a party: its possessive within its first three words, then a party's
/// word among the next three, all in lower case ("Tarvonia's main opposition party").
pub(super) fn owns_a_party_word(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let owner = words.by_ref().take(3).any(|w| trim_possessive(w) != w);
    if !owner {
        return false;
    }
    let lower = |w: &&str| w.starts_with(char::is_lowercase);
    let next: Vec<&str> = words.take(3).take_while(lower).collect();
    next.iter().any(|w| {
        let w = w.trim_end_matches([',', '.', ';', ':']);
        is(Class::PartyOwned, w)
    })
}

#[cfg(test)]
mod tests {
    use super::owns_a_party_word;

    #[test]
    fn a_possessive_before_a_party_word_owns_parties() {
        assert!(owns_a_party_word(
            "Tarvonia's main opposition party on Monday"
        ));
        assert!(owns_a_party_word("Malvesia's opposition alliance said"));
        assert!(owns_a_party_word("New Zealand's ruling coalition"));
        // an office, a clause or no possessive: no arena
        assert!(!owns_a_party_word("Tarvonia's foreign minister said"));
        assert!(!owns_a_party_word("Tarvonia and the opposition party"));
        assert!(!owns_a_party_word(
            "Tarvonia's Kesh province, where the party"
        ));
    }
}
