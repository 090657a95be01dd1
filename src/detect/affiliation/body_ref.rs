//! The body a speaker belongs to when the text names it by a common noun the story used
//! for it just before ("The Kelmarian delegation walked out … The delegation's leader
//! said", "The Interior Ministry in Tessa issued … A ministry spokesman said"), and the
//! place a body is named in ("the Foreign Ministry in Tessa"): the side named in the noun
//! phrase of the body's earlier mention is the speaker's.

use crate::detect::entities::{Entity, EntityKind, mention_ends};
use crate::detect::lexicon;
use crate::detect::parties::SideMatcher;
use crate::detect::words::{is_capitalized, trim_possessive, words};

/// Capitalised words a place after "in" or "of" may run to ("in Port Arren").
const PLACE_WORDS: usize = 3;

/// The side of the body that a common noun in a speaker's role or name refers back to
/// ("The delegation's leader", "the embassy's press officer", "a ministry spokesman"):
/// the side named in the noun phrase of the noun's last mention before the speaker's
/// first, close before it and outside quotations. A phrase that names a side says whose
/// it is itself.
pub(super) fn owner_by_noun(text: &str, e: &Entity, sides: &SideMatcher) -> Option<usize> {
    let at = e.mentions.first()?.start;
    let mut phrases =
        std::iter::once(e.name.as_str()).chain(e.descriptions.iter().map(String::as_str));
    // (the noun first: most phrases have none, and the matcher's scan costs more)
    phrases
        .find_map(|p| owner_noun(p).filter(|_| sides.first(p).is_none()))
        .and_then(|noun| last_mention_side(text, at, &noun, sides))
}

/// [`owner_by_noun`] for a title or description before a name, a slice of `text`
/// ("The delegation's head, Deputy Energy Minister Ann Bell,").
pub(super) fn owner_of_title(text: &str, title: &str, sides: &SideMatcher) -> Option<usize> {
    let at = (title.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    if at + title.len() > text.len() {
        return None;
    }
    last_mention_side(text, at, &owner_noun(title)?, sides)
}

/// The common noun a role names its body by, its first word after an article: a
/// lower-case body's noun before a possessive ("the delegation's leader") or before a
/// title or source noun ("a ministry spokesman"). A name first says whose the role is
/// itself ("Smith's press secretary").
fn owner_noun(phrase: &str) -> Option<String> {
    let mut ws = phrase
        .split_whitespace()
        .skip_while(|w| ["a", "an", "the"].iter().any(|a| w.eq_ignore_ascii_case(a)));
    let w = ws.next().filter(|w| !is_capitalized(w))?;
    let stem = trim_possessive(w);
    let possessive = stem.len() < w.len();
    let before_title = ws.next().is_some_and(|n| {
        let n = n.to_lowercase();
        lexicon::is_title(&n) || lexicon::is_source_noun(&n)
    });
    let noun = stem.to_lowercase();
    ((possessive || before_title) && lexicon::is_body_head(&noun)).then_some(noun)
}

/// The side named in the noun phrase of the last mention of `noun` before `at`, close
/// before it ([`super::owner::narrators_pieces_before`]): not a possessive or a noun
/// before a title (another role naming the body, maybe the speaker's own).
fn last_mention_side(text: &str, at: usize, noun: &str, sides: &SideMatcher) -> Option<usize> {
    let mut last = None;
    for piece in super::owner::narrators_pieces_before(text, at) {
        let start = piece.as_ptr() as usize - text.as_ptr() as usize;
        for w in words(text, start..start + piece.len()) {
            if text[w.clone()].eq_ignore_ascii_case(noun) && !names_a_role(text, w.end) {
                last = Some(w);
            }
        }
    }
    let w = last?;
    sides.first(phrase_around(text, w.start, w.end))
}

/// Whether the noun ending at `end` is a possessive or stands before a title or source
/// noun: a role naming the body, not the body's own mention.
fn names_a_role(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    if rest.starts_with("'s") || rest.starts_with("’s") {
        return true;
    }
    let next = rest
        .strip_prefix(' ')
        .and_then(|r| r.split_whitespace().next());
    next.is_some_and(|n| {
        let n = n
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        lexicon::is_title(&n) || lexicon::is_source_noun(&n)
    })
}

/// The noun phrase around a body's noun at `start..end`: the capitalised words and
/// possessive names before it ("the Kelmarian delegation", "Tessa's delegation") and a
/// place after it ("The Foreign Ministry in Tessa"). A capitalised noun ends a proper
/// name, whose other words are its own ("the United Farmers Union"): only the place
/// after it counts.
fn phrase_around(text: &str, start: usize, end: usize) -> &str {
    if is_capitalized(&text[start..end]) {
        return from_to_place(text, end, end);
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = words(text, line_start..start);
    let from = before
        .iter()
        .rev()
        .take_while(|w| is_capitalized(&text[(*w).clone()]))
        .last()
        .map_or(start, |w| w.start);
    from_to_place(text, from, end)
}

/// `text[from..]` through `end` and a place after it: "in" or "of" and up to
/// [`PLACE_WORDS`] capitalised words.
fn from_to_place(text: &str, from: usize, end: usize) -> &str {
    let rest = &text[end..];
    let Some(after) = rest
        .strip_prefix(" in ")
        .or_else(|| rest.strip_prefix(" of "))
    else {
        return &text[from..end];
    };
    let place_at = text.len() - after.len();
    let line_end = after.find('\n').map_or(text.len(), |i| place_at + i);
    let mut place_end = None;
    let mut next_at = place_at;
    // (the place's words run on with one space between: "in Port Arren", not "in
    // Tessa, the capital")
    for w in words(text, place_at..line_end)
        .into_iter()
        .take(PLACE_WORDS)
    {
        if w.start != next_at || !is_capitalized(&text[w.clone()]) {
            break;
        }
        place_end = Some(w.end);
        next_at = w.end + 1;
    }
    place_end.map_or(&text[from..end], |e| &text[from..e])
}

/// The side of the place a body is named in at one of its mentions ("The Foreign
/// Ministry in Tessa summoned …"), for a body whose name says no side.
pub(super) fn place_of_body(text: &str, e: &Entity, sides: &SideMatcher) -> Option<usize> {
    if e.kind != EntityKind::Body || sides.first(&e.name).is_some() {
        return None;
    }
    let last_word_is_body = e
        .name
        .rsplit(' ')
        .next()
        .is_some_and(|w| lexicon::is_body_head(&w.to_lowercase()));
    if !last_word_is_body {
        return None;
    }
    mention_ends(text, e)
        .filter(|&end| end < text.len())
        .find_map(|end| sides.first(from_to_place(text, end, end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_sides() -> SideMatcher {
        SideMatcher::new(&[
            vec!["Kelmar".into(), "Kelmarian".into(), "Tessa".into()],
            vec!["Dravonia".into(), "Dravonian".into()],
        ])
    }

    #[test]
    fn a_roles_noun_names_its_body() {
        assert_eq!(
            owner_noun("delegation's leader").as_deref(),
            Some("delegation")
        );
        assert_eq!(
            owner_noun("a ministry spokesman").as_deref(),
            Some("ministry")
        );
        assert_eq!(
            owner_noun("The embassy's press officer").as_deref(),
            Some("embassy")
        );
        assert_eq!(owner_noun("Foreign Ministry spokesman"), None);
        assert_eq!(owner_noun("the spokesman"), None);
        assert_eq!(owner_noun("a farmer's son"), None);
        // a name first says whose the role is
        assert_eq!(owner_noun("Smith's press secretary"), None);
    }

    #[test]
    fn the_side_is_read_from_the_nouns_last_mention_before() {
        let m = two_sides();
        let text = "Talks broke down when the Kelmarian delegation walked out.\n\
            The delegation's leader said no.";
        let at = text.find("The delegation's").unwrap_or(0);
        assert_eq!(last_mention_side(text, at, "delegation", &m), Some(0));
        let text = "The Interior Ministry in Tessa summoned the Dravonian envoy. \
            A ministry spokesman said no.";
        let at = text.find("A ministry").unwrap_or(0);
        assert_eq!(last_mention_side(text, at, "ministry", &m), Some(0));
        let text = "Dravonia's delegation said the fee was fair. The delegation's head said no.";
        let at = text.find("The delegation's").unwrap_or(0);
        assert_eq!(last_mention_side(text, at, "delegation", &m), Some(1));
        // a side's name inside a proper name is that name's own
        let text = "The Kelmar Farmers Union said no. The union's head said so.";
        let at = text.find("The union's").unwrap_or(0);
        assert_eq!(last_mention_side(text, at, "union", &m), None);
    }

    #[test]
    fn a_mention_in_a_quotation_or_far_before_is_passed_over() {
        let m = two_sides();
        let text = "\"The Kelmarian delegation lied,\" he said. The delegation's leader said no.";
        let at = text.find("The delegation's").unwrap_or(0);
        assert_eq!(last_mention_side(text, at, "delegation", &m), None);
        let far = format!(
            "The Kelmarian delegation left.\n{}\nThe delegation's leader said no.",
            "Rain fell all day on the hills. ".repeat(12)
        );
        let at = far.find("The delegation's").unwrap_or(0);
        assert_eq!(last_mention_side(&far, at, "delegation", &m), None);
    }

    #[test]
    fn speakers_named_by_their_bodys_noun_or_place_take_its_side() {
        use crate::article::{Article, Source};
        use crate::model::Party;
        let story = "Dravonia recalls envoy in Kelmar row\n\n\
            DRAVOGRAD, May 4 - Talks broke down when the Kelmarian delegation walked \
            out on Monday.\n\n\
            The delegation's leader said the offer was late. \"We waited two days,\" he said.\n\n\
            \"The drivers broke our laws,\" the Interior Ministry in Tessa said.\n\n\
            A ministry spokesman later said: \"Nobody is held without charge.\"\n";
        let party = |id: &str, name: &str, aliases: &[&str]| Party {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            ..Default::default()
        };
        let parties = [
            party("kelmar", "Kelmar", &["Kelmarian", "Tessa"]),
            party("dravonia", "Dravonia", &["Dravonian", "Dravograd"]),
        ];
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let found = crate::detect::detect(&article, Some(&parties));
        let sides: Vec<Option<String>> = found
            .quotes
            .iter()
            .map(|q| q.party.as_ref().map(|p| p.to_string()))
            .collect();
        assert_eq!(sides, vec![Some("kelmar".to_string()); 3]);
    }

    #[test]
    fn a_place_after_in_is_read_whole_and_alone() {
        let text = "The Foreign Ministry in Port Arren said";
        let end = "The Foreign Ministry".len();
        assert_eq!(
            from_to_place(text, 0, end),
            "The Foreign Ministry in Port Arren"
        );
        let text = "The ministry in the capital said";
        assert_eq!(from_to_place(text, 0, "The ministry".len()), "The ministry");
    }
}
