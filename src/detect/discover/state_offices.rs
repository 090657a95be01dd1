//! A country known by the state offices it owns where no possessive names it: "the
//! Tamsara embassy", "the Valdoria energy ministry", "the foreign minister of
//! Valdoria", "the ambassador of Tamsara". Only a state keeps embassies and sends
//! ambassadors and envoys; a ministry after a portfolio word is a government's. A
//! person, a city, a company or a newspaper owns none of them. (A delegation is not
//! read: a US state sends one to its party's convention, "the Nevada delegation".)

use super::super::lexicon;
use super::super::side_words::{Class, is};
use super::super::words::{Word, is_capitalized, one_space_after, starts_with_capital, word_at};

/// Whether the single name word `ws[i]` (not a possessive) owns a state's office
/// around it.
pub(super) fn owns_state_office(text: &str, ws: &[Word], i: usize) -> bool {
    let near = Near { text, ws };
    near.office_after(i) || near.office_of(i)
}

/// The words around a name, read by index.
struct Near<'a> {
    text: &'a str,
    ws: &'a [Word],
}

impl Near<'_> {
    fn word(&self, k: usize) -> Option<&str> {
        word_at(self.text, self.ws, k)
    }

    /// Whether one space parts word `k` from the next.
    fn spaced(&self, k: usize) -> bool {
        one_space_after(self.text, self.ws, k)
    }

    /// Whether word `k` is a lower-case word of letters ("foreign", "fisheries").
    fn is_lower_word(&self, k: usize) -> bool {
        self.word(k).is_some_and(|w| {
            !is_capitalized(w) && !w.is_empty() && w.chars().all(char::is_alphabetic)
        })
    }

    /// "the Tamsara embassy", "the Valdoria energy ministry": after "the", the name
    /// and a state's office, or a portfolio word and its ministry or minister.
    fn office_after(&self, i: usize) -> bool {
        let after_the = i >= 1
            && self.spaced(i - 1)
            && self
                .word(i - 1)
                .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if !after_the || !self.spaced(i) {
            return false;
        }
        self.word(i + 1).is_some_and(|w| is(Class::StateOffice, w))
            || (self.is_lower_word(i + 1)
                && self.spaced(i + 1)
                && matches!(self.word(i + 2), Some("ministry" | "minister")))
    }

    /// "the ambassador of Tamsara", "the foreign minister of Valdoria": a state's
    /// office, or a portfolio word (not a rank) and "minister", then "of" and the name,
    /// which ends there ("the envoy of Tamsara, Leila Qasri", not "the ambassador of
    /// Sable Oil").
    fn office_of(&self, i: usize) -> bool {
        if i < 2 || self.word(i - 1) != Some("of") || !self.spaced(i - 2) || !self.spaced(i - 1) {
            return false;
        }
        let name_ends = !(self.spaced(i)
            && self
                .ws
                .get(i + 1)
                .is_some_and(|n| starts_with_capital(self.text, n.start)));
        let office = self.word(i - 2).is_some_and(|w| is(Class::StateOffice, w))
            || (self.word(i - 2) == Some("minister")
                && i >= 3
                && self.spaced(i - 3)
                && self.is_lower_word(i - 3)
                // ("the deputy minister of Health": a rank, and then a portfolio)
                && self.word(i - 3).is_some_and(|w| lexicon::rank(w).is_none()));
        name_ends && office
    }
}
