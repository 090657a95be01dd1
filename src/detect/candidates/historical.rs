//! A historical state a story's lead names ("the Soviet Union"), whose candidate takes
//! its successor's names too ("Moscow", "the Kremlin"); most leads name none, and are
//! told so by a prefilter before the country matcher reads them.

use super::super::bytes::capital_or_wide;
use super::super::gazetteer::{Country, countries, gazetteer};
use crate::article::Structure;
use std::sync::OnceLock;

/// Bytes at the start of an article in which a historical state must be named for it
/// to take its successor's names: wire copy names its countries in the lead.
const LEAD_BYTES: usize = 4096;

/// A historical state the lead names ("the Soviet Union") and its successor, whose
/// names ("Moscow", "Kremlin") are then the old state's.
pub(super) fn historical_state(text: &str, structure: &Structure) -> Option<(usize, usize)> {
    let lead_end = structure
        .paragraphs
        .iter()
        .map(|p| p.range.end)
        .take_while(|&end| end <= LEAD_BYTES)
        .last()
        .unwrap_or_else(|| super::super::words::floor_boundary(text, LEAD_BYTES));
    let lead = &text[..lead_end];
    // (most leads hold no start of such a name: the matcher's scan is spared them)
    if !may_name_a_historical_state(lead) {
        return None;
    }
    let g = gazetteer();
    super::super::country_matcher()
        .find(lead)
        .into_iter()
        .find_map(|(_, i)| {
            let successor = countries()[i].successor.as_deref()?;
            Some((i, g.index_of(successor)?))
        })
}

/// Whether `lead` may name a historical state: whether it holds, dots passed over, the
/// opening of one of their names (the ASCII letters and digits its first word starts
/// with). Every word the country matcher takes for such a name holds that opening, as
/// the matcher drops a word's dots and reads it whole, so false means none is named.
fn may_name_a_historical_state(lead: &str) -> bool {
    let HistoricalOpenings {
        by_first,
        capitals_only,
    } = historical_openings();
    let bytes = lead.as_bytes();
    let opens_at = |i: usize| {
        by_first[usize::from(bytes[i])]
            .iter()
            .flatten()
            .any(|o| opens_skipping_dots(&bytes[i..], o))
    };
    if by_first[0].is_some() {
        return true;
    }
    // (when every opening starts with a capital, eight bytes without one are passed
    // at once: a lead is mostly in lower case, and every article's lead is read)
    let mut at = 0;
    while let Some(eight) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        if (!capitals_only || capital_or_wide(u64::from_le_bytes(*eight)))
            && (at..at + 8).any(opens_at)
        {
            return true;
        }
        at += 8;
    }
    (at..bytes.len()).any(opens_at)
}

/// The openings of the historical states' names ([`may_name_a_historical_state`]).
struct HistoricalOpenings {
    /// The openings by their first byte; an empty one (a name that starts otherwise)
    /// under byte 0, which then lets every lead through.
    by_first: Vec<Option<Vec<Vec<u8>>>>,
    /// Whether every opening starts with an ASCII capital.
    capitals_only: bool,
}

fn historical_openings() -> &'static HistoricalOpenings {
    static OPENINGS: OnceLock<HistoricalOpenings> = OnceLock::new();
    OPENINGS.get_or_init(|| {
        let mut by_first: Vec<Option<Vec<Vec<u8>>>> = vec![None; 256];
        let names = countries()
            .iter()
            .filter(|c| c.successor.is_some())
            .flat_map(Country::all_names);
        for name in names {
            let opening: Vec<u8> = name
                .bytes()
                .filter(|&b| b != b'.')
                .take_while(u8::is_ascii_alphanumeric)
                .collect();
            let first = opening.first().map_or(0, |&b| usize::from(b));
            by_first[first].get_or_insert_with(Vec::new).push(opening);
        }
        let capitals_only = (0..=u8::MAX)
            .filter(|&b| by_first[usize::from(b)].is_some())
            .all(|b| b.is_ascii_uppercase());
        HistoricalOpenings {
            by_first,
            capitals_only,
        }
    })
}

/// Whether `bytes` start with `opening` once their dots are passed over.
fn opens_skipping_dots(bytes: &[u8], opening: &[u8]) -> bool {
    let mut rest = bytes.iter().filter(|&&b| b != b'.');
    opening.iter().all(|b| rest.next() == Some(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_without_the_start_of_a_historical_state_is_not_scanned_for_one() {
        for lead in [
            "Talks in Moscow after the U.S.S.R. fell.",
            "The USSR's envoy",
            "Former Soviets met",
            "Yugoslav troops",
        ] {
            assert!(may_name_a_historical_state(lead), "{lead}");
        }
        // (the lead is passed eight bytes at a time: an opening at any place of them)
        for pad in 0..17 {
            let lead = format!("{} USSR {}", "x".repeat(pad), "y".repeat(pad));
            assert!(may_name_a_historical_state(&lead), "{lead}");
        }
        assert!(!may_name_a_historical_state(
            "Talks in Moscow and Havana ended."
        ));
        // wherever the matcher finds a historical state, the test lets the lead through
        let structure = |t: &str| {
            crate::article::Article::from_bytes(crate::article::Source::Stdin, t.as_bytes())
                .structure
        };
        let lead = "Mr. Gorbachev of the U.S.S.R. spoke.\n";
        let found = historical_state(lead, &structure(lead)).map(|(old, _)| old);
        assert_eq!(found.map(|c| countries()[c].id.as_str()), Some("su"));
    }
}
