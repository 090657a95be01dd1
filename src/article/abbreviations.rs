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

/// Each word, lower case and without its period, with what it is and whether it is
/// written abbreviated (so that a period after it ends no sentence).
const WORDS: &[(&str, Short, bool)] = &[
    ("mr", Short::Honorific(Some(false)), true),
    ("mrs", Short::Honorific(Some(true)), true),
    ("ms", Short::Honorific(Some(true)), true),
    ("dr", Short::Honorific(None), true),
    ("prof", Short::Honorific(None), true),
    ("rev", Short::Honorific(None), true),
    ("miss", Short::Honorific(Some(true)), false),
    ("sir", Short::Honorific(Some(false)), false),
    ("lord", Short::Honorific(Some(false)), false),
    ("dame", Short::Honorific(Some(true)), false),
    ("lady", Short::Honorific(Some(true)), false),
    ("baroness", Short::Honorific(Some(true)), false),
    ("sen", Short::Title, true),
    ("sens", Short::Title, true),
    ("rep", Short::Title, true),
    ("reps", Short::Title, true),
    ("gov", Short::Title, true),
    ("gen", Short::Title, true),
    ("gens", Short::Title, true),
    ("lt", Short::Title, true),
    ("col", Short::Title, true),
    ("sgt", Short::Title, true),
    ("capt", Short::Title, true),
    ("maj", Short::Title, true),
    ("adm", Short::Title, true),
    ("cmdr", Short::Title, true),
    ("hon", Short::Title, true),
    ("pres", Short::Title, true),
    ("supt", Short::Title, true),
    ("atty", Short::Title, true),
    ("del", Short::Title, true),
    ("st", Short::NameWord, true),
    ("jr", Short::NameWord, true),
    ("sr", Short::NameWord, true),
    ("ret", Short::NameWord, true),
];

/// Other abbreviations a period follows without ending a sentence.
const OTHER: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vs", "v", "inc", "corp", "co", "ltd", "dept", "gov't", "approx", "est", "fig", "ft",
    "mt", "ave", "blvd", "e.g", "i.e", "cf", "al",
];

/// What a word (lower case, without a period) is, if it is listed.
pub fn short(word_lower: &str) -> Option<Short> {
    WORDS
        .iter()
        .find(|(w, ..)| *w == word_lower)
        .map(|&(_, kind, _)| kind)
        .or_else(|| OTHER.contains(&word_lower).then_some(Short::Other))
}

/// Whether a period after this word (lower case) ends no sentence.
pub fn is_abbreviation(word_lower: &str) -> bool {
    OTHER.contains(&word_lower)
        || WORDS
            .iter()
            .any(|&(w, _, abbreviated)| abbreviated && w == word_lower)
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
    WORDS.iter().any(|&(w, kind, abbreviated)| {
        abbreviated && w == word_lower && matches!(kind, Short::Honorific(_) | Short::Title)
    })
}

/// Whether a word (lower case, no period) is abbreviated and stands beside a name: an
/// honorific, a title or a word such as "Jr", "St".
pub fn is_name_abbreviation(word_lower: &str) -> bool {
    WORDS.iter().any(|&(w, kind, abbreviated)| {
        abbreviated && w == word_lower && !matches!(kind, Short::Other)
    })
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
