//! The entity registry: one entity per person or body the article quotes, with every
//! mention kept, and every title and description it was given (`Entity::descriptions`).
//! Coreference across the whole article resolves here: a surname, "Mr/Ms X", a
//! pronoun or a description ("the minister") finds the entity it refers back to, so a
//! quote's speaker entity carries everything the article said about who it is. It learns full names as they pass, so that a surname alone finds its
//! person, and resolves role nouns ("the spokesman") and pronouns by recency.

use super::lexicon::{self, Pronoun, WordMap};
use super::parties::{SideMatcher, name_key};
use super::speakers::{
    NpKind, RunKind, SourceNp, capital_runs, classify_run, clean_name, is_honorific, is_role_noun,
    number_follows, read_source,
};
use super::words::{is_capitalized, lower};
use crate::article::abbreviations;
use std::ops::Range;
use std::rc::Rc;

mod forward;

/// A person or body that the article quotes.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Canonical name.
    pub name: String,
    /// Title or description.
    pub role: Option<String>,
    /// Person, body or group.
    pub kind: EntityKind,
    /// The side index (into the matcher's sides).
    pub side: Option<usize>,
    /// Nouns that refer back to it ("spokesman", "commentary"), lower case.
    pub heads: Vec<String>,
    /// Every mention.
    pub mentions: Vec<Range<usize>>,
    /// Every title, appositive and description the article gave it, in order, without
    /// repeats ("Shadow Home Secretary", "the Tory leader"): `role` is the first. What
    /// the sides logic reads a speaker's side from, besides its name.
    pub descriptions: Vec<String>,
    /// Whether it is the source of a quote or position.
    pub speaks: bool,
    /// A person's gender, where an honorific or a noun gave it ("Mrs", "spokeswoman").
    pub gender: Option<Gender>,
    /// When it was last mentioned, as a count of the mentions resolved before.
    last_mention: usize,
}

/// What "he" and "she" agree with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he, Mr, Sir, Lord.
    Male,
    /// she, Mrs, Ms, Lady, a spokeswoman.
    Female,
}

/// The kinds of entity pronouns can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// A person (he, she).
    Person,
    /// A body (it).
    Body,
    /// A group (they).
    Group,
}

/// The article's entities, in order of first mention, with recency for coreference.
#[derive(Debug, Default)]
pub struct Entities {
    /// The entities.
    pub list: Vec<Entity>,
    /// Mentions resolved so far: the clock of recency.
    mentions_resolved: usize,
    /// The most recently mentioned person, body and group.
    latest: [Option<usize>; 3],
    /// The people mentioned last, the latest first: "she" skips a man mentioned after her.
    recent_people: Vec<usize>,
    /// Each role noun of a title met before a full name ("secretary" of "Home
    /// Secretary Ann Verity") → that name, the latest: "the home secretary" is hers
    /// even when she has not spoken yet.
    by_title: WordMap<String, KnownName>,
    /// Each body head noun → the latest body named with it ("union" → "Transport
    /// Workers Union").
    by_body_head: WordMap<String, String>,
    /// Head noun → the entities it refers back to.
    by_head: WordMap<String, Vec<usize>>,
    /// Surname → full name of people named anywhere in the article.
    full_names: WordMap<String, KnownName>,
    /// First name → full name, used when no surname matches.
    first_names: WordMap<String, KnownName>,
    /// Runs of capitalised words already read, with the body each names (its range in
    /// the run): news repeats its names and bodies.
    runs_seen: WordMap<String, Option<Range<usize>>>,
    /// Lower-case name → entity, so lookups stay constant-time on long texts.
    by_name: WordMap<String, usize>,
    /// The first word of each person's name (as a key) → people, in order.
    by_first: WordMap<String, Vec<usize>>,
    /// The last word of each person's name → people, in order.
    by_last: WordMap<String, Vec<usize>>,
    /// Source phrases already read, with spans relative to the phrase (news repeats
    /// "he said" and "the spokesman said" many times): the phrases not followed by a
    /// number, then those followed by one, as [`read_source`] reads that too.
    read: [WordMap<String, Option<Rc<SourceNp>>>; 2],
    /// How many phrases (and runs) a cache holds before it is emptied.
    cache_limit: usize,
    /// Definite descriptions that found no earlier holder, with their head nouns: a
    /// later name may hold them ([`Entities::resolve_forward`]).
    unresolved: Vec<(usize, String)>,
}

/// Most source phrases (and runs of names) kept in a cache before it is emptied: on
/// 10 MB of news, 16 384 saved 6 % of the detector's instructions over 4 096, and more
/// saved nothing more (docs/PERFORMANCE.md).
const READ_CACHE: usize = 16_384;

#[cfg(test)]
thread_local! {
    /// A test's cache size in place of [`READ_CACHE`]: what the detector finds must not
    /// depend on what happens to be cached.
    pub(super) static TEST_CACHE_LIMIT: std::cell::Cell<Option<usize>> =
        const { std::cell::Cell::new(None) };
}

/// The size of the caches of a new registry.
fn cache_limit() -> usize {
    #[cfg(test)]
    if let Some(limit) = TEST_CACHE_LIMIT.with(std::cell::Cell::get) {
        return limit;
    }
    READ_CACHE
}

/// How many people a pronoun may look back over for one whose gender agrees.
const RECENT_PEOPLE: usize = 6;

/// A description of an office refers back to the person named at most this many
/// mentions before it, when nothing else holds the office.
const BRIDGE_MENTIONS: usize = 2;

/// Whether a description and a role name the same rank of an office: both or neither
/// "shadow", "deputy", "former"… ("the shadow home secretary" is not the Home
/// Secretary, nor "the prime minister" the Deputy Prime Minister).
fn same_rank(description: &str, role: &str) -> bool {
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
    (owner.iter().map(|w| bare_word(w)).collect(), named)
}

/// A word in lower case without its possessive or punctuation ("Labour's" → "labour").
fn bare_word(w: &str) -> String {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    let w = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|end| w.strip_suffix(end))
        .unwrap_or(w);
    w.to_lowercase()
}

/// Whether an entity may be what an owned description refers back to: its name and
/// titles hold every word of the owner ("Labour's spokesman" is the one introduced as
/// "Labour's health spokesman", never the Liberal Democrats' home affairs spokesman), or
/// the owner is a common noun: a body ("the party's spokesman", "the union's
/// president"), or an office when the entity speaks for no side ("the congressman's
/// spokesman" is "Gowdy spokesman Jamal Ware"): "the prime minister's official
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
    let held = words.iter().all(|o| titles().any(|w| bare_word(w) == *o));
    let office = words.last().is_some_and(|w| lexicon::is_office(w));
    words.is_empty() || held || (!named && (!office || e.side.is_none()))
}

/// The ranks a phrase names, a bit each: compared without allocating, as this runs for
/// every holder.
fn ranks(phrase: &str) -> u32 {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(lexicon::rank)
        .fold(0u32, |mask, r| mask | 1 << r)
}

/// Whether a title or description holds a role noun ("Home Secretary", "the
/// spokesman"), not only a party or body ("Labour's", "Tory").
fn holds_role_noun(description: &str) -> bool {
    description
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(is_role_noun)
}

/// The gender a source phrase gives: an honorific opening it ("Mrs Verity") or a noun
/// that has one ("a spokeswoman").
fn gender_in(phrase: &str) -> Option<Gender> {
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
        } else if w.len() > 5
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
fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    match pronoun {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// The source phrase at `range`, read ([`read_source`]), with its span relative to the
/// phrase. It depends only on the text (the walk remembers it; [`super::reading`] reads
/// it ahead).
pub fn read_phrase(text: &str, range: Range<usize>, sides: &SideMatcher) -> Option<SourceNp> {
    read_source(text, range.clone(), sides).map(|mut np| {
        np.span = np.span.start - range.start..np.span.end - range.start;
        np
    })
}

impl Entities {
    /// An empty registry.
    pub fn new() -> Entities {
        Entities {
            cache_limit: cache_limit(),
            ..Entities::default()
        }
    }

    /// Reads the source phrase at `range` ([`read_source`], remembering the phrases
    /// already read) and resolves it: `None` when the phrase names no source, else the
    /// entity, if one is found.
    pub fn resolve_phrase(
        &mut self,
        text: &str,
        range: Range<usize>,
        sides: &SideMatcher,
    ) -> Option<Option<usize>> {
        let np = self.read_cached(text, range.clone(), sides)?;
        Some(self.resolve_read(text, range, &np))
    }

    /// Resolves the source phrase at `range`, already read as `np` ([`read_phrase`]):
    /// the entity, if one is found.
    pub fn resolve_read(
        &mut self,
        text: &str,
        range: Range<usize>,
        np: &SourceNp,
    ) -> Option<usize> {
        let found = self.resolve_at(np, range.start);
        if let Some(i) = found
            && self.list[i].kind == EntityKind::Person
            && self.list[i].gender.is_none()
        {
            self.list[i].gender = gender_in(&text[range]);
        }
        found
    }

    /// The source phrase at `range`, read ([`read_phrase`]) or remembered (news repeats
    /// "he said" many times).
    fn read_cached(
        &mut self,
        text: &str,
        range: Range<usize>,
        sides: &SideMatcher,
    ) -> Option<Rc<SourceNp>> {
        let phrase = &text[range.clone()];
        let read = &mut self.read[usize::from(number_follows(text, range.end))];
        if let Some(hit) = read.get(phrase) {
            return hit.clone();
        }
        let np = read_phrase(text, range, sides).map(Rc::new);
        if read.len() >= self.cache_limit {
            read.clear();
        }
        if self.cache_limit > 0 {
            read.insert(phrase.to_string(), np.clone());
        }
        np
    }

    /// Records a person named as the subject of a sentence that quotes nobody ("Prime
    /// Minister Ann Verity is expected to reply."), so that a later "she said" finds
    /// her; anything else the subject names is left alone.
    pub fn mention_subject(&mut self, text: &str, range: Range<usize>, sides: &SideMatcher) {
        // Only a name already met can be one (most subjects are not people): one
        // lookup before reading the phrase.
        let last = text[range.clone()].rsplit(' ').next().unwrap_or_default();
        let key = name_key(last);
        if !(self.full_names.contains_key(&key) || self.by_last.contains_key(&key)) {
            return;
        }
        let np = self.read_cached(text, range.clone(), sides);
        if np.as_ref().is_some_and(|np| np.kind == NpKind::Person) {
            self.resolve_phrase(text, range, sides);
        }
    }

    /// Learns the full names of the people named with two or more words among `ws`, so
    /// that a later surname alone ("Lee") finds them ("Taiwanese President Lee Teng-hui").
    pub fn learn_names(&mut self, text: &str, ws: &[Range<usize>], sides: &SideMatcher) {
        for run in capital_runs(text, ws) {
            if run.len() < 2 {
                continue;
            }
            // A name already learnt is not read again.
            if self.full_names.contains_key(&text[ws[run.end - 1].clone()]) {
                continue;
            }
            let whole = ws[run.start].start..ws[run.end - 1].end;
            let run_text = &text[whole.clone()];
            // Once a run has been read, its person is known (or it names none): all it
            // tells again is that its body is the latest with its head noun.
            if let Some(body) = self.runs_seen.get(run_text) {
                if let Some(body) = body.clone() {
                    self.learn_body(&run_text[body]);
                }
                continue;
            }
            let kind = classify_run(text, &ws[run], sides);
            let body = match &kind {
                RunKind::Body(r) => Some(r.start - whole.start..r.end - whole.start),
                _ => None,
            };
            if self.runs_seen.len() >= self.cache_limit {
                self.runs_seen.clear();
            }
            if self.cache_limit > 0 {
                self.runs_seen.insert(run_text.to_string(), body.clone());
            }
            if let Some(body) = body {
                self.learn_body(&run_text[body]);
            }
            if let RunKind::Person(name) = kind {
                let n = clean_name(&text[name.clone()]);
                let parts: Vec<&str> = n.split_whitespace().collect();
                if let (true, Some(first), Some(last)) =
                    ((2..=4).contains(&parts.len()), parts.first(), parts.last())
                {
                    let last = name_key(last);
                    let first = name_key(first);
                    if self.full_names.contains_key(&last) && self.first_names.contains_key(&first)
                    {
                        continue;
                    }
                    // the title before the name, if it is more than an honorific
                    let title = clean_name(&text[whole.start..name.start]);
                    let known = KnownName {
                        title: (!title.is_empty() && !is_honorific(&title.to_lowercase()))
                            .then_some(title),
                        name: n.clone(),
                        side: sides
                            .first(&text[whole.start..name.start])
                            .or_else(|| super::appositive::appositive_side(text, whole.end, sides)),
                    };
                    self.index_title(&known);
                    self.full_names.entry(last).or_insert_with(|| known.clone());
                    self.first_names.entry(first).or_insert(known);
                }
            }
        }
    }

    /// Resolves a source phrase to an entity, recording the mention.
    pub fn resolve(&mut self, np: &SourceNp) -> Option<usize> {
        self.resolve_at(np, 0)
    }

    /// [`Entities::resolve`] for a phrase whose span is relative to byte `offset`.
    fn resolve_at(&mut self, np: &SourceNp, offset: usize) -> Option<usize> {
        let found = match &np.kind {
            NpKind::Pronoun(p) => match p {
                Pronoun::Person => self.latest_agreeing(&np.name),
                Pronoun::Body => self.latest(EntityKind::Body),
                Pronoun::Plural => [EntityKind::Body, EntityKind::Group]
                    .into_iter()
                    .filter_map(|k| self.latest(k))
                    .max_by_key(|&i| self.list[i].last_mention),
            },
            NpKind::Person => Some(self.person(np)),
            NpKind::Body => Some(self.named(np, EntityKind::Body)),
            NpKind::Role {
                head,
                definite,
                plural,
            } => Some(self.role(np, head, *definite, *plural)),
        }?;
        let e = &mut self.list[found];
        e.mentions
            .push(np.span.start + offset..np.span.end + offset);
        // "he" or "she" that found someone of no known gender gives it: a later pronoun
        // of the other gender is someone else
        if matches!(np.kind, NpKind::Pronoun(Pronoun::Person)) && e.gender.is_none() {
            e.gender = pronoun_gender(&np.name);
        }
        if e.side.is_none() {
            e.side = np.side;
        }
        // a description that resolved to someone named is one of their descriptions
        let described = matches!(np.kind, NpKind::Role { .. }) && e.name != np.name;
        for d in np.role.iter().chain(described.then_some(&np.name)) {
            if !e.descriptions.contains(d) {
                e.descriptions.push(d.clone());
            }
        }
        if e.role.is_none()
            && let Some(role) = &np.role
        {
            self.set_role(found, role.clone());
        }
        self.touch(found);
        Some(found)
    }

    /// The entity a role phrase refers to: an earlier holder of its noun when it is
    /// definite, else an entity of its own (noted, to join a name given later).
    fn role(&mut self, np: &SourceNp, head: &str, definite: bool, plural: bool) -> usize {
        let earlier = if definite {
            self.latest_holder(head, np)
                .or_else(|| self.titled_known(head, np))
                .or_else(|| self.bridged(head, plural, np.side))
                .or_else(|| (!plural).then(|| self.named_body(head, np)).flatten())
        } else {
            None
        };
        earlier.unwrap_or_else(|| {
            let kind = if plural {
                EntityKind::Group
            } else if lexicon::is_title(head) || lexicon::is_spokesperson(head) {
                EntityKind::Person
            } else {
                EntityKind::Body
            };
            let i = self.named(np, kind);
            self.add_head(i, head);
            if definite && !plural {
                self.note_unresolved(i, head);
            }
            i
        })
    }

    /// Gives an entity its role; the role's nouns refer back to it ("the secretary").
    fn set_role(&mut self, entity: usize, role: String) {
        let lower = role.to_lowercase();
        // "co-chairman" is referred back to by itself and by "the chairman"
        let hyphened = lower.split(|c: char| !c.is_alphanumeric() && c != '-');
        for w in hyphened.chain(lower.split(|c: char| !c.is_alphanumeric())) {
            if is_role_noun(w) {
                self.add_head(entity, w);
            }
        }
        let e = &mut self.list[entity];
        if !e.descriptions.contains(&role) {
            e.descriptions.push(role.clone());
        }
        e.role = Some(role);
    }

    /// Gives an entity a description found next to one of its mentions ("The shadow
    /// transport secretary, Owen Pryce,"): its role if it has none, and one of its
    /// descriptions.
    pub fn describe(&mut self, entity: usize, description: String) {
        if self.list[entity].role.is_none() {
            self.set_role(entity, description);
        } else if !self.list[entity].descriptions.contains(&description) {
            self.list[entity].descriptions.push(description);
        }
    }

    /// Adds a noun that refers back to an entity ("said in a commentary").
    pub fn add_head(&mut self, entity: usize, head: &str) {
        let e = &mut self.list[entity];
        if !e.heads.iter().any(|h| h == head) {
            e.heads.push(head.to_string());
            self.by_head
                .entry(head.to_string())
                .or_default()
                .push(entity);
        }
    }

    /// Marks an entity as the most recently mentioned.
    fn touch(&mut self, i: usize) {
        self.mentions_resolved += 1;
        let e = &mut self.list[i];
        e.last_mention = self.mentions_resolved;
        self.latest[e.kind as usize] = Some(i);
        if e.kind == EntityKind::Person {
            self.recent_people.retain(|&p| p != i);
            self.recent_people.insert(0, i);
            self.recent_people.truncate(RECENT_PEOPLE);
        }
    }

    /// The person a pronoun ("he", "she", "i") refers back to: the latest one whose
    /// gender, where known, agrees.
    fn latest_agreeing(&self, pronoun: &str) -> Option<usize> {
        let wanted = pronoun_gender(pronoun);
        let agrees = |&i: &usize| {
            let g = self.list[i].gender;
            wanted.is_none() || g.is_none() || g == wanted
        };
        self.recent_people
            .iter()
            .copied()
            .find(agrees)
            .or_else(|| self.latest(EntityKind::Person).filter(agrees))
    }

    /// Remembers a body's name of two words or more by its head noun ("Transport
    /// Workers Union" by "union"), so that "the union said" is that union.
    fn learn_body(&mut self, name: &str) {
        // (the name proper follows its last "the": "Members of the Harbour Union")
        let name = clean_name(name.rsplit_once(" the ").map_or(name, |(_, n)| n));
        let mut words = name.split_whitespace();
        let Some(head) = words.next_back() else {
            return;
        };
        let head = head.to_lowercase();
        if words.next().is_some() && lexicon::is_body_head(&head) {
            self.by_body_head.insert(head, name);
        }
    }

    /// The body named earlier whose head noun a definite description has ("the union"
    /// after "the Transport Workers Union"), as an entity.
    fn named_body(&mut self, head: &str, np: &SourceNp) -> Option<usize> {
        let name = self.by_body_head.get(head)?.clone();
        let i = match self.by_name.get(&*lower(&name, &mut [0u8; 32])) {
            Some(&i) => i,
            None => self.push(name, np, EntityKind::Body),
        };
        self.add_head(i, head);
        Some(i)
    }

    /// Remembers the role nouns of a known name's title, so that a description with
    /// one of them finds the name ([`Entities::titled_known`]).
    fn index_title(&mut self, known: &KnownName) {
        let Some(title) = &known.title else { return };
        for w in title
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric() && c != '-')
        {
            if is_role_noun(w) {
                self.by_title.insert(w.to_string(), known.clone());
            }
        }
    }

    /// The person whose title, met before their full name, holds every word of a
    /// definite description ("the home secretary" after "Home Secretary Ann Verity"
    /// said nothing yet), not "the shadow home secretary".
    fn titled_known(&mut self, head: &str, np: &SourceNp) -> Option<usize> {
        let known = self.by_title.get(head)?;
        let title = known.title.as_deref()?.to_lowercase();
        let title_words: Vec<&str> = title.split_whitespace().collect();
        let fits = same_rank(&np.name, &title)
            && np
                .name
                .to_lowercase()
                .split_whitespace()
                .all(|w| title_words.contains(&w) || w == "former");
        if !fits {
            return None;
        }
        let known = known.clone();
        let i = match self.by_name.get(&*lower(&known.name, &mut [0u8; 32])) {
            Some(&i) => i,
            None => {
                let i = self.push(known.name.clone(), np, EntityKind::Person);
                self.list[i].side = self.list[i].side.or(known.side);
                i
            }
        };
        if self.list[i].role.is_none() {
            self.set_role(i, known.title.unwrap_or_default());
        }
        Some(i)
    }

    /// The person a definite description of an office refers back to when nothing
    /// earlier holds it: the person just mentioned, if no title was ever given to them
    /// ("Ann Verity has attacked … The Tory leader said").
    fn bridged(&self, head: &str, plural: bool, side: Option<usize>) -> Option<usize> {
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
        // (a party or body named before the name is no title: "Labour's Ann Verity")
        let untitled = member || e.descriptions.iter().all(|d| !holds_role_noun(d));
        let same_side = side.is_none() || e.side.is_none() || e.side == side;
        (just_mentioned && untitled && same_side && e.name.contains(' ')).then_some(i)
    }

    /// The most recently mentioned holder of a description's noun, or of an office
    /// the noun also names ("the minister" after "Education Secretary Ruth Kemp").
    fn latest_holder(&self, head: &str, np: &SourceNp) -> Option<usize> {
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

    /// The most recently mentioned entity of a kind.
    fn latest(&self, kind: EntityKind) -> Option<usize> {
        self.latest[kind as usize]
    }

    /// The most recently mentioned entity that a head noun refers back to, on the
    /// given side when both have one. A description's capitalised modifiers ("the
    /// Florida senator") prefer the entity whose title holds them ("Florida Sen. …").
    fn latest_with_head(&self, head: &str, side: Option<usize>, phrase: &str) -> Option<usize> {
        let owner = owner_of(phrase);
        let rank = ranks(phrase);
        let candidates = self.by_head.get(head)?.iter().copied().filter(|&i| {
            let e = &self.list[i];
            (side.is_none() || e.side.is_none() || e.side == side)
                && ranks(e.role.as_deref().unwrap_or(&e.name)) == rank
                && same_owner(&owner, e)
        });
        // (the description's own head noun is no modifier: "the Health Secretary")
        let mut words = phrase.split_whitespace();
        words.next_back();
        let modifiers: Vec<&str> = words
            .filter(|w| is_capitalized(w) && !lexicon::is_sentence_word(&w.to_lowercase()))
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

    fn named(&mut self, np: &SourceNp, kind: EntityKind) -> usize {
        if let Some(&i) = self.by_name.get(&*lower(&np.name, &mut [0u8; 32])) {
            return i;
        }
        self.push(np.name.clone(), np, kind)
    }

    /// Indexes an entity under its name (and a person under its first and last words).
    fn index(&mut self, i: usize) {
        let e = &self.list[i];
        self.by_name.entry(e.name.to_lowercase()).or_insert(i);
        if e.kind == EntityKind::Person {
            let mut parts = e.name.split_whitespace().map(name_key);
            let first = parts.next();
            let last = parts.next_back().or(first.clone());
            for (map, key) in [(&mut self.by_first, first), (&mut self.by_last, last)] {
                if let Some(key) = key {
                    let list = map.entry(key).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }
    }

    fn push(&mut self, name: String, np: &SourceNp, kind: EntityKind) -> usize {
        let head = name.split_whitespace().last().map(str::to_lowercase);
        self.list.push(Entity {
            name,
            role: None,
            kind,
            side: np.side,
            heads: Vec::new(),
            mentions: Vec::new(),
            descriptions: Vec::new(),
            speaks: false,
            gender: None,
            last_mention: 0,
        });
        let i = self.list.len() - 1;
        if let Some(head) = head {
            self.add_head(i, &head);
        }
        self.index(i);
        i
    }

    fn person(&mut self, np: &SourceNp) -> usize {
        let mut parts = np.name.split_whitespace();
        let last = parts.next_back();
        let single = last.is_some() && parts.next().is_none();
        let surname = name_key(last.unwrap_or(""));
        let by_last = self.by_last.get(&surname);
        let by_first = self.by_first.get(&surname).filter(|_| single);
        // (a full name is another person's when both first names are given and differ:
        // "Ruth Fox" is not "Ian Fox")
        let first_name = np.name.split_whitespace().next().unwrap_or_default();
        let same_person = |&i: &usize| {
            let name = &self.list[i].name;
            single || !name.contains(' ') || name.split_whitespace().next() == Some(first_name)
        };
        let same = by_last
            .into_iter()
            .chain(by_first)
            .filter_map(|l| l.iter().copied().find(same_person))
            .min();
        if let Some(i) = same {
            if !single && !self.list[i].name.contains(' ') {
                self.list[i].name = np.name.clone();
                self.index(i);
            }
            return i;
        }
        let known = self
            .full_names
            .get(&surname)
            .or_else(|| self.first_names.get(&surname))
            .filter(|_| single)
            .cloned();
        match known {
            Some(k) => {
                if let Some(&i) = self.by_name.get(&*lower(&k.name, &mut [0u8; 32])) {
                    return i;
                }
                let i = self.push(k.name, np, EntityKind::Person);
                self.list[i].side = self.list[i].side.or(k.side);
                // "Mr Haldane said" after "Prime Minister Robert Haldane": the title
                // met with the full name is the role
                if let Some(title) = k.title {
                    self.set_role(i, title);
                }
                i
            }
            None => self.push(np.name.clone(), np, EntityKind::Person),
        }
    }
}

/// A person's full name as first met in the article, with the side its title gave.
#[derive(Debug, Clone)]
pub struct KnownName {
    /// "Lee Teng-hui".
    pub name: String,
    /// The title met before the full name ("Taiwanese President").
    pub title: Option<String>,
    /// The side named in the title before it.
    pub side: Option<usize>,
}

/// Where each mention of an entity ends, and where its full name ends when the
/// mention is only its start ("Suzanne" of "Suzanne Roe, assistant …"): where an
/// appositive may follow.
pub fn mention_ends<'a>(text: &'a str, e: &'a Entity) -> impl Iterator<Item = usize> + 'a {
    e.mentions.iter().flat_map(move |m| {
        let full = text
            .get(m.start..)
            .filter(|rest| m.end < m.start + e.name.len() && rest.starts_with(e.name.as_str()))
            .map(|_| m.start + e.name.len());
        std::iter::once(m.end).chain(full)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::speakers::tests::matcher;

    #[test]
    fn surnames_and_roles_resolve_to_the_named_speaker() {
        let m = matcher();
        let text = "Foreign Office spokesman Jane Doe; Doe; the spokesman; she";
        let mut e = Entities::new();
        let a = e.resolve(&read_source(text, 0..33, &m).unwrap());
        let b = e.resolve(&read_source(text, 35..38, &m).unwrap());
        let c = e.resolve(&read_source(text, 40..53, &m).unwrap());
        let d = e.resolve(&read_source(text, 55..58, &m).unwrap());
        assert_eq!(a, Some(0));
        assert_eq!((b, c, d), (a, a, a));
        assert_eq!(e.list[0].mentions.len(), 4);
    }

    #[test]
    fn an_entity_keeps_every_description_it_was_given() {
        let m = matcher();
        let text = "Opposition leader Tom Bright; the leader; Mr Bright, the shadow chancellor";
        let mut e = Entities::new();
        for r in [0..28, 30..40, 42..text.len()] {
            assert_eq!(e.resolve(&read_source(text, r, &m).unwrap()), Some(0));
        }
        assert_eq!(
            e.list[0].descriptions,
            vec!["Opposition leader", "leader", "the shadow chancellor"]
        );
        assert_eq!(e.list[0].role.as_deref(), Some("Opposition leader"));
    }

    /// The whole detector's output on `story` with the caches holding `limit` entries.
    fn detected_with_cache(story: &str, limit: usize) -> crate::model::Annotations {
        use crate::article::{Article, Source};
        TEST_CACHE_LIMIT.with(|c| c.set(Some(limit)));
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let found = crate::detect::detect(&article, None);
        TEST_CACHE_LIMIT.with(|c| c.set(None));
        found
    }

    /// The text of each mention of the speaker called `name`, if there is one.
    fn mention_texts<'a>(found: &'a crate::model::Annotations, name: &str) -> Option<Vec<&'a str>> {
        let speaker = found.speakers.iter().find(|s| s.name == name)?;
        Some(speaker.mention_text.iter().map(|m| m.as_str()).collect())
    }

    #[test]
    fn what_is_found_does_not_depend_on_what_is_cached() {
        // "Ann Verity" is read first before a number (a score, so no person), then as
        // the speaker of a quotation: a memo keyed by the phrase alone made her a body,
        // and "she" then found no one.
        let story = "Debate scores\n\n\
            Ann Verity 1, Tom Reed 2 was how the panel scored the debate on Thursday.\n\n\
            \"We won the night,\" Ann Verity said.\n\n\
            \"It was a fair fight,\" she said.\n";
        let uncached = detected_with_cache(story, 0);
        assert_eq!(
            mention_texts(&uncached, "Ann Verity"),
            Some(vec!["Ann Verity", "she"])
        );
        for limit in [1, 2, 3, 4096] {
            assert_eq!(
                detected_with_cache(story, limit),
                uncached,
                "cache of {limit}"
            );
        }
    }

    #[test]
    fn a_pronoun_of_the_other_gender_is_not_someone_he_named_before() {
        use crate::article::{Article, Source};
        // Darov is "he" once; "She" then cannot be him, and his side stays his own
        let story = "Velmar and Dastra reopen crossing\n\n\
            Velmar's foreign minister, Ilyas Darov, said trucks would pass. \
            \"This is good news,\" he told reporters.\n\n\
            His counterpart was more cautious. She said Dastra would wait.\n";
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let found = crate::detect::detect(&article, None);
        assert_eq!(
            mention_texts(&found, "Ilyas Darov"),
            Some(vec!["Ilyas Darov", "he"])
        );
    }

    #[test]
    fn a_body_named_again_is_the_latest_with_its_head_noun_whatever_is_cached() {
        let m = matcher();
        let text = "Negotiators met the Transport Workers Union on Monday. \
            Negotiators met the Teachers Union on Tuesday. \
            Negotiators met the Transport Workers Union again on Wednesday. the union";
        for limit in [0, 1, 4096] {
            TEST_CACHE_LIMIT.with(|c| c.set(Some(limit)));
            let mut e = Entities::new();
            TEST_CACHE_LIMIT.with(|c| c.set(None));
            let ws = crate::detect::words::words(text, 0..text.len() - 10);
            for sentence in ws.split(|w| text[w.end..].starts_with('.')) {
                e.learn_names(text, sentence, &m);
            }
            let union = e.resolve(&read_source(text, text.len() - 9..text.len(), &m).unwrap());
            assert_eq!(
                union.map(|i| e.list[i].name.as_str()),
                Some("Transport Workers Union"),
                "cache of {limit}"
            );
        }
    }
}
