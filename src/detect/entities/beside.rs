//! The description beside a full name met before its person speaks ("Ivan Dorsk, a
//! veteran envoy who …", "the defence minister, Lena Kovac,", "Kari Lunde, acting as
//! mediator"): cut to its head, it is what a later "the envoy said" refers back to.

use super::super::appositive::{Reading, appositive};
use super::super::lexicon;
use super::super::speakers::is_role_noun;
use std::ops::Range;

/// Most words read back before a name for a description ending at its comma: a noun
/// phrase, not a sentence.
const MAX_WORDS_BEFORE: usize = 12;

/// Most bytes read back before a name for its description.
const MAX_BYTES_BEFORE: usize = 160;

/// Most words of a clause after a name read for "as" ("acting as mediator").
const MAX_WORDS_TO_AS: usize = 6;

/// The head of the description set off by a comma beside the full name at `name`:
/// after it ("…, a veteran envoy who …", "…, acting as mediator") or before it ("the
/// Ostravan defence minister, …", "A councillor who sits on the board, …").
pub(super) fn description_beside(text: &str, name: Range<usize>) -> Option<String> {
    after_name(text, name.end).or_else(|| before_name(text, name.start))
}

/// The description after a name: the role after "as" in a clause that says what the
/// person acts as ("acting as mediator", "who served as envoy"), else its appositive.
fn after_name(text: &str, name_end: usize) -> Option<String> {
    let rest = text.get(name_end..)?.strip_prefix(", ")?;
    let clause = &rest[..rest
        .find([',', ';', '.', '"', '“', '(', ':'])
        .unwrap_or(rest.len())];
    let words: Vec<&str> = clause.split_whitespace().collect();
    // (a clause of lower-case words: "acting as", "who served as")
    if words.first()?.starts_with(char::is_lowercase)
        && let Some(at) = words.iter().take(MAX_WORDS_TO_AS).position(|w| *w == "as")
    {
        return head_phrase(words[at + 1..].iter().copied());
    }
    head_phrase(appositive(text, name_end, Reading::Strict)?.split_whitespace())
}

/// The description that ends at the comma before a name: from the first article or
/// possessive of its clause whose phrase holds a role noun.
fn before_name(text: &str, name_start: usize) -> Option<String> {
    let before = text.get(..name_start)?.strip_suffix(", ")?;
    // (only the bytes twelve words may take: the text before is read once per name)
    let mut window = before.len().saturating_sub(MAX_BYTES_BEFORE);
    while !before.is_char_boundary(window) {
        window += 1;
    }
    let from = window
        + before[window..]
            .char_indices()
            .rfind(|(_, c)| {
                matches!(
                    c,
                    ',' | '.' | ';' | ':' | '"' | '“' | '”' | '\n' | '(' | '—'
                )
            })
            .map_or(0, |(i, c)| i + c.len_utf8());
    let words: Vec<&str> = before[from..].split_whitespace().collect();
    let words = &words[words.len().saturating_sub(MAX_WORDS_BEFORE)..];
    (0..words.len())
        .filter(|&i| opens_description(words[i]))
        .find_map(|i| head_phrase(words[i..].iter().copied()))
}

/// Whether a word opens a description: an article or a possessor ("Castell's", not
/// "he's"), or a plural possessive ("the ministers'").
fn opens_description(word: &str) -> bool {
    let lower = word.to_lowercase();
    lexicon::is_article(&lower) || lexicon::is_possessor(&lower) || word.ends_with("s'")
}

/// A description cut before its first preposition, relative or clause word or
/// auxiliary ("a veteran envoy" of "a veteran envoy who negotiated the truce"), when
/// what is left holds a role noun.
fn head_phrase<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    let ends = |w: &str| {
        lexicon::is_preposition(w)
            || lexicon::is_clause_boundary(w)
            || matches!(w, "was" | "is" | "has" | "had")
    };
    let kept: Vec<&str> = words.take_while(|w| !ends(w)).collect();
    let holds_role = kept.iter().any(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        !bare.starts_with(char::is_uppercase) && is_role_noun(&bare.to_lowercase())
    });
    holds_role.then(|| kept.join(" "))
}

#[cfg(test)]
mod tests {
    use super::description_beside;

    fn beside(text: &str, name: &str) -> Option<String> {
        let at = text.find(name).unwrap();
        description_beside(text, at..at + name.len())
    }

    #[test]
    fn an_appositive_after_the_name_is_cut_to_its_head() {
        let text = "The other side sent Ana Voss, a seasoned envoy who ended the 1998 war.";
        assert_eq!(
            beside(text, "Ana Voss").as_deref(),
            Some("a seasoned envoy")
        );
    }

    #[test]
    fn a_clause_of_what_the_person_acts_as_gives_the_role() {
        let text = "They met in Bern, with Otto Brun, acting as mediator.";
        assert_eq!(beside(text, "Otto Brun").as_deref(), Some("mediator"));
    }

    #[test]
    fn a_description_before_the_name_opens_at_its_article() {
        let text = "The offer was rejected by the Pelsian trade minister, Ida Moor, as weak.";
        assert_eq!(
            beside(text, "Ida Moor").as_deref(),
            Some("the Pelsian trade minister")
        );
        let text = "A Green councillor who chairs the planning board, Rob Tarn, said no.";
        assert_eq!(
            beside(text, "Rob Tarn").as_deref(),
            Some("A Green councillor")
        );
    }

    #[test]
    fn a_name_with_no_role_beside_it_has_no_description() {
        let text = "In the town of Esk, Rob Tarn, 54, said no.";
        assert_eq!(beside(text, "Rob Tarn"), None);
    }
}
