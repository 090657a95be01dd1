//! Resolving a source phrase to an entity: a name, a surname, a pronoun or a role noun
//! finds the entity it refers to (or makes one), and the mention is recorded.

use super::super::lexicon::{self, Pronoun};
use super::super::parties::name_key;
use super::super::speakers::{NpKind, SourceNp, is_role_noun, without_article};
use super::super::words::lower;
use super::descriptions::{pronoun_gender, ranks};
use super::{Entities, Entity, EntityKind};

/// How many people a pronoun may look back over for one whose gender agrees.
const RECENT_PEOPLE: usize = 6;

impl Entities {
    /// Resolves a source phrase to an entity, recording the mention.
    pub fn resolve(&mut self, np: &SourceNp) -> Option<usize> {
        self.resolve_at(np, 0)
    }

    /// [`Entities::resolve`] for a phrase whose span is relative to byte `offset`.
    pub(super) fn resolve_at(&mut self, np: &SourceNp, offset: usize) -> Option<usize> {
        let found = match &np.kind {
            NpKind::Pronoun(p) => match p {
                Pronoun::Person => self.latest_agreeing(&np.name),
                Pronoun::Body => self.latest(EntityKind::Body),
                Pronoun::Plural => [EntityKind::Body, EntityKind::Group]
                    .into_iter()
                    .filter_map(|k| self.latest(k))
                    .max_by_key(|&i| self.list[i].last_mention),
                Pronoun::Member => self.latest(EntityKind::Group),
            },
            NpKind::Person => Some(self.person(np)),
            NpKind::Body => Some(self.named(np, EntityKind::Body)),
            NpKind::Role {
                head,
                definite,
                plural,
                individual,
            } => Some(self.role(np, head, *definite, *plural, *individual)),
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
    fn role(
        &mut self,
        np: &SourceNp,
        head: &str,
        definite: bool,
        plural: bool,
        individual: bool,
    ) -> usize {
        let earlier = if definite {
            self.latest_holder(head, np)
                .or_else(|| self.titled_known(head, np))
                .or_else(|| self.bridged(head, plural, np.side))
                .or_else(|| (!plural).then(|| self.named_body(head, np)).flatten())
                .or_else(|| (!plural).then(|| self.unnamed_just_met(head, np)).flatten())
        } else {
            None
        };
        let group = (!definite)
            .then(|| self.member_of_group(head, np))
            .flatten();
        earlier.unwrap_or_else(|| {
            let kind = if plural {
                EntityKind::Group
            } else if lexicon::is_title(head) || lexicon::is_spokesperson(head) || individual {
                EntityKind::Person
            } else {
                EntityKind::Body
            };
            let i = self.named(np, kind);
            self.add_head(i, head);
            if definite && !plural {
                self.note_unresolved(i, head);
            }
            if let Some(g) = group {
                self.join_group(i, g);
            }
            i
        })
    }

    /// Gives an entity its role; the role's nouns refer back to it ("the secretary").
    pub(super) fn set_role(&mut self, entity: usize, role: String) {
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
        e.rank = ranks(&role);
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

    /// Makes a reporter the latest mention again after the subject of the clause it
    /// reports ("A spokeswoman said the minister had asked …. “…,” she said": the
    /// pronoun goes back to the one who spoke, not to the one she spoke of).
    pub fn bring_forward(&mut self, i: usize) {
        self.touch(i);
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

    /// The most recently mentioned entity of a kind.
    fn latest(&self, kind: EntityKind) -> Option<usize> {
        self.latest[kind as usize]
    }

    fn named(&mut self, np: &SourceNp, kind: EntityKind) -> usize {
        if let Some(&i) = self.by_name.get(&*lower(&np.name, &mut [0u8; 32])) {
            return i;
        }
        self.push(np.name.clone(), np, kind)
    }

    /// Indexes an entity under its name (and a person under its first and last words).
    pub(super) fn index(&mut self, i: usize) {
        let e = &self.list[i];
        self.by_name.entry(e.name.to_lowercase()).or_insert(i);
        if e.kind == EntityKind::Person {
            let mut parts = e.name.split_whitespace().map(name_key);
            let first = parts.next();
            let last = parts.next_back().or(first.clone());
            // ("Harazi" is "Ali al-Harazi" too)
            let bare = last
                .as_deref()
                .and_then(without_article)
                .map(str::to_string);
            let keys = [(true, first), (false, last), (false, bare)];
            for (key, first) in keys.into_iter().filter_map(|(f, k)| Some((k?, f))) {
                let map = if first {
                    &mut self.by_first
                } else {
                    &mut self.by_last
                };
                let list = map.entry(key).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
    }

    pub(super) fn push(&mut self, name: String, np: &SourceNp, kind: EntityKind) -> usize {
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
            rank: 0,
        });
        let i = self.list.len() - 1;
        self.list[i].rank = ranks(&self.list[i].name);
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
            single
                || !name.contains(' ')
                || name.split_whitespace().next() == Some(first_name)
                || ends_with_name(name, &np.name)
        };
        let same = by_last
            .into_iter()
            .chain(by_first)
            .filter_map(|l| l.iter().copied().find(same_person))
            .min();
        if let Some(i) = same {
            if !single && !self.list[i].name.contains(' ') {
                let e = &mut self.list[i];
                e.name = np.name.clone();
                if e.role.is_none() {
                    e.rank = ranks(&e.name);
                }
                self.index(i);
            }
            return i;
        }
        let known = self
            .full_names
            .get(&surname)
            .or_else(|| self.first_names.get(&surname))
            .filter(|k| single || ends_with_name(&k.name, &np.name))
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

/// Whether `name` ends with the words of `tail`, a surname of two words or more: "Mr
/// Costa Reis" is "Maria Costa Reis", not a new person.
fn ends_with_name(name: &str, tail: &str) -> bool {
    name.len() > tail.len()
        && name.ends_with(tail)
        && name[..name.len() - tail.len()].ends_with(' ')
}
