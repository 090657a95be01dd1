//! The entity registry: one entity per person or body the article quotes, with every
//! mention kept, and every title and description it was given (`Entity::descriptions`).
//! Coreference across the whole article resolves here: a surname, "Mr/Ms X", a
//! pronoun or a description ("the minister") finds the entity it refers back to, so a
//! quote's speaker entity carries everything the article said about who it is. It learns full names as they pass, so that a surname alone finds its
//! person, and resolves role nouns ("the spokesman") and pronouns by recency.

use super::lexicon::{Pronoun, WordMap};
use super::parties::{SideMatcher, name_key};
use super::speakers::{NpKind, SourceNp, read_source};
use descriptions::gender_in;
pub use memo::PhraseMemo;
use std::ops::Range;
use std::sync::Arc;

mod beside;
mod counted;
mod descriptions;
mod forward;
mod learn;
mod memo;
mod resolve;

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
    /// The ranks its role (else its name) names ([`descriptions::ranks`]), kept as the
    /// role and name change: a description is weighed against every holder of its noun.
    rank: u32,
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
    /// Source phrases already read (news repeats "he said" and "the spokesman said"
    /// many times).
    read: PhraseMemo,
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
            read: PhraseMemo::new(),
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
        if np.kind == NpKind::Pronoun(Pronoun::Member) && !counted::speaks_alone(text, &range) {
            return None;
        }
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
        {
            if self.list[i].gender.is_none() {
                self.list[i].gender = gender_in(&text[range.clone()]);
            }
            if np.kind == NpKind::Person {
                self.describe_after(i, text, range.start + np.span.end);
            } else if matches!(np.kind, NpKind::Role { .. }) {
                self.name_given_after(i, text, range.start + np.span.end);
            }
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
    ) -> Option<Arc<SourceNp>> {
        self.read.read(text, range, sides)
    }

    /// The first side named in `phrase` ([`SideMatcher::first`]), remembered: a story
    /// names its staters again and again ("Jo Bell said", "the ministry said"), and the
    /// matcher's scan of one costs some 1 500 instructions.
    pub fn first_side(&mut self, phrase: &str, sides: &SideMatcher) -> Option<usize> {
        self.read.first_side(phrase, sides)
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
}

/// A person's full name as first met in the article, with the side its title gave.
#[derive(Debug, Clone)]
pub struct KnownName {
    /// "Lin Cheng-wei".
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

    #[test]
    fn a_description_of_another_portfolio_is_someone_else() {
        let m = matcher();
        let text = "Energy Minister Ana Voss; the foreign minister; the minister";
        let mut e = Entities::new();
        let voss = e.resolve(&read_source(text, 0..24, &m).unwrap());
        let other = e.resolve(&read_source(text, 26..46, &m).unwrap());
        assert_eq!(voss, Some(0));
        assert_ne!(other, voss);
        // a bare office may still be hers
        let text = "Energy Minister Ana Voss; the energy minister";
        let mut e = Entities::new();
        let voss = e.resolve(&read_source(text, 0..24, &m).unwrap());
        assert_eq!(
            e.resolve(&read_source(text, 26..text.len(), &m).unwrap()),
            voss
        );
        // a party is no portfolio
        let text = "GOP candidate Tom Hale; the Republican candidate";
        let mut e = Entities::new();
        let hale = e.resolve(&read_source(text, 0..22, &m).unwrap());
        let again = e.resolve(&read_source(text, 24..text.len(), &m).unwrap());
        assert_eq!(again, hale);
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
    fn a_person_described_after_the_name_is_not_a_later_office_of_a_side() {
        use crate::article::{Article, Source};
        // the envoy is titled by the description after his name: "The Velmari foreign
        // minister" just after is someone else, not the envoy with a side
        let story = "Envoy meets Velmar and Dastra\n\n\
            Oren Falk, the U.N. envoy, said both delegations would meet again.\n\n\
            The Velmari foreign minister rejected the plan. \"We will not sign,\" the \
            minister said.\n";
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let found = crate::detect::detect(&article, None);
        assert_eq!(mention_texts(&found, "Oren Falk"), Some(vec!["Oren Falk"]));
        // a name with no description after it still bridges to the office just named
        let untitled = story.replace(", the U.N. envoy,", "");
        let article = Article::from_bytes(Source::Stdin, untitled.as_bytes());
        let found = crate::detect::detect(&article, None);
        let falk = mention_texts(&found, "Oren Falk");
        assert!(falk.is_some_and(|m| m.contains(&"The Velmari foreign minister")));
    }

    #[test]
    fn one_known_only_by_an_office_is_not_a_later_office() {
        use crate::article::{Article, Source};
        // the spokesman is titled by his office: the minister just after is another
        // speaker, and so is the premier who answers a party's leader
        let story = "Fuel levy row\n\n\
            \"No decision has been taken,\" a Finance Ministry spokesman said.\n\n\
            The Energy Minister said the levy was fair. \"It is the right tax,\" he said.\n\n\
            The Green leader asked whether the premier would drop it. \"Will he?\" she \
            asked. The premier said he would not.\n";
        let article = Article::from_bytes(Source::Stdin, story.as_bytes());
        let found = crate::detect::detect(&article, None);
        let spokesman = mention_texts(&found, "a Finance Ministry spokesman");
        assert_eq!(spokesman, Some(vec!["a Finance Ministry spokesman"]));
        let leader = mention_texts(&found, "Green leader");
        assert!(leader.is_some_and(|m| !m.contains(&"The premier")));
    }
}
