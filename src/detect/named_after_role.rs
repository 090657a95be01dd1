//! A source introduced by role alone and named a paragraph or two later: "A Harbour
//! Board spokesman said the port would stay shut." then "Spokesman Ivo Marek told
//! reporters …" or "Ivo Marek told reporters …". Nothing in the name says whose the
//! person is; the role that carried the side did, so the named person takes it.

use super::entities::{Entities, Entity, EntityKind};
use super::evidence::{Clue, Evidence};
use super::lexicon;
use super::parties::SideMatcher;
use crate::article::Structure;
use std::ops::Range;

/// How many paragraphs after the role's mention the name may come.
const PARAGRAPHS_APART: usize = 2;

/// What the rule reads: the text, its paragraphs and the sides' names.
pub struct Read<'a> {
    /// The article's text.
    pub text: &'a str,
    /// Its structure.
    pub structure: &'a Structure,
    /// Matches the candidate sides' names.
    pub sides: &'a SideMatcher,
}

/// Gives each named person whose own clues say nothing of whose they are (none, or an
/// office without whose) the side of the unnamed source with the same role just before
/// their first mention: the role's last
/// mention within two paragraphs before, no other source or other side named between, and
/// every title or description the person has made of the role's own words.
pub fn name_the_role(
    read: &Read,
    entities: &Entities,
    evidence: &Evidence,
    speaker_sides: &mut [Option<usize>],
) {
    let mut mentions = None;
    for (n, named) in entities.list.iter().enumerate() {
        if !is_named_person(read.text, named) || !only_whoseless(evidence, n) {
            continue;
        }
        let Some(first) = named.mentions.first() else {
            continue;
        };
        // told to be someone else: "Erik Lund, who studies fish stocks", "the union's
        // lawyer, Grace Min"
        let after = &read.text[first.end..];
        if after.starts_with(", who") || read.text[..first.start].trim_end().ends_with(',') {
            continue;
        }
        // what follows the name between commas ("Ida Pell, 61, has worked at …"), or
        // an office's clue, must be a title made of the role's words (checked below)
        let has_office = evidence.of(n).iter().any(|(_, c)| *c == Clue::Office);
        if (has_office || after.starts_with(',')) && named.descriptions.is_empty() {
            continue;
        }
        let mentions = mentions.get_or_insert_with(|| MentionsInOrder::of(entities));
        let Some((r, at)) = mentions.latest_before(n, first.start) else {
            continue;
        };
        let role = &entities.list[r];
        let Some(side) = speaker_sides[r] else {
            continue;
        };
        if is_unnamed_role(read.text, role)
            && is_role_mention(&read.text[at.clone()], role)
            && near(read.structure, at.start, first.start)
            && only_side_between(read, at.end..first.start, side)
            && named.descriptions.iter().all(|d| within(d, &role.name))
        {
            speaker_sides[n] = Some(side);
        }
    }
}

/// Whether nothing about entity `n` says whose it is: no clue, or only an office named
/// without whose ("government spokesman Ivo Marek", which the state's side would take)
/// and the dateline.
fn only_whoseless(evidence: &Evidence, n: usize) -> bool {
    evidence
        .of(n)
        .iter()
        .all(|(_, c)| matches!(c, Clue::Office | Clue::Dateline))
}

/// Whether no side but `side` is named in `between` ("Bratislava" between "A Slovak
/// government spokesman" and the name is no other body).
fn only_side_between(read: &Read, between: Range<usize>, side: usize) -> bool {
    let named = read.sides.find(&read.text[between]);
    named.iter().all(|&(_, s)| s == side)
}

/// Every entity's mentions in the order of the text (then of the entity and of its
/// list), so that the mention last before a name is found by a search, not by a pass
/// over every entity: a long file of many stories has thousands of named people.
struct MentionsInOrder {
    /// (start, entity, place in its list, end)
    all: Vec<(usize, usize, usize, usize)>,
}

impl MentionsInOrder {
    fn of(entities: &Entities) -> MentionsInOrder {
        let mut all: Vec<_> = (entities.list.iter().enumerate())
            .flat_map(|(i, e)| {
                (e.mentions.iter().enumerate()).map(move |(k, m)| (m.start, i, k, m.end))
            })
            .collect();
        all.sort_unstable();
        MentionsInOrder { all }
    }

    /// The entity other than `n` mentioned last before `offset` (the latest start of a
    /// mention that ends by then), with that mention.
    fn latest_before(&self, n: usize, offset: usize) -> Option<(usize, Range<usize>)> {
        let upto = self.all.partition_point(|&(start, ..)| start <= offset);
        self.all[..upto]
            .iter()
            .rev()
            .find(|&&(_, i, _, end)| i != n && end <= offset)
            .map(|&(start, i, _, end)| (i, start..end))
    }
}

/// Whether the entity is a person first mentioned by full name ("Ivo Marek", "spokesman
/// Ivo Marek"): two words or more, the last capitalised, no article first (a lone
/// capitalised word may be anything: "Eight candidates").
fn is_named_person(text: &str, e: &Entity) -> bool {
    e.kind == EntityKind::Person
        && e.speaks
        && e.mentions.first().is_some_and(|m| {
            let mut words = text[m.clone()].split_whitespace();
            let first = words.next().unwrap_or("");
            let Some(last) = words.next_back() else {
                return false;
            };
            !is_article(first) && last.starts_with(|c: char| c.is_uppercase())
        })
}

/// Whether the entity is a single person introduced by role alone, as a new source: "a
/// Harbour Board spokesman", or "the" with whose ("the union's general secretary", "the
/// Harbour Board spokesman"). A bare "the senator" refers back to someone named before.
fn is_unnamed_role(text: &str, e: &Entity) -> bool {
    e.kind == EntityKind::Person
        && !e.heads.is_empty()
        && e.mentions.first().is_some_and(|m| {
            if !holds_role_noun(&text[m.clone()], e) {
                return false;
            }
            let mut words = text[m.clone()].split_whitespace().peekable();
            // the article may lie just before the mention ("A | South Korean … spokesman")
            let first = match words.peek() {
                Some(w) if is_article(w) => words.next().unwrap_or(""),
                _ => text[..m.start].split_whitespace().next_back().unwrap_or(""),
            };
            let whose = |w: &str| {
                w.starts_with(|c: char| c.is_uppercase()) || w.ends_with("'s") || w.ends_with("’s")
            };
            ["a", "an"].iter().any(|a| first.eq_ignore_ascii_case(a))
                || (first.eq_ignore_ascii_case("the") && words.any(whose))
        })
}

/// Whether a mention of the role is its role phrase or a pronoun, not a name the
/// coreference joined to it ("Carrier" after "a Carrier executive").
fn is_role_mention(mention: &str, role: &Entity) -> bool {
    let lower = mention.to_lowercase();
    ["he", "she", "him", "her"].contains(&lower.as_str()) || holds_role_noun(mention, role)
}

/// Whether a mention holds one of the entity's role nouns in lower case ("spokesman"),
/// not only a name ("Vermont" of "the Vermont senator").
fn holds_role_noun(mention: &str, role: &Entity) -> bool {
    mention
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .any(|w| role.heads.iter().any(|h| *h == bare(w)))
}

/// Whether a word in any case is an article ([`lexicon::is_article`]), told without a
/// lower-case copy.
fn is_article(word: &str) -> bool {
    lexicon::is_article(&crate::detect::words::lower(word, &mut [0; 32]))
}

/// Whether a role mention at `role` is within two paragraphs before `name`.
fn near(structure: &Structure, role: usize, name: usize) -> bool {
    let paragraphs = &structure.paragraphs;
    let paragraph = |at: usize| {
        let after = paragraphs.partition_point(|p| p.range.start <= at);
        after
            .checked_sub(1)
            .filter(|&k| paragraphs[k].range.contains(&at))
    };
    match (paragraph(role), paragraph(name)) {
        (Some(r), Some(n)) => r <= n && n - r <= PARAGRAPHS_APART,
        _ => false,
    }
}

/// Whether every word of a description ("spokesman", "the ministry's spokesman") is a
/// word of the role's name ("Foreign Ministry spokesman"): a title that names another
/// body or office is no sign of the same person.
fn within(description: &str, role: &str) -> bool {
    let words: Vec<String> = role.split_whitespace().map(bare).collect();
    description
        .split_whitespace()
        .map(bare)
        .filter(|w| !is_article(w))
        .all(|w| words.contains(&w))
}

/// A word in lower case without its possessive or punctuation.
fn bare(word: &str) -> String {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    w.to_lowercase()
}

#[cfg(test)]
mod tests {
    use crate::detect::test_support::{party, quote_sides, sides};

    fn parties() -> Vec<crate::model::Party> {
        vec![
            party("board", "Harbour Board", &[]),
            party("union", "Dockers Union", &[]),
        ]
    }

    #[test]
    fn a_source_named_after_its_role_takes_the_roles_side() {
        let story = "Port stays shut\n\n\
            The dispute at the port entered its third week. A Harbour Board spokesman said \
            the port would stay shut until Monday.\n\n\
            \"We cannot open the gates while pickets block them,\" spokesman Ivo Marek told \
            reporters.\n\n\
            \"The board locked us out,\" said Dockers Union leader Rosa Lind.\n";
        assert_eq!(quote_sides(story, &parties()), sides(&["board", "union"]));
    }

    #[test]
    fn a_name_with_no_title_after_the_role_takes_its_side() {
        let story = "Port strike called\n\n\
            The Dockers Union will strike from Monday, the union's general secretary \
            said.\n\n\
            Rosa Lind told a rally the offer was an insult. \"We will not go back for \
            this,\" Lind said.\n\n\
            \"The offer is fair,\" a Harbour Board spokesman said.\n";
        assert_eq!(quote_sides(story, &parties()), sides(&["union", "board"]));
    }

    #[test]
    fn a_title_without_whose_takes_the_side_the_role_named() {
        let story = "Border talks fail\n\n\
            TORVIK, June 2 - Talks between Vostrana and Kelmar on the border ended on \
            Friday without a deal.\n\n\
            A Kelmarian government spokesman said the border would stay closed.\n\n\
            \"Nobody will cross until the shelling stops,\" government spokesman Ivo Marek \
            told reporters.\n\n\
            \"We fired at nobody,\" said Vostranan Defence Minister Rosa Lind.\n";
        let parties = [
            party("vostrana", "Vostrana", &["Vostranan"]),
            party("kelmar", "Kelmar", &["Kelmarian"]),
        ];
        assert_eq!(quote_sides(story, &parties), sides(&["kelmar", "vostrana"]));
    }

    /// The side of Ivo Marek's quotation when `middle` follows the lead "The port will
    /// stay shut, a Harbour Board spokesman said on Friday." (Rosa Lind's is the union's).
    fn marek_after_spokesman(middle: &str) -> Option<String> {
        let story = format!(
            "Port stays shut\n\n\
            The port will stay shut, a Harbour Board spokesman said on Friday.\n\n\
            {middle}\n\n\
            \"The board locked us out,\" said Dockers Union leader Rosa Lind.\n"
        );
        let got = quote_sides(&story, &parties());
        assert_eq!(got[1..], [Some("union".to_string())]);
        got[0].clone()
    }

    #[test]
    fn what_the_text_tells_of_the_name_keeps_it_off_the_roles_side() {
        for middle in [
            "\"Nobody gains from this,\" said Ivo Marek, who teaches shipping law in Oslo.",
            "\"We will be back when they talk,\" the union's lawyer, Ivo Marek, said.",
            "\"Nobody will work under the cranes,\" said safety inspector Ivo Marek.",
        ] {
            assert_ne!(
                marek_after_spokesman(middle),
                Some("board".into()),
                "{middle}"
            );
        }
    }

    #[test]
    fn another_side_named_between_or_distance_keeps_the_name_apart() {
        for middle in [
            "The Dockers Union has called a rally. \"Nobody will work under the cranes,\" \
            Ivo Marek said.",
            "Ships waited outside the harbour.\n\nLorries queued on the ring road.\n\n\
            \"Nobody will work under the cranes,\" Ivo Marek said.",
        ] {
            assert_eq!(marek_after_spokesman(middle), None, "{middle}");
        }
    }

    #[test]
    fn a_bare_definite_title_may_refer_back_and_gives_no_side() {
        let story = "Port strike goes on\n\n\
            Union members met at the port on Friday. The union president said the strike \
            would go on.\n\n\
            \"We cannot wait any longer,\" Ivo Marek said.\n\n\
            \"The offer is fair,\" a Harbour Board spokesman said.\n";
        assert_eq!(quote_sides(story, &parties()), [None, Some("board".into())]);
    }
}
