//! Abbreviations and honorifics, in one list: sentence splitting reads it to know which
//! periods end no sentence, and the detector to know which words before a name are no
//! part of it ("Mr", "Sen.", "Lt. Gen."). It lives here, in the layer below the
//! detector, so both read the same words.

/// What a listed word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Short {
    /// A form of address before a name, no role: "Mr", "Dr", "Sir". `Some(female)` where
    /// it gives the person's gender.
    Honorific(Option<bool>),
    /// An abbreviated title before a name ("Sen.", "Gov.", "Lt.").
    Title,
    /// A word that sits beside a name without being a title ("St.", "Jr.", "Ret.").
    NameWord,
    /// Any other abbreviation ("Dec.", "Inc.", "e.g.").
    Other,
}

/// What a word (lower case, without its period) is, if it is listed, and whether it is
/// written abbreviated (so that a period after it ends no sentence). A `match`: the
/// detector asks for nearly every capitalised word.
fn listed(word_lower: &str) -> Option<(Short, bool)> {
    use Short::*;
    Some(match word_lower {
        "mr" => (Honorific(Some(false)), true),
        "mrs" | "ms" => (Honorific(Some(true)), true),
        "dr" | "prof" | "rev" => (Honorific(None), true),
        "sir" | "lord" => (Honorific(Some(false)), false),
        "miss" | "dame" | "lady" | "baroness" => (Honorific(Some(true)), false),
        "sen" | "sens" | "rep" | "reps" | "gov" | "gen" | "gens" | "lt" | "col" | "sgt"
        | "capt" | "maj" | "adm" | "cmdr" | "hon" | "pres" | "supt" | "atty" | "del" => {
            (Title, true)
        }
        "st" | "jr" | "sr" | "ret" => (NameWord, true),
        "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov"
        | "dec" | "no" | "nos" | "vs" | "v" | "inc" | "corp" | "co" | "ltd" | "dept" | "gov't"
        | "approx" | "est" | "fig" | "ft" | "mt" | "ave" | "blvd" | "e.g" | "i.e" | "cf" | "al" => {
            (Other, true)
        }
        _ => return None,
    })
}

/// What a word (lower case, without a period) is, if it is listed.
pub fn short(word_lower: &str) -> Option<Short> {
    listed(word_lower).map(|(kind, _)| kind)
}

/// Whether a period after this word (lower case) ends no sentence.
pub fn is_abbreviation(word_lower: &str) -> bool {
    listed(word_lower).is_some_and(|(_, abbreviated)| abbreviated)
}

/// Whether a word (lower case, a period after it allowed) is an honorific: "Mr",
/// "Ms.", "Sir".
pub fn is_honorific(word_lower: &str) -> bool {
    matches!(
        short(word_lower.trim_end_matches('.')),
        Some(Short::Honorific(_))
    )
}

/// The gender an honorific gives (`Some(true)` female), if the word is one that does.
pub fn honorific_gender(word_lower: &str) -> Option<bool> {
    match short(word_lower.trim_end_matches('.')) {
        Some(Short::Honorific(female)) => female,
        _ => None,
    }
}

/// Whether a word (lower case, no period) is an abbreviated honorific or title before
/// a name: "mr", "dr", "sen", "lt".
pub fn is_name_prefix(word_lower: &str) -> bool {
    matches!(
        listed(word_lower),
        Some((Short::Honorific(_) | Short::Title, true))
    )
}

/// Whether a word (lower case, no period) is abbreviated and stands beside a name: an
/// honorific, a title or a word such as "Jr", "St".
pub fn is_name_abbreviation(word_lower: &str) -> bool {
    matches!(listed(word_lower), Some((kind, true)) if kind != Short::Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_told_apart_by_what_they_are() {
        assert!(is_abbreviation("mr") && is_abbreviation("dec") && is_abbreviation("sen"));
        // a whole word is no abbreviation: "the lady." ends a sentence
        assert!(!is_abbreviation("lady") && !is_abbreviation("sir"));
        assert!(is_honorific("sir") && is_honorific("ms.") && !is_honorific("sen"));
        assert_eq!(honorific_gender("mrs"), Some(true));
        assert_eq!(honorific_gender("lord"), Some(false));
        assert_eq!(honorific_gender("dr"), None);
        assert!(is_name_prefix("lt") && is_name_prefix("mr") && !is_name_prefix("jr"));
        assert!(is_name_abbreviation("jr") && !is_name_abbreviation("dec"));
        assert!(!is_name_prefix("sir"));
    }
}
