//! Descriptions said before the name they describe: "the prime minister said" in one
//! paragraph, "Prime Minister Ann Verity told reporters" in a later one. During the walk
//! such a description becomes an entity of its own, since nothing earlier holds it; once
//! the whole article is read, it joins the one person whose title holds every word of it
//! (or, for a body's noun, the body named with that noun: "the union" before "the
//! Harbour Drivers Union").

use super::descriptions::same_rank;
use super::{Entities, EntityKind};

impl Entities {
    /// Notes that entity `i` is a definite description with head noun `head` that
    /// found no earlier holder.
    pub(super) fn note_unresolved(&mut self, i: usize, head: &str) {
        if !self.unresolved.iter().any(|(j, _)| *j == i) {
            self.unresolved.push((i, head.to_string()));
        }
    }

    /// Joins each description that found no holder during the walk to the holder the
    /// article names later, if exactly one fits. Returns, for each entity, the entity
    /// it now is (itself unless it was joined to another), for the findings to follow.
    pub fn resolve_forward(&mut self) -> Vec<usize> {
        let mut now: Vec<usize> = (0..self.list.len()).collect();
        for (i, head) in std::mem::take(&mut self.unresolved) {
            let Some((name, title)) = self.later_holder(i, &head) else {
                continue;
            };
            match self.by_name.get(&name.to_lowercase()) {
                Some(&j) if j != i => {
                    self.join(i, j);
                    now[i] = j;
                }
                Some(_) => {}
                None => {
                    let description = std::mem::replace(&mut self.list[i].name, name);
                    self.list[i].descriptions.push(description);
                    if let Some(title) = title {
                        self.set_role(i, title);
                    }
                    self.index(i);
                }
            }
        }
        now
    }

    /// The one name, with its title, that a description's words all fit: a person's
    /// title met before the full name, or the body named with the description's noun.
    fn later_holder(&self, i: usize, head: &str) -> Option<(String, Option<String>)> {
        let e = &self.list[i];
        let description = e.name.to_lowercase();
        if e.kind == EntityKind::Body {
            let name = self.by_body_head.get(head)?;
            return (name.to_lowercase() != description).then(|| (name.clone(), None));
        }
        let mut fitting = self.full_names.values().filter(|k| {
            k.title.as_deref().is_some_and(|t| {
                let title = t.to_lowercase();
                let words: Vec<&str> = title.split_whitespace().collect();
                same_rank(&description, &title)
                    && description
                        .split_whitespace()
                        .all(|w| words.contains(&w) || w == "former")
            })
        });
        let first = fitting.next()?;
        // (two people fit, as two ministers do "the minister": no guess)
        if fitting.any(|k| k.name != first.name) {
            return None;
        }
        Some((first.name.clone(), first.title.clone()))
    }

    /// Moves everything entity `from` holds to entity `to`: its mentions, its
    /// descriptions (its own name among them), whether it speaks, its side.
    fn join(&mut self, from: usize, to: usize) {
        let old = std::mem::take(&mut self.list[from].mentions);
        let speaks = std::mem::take(&mut self.list[from].speaks);
        let mut descriptions = std::mem::take(&mut self.list[from].descriptions);
        descriptions.insert(0, self.list[from].name.clone());
        let side = self.list[from].side;
        let target = &mut self.list[to];
        target.mentions.extend(old);
        target.speaks |= speaks;
        target.side = target.side.or(side);
        for d in descriptions {
            if !target.descriptions.contains(&d) {
                target.descriptions.push(d);
            }
        }
    }
}
