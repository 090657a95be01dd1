//! Source phrases: reading one ("State Department spokesman Ian Kelly", "the
//! commentary", "he") into what it names (a person, a body, a role noun or a pronoun),
//! with its name, title and side. [`super::entities`] resolves what is read to entities.

use super::lexicon::{self, Pronoun};
use super::parties::SideMatcher;
use super::roles::{role_end, role_start};
use super::words::{is_all_caps, is_capitalized, lower, starts_with_capital, words};
use crate::article::abbreviations;
use std::ops::Range;

/// What a source phrase names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NpKind {
    /// he, she, it, they.
    Pronoun(Pronoun),
    /// A named person ("Ian Kelly", "Patten").
    Person,
    /// A named body ("State Department", "China Daily", "Cuba").
    Body,
    /// A common noun ("the spokesman", "a Cuban statement", "officials").
    Role {
        /// The head noun, lower case ("spokesman").
        head: String,
        /// "the …" rather than "a …".
        definite: bool,
        /// Plural ("officials", "sources").
        plural: bool,
    },
}

/// A source phrase, read.
#[derive(Debug, Clone)]
pub struct SourceNp {
    /// What it names.
    pub kind: NpKind,
    /// The mention to record (the name, the role phrase or the pronoun).
    pub span: Range<usize>,
    /// Canonical name for a new entity.
    pub name: String,
    /// Title or description ("Cuban Deputy Foreign Minister").
    pub role: Option<String>,
    /// The side named in the phrase (title, body, affiliation).
    pub side: Option<usize>,
}

/// Reads the source phrase `range` of `text` (already cut to the noun phrase and any
/// appositive). `sides` finds the side named in it. What it reads is the phrase and,
/// past its end, only whether a number follows ([`number_follows`]): a memo of it is
/// keyed by both.
pub fn read_source(text: &str, range: Range<usize>, sides: &SideMatcher) -> Option<SourceNp> {
    let ws = words(text, range.clone());
    let mut buf = [0u8; 32];
    let first = ws.first()?.clone();
    let side = sides.first(&text[range.clone()]);
    let l = lower(&text[first.clone()], &mut buf).into_owned();
    if ws.len() == 1
        && let Some(p) = lexicon::pronoun(&l)
    {
        // (the pronoun itself is the name: "he" and "she" pick their person)
        return Some(SourceNp {
            kind: NpKind::Pronoun(p),
            span: first,
            name: l,
            role: None,
            side: None,
        });
    }
    // The phrase proper ends at its first comma (the rest is an appositive).
    let head_end = text[range.clone()]
        .find([',', '(', ';', '—', '–'])
        .map_or(range.end, |i| range.start + i);
    let head_words: Vec<Range<usize>> = ws.iter().filter(|w| w.end <= head_end).cloned().collect();
    let Runs {
        person,
        body,
        described,
    } = read_runs(text, &head_words, sides);
    if let Some((_, name)) = person {
        return Some(person_source(text, range, name, side));
    }
    if let Some(name) = named_after_role(text, &ws, &head_words, sides) {
        return Some(person_source(text, range.start..name.end, name, side));
    }
    if let Some(r) = described {
        return Some(titled_role_source(text, range.start, r, side));
    }
    if let Some((i, _)) = head_words.iter().enumerate().find(|(i, w)| {
        let l = lower(&text[(*w).clone()], &mut buf).into_owned();
        lexicon::is_source_noun(&l)
            && !is_capitalized(&text[(*w).clone()])
            && head_words
                .get(i + 1)
                .is_none_or(|n| !is_capitalized(&text[n.clone()]))
    }) {
        return Some(role_source(text, &head_words, i, side));
    }
    if let Some(b) = body {
        return Some(SourceNp {
            kind: NpKind::Body,
            name: clean_name(strip_determiner(&text[b.clone()])),
            span: b,
            role: None,
            side,
        });
    }
    None
}

/// The name in the appositive after a role that names nobody ("said Rubio's deputy
/// campaign manager, Rich Beeson,"): two to four capitalised words that read as a
/// person's name and nothing else, after a head that holds a lower-case role noun.
fn named_after_role(
    text: &str,
    ws: &[Range<usize>],
    head_words: &[Range<usize>],
    sides: &SideMatcher,
) -> Option<Range<usize>> {
    let mut buf = [0u8; 32];
    let role = head_words.iter().any(|w| {
        !is_capitalized(&text[w.clone()])
            && lexicon::is_source_noun(&lower(&text[w.clone()], &mut buf))
    });
    if !role {
        return None;
    }
    let rest = &ws[head_words.len()..];
    let n = (1..rest.len())
        .find(|&i| text[rest[i - 1].end..rest[i].start].contains([',', '(', ';', '—', '–']))
        .unwrap_or(rest.len());
    let appositive = &rest[..n];
    if !(2..=4).contains(&appositive.len())
        || !appositive.iter().all(|w| is_capitalized(&text[w.clone()]))
    {
        return None;
    }
    let (whole, name) = read_runs(text, appositive, sides).person?;
    (whole == (appositive[0].start..appositive[n - 1].end)).then_some(name)
}

/// What the capitalised runs of a source phrase's head are.
#[derive(Default)]
struct Runs {
    /// The longest person's name: its whole run and the name part.
    person: Option<(Range<usize>, Range<usize>)>,
    /// The first body.
    body: Option<Range<usize>>,
    /// A capitalised description ("the Health Secretary").
    described: Option<Range<usize>>,
}

/// Reads the capitalised runs of `head_words` as a person, a body or a description.
fn read_runs(text: &str, head_words: &[Range<usize>], sides: &SideMatcher) -> Runs {
    let mut buf = [0u8; 32];
    let mut found = Runs::default();
    for run in capital_runs(text, head_words) {
        // A capitalised word before a common noun modifies it ("a Freedonian government
        // official", "Obama administration officials"): no name.
        let plain = head_words[run.clone()]
            .iter()
            .all(|w| starts_with_capital(text, w.start));
        let modifies = plain
            && head_words.get(run.end).is_some_and(|n| {
                let n = &text[n.clone()];
                let l = lower(n, &mut buf);
                !is_capitalized(n) && (lexicon::is_source_noun(&l) || lexicon::is_title(&l))
            });
        // A capitalised word before a number names a body or a place, never a person
        // ("Number 10", "Local 1473").
        let run_end = head_words[run.end - 1].end;
        let numbered = number_follows(text, run_end);
        match classify_run(text, &head_words[run.clone()], sides) {
            RunKind::Person(_) if modifies => {}
            RunKind::Person(_) if numbered => {
                found.body = found.body.or(Some(head_words[run.start].start..run_end));
            }
            RunKind::Person(name) => {
                let better = found.person.as_ref().is_none_or(|(_, n)| {
                    words(text, name.clone()).len() >= words(text, n.clone()).len()
                });
                if better {
                    let whole = head_words[run.start].start..head_words[run.end - 1].end;
                    found.person = Some((whole, name));
                }
            }
            RunKind::Body(r) if found.body.is_none() => found.body = Some(r),
            // (a capitalised role before a lower-case word modifies it: "one Florida
            // Republican strategist", "South Carolina Republican primary voters")
            RunKind::Role(r)
                if head_words
                    .get(run.end)
                    .is_none_or(|n| is_capitalized(&text[n.clone()])) =>
            {
                found.described = Some(r)
            }
            _ => {}
        }
    }
    found
}

/// Whether a number follows byte `at`, after one space.
pub(super) fn number_follows(text: &str, at: usize) -> bool {
    text[at..]
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// A person read from a source phrase: the name, and what stands before it (a title)
/// and after it (an appositive) as the role.
fn person_source(
    text: &str,
    range: Range<usize>,
    name: Range<usize>,
    side: Option<usize>,
) -> SourceNp {
    let role_text = text[range.start..name.start].trim();
    let role_text = strip_determiner(role_text).trim_end_matches([',', ' ']);
    // (an honorific is no role: "Mr" of "Mr Tobias Renn")
    let role_text = match role_text.split_once(' ') {
        _ if is_honorific(&role_text.to_lowercase()) => "",
        Some((first, rest)) if is_honorific(&first.to_lowercase()) => rest.trim(),
        _ => role_text,
    };
    let appositive = text[name.end..range.end]
        .trim_start_matches([',', ' '])
        .trim();
    let role = [role_text, appositive]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    SourceNp {
        kind: NpKind::Person,
        name: clean_name(&text[name.clone()]),
        span: name,
        role: (!role.is_empty()).then_some(role),
        side,
    }
}

/// A role noun read from a source phrase ("the spokesman", "a Japanese government
/// official"), the head being word `i` of `head_words` or the last of the run of
/// source nouns it starts.
fn role_source(text: &str, head_words: &[Range<usize>], i: usize, side: Option<usize>) -> SourceNp {
    let mut buf = [0u8; 32];
    let more = head_words[i + 1..]
        .iter()
        .take_while(|n| {
            let n = &text[(*n).clone()];
            !is_capitalized(n) && lexicon::is_source_noun(&lower(n, &mut buf))
        })
        .count();
    let (i, w) = (i + more, &head_words[i + more]);
    let head = text[w.clone()].to_lowercase();
    let start = head_words[role_start(text, head_words, i)].start;
    let end = role_end(text, head_words, i);
    let determiner = text[start..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let definite = lexicon::is_definite_determiner(&determiner);
    let phrase = &text[start..end];
    let name = strip_determiner(phrase.trim()).to_string();
    let plural = head.ends_with('s') && !head.ends_with("ss") && head != "news";
    SourceNp {
        kind: NpKind::Role {
            head,
            definite,
            plural,
        },
        span: start..end,
        name,
        role: None,
        side,
    }
}

/// A capitalised role read from a source phrase ("the Health Secretary", "one Iowa
/// Democrat"): definite unless the phrase opens with "a", "an", "one" or "another".
fn titled_role_source(
    text: &str,
    phrase_start: usize,
    run: Range<usize>,
    side: Option<usize>,
) -> SourceNp {
    let name = clean_name(&text[run.clone()]);
    let head = name
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_lowercase();
    let before = text[phrase_start..run.start].split_whitespace().next();
    let indefinite = before.is_some_and(|w| lexicon::is_indefinite_determiner(&w.to_lowercase()));
    let plural = head.ends_with('s') && !head.ends_with("ss");
    SourceNp {
        kind: NpKind::Role {
            head,
            definite: !indefinite,
            plural,
        },
        span: run,
        name,
        role: None,
        side,
    }
}

/// The source for a transcript label ("PENCE" → the person Pence).
pub fn label_source(label: &str, span: Range<usize>) -> SourceNp {
    let name = label
        .split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or(String::new(), |f| {
                f.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    SourceNp {
        kind: NpKind::Person,
        span,
        name,
        role: None,
        side: None,
    }
}

fn strip_determiner(s: &str) -> &str {
    // (a determiner alone leaves nothing: "the" before "MPs" is no role)
    if lexicon::is_written_article(s) {
        return "";
    }
    match s.split_once(' ') {
        Some((first, rest)) if lexicon::is_written_article(first) => rest.trim_start(),
        _ => s,
    }
}

pub(super) fn clean_name(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs of capitalised words (with name particles inside) as index ranges into `ws`.
pub(super) fn capital_runs<'a>(
    text: &'a str,
    ws: &'a [Range<usize>],
) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut i = 0;
    let capitalized = |w: &Range<usize>| starts_with_capital(text, w.start);
    std::iter::from_fn(move || {
        while i < ws.len() && !capitalized(&ws[i]) {
            i += 1;
        }
        if i == ws.len() {
            return None;
        }
        let start = i;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < ws.len() {
            // A gap of more than one space or any punctuation ends the run.
            let gap = &text[ws[j - 1].end..ws[j].start];
            // a plural possessive inside a name goes on with its next capitalised word
            // ("the Harbour Pilots' Association")
            let possessive = (gap == "' " || gap == "’ ")
                && text[ws[j - 1].clone()].ends_with('s')
                && capitalized(&ws[j]);
            if gap != " " && gap != ". " && !possessive {
                break;
            }
            if capitalized(&ws[j]) {
                j += 1;
                end = j;
            } else if lexicon::is_name_particle(&text[ws[j].clone()]) {
                j += 1;
            } else {
                break;
            }
        }
        i = end;
        Some(start..end)
    })
}

pub(super) enum RunKind {
    Person(Range<usize>),
    Body(Range<usize>),
    /// A capitalised description ending in its role noun ("the Health Secretary",
    /// "The Conservative Party Co-Chairman", "one New Hampshire Democrat"): no name.
    Role(Range<usize>),
    Other,
}

/// Whether a lower-case word heads a role ("secretary", "co-chairman", "democrat"):
/// a name never ends with one.
pub(super) fn is_role_noun(word_lower: &str) -> bool {
    let word = word_lower.trim_end_matches('.');
    let bare = lexicon::ROLE_PREFIXES
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .unwrap_or(word);
    lexicon::is_source_noun(bare)
}

/// Whether a title, demonym or place word that precedes a name.
fn is_title_word(text: &str, w: &Range<usize>, sides: &SideMatcher) -> bool {
    let word = &text[w.clone()];
    let mut buf = [0u8; 32];
    let l = lower(word, &mut buf);
    let l = l.trim_end_matches('.');
    lexicon::is_title(l)
        || lexicon::is_sentence_word(l)
        || (is_capitalized(word) && sides.starts_name(word) && sides.first(word).is_some())
        || word.ends_with("'s")
        || word.ends_with("’s")
}

pub(super) fn classify_run(text: &str, run: &[Range<usize>], sides: &SideMatcher) -> RunKind {
    let whole = run[0].start..run[run.len() - 1].end;
    let mut buf = [0u8; 32];
    let last = lower(&text[run[run.len() - 1].clone()], &mut buf).into_owned();
    let lead = run
        .iter()
        .take_while(|w| is_title_word(text, w, sides))
        .count();
    let lead_text_start = run
        .iter()
        .position(|w| !lexicon::is_sentence_word(&lower(&text[w.clone()], &mut [0; 32])))
        .map_or(whole.start, |k| run[k].start);
    // (an acronym has two letters at least: "A" opening a sentence is no body)
    let acronym = whole.len() > 1 && is_all_caps(&text[whole.clone()]);
    if lexicon::is_body_head(&last) || acronym {
        if let Some(name) = name_before_body(text, run, lead, sides) {
            return RunKind::Person(name);
        }
        return RunKind::Body(lead_text_start..whole.end);
    }
    // (a single capitalised noun opens many a sentence: "Officials", "Police")
    if run.len() >= 2 && is_role_noun(&last) && !honorific_first(text, run) {
        return RunKind::Role(lead_text_start..whole.end);
    }
    let honorific = abbreviations::is_name_prefix(&lower(&text[run[0].clone()], &mut buf));
    if lead == run.len() && honorific && run.len() >= 2 {
        return RunKind::Person(run[run.len() - 1].start..whole.end);
    }
    if lead == run.len() {
        return match sides.first(&text[whole.clone()]) {
            Some(_) if run.len() <= 3 => RunKind::Body(lead_text_start..whole.end),
            _ => RunKind::Other,
        };
    }
    // "Tom Reed of Leeds": the place after a person's name is not part of it
    let from = name_start(text, run, lead);
    let name_end = run[from..]
        .iter()
        .position(|w| lexicon::is_name_complement(&text[w.clone()]))
        .filter(|&k| k >= 2)
        .map_or(whole.end, |k| run[from + k - 1].end);
    let name = run[from].start..name_end;
    if sides.first(&text[name.clone()]).is_some() {
        return RunKind::Body(lead_text_start..whole.end);
    }
    let calendar = run[lead..]
        .iter()
        .all(|w| lexicon::is_calendar_word(&lower(&text[w.clone()], &mut [0; 32])));
    if calendar {
        return RunKind::Other;
    }
    RunKind::Person(name)
}

/// The person's name in a run that ends on a body the person is of ("Hanne Lys of the
/// Northern Council"): two or three capitalised words before "of the" that are no
/// title, role, body or side, so the body stays the affiliation ("Audit Committee of the
/// Northern Council" stays a body).
fn name_before_body(
    text: &str,
    run: &[Range<usize>],
    lead: usize,
    sides: &SideMatcher,
) -> Option<Range<usize>> {
    let of = run
        .iter()
        .position(|w| lexicon::is_name_complement(&text[w.clone()]))?;
    if run.get(of + 1).is_none_or(|w| &text[w.clone()] != "the") {
        return None;
    }
    let name = run.get(name_start(text, run, lead)..of)?;
    let mut buf = [0u8; 32];
    let plain = (2..=3).contains(&name.len())
        && name.iter().all(|w| {
            let word = &text[w.clone()];
            let l = lower(word, &mut buf);
            is_capitalized(word)
                && !is_all_caps(word)
                && !lexicon::is_title(&l)
                && !lexicon::is_body_head(&l)
                && !lexicon::is_sentence_word(&l)
                && !is_role_noun(&l)
        });
    if !plain {
        return None;
    }
    let span = name[0].start..name[name.len() - 1].end;
    sides.first(&text[span.clone()]).is_none().then_some(span)
}

/// Whether a run opens with an honorific ("Mr Speaker" is still no name, but
/// "Dr Judge" is one).
fn honorific_first(text: &str, run: &[Range<usize>]) -> bool {
    is_honorific(&lower(&text[run[0].clone()], &mut [0; 32]))
}

/// Whether a lower-case word is an honorific, which is no role ("Mr", "Ms.", "Dr").
pub(super) fn is_honorific(word_lower: &str) -> bool {
    abbreviations::is_honorific(word_lower)
}

/// Where the name proper starts in a run whose first `lead` words are titles: after
/// the last title word when at least two words follow it, so that a title with words
/// the lexicon does not know stays out of the name ("Freedonian Foreign Minister Rufus
/// Firefly", "External Affairs Minister Priya Sharma").
fn name_start(text: &str, run: &[Range<usize>], lead: usize) -> usize {
    let mut buf = [0u8; 32];
    // A title after "of" with two words before it belongs to a body the person is of
    // ("Jane Roe of the Foreign Ministry's North American Division").
    let before_of = run
        .iter()
        .position(|w| lexicon::is_name_complement(&text[w.clone()]))
        .filter(|&k| k >= lead + 2)
        .unwrap_or(run.len());
    let searched = before_of.min(run.len().saturating_sub(2));
    let last_title = run[..searched].iter().rposition(|w| {
        let l = lower(&text[w.clone()], &mut buf);
        lexicon::is_title(l.trim_end_matches('.'))
    });
    match last_title {
        Some(t) if t >= lead => t + 1,
        _ => lead,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::detect::parties::countries;

    pub(crate) fn matcher() -> SideMatcher {
        let names: Vec<Vec<String>> = countries()
            .iter()
            .map(|c| c.all_names().cloned().collect())
            .collect();
        SideMatcher::new(&names)
    }

    fn read(s: &str) -> SourceNp {
        read_source(s, 0..s.len(), &matcher()).unwrap()
    }

    #[test]
    fn a_name_with_its_title() {
        let np = read("State Department spokesman Ian Kelly");
        assert_eq!(np.kind, NpKind::Person);
        assert_eq!(np.name, "Ian Kelly");
        assert_eq!(np.role.as_deref(), Some("State Department spokesman"));
        let np = read("Cuban Deputy Foreign Minister Dagoberto Rodriguez");
        assert_eq!(np.name, "Dagoberto Rodriguez");
        assert_eq!(np.role.as_deref(), Some("Cuban Deputy Foreign Minister"));
    }

    #[test]
    fn titles_the_lexicon_does_not_know_stay_out_of_the_name() {
        let np = read("Freedonian Foreign Minister Rufus Firefly");
        assert_eq!(np.kind, NpKind::Person);
        assert_eq!(np.name, "Rufus Firefly");
        assert_eq!(np.role.as_deref(), Some("Freedonian Foreign Minister"));
        let np = read("Indian External Affairs Minister Priya Sharma");
        assert_eq!(
            (np.name.as_str(), np.role.as_deref()),
            ("Priya Sharma", Some("Indian External Affairs Minister"))
        );
        // a name of one word after a title is still the name
        assert_eq!(read("Minister Firefly").name, "Firefly");
    }

    #[test]
    fn a_plural_possessive_inside_a_name_keeps_it_whole() {
        for (phrase, name) in [
            ("The Brask Pilots' Association", "Brask Pilots' Association"),
            (
                "the Harbour Dockworkers’ Union",
                "Harbour Dockworkers’ Union",
            ),
        ] {
            let np = read(phrase);
            assert_eq!((np.name.as_str(), np.role.as_deref()), (name, None));
        }
    }

    #[test]
    fn a_determiner_alone_is_no_role() {
        assert_eq!(read("the MPs").role, None);
    }

    #[test]
    fn a_title_in_the_body_a_person_is_of_stays_out_of_the_role() {
        let np = read("Jane Roe of the Foreign Ministry's North Freedonian Division");
        assert_eq!(np.kind, NpKind::Person);
        assert_eq!(np.name, "Jane Roe");
        assert_eq!(
            np.role.as_deref(),
            Some("of the Foreign Ministry's North Freedonian Division")
        );
    }

    #[test]
    fn a_name_before_of_the_body_is_the_person() {
        let np = read("Hanne Lys of the Northern Council");
        assert_eq!(np.kind, NpKind::Person);
        assert_eq!(np.name, "Hanne Lys");
        assert_eq!(np.role.as_deref(), Some("of the Northern Council"));
        // a body whose own name runs through "of the" stays a body
        for body in [
            "Audit Committee of the Northern Council",
            "Dean Court of the Council",
        ] {
            assert_eq!(read(body).kind, NpKind::Body, "{body}");
        }
        // (a title alone before "of the" leaves no name to take)
        assert_ne!(
            read("Minister of the Northern Council").kind,
            NpKind::Person
        );
    }

    #[test]
    fn a_clause_is_never_a_name() {
        let np = read("her government would raise the issue");
        assert!(matches!(np.kind, NpKind::Role { ref head, .. } if head == "government"));
        assert_eq!(np.name, "her government");
        let np = read("a senior Freedonian government official");
        assert!(matches!(np.kind, NpKind::Role { ref head, .. } if head == "official"));
        assert_eq!(np.name, "senior Freedonian government official");
        assert!(read_source("A", 0..1, &matcher()).is_none());
        assert!(read_source("December", 0..8, &matcher()).is_none());
    }

    #[test]
    fn bodies_and_roles() {
        assert_eq!(read("the official China Daily").kind, NpKind::Body);
        assert_eq!(read("the official China Daily").name, "China Daily");
        let np = read("a spokesman for the foreign ministry");
        assert!(
            matches!(np.kind, NpKind::Role { ref head, definite: false, .. } if head == "spokesman")
        );
        let np = read("the spokesman");
        assert!(matches!(np.kind, NpKind::Role { definite: true, .. }));
        assert_eq!(read("he").kind, NpKind::Pronoun(Pronoun::Person));
    }
}
