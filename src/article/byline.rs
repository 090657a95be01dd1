//! Whether a paragraph is a byline: the credit line that names who wrote or reported
//! the story ("By Jane Doe", "Reporting by …; Editing by …", "By a staff reporter").

/// Longest paragraph still read as a byline.
const MAX_BYLINE_BYTES: usize = 400;

/// Whether `par` is a byline: a credit opening with "Reporting by" and the like, a
/// short "By" and capitalised names, or a short "By" and a writer no name is given for.
pub(super) fn is_byline(par: &str) -> bool {
    let p = par.trim_start_matches('(');
    if par.len() > MAX_BYLINE_BYTES {
        return false;
    }
    const STARTS: [&str; 6] = [
        "Reporting by",
        "Additional reporting by",
        "Writing by",
        "Editing by",
        "Compiled by",
        "Reported by",
    ];
    if STARTS.iter().any(|s| p.starts_with(s)) {
        return true;
    }
    let Some(rest) = p.strip_prefix("By ") else {
        return false;
    };
    names_only(rest) || unnamed_writer(rest)
}

/// "Jane Doe" or "Jane Doe and John Roe, Reuters": capitalised words and the particles
/// of names.
fn names_only(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().collect();
    (2..=10).contains(&words.len())
        && !rest.trim_end().ends_with('.')
        && words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(*w, "and" | "in" | "of" | "for" | "de" | "van" | "von")
            })
}

/// A writer the paper does not name ("a staff reporter", "staff writers", "our
/// correspondent in Bransk"): a short phrase with no sentence punctuation whose head is
/// a word of the newsroom, followed by nothing or by where the writer is.
fn unnamed_writer(rest: &str) -> bool {
    let rest = rest.trim_end();
    if rest.ends_with(['.', '!', '?', ':', ';', ',']) {
        return false;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.len() > 6 {
        return false;
    }
    let Some(head) = words.iter().rposition(|w| is_newsroom_noun(w)) else {
        return false;
    };
    match &words[head + 1..] {
        [] => true,
        [at, place @ ..] => {
            matches!(at.to_lowercase().as_str(), "in" | "at" | "from")
                && !place.is_empty()
                && place
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        }
    }
}

/// Whether a word names someone who writes for a paper, singular or plural.
fn is_newsroom_noun(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.strip_suffix('s').unwrap_or(&w);
    matches!(
        w,
        "reporter" | "correspondent" | "writer" | "staff" | "editor" | "journalist" | "desk"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_credits_are_bylines() {
        assert!(is_byline("By Jane Doe"));
        assert!(is_byline("By Jane Doe and John Roe, Reuters"));
        assert!(is_byline("Reporting by Jane Doe; Editing by John Roe"));
    }

    #[test]
    fn a_writer_named_by_no_name_is_a_byline() {
        for line in [
            "By a staff reporter",
            "By Our Correspondent",
            "By staff writers",
            "By our diplomatic correspondent in Bransk",
            "By the Foreign Desk",
        ] {
            assert!(is_byline(line), "{line}");
        }
    }

    #[test]
    fn a_sentence_opening_with_by_is_no_byline() {
        for line in [
            "By the time the reporters arrived, the talks had ended.",
            "By then the staff had gone home",
            "By the numbers",
            "By staff writers, the paper meant its interns.",
        ] {
            assert!(!is_byline(line), "{line}");
        }
    }
}
