//! Which holder a description refers back to, and what a phrase tells of its owner, rank
//! and gender: "the Labour spokesman" is not the Liberal Democrats' spokesman, "the shadow
//! home secretary" is not the Home Secretary, "a spokeswoman" is a woman.

use super::super::appositive::{Reading, appositive};
use super::super::lexicon;
use super::super::speakers::{SourceNp, is_role_noun};
use super::super::words::{is_capitalized, lower};
use super::{Entities, Entity, EntityKind, Gender};
use crate::article::abbreviations;
use std::sync::OnceLock;

/// A description of an office refers back to the person named at most this many
/// mentions before it, when nothing else holds the office.
const BRIDGE_MENTIONS: usize = 2;

/// Most words of the clause in which an unnamed person gives a name ("who gave his
/// name only as Amir").
const MAX_GIVING_WORDS: usize = 9;

/// Whether a description and a role name the same rank of an office: both or neither
/// "shadow", "deputy", "former"… ("the shadow home secretary" is not the Home
/// Secretary, nor "the prime minister" the Deputy Prime Minister).
pub(super) fn same_rank(description: &str, role: &str) -> bool {
    ranks(description) == ranks(role)
}

/// A description's owner: its words in lower case without the possessive ("prime" and
/// "minister" of "the prime minister's official spokesman"), and whether any is
/// capitalised (a name: "Labour's spokesman"); no words when nothing owns it.
fn owner_of(description: &str) -> (Vec<String>, bool) {
    let words: Vec<&str> = description.split_whitespace().collect();
    let owned_at = words
        .iter()
        .rposition(|w| ["'s", "’s", "s'", "s’"].iter().any(|end| w.ends_with(end)));
    let Some(at) = owned_at.filter(|&at| at + 1 < words.len()) else {
        return (Vec::new(), false);
    };
    let owner: Vec<&str> = words[..=at]
        .iter()
        .copied()
        .filter(|w| !lexicon::is_written_article(w))
        .collect();
    let named = owner.iter().any(|w| is_capitalized(w));
    (
        owner.iter().map(|w| bare_word(w).to_lowercase()).collect(),
        named,
    )
}

/// A word without its possessive or punctuation ("Labour's" → "Labour"), to be
/// compared in lower case.
fn bare_word(w: &str) -> &str {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|end| w.strip_suffix(end))
        .unwrap_or(w)
}

/// Whether an entity may be what an owned description refers back to: its name and
/// titles hold every word of the owner ("Labour's spokesman" is the one introduced as
/// "Labour's health spokesman", never the Liberal Democrats' home affairs spokesman), or
/// the owner is a common noun: a body ("the party's spokesman", "the union's
/// president"), or an office when the entity speaks for no side ("the congressman's
/// spokesman" is "Kessler spokesman Omar Dean"): "the prime minister's official
/// spokesman" is not the Tory spokesman met before. An unowned description may refer
/// to anyone.
fn same_owner(owner: &(Vec<String>, bool), e: &Entity) -> bool {
    let (words, named) = owner;
    let titles = || {
        std::iter::once(&e.name)
            .chain(e.role.as_ref())
            .chain(&e.descriptions)
            .flat_map(|d| d.split_whitespace())
    };
    // (lower-cased on the stack: this runs for every holder of every description)
    let mut buf = [0u8; 32];
    let held = words
        .iter()
        .all(|o| titles().any(|w| lower(bare_word(w), &mut buf) == o.as_str()));
    let office = words.last().is_some_and(|w| lexicon::is_office(w));
    words.is_empty() || held || (!named && (!office || e.side.is_none()))
}

/// Whether a description whose portfolio is `mine` ([`portfolio`], worked out once for
/// every holder it is weighed against) names an office of another portfolio than every
/// title the entity was given: "the foreign minister" is not "Energy Minister Ana
/// Voss", while "the minister", "the trade minister" (of "Trade and Industry Minister")
/// may be. The portfolio is the title words before the head noun, ranks aside.
fn another_portfolio(mine: &[String], e: &Entity) -> bool {
    if mine.is_empty() {
        return false;
    }
    let titles = std::iter::once(&e.name)
        .chain(e.role.as_ref())
        .chain(&e.descriptions);
    let mut any = false;
    for title in titles {
        let theirs = portfolio(title);
        if theirs.iter().any(|w| mine.contains(w)) {
            return false;
        }
        any |= !theirs.is_empty();
    }
    any
}

/// The title words before a phrase's last word, in lower case ("Energy" of "Deputy
/// Energy Minister", "foreign" of "Their foreign minister"): not a rank, an office, a
/// body ("party") or an owner ("Labour's", which [`same_owner`] weighs). Before an
/// office, every capitalised word is one but an acronym or a demonym ("Work and Pensions
/// Secretary": "work", "pensions"; no title list holds every department's words).
fn portfolio(phrase: &str) -> Vec<String> {
    // (each word tested lower-cased on the stack, and copied only when it is one: this
    // runs for every title of every holder a description is weighed against)
    let mut buf = [0u8; 32];
    let mut words = phrase.split_whitespace();
    let office = words
        .next_back()
        .is_some_and(|last| lexicon::is_office(&lower(bare_word(last), &mut buf)));
    let mut out = Vec::new();
    for w in words {
        let bare = bare_word(w);
        if bare.len() != w.trim_matches(|c: char| !c.is_alphanumeric()).len() {
            continue;
        }
        // (an acronym or a demonym may name what another title's words name: "the DTI
        // secretary" is "Trade Secretary Ola Brun", "the Marovan minister"
        // "Marova's trade minister")
        let demonym = ["an", "ese", "ish"].iter().any(|end| w.ends_with(end));
        let capital = is_capitalized(w) && w.chars().any(char::is_lowercase) && !demonym;
        let l = lower(bare, &mut buf);
        if (lexicon::is_title(&l) || (office && capital && !lexicon::is_sentence_word(&l)))
            && lexicon::rank(&l).is_none()
            && !lexicon::is_office(&l)
            && !lexicon::is_body_head(&l)
            && !is_party_word(&l)
        {
            out.push(l.into_owned());
        }
    }
    out
}

/// Whether a lower-case word is a known party's name or the first word of one
/// ("Republican", "GOP", "Democratic"): "the GOP candidate" is "the Republican
/// candidate", so a party is no portfolio. (The first words are gathered once: a scan of
/// every party's names for each word of each description was 3 % of a long text's run.)
fn is_party_word(word_lower: &str) -> bool {
    static FIRST_WORDS: OnceLock<lexicon::WordSet<String>> = OnceLock::new();
    FIRST_WORDS
        .get_or_init(|| {
            let parties = &crate::detect::gazetteer::gazetteer().parties;
            let names = parties.iter().flat_map(|p| &p.names);
            names
                .filter_map(|n| n.split(' ').next())
                .map(str::to_ascii_lowercase)
                .collect()
        })
        .contains(word_lower)
}

/// The ranks a phrase names, a bit each: compared without allocating, as this runs for
/// every holder.
pub(super) fn ranks(phrase: &str) -> u32 {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(lexicon::rank)
        .fold(0u32, |mask, r| mask | 1 << r)
}

/// Whether a title or description holds a role noun ("Home Secretary", "the
/// spokesman"), not only a party or body ("Labour's", "Tory").
pub(super) fn holds_role_noun(description: &str) -> bool {
    description
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(is_role_noun)
}

/// The gender a source phrase gives: an honorific opening it ("Mrs Verity") or a noun
/// that has one ("a spokeswoman").
pub(super) fn gender_in(phrase: &str) -> Option<Gender> {
    let phrase = phrase.split(',').next().unwrap_or(phrase);
    let mut words = phrase.split_whitespace().map(|w| w.trim_end_matches('.'));
    let first = words.next()?;
    let first = match first {
        w if lexicon::is_written_article(w) => words.next()?,
        w => w,
    };
    match abbreviations::honorific_gender(&first.to_ascii_lowercase()) {
        Some(true) => return Some(Gender::Female),
        Some(false) => return Some(Gender::Male),
        None => {}
    }
    std::iter::once(first).chain(words).find_map(|w| {
        if lexicon::is_male_noun(&w.to_ascii_lowercase()) {
            Some(Gender::Male)
        } else if w.len() >= 5
            && w.is_char_boundary(w.len() - 5)
            && w[w.len() - 5..].eq_ignore_ascii_case("woman")
        {
            Some(Gender::Female)
        } else {
            None
        }
    })
}

/// The gender a personal pronoun gives ("he", "she"; none for "I" or "they").
pub(super) fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    match pronoun {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

impl Entities {
    /// Records the description set off by commas after a person's name ("Ann Bell,
    /// the U.N. envoy,") among the person's descriptions, when it holds a role noun: a
    /// person described so is titled, and a later description of another office ("the
    /// Ardenian foreign minister") is someone else, not the person just named.
    pub(super) fn describe_after(&mut self, i: usize, text: &str, name_end: usize) {
        let Some(description) = appositive(text, name_end, Reading::Strict) else {
            return;
        };
        let e = &mut self.list[i];
        if holds_role_noun(description) && !e.descriptions.iter().any(|d| d == description) {
            e.descriptions.push(description.to_string());
        }
    }

    /// The person a definite description of an office refers back to when nothing
    /// earlier holds it: the person just mentioned, if no title was ever given to them
    /// ("Ann Verity has attacked … The Tory leader said").
    pub(super) fn bridged(&self, head: &str, plural: bool, side: Option<usize>) -> Option<usize> {
        // (a party's member is no office: "the Arizona Republican" may hold one)
        let member = lexicon::is_party_member(head);
        // (a prefixed office is an office: "the co-chairman")
        let office = lexicon::ROLE_PREFIXES
            .iter()
            .find_map(|p| head.strip_prefix(p))
            .map_or(lexicon::is_office(head), lexicon::is_office);
        if plural || !(member || office) {
            return None;
        }
        let &i = self.recent_people.first()?;
        let e = &self.list[i];
        let just_mentioned = self.mentions_resolved - e.last_mention < BRIDGE_MENTIONS;
        // (a party or body named before the name is no title: "Labour's Ann Verity";
        // one known only by an office is titled: "a Treasury spokesman said … The
        // Pensions Secretary said" is a second speaker)
        let untitled = member
            || (!holds_role_noun(&e.name) && e.descriptions.iter().all(|d| !holds_role_noun(d)));
        let same_side = side.is_none() || e.side.is_none() || e.side == side;
        (just_mentioned && untitled && same_side && e.name.contains(' ')).then_some(i)
    }

    /// "Western diplomats said …. “…,” one diplomat said": one of a group just mentioned
    /// by the plural of the noun, whose member ([`Entities::join_group`]) it is.
    pub(super) fn member_of_group(&self, head: &str, np: &SourceNp) -> Option<usize> {
        let (one, noun) = np.name.split_once(' ')?;
        if !one.eq_ignore_ascii_case("one") || noun != head || head.ends_with('s') {
            return None;
        }
        let plural = format!("{head}s");
        self.by_head
            .get(&plural)?
            .iter()
            .copied()
            .filter(|&i| self.list[i].kind == EntityKind::Group)
            .max_by_key(|&i| self.list[i].last_mention)
            .filter(|&i| self.mentions_resolved - self.list[i].last_mention < BRIDGE_MENTIONS)
    }

    /// Makes entity `i` a member of group `g`: the group's name describes it ("one
    /// diplomat", of the Western diplomats), without its noun referring back to it, and
    /// it speaks for the group's side.
    pub(super) fn join_group(&mut self, i: usize, g: usize) {
        let (name, side) = (self.list[g].name.clone(), self.list[g].side);
        let e = &mut self.list[i];
        if e.role.is_none() {
            e.descriptions.push(name.clone());
            e.role = Some(name);
        }
        e.side = e.side.or(side);
    }

    /// "a militia commander, who gave his name only as Amir,": an unnamed person who
    /// gives a name in the clause after the description takes it, and the
    /// description becomes the role.
    pub(super) fn name_given_after(&mut self, i: usize, text: &str, end: usize) {
        let Some(after) = text.get(end..).and_then(|t| t.strip_prefix(", ")) else {
            return;
        };
        let clause = after.split([',', '.', ';']).next().unwrap_or_default();
        let words: Vec<&str> = clause
            .split_whitespace()
            .take(MAX_GIVING_WORDS + 1)
            .collect();
        let Some(at) = words.iter().position(|w| *w == "as") else {
            return;
        };
        let giving = (words[..at].iter()).any(|w| matches!(*w, "name" | "identified"));
        let name = &words[at + 1..];
        let named = (1..=3).contains(&name.len()) && name.iter().all(|w| is_capitalized(w));
        if !giving
            || !named
            || words.len() > MAX_GIVING_WORDS
            || !holds_role_noun(&self.list[i].name)
        {
            return;
        }
        let description = std::mem::replace(&mut self.list[i].name, name.join(" "));
        self.index(i);
        if self.list[i].role.is_none() {
            self.set_role(i, description);
        }
    }

    /// The unnamed person just met whom a definite description with no holder refers
    /// back to: "A resident of Hadar said … “…,” the woman said"; "A member of the
    /// delegation said … “…,” the delegate said" (the noun shares its stem with a word
    /// of the first description). Only a person known by a description, not a name, and
    /// only when the gender, where both give one, agrees.
    pub(super) fn unnamed_just_met(&self, head: &str, np: &SourceNp) -> Option<usize> {
        let &i = self.recent_people.first()?;
        let e = &self.list[i];
        let just_mentioned = self.mentions_resolved - e.last_mention < BRIDGE_MENTIONS;
        let unnamed = holds_role_noun(&e.name);
        let wanted = gender_in(&np.name);
        let agrees = wanted.is_none() || e.gender.is_none() || e.gender == wanted;
        let stem = |w: &str| w.chars().take(6).collect::<String>();
        // (only a bare noun: "the Orvenian deputy foreign minister" is someone new)
        let bare = !np.name.contains(' ');
        let bridging = lexicon::is_gendered_person_noun(head)
            || (head.chars().count() >= 6
                && e.name
                    .split_whitespace()
                    .any(|w| stem(&w.to_lowercase()) == stem(head)));
        (just_mentioned && unnamed && agrees && bare && bridging).then_some(i)
    }

    /// The most recently mentioned holder of a description's noun, or of an office
    /// the noun also names ("the minister" after "Education Secretary Ruth Kemp").
    pub(super) fn latest_holder(&self, head: &str, np: &SourceNp) -> Option<usize> {
        // (only the bare noun: "the prime minister" names no secretary)
        let bare = np
            .name
            .split_whitespace()
            .filter(|w| !lexicon::is_written_article(w))
            .count()
            == 1;
        let also = if bare { lexicon::also_named(head) } else { &[] };
        std::iter::once(head)
            .chain(also.iter().copied())
            .filter_map(|h| self.latest_with_head(h, np.side, &np.name))
            .max_by_key(|&i| self.list[i].last_mention)
    }

    /// The most recently mentioned entity that a head noun refers back to, on the
    /// given side when both have one. A description's capitalised modifiers ("the
    /// Florida senator") prefer the entity whose title holds them ("Florida Sen. …").
    fn latest_with_head(&self, head: &str, side: Option<usize>, phrase: &str) -> Option<usize> {
        let owner = owner_of(phrase);
        let rank = ranks(phrase);
        let mine = portfolio(phrase);
        let candidates = self.by_head.get(head)?.iter().copied().filter(|&i| {
            let e = &self.list[i];
            debug_assert_eq!(e.rank, ranks(e.role.as_deref().unwrap_or(&e.name)));
            (side.is_none() || e.side.is_none() || e.side == side)
                && e.rank == rank
                && same_owner(&owner, e)
                && !another_portfolio(&mine, e)
        });
        // (the description's own head noun is no modifier: "the Health Secretary")
        let mut words = phrase.split_whitespace();
        words.next_back();
        let mut buf = [0u8; 32];
        let modifiers: Vec<&str> = words
            .filter(|w| is_capitalized(w) && !lexicon::is_sentence_word(&lower(w, &mut buf)))
            .collect();
        let described = |i: usize| {
            let e = &self.list[i];
            let role = e.role.as_deref().unwrap_or("");
            modifiers.iter().any(|m| {
                role.split_whitespace()
                    .chain(e.name.split_whitespace())
                    .any(|w| w == *m)
            })
        };
        let recency = |&i: &usize| (described(i), self.list[i].last_mention);
        candidates.max_by_key(recency)
    }
}
