//! What the text calls a speaker before other mentions of the surname: the title
//! ("Tory leader Ann Hale"), a description set off by commas ("Acme's chief
//! executive, Tom Field,"), and the body the person is said to lead ("The Acme
//! delegation was led by Ann Bell").

use crate::detect::entities::{Entities, EntityKind};
use crate::detect::evidence::{Clue, Evidence, Target};
use crate::detect::lexicon::{self, WordMap};
use crate::detect::opening::{LowerWords, Opening, SplitOpening};
use crate::detect::parties::SideMatcher;
use crate::detect::side_words::{Class, is};
use crate::detect::words::Word;
use std::borrow::Cow;

/// Words a title before a name may run to.
const TITLE_WORDS: usize = 7;

/// Clues from the titles before every other mention of a person's surname in the
/// article, where it is no source ("plans set out by the Trade and Industry
/// Secretary Ann Bell", then "Ms Bell said"): the side a title names, or the
/// office it is.
pub fn described_clues(
    (text, titles): (&str, &[Vec<&str>]),
    sides: &SideMatcher,
    acronyms: bool,
    evidence: &mut Evidence,
) {
    // (a title stands before each mention of its holder, the same words each time:
    // what they tell alone is read once for each person's titles)
    let mut read: Vec<(&str, TitleWords)> = Vec::new();
    for (i, list) in titles.iter().enumerate() {
        read.clear();
        for &title in list {
            let k = match read.iter().position(|(t, _)| *t == title) {
                Some(k) => k,
                None => {
                    read.push((title, TitleWords::of(title, sides)));
                    read.len() - 1
                }
            };
            let words = &mut read[k].1;
            // (the body a common noun of the title refers back to, where it stands:
            // "The delegation's head, Deputy Energy Minister Ann Bell,")
            let side = match words.side {
                Some(named) => {
                    named.or_else(|| super::body_ref::owner_of_title(text, title, sides))
                }
                None => None,
            };
            if let Some(side) = side {
                evidence.add(i, Target::Side(side), Clue::Described);
            } else if let Some(target) = *words.office.get_or_insert_with(|| {
                crate::detect::country_matcher()
                    .first(title)
                    .is_none()
                    .then(|| crate::detect::home::office_target(title, acronyms))
                    .flatten()
            }) {
                evidence.add(i, target, Clue::Office);
            }
        }
    }
}

/// What the words of a title tell wherever it stands ([`described_clues`]).
struct TitleWords {
    /// The side the title names, `Some(None)` when it names none, and `None` when a
    /// party owns the portfolio: a side named in it is not its owner ("the party's
    /// Treasury spokesman" is no Treasury man, [`super::owner`] finds the party).
    side: Option<Option<usize>>,
    /// The office the title is, when it names no side and no country, once asked.
    office: Option<Option<Target>>,
}

impl TitleWords {
    fn of(title: &str, sides: &SideMatcher) -> TitleWords {
        let owned = title
            .split_whitespace()
            .any(super::owner::is_party_possessive);
        TitleWords {
            side: (!owned).then(|| sides.first(title)),
            office: None,
        }
    }
}

/// For each entity, the titles before the mentions of its surname in the article's
/// opening (its first 64 KiB), when it is a speaking person ([`title_before`]). One
/// pass over the opening's words, whatever the number of speakers.
pub fn titles<'a>(opening: &Opening<'a>, entities: &Entities) -> Vec<Vec<&'a str>> {
    let text = opening.text();
    let read = OpeningWords::of(opening);
    let mut around = Vec::new();
    let mut out = vec![Vec::new(); entities.list.len()];
    let mut by_surname: WordMap<&str, Vec<usize>> = WordMap::default();
    for (i, e) in entities.list.iter().enumerate() {
        // (a particle may stand inside a name: "Owain ap Rhys")
        let is_name = e.name.split_whitespace().all(|w| {
            crate::detect::words::is_capitalized(w)
                || crate::detect::lexicon::is_surname_particle(w)
        });
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
    let ws = opening.words();
    // (every surname listed is capitalised: other words are passed over unhashed, the
    // capitalised ones found by the opening once)
    for &i in opening.capitals() {
        let w = ws[i as usize].clone();
        if !first_bytes[usize::from(text.as_bytes()[w.start])] {
            continue;
        }
        let word = crate::detect::words::trim_possessive(&text[w.clone()]);
        let Some(list) = by_surname.get(word) else {
            continue;
        };
        for title in titles_before(&read, w.start, &mut around) {
            for &i in list {
                out[i].push(title);
            }
        }
    }
    out
}

/// The words of an opening as the titles read them: split and lowered once for the
/// whole opening, where each mention of a surname split the words before it again and
/// lowered each into a new string (in a folder run the opening is the whole article).
struct OpeningWords<'o, 'a> {
    text: &'a str,
    split: SplitOpening<'o>,
    lowered: LowerWords<'o>,
}

impl<'o, 'a> OpeningWords<'o, 'a> {
    fn of(opening: &'o Opening<'a>) -> Self {
        OpeningWords {
            text: opening.text(),
            split: opening.split(),
            lowered: opening.lower_words(),
        }
    }

    /// The words of `range` (inside the opening), as `words::words` gives them, into
    /// `out`.
    fn words_into(&self, range: std::ops::Range<usize>, out: &mut Vec<Word>) {
        out.clear();
        self.split.push_words_in(self.text, range, out);
    }

    /// The word `w` without its final dots, in lower case: the opening's lowered copy
    /// of an ASCII word, else the word's own `to_lowercase` as before.
    fn lower(&self, w: &Word) -> Cow<'o, str> {
        match self.lowered.of(w) {
            Cow::Borrowed(lower) => Cow::Borrowed(lower.trim_end_matches('.')),
            Cow::Owned(_) => Cow::Owned(self.text[w.clone()].trim_end_matches('.').to_lowercase()),
        }
    }
}

/// What the text says a person is before a mention of the surname starting at `at`:
/// the title ([`title_before`]), a description before that title, set off by a comma
/// ("The head of the Orumese delegation, interior minister Samuel Adeyo,"), and the
/// body the person is said to lead ([`led_body`]); `ws` is a buffer for words.
fn titles_before<'a>(read: &OpeningWords<'_, 'a>, at: usize, ws: &mut Vec<Word>) -> Vec<&'a str> {
    let text = read.text;
    let mut out = Vec::new();
    let mut led = led_body(read, at, ws);
    if let Some(title) = title_before(read, at, ws) {
        let title_at = title.as_ptr() as usize - text.as_ptr() as usize;
        let comma_end = title_at.saturating_sub(1);
        let described = text[..title_at]
            .ends_with(", ")
            .then(|| description_before(text, comma_end, closed_after(text, at)))
            .flatten();
        out.push(title);
        out.extend(described);
        // the body led by the holder of a title ("The Acme delegation, led by Deputy
        // Foreign Minister Ann Bell,"): "by" stands before the title, not the name
        // (asked only where "by" ends the text before the title: most titles have none)
        if led.is_none() && text[..title_at].trim_end().ends_with(" by") {
            led = led_body(read, title_at, ws);
        }
    }
    out.extend(led);
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
fn led_body<'a>(read: &OpeningWords<'_, 'a>, at: usize, ws: &mut Vec<Word>) -> Option<&'a str> {
    let text = read.text;
    let start = crate::detect::words::floor_boundary(text, at.saturating_sub(160));
    // (no "by" before the name, no body led by the person: most mentions are passed
    // over without splitting their words)
    if !holds_by(&text.as_bytes()[start..at]) {
        return None;
    }
    read.words_into(start..at, ws);
    let lower = |w: &Word| read.lower(w);
    let mut end = ws.len();
    // past a first name and an honorific
    let mut names = 0;
    while end > 0 && names < 2 && crate::detect::words::is_capitalized(&text[ws[end - 1].clone()]) {
        end -= 1;
        names += 1;
        // (over a particle between the names: "Owain ap Rhys")
        let particle = |w: &Word| crate::detect::lexicon::is_surname_particle(&text[w.clone()]);
        if names == 1 && end > 1 && particle(&ws[end - 1]) {
            end -= 1;
        }
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

/// Whether `bytes` hold "by" in any case: a word that is "by" in lower case is those
/// two ASCII letters (no other character lowers to either). Each 'b' is found by
/// memchr: every mention of a surname asks this of the 160 bytes before it.
fn holds_by(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'b', b'B', bytes)
        .any(|i| bytes.get(i + 1).is_some_and(|&y| y | 0x20 == b'y'))
}

/// The title before a name whose surname starts at `at`: the words back to a
/// punctuation mark, a verb, or a preposition or conjunction before a word in lower
/// case, past a first name and an honorific ("attacked Tory leader Ann Hale" →
/// "Tory leader").
fn title_before<'a>(read: &OpeningWords<'_, 'a>, at: usize, ws: &mut Vec<Word>) -> Option<&'a str> {
    let text = read.text;
    let start = crate::detect::words::floor_boundary(text, at.saturating_sub(120));
    let before = &text[start..at];
    let stop = last_stop(before).map_or(start, |end| start + end);
    read.words_into(stop..at, ws);
    if ws.is_empty()
        || (ws.len() == 1 && crate::detect::words::is_capitalized(&text[ws[0].clone()]))
    {
        return description_before(text, stop, closed_after(text, at));
    }
    let lower = |w: &Word| read.lower(w);
    let mut end = ws.len();
    // a first name ("Michael") or an honorific ("Mr") stands between
    if end > 0
        && crate::detect::words::is_capitalized(&text[ws[end - 1].clone()])
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
        let joins_clauses = w == "and"
            && (begin == end || !crate::detect::words::is_capitalized(&text[ws[begin].clone()]));
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

/// Where the text after the last mark that ends a phrase before a title starts: a
/// sentence's end, a comma, a quotation mark or a bracket, but not the dots of an
/// initialism ("the U.N. envoy, Jonas Berg," keeps "the U.N. envoy").
fn last_stop(before: &str) -> Option<usize> {
    // (read back byte by byte, not by character: each mark but the curly quotes is an
    // ASCII byte, which no byte of a wider character is, and a curly quote is the one
    // character that ends in 0x9C or 0x9D after E2 80)
    let bytes = before.as_bytes();
    let last = bytes.iter().enumerate().rposition(|(i, &b)| match b {
        b',' | b';' | b':' | b'"' | b'(' | b')' | b'\n' => true,
        b'.' => !crate::detect::words::is_initialism_dot(before, i),
        0x9C | 0x9D => i >= 2 && bytes[i - 2] == 0xE2 && bytes[i - 1] == 0x80,
        _ => false,
    })?;
    Some(last + 1)
}

/// A description that stands before a name between commas ("the party chairman, Ed
/// Moss, said"), the comma ending at `comma_end`: a noun phrase opening with a
/// determiner or an owner's name; `closed` when a comma closes the name too.
fn description_before(text: &str, comma_end: usize, closed: bool) -> Option<&str> {
    let head = text[..comma_end].strip_suffix(',')?;
    let start = crate::detect::words::floor_boundary(text, head.len().saturating_sub(80));
    let from = last_stop(&head[start..]).map_or(start, |end| start + end);
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
    let at = owner_start(&words, &lowered, at);
    let offset = words[at].as_ptr() as usize - phrase.as_ptr() as usize;
    Some(&phrase[offset..])
}

/// Where the owner's name that ends at `words[at]` starts: back over the capitalised
/// words before it, no article, preposition or sentence word among them ("Calder Ridge's
/// chief executive" is the company "Calder Ridge"'s, not a "Ridge"'s); `at` itself
/// where `words[at]` opens with an article.
fn owner_start(words: &[&str], lowered: &[String], mut at: usize) -> usize {
    if lexicon::is_article(&lowered[at]) {
        return at;
    }
    let first = at;
    while at > 0 && first - at < 3 {
        let (w, l) = (words[at - 1], &lowered[at - 1]);
        let name_word = w.starts_with(char::is_uppercase)
            && !lexicon::is_article(l)
            && !lexicon::is_preposition(l)
            && !lexicon::is_sentence_word(l);
        if !name_word {
            break;
        }
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests;
