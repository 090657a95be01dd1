//! Affiliation: how a person or body picks up a side that is not named in its title.
//! An appositive after a name ("Roy Denman, the European Community representative,",
//! "Jane Roe, an aide to Smith,") names it; and a side given as a person ("Maria
//! Lopez") is also called by the surname alone ("Lopez's spokeswoman", "the Lopez
//! campaign"). Sides named inside a source phrase ("a spokesman for Acme") are found
//! there by the matcher already.

use super::appositive::{Reading, appositive, appositive_side};
use super::entities::{Entities, Entity, EntityKind, mention_ends};
use super::evidence::{Clue, Evidence, Target};
use super::lexicon::{self, WordMap};
use super::opening::Opening;
use super::parties::SideMatcher;
use super::side_words::{Class, is};
use super::words::Word;
use crate::model::Party;
use std::collections::HashMap;

/// The sides named in the appositives after each speaker's mentions.
pub fn appositive_clues(
    text: &str,
    entities: &Entities,
    sides: &SideMatcher,
    evidence: &mut Evidence,
) {
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        for end in mention_ends(text, e) {
            if let Some(side) = appositive_side(text, end, sides) {
                evidence.add(i, Target::Side(side), Clue::Appositive);
            }
        }
        for side in descriptions(text, e).filter_map(|d| member_of(d, sides)) {
            evidence.add(i, Target::Side(side), Clue::Appositive);
        }
        if let Some(side) = owner_by_its(entities, e, sides) {
            evidence.add(i, Target::Side(side), Clue::Appositive);
        }
    }
}

/// How far before a speaker's first mention the body its "its" refers to may be named.
const ITS_OWNER_BYTES: usize = 300;

/// The side of the body a role opened by "its" belongs to ("Brask Air called the strike
/// irresponsible. Its chief operating officer, Lena Voss, said …"): the body mentioned
/// last before the speaker, close before it.
fn owner_by_its(entities: &Entities, e: &Entity, sides: &SideMatcher) -> Option<usize> {
    let role = e.role.as_deref()?;
    let (first, _) = role.split_once(' ')?;
    if !first.eq_ignore_ascii_case("its") {
        return None;
    }
    let at = e.mentions.first()?.start;
    let body = entities
        .list
        .iter()
        .filter(|b| b.kind == EntityKind::Body)
        .filter_map(|b| {
            let m = b.mentions.iter().rev().find(|m| m.end <= at)?;
            (at - m.end <= ITS_OWNER_BYTES).then_some((m.end, b))
        })
        .max_by_key(|(end, _)| *end)?
        .1;
    body.side.or_else(|| sides.first(&body.name))
}

/// The side whose members a description names by its head noun, when it names no side
/// itself: "a senior ranger" of the side called "rangers" (the Rangers' Association),
/// "a primary school teacher" of "teachers".
fn member_of(description: &str, sides: &SideMatcher) -> Option<usize> {
    if sides.first(description).is_some() {
        return None;
    }
    // the head noun ends the phrase or comes before its complement ("a vet in the hill
    // country")
    let head = description
        .split_whitespace()
        .take_while(|w| !is(Class::RoleComplement, w))
        .last()?;
    sides.first(&super::bodies::member_plural(head)?)
}

/// Words a title before a name may run to.
const TITLE_WORDS: usize = 7;

/// Clues from the titles before every other mention of a person's surname in the
/// article, where it is no source ("proposals announced by the Trade and Industry
/// Secretary Patricia Hewitt", then "Ms Hewitt said"): the side a title names, or the
/// office it is.
pub fn described_clues(
    titles: &[Vec<&str>],
    sides: &SideMatcher,
    acronyms: bool,
    evidence: &mut Evidence,
) {
    for (i, list) in titles.iter().enumerate() {
        for title in list {
            if let Some(side) = sides.first(title) {
                evidence.add(i, Target::Side(side), Clue::Described);
            } else if super::country_matcher().first(title).is_none()
                && let Some(target) = super::home::office_target(title, acronyms)
            {
                evidence.add(i, target, Clue::Office);
            }
        }
    }
}

/// For each entity, the titles before the mentions of its surname in the article's
/// opening (its first 64 KiB), when it is a speaking person ([`title_before`]). One
/// pass over the opening's words, whatever the number of speakers.
pub fn titles<'a>(opening: &Opening<'a>, entities: &Entities) -> Vec<Vec<&'a str>> {
    let text = opening.text();
    let mut out = vec![Vec::new(); entities.list.len()];
    let mut by_surname: WordMap<&str, Vec<usize>> = WordMap::default();
    for (i, e) in entities.list.iter().enumerate() {
        let is_name = e.name.split_whitespace().all(super::words::is_capitalized);
        let surname = e.name.split_whitespace().last().filter(|s| s.len() > 2);
        if let (true, true, EntityKind::Person, Some(surname)) =
            (e.speaks, is_name, e.kind, surname)
        {
            by_surname.entry(surname).or_default().push(i);
        }
    }
    if by_surname.is_empty() {
        return out;
    }
    // (a word whose first byte starts no surname is passed over unhashed)
    let mut first_bytes = [false; 256];
    for surname in by_surname.keys() {
        first_bytes[usize::from(surname.as_bytes()[0])] = true;
    }
    for w in opening.words().iter().cloned() {
        // (every surname listed is capitalised: other words are passed over unhashed)
        if !first_bytes[usize::from(text.as_bytes()[w.start])]
            || !super::words::starts_with_capital(text, w.start)
        {
            continue;
        }
        let word = super::words::trim_possessive(&text[w.clone()]);
        let Some(list) = by_surname.get(word) else {
            continue;
        };
        for title in titles_before(text, w.start) {
            for &i in list {
                out[i].push(title);
            }
        }
    }
    out
}

/// What the text says a person is before a mention of the surname starting at `at`:
/// the title ([`title_before`]), a description before that title, set off by a comma
/// ("The head of the Orumese delegation, interior minister Samuel Adeyo,"), and the
/// body the person is said to lead ([`led_body`]).
fn titles_before(text: &str, at: usize) -> Vec<&str> {
    let mut out = Vec::new();
    if let Some(title) = title_before(text, at) {
        let title_at = title.as_ptr() as usize - text.as_ptr() as usize;
        let comma_end = title_at.saturating_sub(1);
        let described = text[..title_at]
            .ends_with(", ")
            .then(|| description_before(text, comma_end, closed_after(text, at)))
            .flatten();
        out.push(title);
        out.extend(described);
    }
    out.extend(led_body(text, at));
    out
}

/// Whether a comma follows the word that starts at `at` ("Henrik Dal, who …").
fn closed_after(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
        .unwrap_or(rest.len());
    rest[end..].starts_with(',')
}

/// Words a body's name may run to before the person said to lead it.
const LED_BODY_WORDS: usize = 6;

/// The body a person is said to lead in the words before the name whose surname starts
/// at `at`: a noun phrase opening its clause, an auxiliary, a participle of leading and
/// "by" ("The Saldania delegation was led by Miriam Tesfa", "Vostrana's team is headed
/// by Tomas Brecht", "the union's team, headed by Ann Bell,").
fn led_body(text: &str, at: usize) -> Option<&str> {
    let start = super::words::floor_boundary(text, at.saturating_sub(160));
    let ws = super::words::words(text, start..at);
    let lower = |w: &Word| text[w.clone()].trim_end_matches('.').to_lowercase();
    let mut end = ws.len();
    // past a first name and an honorific
    let mut names = 0;
    while end > 0 && names < 2 && super::words::is_capitalized(&text[ws[end - 1].clone()]) {
        end -= 1;
        names += 1;
    }
    while end > 0 && crate::article::abbreviations::is_honorific(&lower(&ws[end - 1])) {
        end -= 1;
    }
    let [.., verb, by] = &ws[..end] else {
        return None;
    };
    if lower(by) != "by" || !is(Class::LeadingVerb, &lower(verb)) {
        return None;
    }
    let from = text[start..verb.start]
        .rfind(['.', ',', ';', ':', '"', '“', '”', '(', ')', '\n'])
        .map_or(start, |i| start + i + 1);
    let mut phrase = text[from..verb.start].trim();
    if phrase.is_empty() {
        // "the union's team, headed by": the phrase before the comma
        let head = text[start..from].trim_end().strip_suffix(',')?;
        let open = head
            .rfind(['.', ',', ';', ':', '"', '“', '”', '(', ')', '\n'])
            .map_or(0, |i| i + 1);
        phrase = head[open..].trim();
    }
    // past an auxiliary ("was", "is", "has been")
    while let Some((rest, last)) = phrase.rsplit_once(' ') {
        let last = last.to_lowercase();
        if !(is(Class::Copula, &last) || matches!(last.as_str(), "been" | "has" | "have" | "had")) {
            break;
        }
        phrase = rest.trim_end();
    }
    let count = phrase.split_whitespace().count();
    let clause = phrase.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        lexicon::cue(&w).is_some() || lexicon::is_verb_modifier(&w)
    });
    ((1..=LED_BODY_WORDS).contains(&count) && !clause).then_some(phrase)
}

/// The title before a name whose surname starts at `at`: the words back to a
/// punctuation mark, a verb, or a preposition or conjunction before a word in lower
/// case, past a first name and an honorific ("attacked Tory leader Michael Howard" →
/// "Tory leader").
fn title_before(text: &str, at: usize) -> Option<&str> {
    let start = super::words::floor_boundary(text, at.saturating_sub(120));
    let before = &text[start..at];
    let stop = before
        .char_indices()
        .rfind(|&(_, c)| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '\n'
            )
        })
        .map_or(start, |(i, c)| start + i + c.len_utf8());
    let ws = super::words::words(text, stop..at);
    if ws.is_empty() || (ws.len() == 1 && super::words::is_capitalized(&text[ws[0].clone()])) {
        return description_before(text, stop, closed_after(text, at));
    }
    let lower = |w: &Word| text[w.clone()].trim_end_matches('.').to_lowercase();
    let mut end = ws.len();
    // a first name ("Michael") or an honorific ("Mr") stands between
    if end > 0
        && super::words::is_capitalized(&text[ws[end - 1].clone()])
        && !lexicon::is_title(&lower(&ws[end - 1]))
    {
        end -= 1;
    }
    while end > 0 && crate::article::abbreviations::is_honorific(&lower(&ws[end - 1])) {
        end -= 1;
    }
    let mut begin = end;
    while begin > 0 && end - begin < TITLE_WORDS {
        let w = lower(&ws[begin - 1]);
        let clause = lexicon::cue(&w).is_some()
            || lexicon::is_verb_modifier(&w)
            || lexicon::ends_a_title_before_a_name(&w);
        // "and" inside a title joins capitalised words ("Trade and Industry Secretary")
        let joins_clauses =
            w == "and" && (begin == end || !super::words::is_capitalized(&text[ws[begin].clone()]));
        if clause || joins_clauses {
            break;
        }
        begin -= 1;
        if lexicon::is_article(&w) {
            break;
        }
    }
    (begin < end).then(|| &text[ws[begin].start..ws[end - 1].end])
}

/// A description that stands before a name between commas ("the party chairman, Ed
/// Moss, said"), the comma ending at `comma_end`: a noun phrase opening with a
/// determiner or an owner's name; `closed` when a comma closes the name too.
fn description_before(text: &str, comma_end: usize, closed: bool) -> Option<&str> {
    let head = text[..comma_end].strip_suffix(',')?;
    let start = super::words::floor_boundary(text, head.len().saturating_sub(80));
    let from = head[start..]
        .char_indices()
        .rfind(|&(_, c)| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '\n'
            )
        })
        .map_or(start, |(i, c)| start + i + c.len_utf8());
    let phrase = head[from..].trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let lowered: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // opened by a determiner or by an owner's name ("Harlow's chief executive, …")
    let opens = |i: usize| {
        lexicon::is_article(&lowered[i])
            || (lowered[i].ends_with("'s") || lowered[i].ends_with("’s"))
                && words[i].starts_with(char::is_uppercase)
    };
    let clause = |w: &String| lexicon::cue(w).is_some() || lexicon::is_verb_modifier(w);
    let describes = |i: usize| {
        opens(i)
            && (2..=TITLE_WORDS).contains(&(words.len() - i))
            && !lowered[i..].iter().any(clause)
    };
    // the whole phrase, or, where a comma closes the name as it does an appositive,
    // the noun phrase that ends it after "by" or a verb ("The walkout was led by the
    // League's parliamentary chief, Henrik Dal, who"), never the object of another
    // preposition ("After talks with the union, Tom Field said")
    let at = (0..words.len()).find(|&i| {
        describes(i)
            && (i == 0
                || closed && (lowered[i - 1] == "by" || !lexicon::is_preposition(&lowered[i - 1])))
    })?;
    let offset = words[at].as_ptr() as usize - phrase.as_ptr() as usize;
    Some(&phrase[offset..])
}

/// For a person known by one word ("Takemoto"), the side of the entities whose longer
/// name holds that word, when they agree: the same person, met first with a title that
/// named the side.
pub fn namesake_clues(entities: &Entities, evidence: &mut Evidence) {
    // Each word of a longer name → the side of the first entity holding it, and
    // whether every later one agrees: one pass, where asking every entity for every
    // one-word person was quadratic on a long text.
    let mut by_word: HashMap<&str, (Option<usize>, bool)> = HashMap::new();
    for o in entities.list.iter().filter(|o| o.name.contains(' ')) {
        for w in o.name.split_whitespace() {
            let (first, agree) = by_word.entry(w).or_insert((o.side, true));
            *agree &= o.side == *first;
        }
    }
    for (i, e) in entities.list.iter().enumerate() {
        if !e.speaks || e.kind != EntityKind::Person || e.name.contains(' ') {
            continue;
        }
        if let Some(&(Some(side), true)) = by_word.get(e.name.as_str()) {
            evidence.add(i, Target::Side(side), Clue::Namesake);
        }
    }
}

/// The sides whose parties file lists a speaker among its `members` (by full name, or
/// by surname alone: "Mr Blair" for "Tony Blair") or holds one of its `roles` in its
/// title or description.
pub fn member_clues(
    text: &str,
    entities: &Entities,
    titles: &[Vec<&str>],
    parties: &[Party],
    evidence: &mut Evidence,
) {
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        let described: Vec<String> = descriptions(text, e)
            .chain(titles[i].iter().copied())
            .map(str::to_lowercase)
            .collect();
        for (side, p) in parties.iter().enumerate() {
            let member = p.members.iter().any(|m| same_person(m, &e.name));
            let role = p.roles.iter().any(|r| {
                let r = r.to_lowercase();
                described.iter().any(|d| holds_words(d, &r))
            });
            if member || role {
                evidence.add(i, Target::Side(side), Clue::Member);
            }
        }
    }
}

/// Clues from the short name a story gives a side of the parties file: the last word of
/// its name, when that word ends the names of bodies ("association", "authority",
/// "league") and ends no other side's name, written as an owner after "the" or after
/// "of the" in what a speaker is called ("the association's chairman, Janis Ozols," for
/// the "Baltic Airline Pilots' Association"; "chairman of the authority").
pub fn short_name_clues(
    text: &str,
    entities: &Entities,
    titles: &[Vec<&str>],
    parties: &[Party],
    evidence: &mut Evidence,
) {
    let last = |p: &Party| {
        let words: Vec<&str> = p.name.split_whitespace().collect();
        (words.len() > 1).then(|| words[words.len() - 1].to_lowercase())
    };
    let ends: Vec<Option<String>> = parties.iter().map(last).collect();
    let short: Vec<(usize, String)> = ends
        .iter()
        .enumerate()
        .filter_map(|(side, end)| {
            let end = end.as_ref()?;
            let body = is_organisation_word(end)
                || [
                    Class::MembersBodyEnd,
                    Class::BodyNameEnd,
                    Class::RegulatorNameEnd,
                ]
                .into_iter()
                .chain([Class::PublicBodyEnd])
                .any(|c| is(c, end));
            let alone = ends.iter().filter(|e| e.as_ref() == Some(end)).count() == 1;
            (body && alone).then(|| (side, end.clone()))
        })
        .collect();
    if short.is_empty() {
        return;
    }
    for (i, e) in entities.list.iter().enumerate().filter(|(_, e)| e.speaks) {
        let called: Vec<String> = descriptions(text, e)
            .chain(titles[i].iter().copied())
            .map(str::to_lowercase)
            .collect();
        for (side, end) in &short {
            let owner = [
                format!("the {end}'s"),
                format!("the {end}’s"),
                format!("of the {end}"),
            ];
            if called
                .iter()
                .any(|d| owner.iter().any(|o| holds_words(d, o)))
            {
                evidence.add(i, Target::Side(*side), Clue::Appositive);
            }
        }
    }
}

/// What a speaker is called: its name, title and the appositives after its mentions.
fn descriptions<'a>(text: &'a str, e: &'a Entity) -> impl Iterator<Item = &'a str> {
    std::iter::once(e.name.as_str())
        .chain(e.role.as_deref())
        .chain(mention_ends(text, e).filter_map(|end| appositive(text, end, Reading::Loose)))
}

/// Whether a name given in a parties file and a speaker's name are one person: the
/// same words, or the same surname when either is the surname alone.
fn same_person(listed: &str, speaker: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .filter(|w| !lexicon::is_title(w))
            .collect()
    };
    let (a, b) = (words(listed), words(speaker));
    a == b || ((a.len() == 1 || b.len() == 1) && a.last().is_some() && a.last() == b.last())
}

/// Whether `phrase` holds `words` as whole words, in order.
fn holds_words(phrase: &str, words: &str) -> bool {
    !words.is_empty()
        && phrase.match_indices(words).any(|(at, _)| {
            let before = phrase[..at].chars().next_back();
            let after = phrase[at + words.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// Words that end the names of organisations, not of people.
fn is_organisation_word(word_lower: &str) -> bool {
    lexicon::is_body_head(word_lower) || is(Class::OrganisationEnd, word_lower)
}

/// The surname of a side given as a person's name ("Maria Lopez" → "Lopez"): two to
/// four capitalised words, none of them an organisation's or a title.
pub fn surname_of_person(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    let person_like = words.iter().all(|w| {
        let lower = w.trim_end_matches('.').to_lowercase();
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            && !is_organisation_word(&lower)
            && !lexicon::is_title(&lower)
    });
    let last = words[words.len() - 1];
    (person_like && !last.ends_with("ing")).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::speakers::{NpKind, SourceNp};

    fn two_sides() -> SideMatcher {
        SideMatcher::new(&[
            vec!["Acme Mining".into(), "Acme".into()],
            vec!["Lopez".into(), "Maria Lopez".into()],
        ])
    }

    #[test]
    fn an_appositive_names_the_side() {
        let m = two_sides();
        let text = "Jane Roe, an aide to Lopez, said the offer was late.";
        assert_eq!(appositive_side(text, "Jane Roe".len(), &m), Some(1));
        let text = "Tom Field, Acme's chief negotiator, said no.";
        assert_eq!(appositive_side(text, "Tom Field".len(), &m), Some(0));
        let text = "Tom Field, assistant trade representative, said no.";
        assert_eq!(
            appositive(text, "Tom Field".len(), Reading::Loose),
            Some("assistant trade representative")
        );
        // an owner's name of several words opens one, singular or plural possessive
        let text = "Tom Field, Acme Mining's chief negotiator, said no.";
        assert_eq!(appositive_side(text, "Tom Field".len(), &m), Some(0));
        let text = "Tom Field, Acme Minings' chief negotiator, said no.";
        assert!(appositive(text, "Tom Field".len(), Reading::Strict).is_some());
        // a "who" clause that says whose the person is
        let text = "Tom Field, who leads Acme's delegation, said no.";
        assert_eq!(appositive_side(text, "Tom Field".len(), &m), Some(0));
        // a capitalised office head opens a description too
        let text = "Sir Tom Field, Head of the Acme Delegation in Lima, said no.";
        assert_eq!(appositive_side(text, "Sir Tom Field".len(), &m), Some(0));
    }

    #[test]
    fn an_officer_opened_by_its_speaks_for_the_body_named_just_before() {
        use crate::article::{Article, Source};
        let story = "Crews at Fenmark Ferries strike\n\n\
            Crews at Fenmark Ferries walked out on Friday, backed by the Seafarers Guild.\n\n\
            Fenmark Ferries called the strike reckless. Its finance director, Lena Voss, \
            said an offer was made. \"The offer is on the table,\" Voss said.\n";
        let parties: Vec<Party> = [("ferries", "Fenmark Ferries"), ("guild", "Seafarers Guild")]
            .map(|(id, name)| Party {
                id: id.into(),
                name: name.into(),
                ..Default::default()
            })
            .into();
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let found = crate::detect::detect(&article, Some(&parties));
        let voss = found.speakers.iter().find(|s| s.name == "Lena Voss");
        assert_eq!(voss.and_then(|s| s.party.as_deref()), Some("ferries"));
    }

    #[test]
    fn a_clause_after_a_name_is_no_appositive() {
        let m = two_sides();
        let text = "said Jane Roe, adding that Lopez would answer.";
        assert_eq!(appositive_side(text, "said Jane Roe".len(), &m), None);
        let text = "Jane Roe, however, said Lopez would answer.";
        assert_eq!(appositive(text, "Jane Roe".len(), Reading::Loose), None);
        let text = "Jane Roe, who met Lopez, said no.";
        assert_eq!(appositive_side(text, "Jane Roe".len(), &m), None);
        let text = "Jane Roe, often praised by Lopez, said no.";
        assert_eq!(appositive_side(text, "Jane Roe".len(), &m), None);
        assert_eq!(appositive(text, "Jane Roe".len(), Reading::Loose), None);
        let text = "Jane Roe said Lopez would answer.";
        assert_eq!(appositive_side(text, "Jane Roe".len(), &m), None);
    }

    #[test]
    fn people_and_bodies_of_non_country_sides_pick_up_their_side() {
        use crate::article::{Article, Source};
        use crate::model::Party;
        let party = |id: &str, name: &str| Party {
            id: id.into(),
            name: name.into(),
            aliases: vec![],
            color: None,
            ..Default::default()
        };
        let parties = [party("lopez", "Maria Lopez"), party("acme", "Acme Mining")];
        let text = "Strike talks stall\n\n\
            Jane Roe, an aide to Lopez, spoke first on Monday.\n\n\
            \"The offer came far too late for the miners,\" Roe said.\n\n\
            \"We made our best offer last week,\" a spokesman for Acme Mining said.\n\n\
            \"Nobody will go back down the shafts,\" the Lopez campaign said in a statement.\n";
        let article = Article::from_bytes(Source::Stdin, text.as_bytes());
        let found = crate::detect::detect(&article, Some(&parties));
        let got: Vec<Option<String>> = found
            .quotes
            .iter()
            .map(|q| q.party.as_ref().map(|p| p.to_string()))
            .collect();
        let want = ["lopez", "acme", "lopez"].map(|p| Some(p.to_string()));
        assert_eq!(got, want);
    }

    fn person(name: &str, at: usize, side: Option<usize>) -> SourceNp {
        SourceNp {
            kind: NpKind::Person,
            span: at..at + name.len(),
            name: name.into(),
            role: None,
            side,
        }
    }

    #[test]
    fn a_surname_alone_takes_the_side_of_the_longer_name_that_holds_it() {
        let mut entities = Entities::new();
        entities.resolve(&person("Kenji Mori of the Foreign Ministry", 0, Some(1)));
        let alone = entities.resolve(&person("Mori", 80, None));
        entities.resolve(&person("Lopez", 120, None));
        let alone = alone.expect("an entity");
        assert_ne!(alone, 0, "the test needs two entities");
        for e in &mut entities.list {
            e.speaks = true;
        }
        let mut evidence = Evidence::new(entities.list.len());
        namesake_clues(&entities, &mut evidence);
        assert_eq!(evidence.of(alone), [(Target::Side(1), Clue::Namesake)]);
        let lopez = entities.list.iter().position(|e| e.name == "Lopez");
        assert_eq!(lopez.map(|i| evidence.of(i).len()), Some(0));
    }

    #[test]
    fn an_appositive_after_a_mention_of_only_the_first_name_counts() {
        let m = two_sides();
        let text = "Jane Roe, an aide to Lopez, spoke.";
        let mut entities = Entities::new();
        // the mention holds "Jane" only; the entity's name is the whole "Jane Roe"
        let mut np = person("Jane Roe", 0, None);
        np.span = 0..4;
        entities.resolve(&np);
        entities.list[0].speaks = true;
        let mut evidence = Evidence::new(1);
        appositive_clues(text, &entities, &m, &mut evidence);
        assert_eq!(evidence.of(0), [(Target::Side(1), Clue::Appositive)]);
    }

    #[test]
    fn a_title_before_another_mention_of_the_name_describes_the_speaker() {
        let text = "Plans announced by Acme leader Tom Field on Monday. Later Mr Field said no.";
        assert_eq!(
            title_before(text, text.find("Field").unwrap_or(0)),
            Some("Acme leader")
        );
        let text = "the plan of the Trade and Industry Secretary Ann Lee, who";
        assert_eq!(
            title_before(text, text.find("Lee").unwrap_or(0)),
            Some("the Trade and Industry Secretary")
        );
        // a description between commas, opened by a determiner or an owner's name
        let text = "Acme's chief executive, Tom Field, said no.";
        assert_eq!(
            title_before(text, text.find("Field").unwrap_or(0)),
            Some("Acme's chief executive")
        );
        let text = "Acme said on Monday, Tom Field said.";
        assert_eq!(title_before(text, text.find("Field").unwrap_or(0)), None);
        // a verb or a clause before the name is no title
        let text = "Critics attacked Ann Lee. Lee said no.";
        assert_eq!(title_before(text, text.find("Lee").unwrap_or(0)), None);
    }

    #[test]
    fn the_body_a_person_is_said_to_lead_describes_the_person() {
        let at = |text: &str| text.rfind("Bell").unwrap_or(0);
        let text = "The Acme delegation was led by Ann Bell, a lawyer.";
        assert_eq!(led_body(text, at(text)), Some("The Acme delegation"));
        let text = "Later, Acme's team is headed by Dr. Ann Bell.";
        assert_eq!(led_body(text, at(text)), Some("Acme's team"));
        let text = "The union's negotiators, led by Ann Bell, walked out.";
        assert_eq!(led_body(text, at(text)), Some("The union's negotiators"));
        // a clause is no body, nor is a name met otherwise
        let text = "Talks said to be led by Ann Bell went on.";
        assert_eq!(led_body(text, at(text)), None);
        let text = "The Acme delegation met Ann Bell.";
        assert_eq!(led_body(text, at(text)), None);
        // the description before a title set off by commas
        let text = "The head of the Acme delegation, interior minister Ann Bell, said no.";
        assert_eq!(
            titles_before(text, at(text)),
            ["interior minister", "The head of the Acme delegation"]
        );
    }

    #[test]
    fn a_description_before_a_name_closed_by_a_comma_may_end_a_longer_clause() {
        let at = |text: &str| text.rfind("Bell").unwrap_or(0);
        let text = "The walkout was led by the League's chief, Ann Bell, who spoke.";
        assert_eq!(title_before(text, at(text)), Some("the League's chief"));
        // not where the name opens a clause of its own, nor after another preposition
        let text = "Critics attacked the League's plan, Ann Bell said.";
        assert_eq!(title_before(text, at(text)), None);
        let text = "After talks with the union, Ann Bell, a lawyer, said no.";
        assert_eq!(title_before(text, at(text)), None);
    }

    #[test]
    fn a_member_or_role_in_the_parties_file_gives_the_side() {
        assert!(same_person("Tony Blair", "Blair"));
        assert!(same_person("Tony Blair", "Mr. Tony Blair"));
        assert!(!same_person("Tony Blair", "Cherie Blair"));
        assert!(holds_words(
            "the shadow home secretary",
            "shadow home secretary"
        ));
        assert!(!holds_words(
            "the shadow home secretaryship",
            "shadow home secretary"
        ));
    }

    #[test]
    fn a_person_side_has_a_surname_and_an_organisation_none() {
        assert_eq!(surname_of_person("Maria Lopez"), Some("Lopez"));
        assert_eq!(surname_of_person("United Mine Workers"), None);
        assert_eq!(surname_of_person("Acme Mining Corp"), None);
        assert_eq!(surname_of_person("Acme Mining"), None);
        assert_eq!(surname_of_person("Lopez"), None);
    }
}
