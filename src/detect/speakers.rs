//! Source phrases: reading one ("State Department spokesman Ian Kelly", "the
//! commentary", "he") into what it names (a person, a body, a role noun or a pronoun),
//! with its name, title and side. [`super::entities`] resolves what is read to entities.

use super::lexicon::{self, Pronoun};
use super::parties::SideMatcher;
use super::roles::{is_people_noun, role_end, role_start};
use super::words::{is_capitalized, lower, words};
use named_after::{named_after_role, plain_role_noun};
pub(super) use runs::{
    RunKind, capital_runs, classify_run, is_honorific, is_role_noun, number_follows,
    without_article,
};
use runs::{Runs, read_runs};
use std::ops::Range;

mod named_after;
mod runs;
#[cfg(test)]
pub(super) mod tests;

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
        /// One person not named: "a" or "an" before a singular noun of people that is
        /// no body ("a resident of Hadar", "an economist"), so "she" may refer to them.
        individual: bool,
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
        && let Some(np) = pronoun_source(&l, first.clone())
    {
        return Some(np);
    }
    if let Some(np) = one_of_them(text, &ws) {
        return Some(np);
    }
    // The phrase proper ends at its first comma (the rest is an appositive).
    let head_end = phrase_end(&text[range.clone()]).map_or(range.end, |i| range.start + i);
    let head_words: Vec<Range<usize>> = ws.iter().filter(|w| w.end <= head_end).cloned().collect();
    let Runs {
        person,
        body,
        described,
        modified_plural,
    } = read_runs(text, &head_words, sides);
    // ("a spokesman for Senator Ann Bell" is the spokesman: the name is whom the role
    // serves; "a resident of Tolva": the name is where the unnamed person is from)
    let served = person.as_ref().and_then(|(whole, name)| {
        serving_role(text, &head_words, whole, name)
            .or_else(|| placed_role(text, &head_words, whole))
    });
    if let Some(i) = served {
        // ("one hotel owner in Fennick Bay, Ada Verrin": the appositive names the holder)
        if let Some(name) = named_after_role(text, &ws, &head_words, sides) {
            return Some(person_source(text, range.start..name.end, name, side));
        }
        return Some(role_source(text, &head_words, i, side));
    }
    if let Some((_, name)) = person {
        return Some(person_source(text, range, name, side));
    }
    if let Some(name) = named_after_role(text, &ws, &head_words, sides) {
        return Some(person_source(text, range.start..name.end, name, side));
    }
    if let Some(r) = described {
        return Some(titled_role_source(text, range.start, r, side));
    }
    // ("Local shipping agents": a plural the lexicon does not know, which a capitalised
    // adjective opening the sentence modifies, is still the role's noun)
    if let Some(i) = source_noun(text, &head_words).or(modified_plural) {
        return Some(role_source(text, &head_words, i, side));
    }
    if let Some(b) = body {
        return Some(body_source(text, b, side));
    }
    // ("said a skipper who has fished …": a noun no list has, after its determiner)
    plain_role_noun(text, &head_words, sides).map(|i| role_source(text, &head_words, i, side))
}

/// A body the phrase names ("Number 10"), by its name without the determiner.
fn body_source(text: &str, span: Range<usize>, side: Option<usize>) -> SourceNp {
    SourceNp {
        kind: NpKind::Body,
        name: clean_name(strip_determiner(&text[span.clone()])),
        span,
        role: None,
        side,
    }
}

/// The first lower-case source noun of a phrase's head that no capitalised word follows
/// ("a government official", not "the ministry Spokesman Ren"): its index.
fn source_noun(text: &str, head_words: &[Range<usize>]) -> Option<usize> {
    let mut buf = [0u8; 32];
    (0..head_words.len()).find(|&i| {
        let w = &text[head_words[i].clone()];
        lexicon::is_source_noun(&lower(w, &mut buf))
            && !is_capitalized(w)
            && head_words
                .get(i + 1)
                .is_none_or(|n| !is_capitalized(&text[n.clone()]))
    })
}

/// A source that is one pronoun; a pronoun object is one too ("According to him, …"),
/// read as its subject. (The pronoun itself is the name: "he" and "she" pick their
/// person.)
fn pronoun_source(word_lower: &str, span: Range<usize>) -> Option<SourceNp> {
    let name = subject_form(word_lower).unwrap_or(word_lower);
    Some(SourceNp {
        kind: NpKind::Pronoun(lexicon::pronoun(name)?),
        span,
        name: name.to_string(),
        role: None,
        side: None,
    })
}

/// The subject pronoun of a pronoun object ("him" is "he").
fn subject_form(pronoun_lower: &str) -> Option<&'static str> {
    Some(match pronoun_lower {
        "him" => "he",
        "her" => "she",
        "them" => "they",
        "us" => "we",
        _ => return None,
    })
}

/// "one of them", "one of us", and after a group ("Two officials …") "one", "another"
/// or "the other" alone: a member of the group a plural pronoun stands for, who speaks
/// for it as "they" would (the group is the speaker the reader can name).
fn one_of_them(text: &str, ws: &[Range<usize>]) -> Option<SourceNp> {
    let mut buf = [0u8; 32];
    let mut lowered = |w: &Range<usize>| lower(&text[w.clone()], &mut buf).into_owned();
    let pronoun = match ws {
        [one] if matches!(&*lowered(one), "one" | "another") => Pronoun::Member,
        [the, other] if lowered(the) == "the" && lowered(other) == "other" => Pronoun::Member,
        [one, of, them]
            if matches!(&*lowered(one), "one" | "another")
                && lowered(of) == "of"
                && matches!(&*lowered(them), "them" | "us") =>
        {
            Pronoun::Plural
        }
        _ => return None,
    };
    Some(SourceNp {
        kind: NpKind::Pronoun(pronoun),
        span: ws[ws.len() - 1].clone(),
        name: "they".to_string(),
        role: None,
        side: None,
    })
}

/// The role noun whose complement names the person of run `whole` (name `name`):
/// "a spokesman for Senator Ann Bell", "a longtime adviser to Holt", "a person close to
/// the Marshes" speak for that person and are not them. Only titles may stand before
/// the name ("an ambassador to Japan Ann Bell" is Ann Bell, the ambassador).
fn serving_role(
    text: &str,
    head_words: &[Range<usize>],
    whole: &Range<usize>,
    name: &Range<usize>,
) -> Option<usize> {
    let mut buf = [0u8; 32];
    let titled = words(text, whole.start..name.start)
        .iter()
        .all(|w| lexicon::is_title(lower(&text[w.clone()], &mut buf).trim_end_matches('.')));
    let at = head_words.iter().position(|w| w.start == whole.start)?;
    // back over the determiner of the name's complement ("to the Marshes", "to both")
    let mut k = at.checked_sub(1)?;
    while matches!(
        &*lower(&text[head_words[k].clone()], &mut buf),
        "the" | "both"
    ) {
        k = k.checked_sub(1)?;
    }
    if !titled || !lexicon::serves(&lower(&text[head_words[k].clone()], &mut buf)) {
        return None;
    }
    // ("a person close to …": the adjective between the noun and its complement)
    let mut noun = k.checked_sub(1)?;
    if &text[head_words[k].clone()] == "to" && &text[head_words[noun].clone()] == "close" {
        noun = noun.checked_sub(1)?;
    }
    let w = &text[head_words[noun].clone()];
    (!is_capitalized(w) && is_role_noun(&lower(w, &mut buf))).then_some(noun)
}

/// Where a source phrase proper ends: at its first comma, semicolon, dash or opening
/// parenthesis, but not at an acronym in parentheses inside a name ("a Ministry of
/// Fisheries (MOF) official").
fn phrase_end(phrase: &str) -> Option<usize> {
    let mut from = 0;
    loop {
        let i = from + phrase[from..].find([',', '(', ';', '—', '–'])?;
        let acronym = phrase[i..].strip_prefix('(').and_then(|rest| {
            let close = rest.find(')')?;
            let inner = &rest[..close];
            (inner.len() >= 2 && inner.chars().all(|c| c.is_ascii_uppercase()))
                .then_some(i + close + 2)
        });
        match acronym {
            Some(after) => from = after,
            None => return Some(i),
        }
    }
}

/// The lower-case noun of an indefinite phrase whose complement holds the only name
/// ("a resident of Hadar", "a dinner lady from Leeds", "one owner in Fennick Bay"): the name is a place or body the
/// unnamed person belongs to, not the person. Its index in `head_words`.
fn placed_role(text: &str, head_words: &[Range<usize>], whole: &Range<usize>) -> Option<usize> {
    let mut buf = [0u8; 32];
    let at = head_words.iter().position(|w| w.start == whole.start)?;
    let preposition = lower(&text[head_words[at.checked_sub(1)?].clone()], &mut buf).into_owned();
    let noun = at.checked_sub(2).filter(|&n| n > 0)?;
    let opener = lower(&text[head_words.first()?.clone()], &mut buf).into_owned();
    let placing = matches!(preposition.as_str(), "of" | "from" | "in" | "at");
    let lower_noun = (1..=noun).all(|k| !is_capitalized(&text[head_words[k].clone()]));
    let indefinite = matches!(opener.as_str(), "a" | "an" | "one" | "another");
    (placing && lower_noun && indefinite).then_some(noun)
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
    let individual = !plural
        && lexicon::is_article(&determiner)
        && !definite
        && is_people_noun(&head)
        && lexicon::is_source_noun(&head);
    SourceNp {
        kind: NpKind::Role {
            head,
            definite,
            plural,
            individual,
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
            individual: false,
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
