//! A speaker's side, weighed from all the evidence about it rather than taken from the
//! first rule that fires. Each finding about a speaker is a [`Clue`] pointing at a side
//! (or at a side known by its role: the state's, the opposition's, a union's); at the
//! end every side the story has is scored by a logistic model whose weights were
//! fitted on hand-annotated stories, and the speaker takes the best side whose score
//! is above even odds, or none.

use super::side_kind::SideKind;

/// What a clue points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A candidate side, by index.
    Side(usize),
    /// The side the state's offices speak for: the governing party, else the home
    /// country ("the Foreign Ministry", "the Prime Minister", "our government").
    State,
    /// The devolved government of a nation within the state ("the First Minister"):
    /// the one such government among the sides, else as [`Target::State`].
    Devolved,
    /// The home country, whatever governs it ("MPs" in a story between countries), or
    /// the one country among the sides when the home country is none.
    Nation,
    /// The home country itself, only if it is a side (the dateline's).
    Home,
    /// The party in opposition to the governing one ("the shadow home secretary").
    Opposition,
    /// The side that is an organisation of this kind ("the union's president").
    Kind(SideKind),
}

/// A kind of evidence about a speaker's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clue {
    /// The side is named in the speaker's own title, body or name ("Chinese Foreign
    /// Ministry spokesman", "Tory leader Ann Hale", "the State Department").
    Named,
    /// It is named in an appositive after a mention ("Ole Brask, the EC's envoy,").
    Appositive,
    /// It is named in a title before another mention of the name, where the speaker is
    /// no source ("… announced by Tory leader Ann Hale"; later "Mrs Hale said").
    Described,
    /// A longer name holding the speaker's one word has it ("Tarnow" of "Foreign
    /// Ministry official Ivo Tarnow").
    Namesake,
    /// The parties file lists the speaker or the speaker's office for it.
    Member,
    /// The speaker holds an office of the state, the opposition or an organisation
    /// named without whose ("the Foreign Ministry", "the shadow chancellor", "the
    /// union's president").
    Office,
    /// The side is what the speaker's reported speech is about: its subject ("Brazil
    /// wants to resume payments, Gros said"; "Blair said Labour would …").
    SpeaksFor,
    /// The speaker says "our government", "our union" in a quotation.
    Our,
    /// The speaker is not on this side: attacks it ("challenged China to …") or speaks
    /// of it in the third person beside a "we" ("we want more from
    /// our talks with Velmar than Velmar gives").
    Against,
    /// The story's dateline is in this side's country: the weakest hint.
    Dateline,
}

/// How many kinds of clue there are.
pub const KINDS: usize = 10;

/// Every kind of clue, in the order of [`WEIGHTS`].
pub const CLUES: [Clue; KINDS] = [
    Clue::Named,
    Clue::Appositive,
    Clue::Described,
    Clue::Namesake,
    Clue::Member,
    Clue::Office,
    Clue::SpeaksFor,
    Clue::Our,
    Clue::Against,
    Clue::Dateline,
];

/// The weight of each kind of clue, in the order of [`CLUES`], and the bias: fitted by
/// `scripts/fit_sides.py` (logistic regression with an L2 penalty) on the 30 tuning
/// stories of the sides development set, sides given; see docs/DETECTION.md.
const WEIGHTS: [f32; KINDS] = [2.30, 1.25, 1.13, 1.00, 4.00, 1.96, 1.54, 0.86, 2.15, 0.53];
const BIAS: f32 = -0.67;

/// The clues gathered about each entity.
#[derive(Debug, Default)]
pub struct Evidence {
    clues: Vec<Vec<(Target, Clue)>>,
}

/// How targets that are known by role map to the story's sides.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    /// How strongly each candidate is said to govern ([`super::governs::Governing::votes`]).
    pub governing: Vec<(usize, i32)>,
    /// The home country, if it is a candidate side.
    pub nation: Option<usize>,
    /// The kind of each candidate side.
    pub kinds: Vec<SideKind>,
    /// A party that speaks through a side naming no party, and that side: the
    /// governing party behind a side the parties file calls "the government"
    /// ([`super::governs::Governing::behind`]).
    pub behind: Option<(usize, usize)>,
    /// The candidates that are devolved governments of nations within a state.
    pub devolved: Vec<usize>,
}

impl Roles {
    /// The side a target names, if the story has one.
    pub fn resolve(&self, target: Target, considered: &[usize]) -> Option<usize> {
        let only = |kinds: &[SideKind], not: Option<usize>| {
            let mut of_kind = considered.iter().copied().filter(|&s| {
                self.kinds.get(s).is_some_and(|k| kinds.contains(k)) && Some(s) != not
            });
            let first = of_kind.next();
            first.filter(|_| of_kind.next().is_none())
        };
        // (a story of one country against a body that is none, told from elsewhere:
        // its offices are that country's)
        let nation = || {
            self.nation
                .filter(|n| considered.contains(n))
                .or_else(|| only(&[SideKind::Country], None))
        };
        let governing = || super::sides::governing(&self.governing, considered, &self.kinds);
        match target {
            // (the governing party's people speak for a side called "the government")
            Target::Side(s) if self.behind.is_some_and(|(p, _)| p == s) => {
                self.behind.map(|(_, side)| side)
            }
            // a body of the home state that is no side speaks for whoever governs it
            // ("Downing Street" in a story between parties)
            Target::Side(s) if Some(s) == self.nation && !considered.contains(&s) => {
                governing().or(Some(s))
            }
            Target::Side(s) => Some(s),
            // (between two parties whose government is not known, the state's offices
            // are no one's: the country is not what they speak for)
            Target::State => governing()
                .or_else(|| {
                    let parties = considered
                        .iter()
                        .filter(|&&s| self.kinds.get(s) == Some(&SideKind::Party))
                        .count();
                    nation().filter(|_| parties < 2)
                })
                .or_else(|| self.public_body(considered)),
            Target::Devolved => {
                let mut of = considered.iter().filter(|s| self.devolved.contains(s));
                match (of.next(), of.next()) {
                    (Some(&one), None) => Some(one),
                    _ => self.resolve(Target::State, considered),
                }
            }
            Target::Nation => nation(),
            Target::Home => self.nation.filter(|n| considered.contains(n)),
            // (a side the story does not tell the kind of may be a party)
            Target::Opposition => {
                governing().and_then(|g| only(&[SideKind::Party, SideKind::Other], Some(g)))
            }
            Target::Kind(kind) => {
                only(&[kind], None).or_else(|| self.untold_kind(kind, considered))
            }
        }
    }

    /// The side the state's offices speak for in a story between a public body and
    /// unions or companies: the one public body ("the finance minister" in a dispute
    /// between the Hauliers' Alliance and the Finance Ministry). A side of no told kind
    /// may be a country ("Talvera" against a mediating "Northern Council"), whose
    /// ministers are its own.
    fn public_body(&self, considered: &[usize]) -> Option<usize> {
        let kind_of = |s: usize| self.kinds.get(s).copied().unwrap_or_default();
        let political = considered.iter().any(|&s| {
            !matches!(
                kind_of(s),
                SideKind::Union | SideKind::Company | SideKind::Regulator
            )
        });
        let mut bodies = considered
            .iter()
            .copied()
            .filter(|&s| kind_of(s) == SideKind::Regulator);
        match (political, bodies.next(), bodies.next()) {
            (false, Some(only), None) => Some(only),
            _ => None,
        }
    }

    /// The side an organisation's office of `kind` speaks for when no side of the story
    /// is told to be of that kind: in a dispute between organisations ("Kellin Water"
    /// against "WSA"), the one side whose kind its names do not tell, when every other
    /// side is an organisation of another kind ("a company spokesman" is Kellin's).
    fn untold_kind(&self, kind: SideKind, considered: &[usize]) -> Option<usize> {
        let is_organisation =
            |k: SideKind| matches!(k, SideKind::Union | SideKind::Company | SideKind::Regulator);
        if !is_organisation(kind) {
            return None;
        }
        let kind_of = |s: usize| self.kinds.get(s).copied().unwrap_or_default();
        let (untold, told): (Vec<usize>, Vec<usize>) = considered
            .iter()
            .partition(|&&s| kind_of(s) == SideKind::Other);
        let others_fit = !told.is_empty()
            && told
                .iter()
                .all(|&s| is_organisation(kind_of(s)) && kind_of(s) != kind);
        match untold.as_slice() {
            [only] if others_fit => Some(*only),
            _ => None,
        }
    }
}

impl Evidence {
    /// No clues yet, for `entities` entities.
    pub fn new(entities: usize) -> Evidence {
        Evidence {
            clues: vec![Vec::new(); entities],
        }
    }

    /// Records a clue about entity `entity`.
    pub fn add(&mut self, entity: usize, target: Target, clue: Clue) {
        if let Some(list) = self.clues.get_mut(entity)
            && !list.contains(&(target, clue))
        {
            list.push((target, clue));
        }
    }

    /// Records every clue of `later` after those already recorded, as if each had been
    /// added here in its order: clues gathered apart (on another thread) join the rest.
    pub fn append(&mut self, later: Evidence) {
        for (entity, list) in later.clues.into_iter().enumerate() {
            for (target, clue) in list {
                self.add(entity, target, clue);
            }
        }
    }

    /// Drops the clues of kind `clue` about entities that some clue of a kind in
    /// `named` points at a side: an office whose side is named elsewhere is that side's.
    pub fn drop_where_named(&mut self, clue: Clue, named: &[Clue]) {
        for list in &mut self.clues {
            let has_side = list
                .iter()
                .any(|(t, c)| matches!(t, Target::Side(_)) && named.contains(c));
            if has_side {
                list.retain(|(_, c)| *c != clue);
            }
        }
    }

    /// Points entity `entity`'s clue `from` at `to` instead, if it has it.
    pub fn retarget(&mut self, entity: usize, from: (Target, Clue), to: Target) {
        let Some(list) = self.clues.get_mut(entity) else {
            return;
        };
        if let Some(at) = list.iter().position(|&c| c == from) {
            list.remove(at);
            self.add(entity, to, from.1);
        }
    }

    /// How many entities the evidence is about.
    pub fn entities(&self) -> usize {
        self.clues.len()
    }

    /// The clues about an entity.
    pub fn of(&self, entity: usize) -> &[(Target, Clue)] {
        self.clues.get(entity).map_or(&[], Vec::as_slice)
    }

    /// The model's inputs for entity `entity` on side `side`: for each kind of clue, 1
    /// when one points at the side, minus 1 when one points at another (the other way
    /// round for [`Clue::Against`]).
    pub fn features(
        &self,
        entity: usize,
        side: usize,
        roles: &Roles,
        considered: &[usize],
    ) -> [f32; KINDS] {
        features_of(&self.resolved(entity, roles, considered), side, considered)
    }

    /// Each clue about an entity with the side its target names: resolved once for
    /// all the sides it is weighed against (the resolution does not depend on them).
    fn resolved(
        &self,
        entity: usize,
        roles: &Roles,
        considered: &[usize],
    ) -> Vec<(Option<usize>, Clue)> {
        self.of(entity)
            .iter()
            .map(|&(target, clue)| (roles.resolve(target, considered), clue))
            .collect()
    }

    /// The log-odds that entity `entity` is on side `side`.
    pub fn score(&self, entity: usize, side: usize, roles: &Roles, considered: &[usize]) -> f32 {
        score_of(&self.features(entity, side, roles, considered))
    }

    /// The side of `considered` that entity `entity` is most likely on, if better than
    /// even odds.
    pub fn decide(&self, entity: usize, roles: &Roles, considered: &[usize]) -> Option<usize> {
        if self.of(entity).is_empty() {
            return None;
        }
        let resolved = self.resolved(entity, roles, considered);
        considered
            .iter()
            .map(|&s| (s, score_of(&features_of(&resolved, s, considered))))
            .filter(|&(_, score)| score > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(s, _)| s)
    }
}

/// The model's inputs for side `side` from resolved clues: for each kind of clue, 1
/// when one points at the side, minus 1 when one points at another (the other way
/// round for [`Clue::Against`]).
fn features_of(
    resolved: &[(Option<usize>, Clue)],
    side: usize,
    considered: &[usize],
) -> [f32; KINDS] {
    let mut x = [0f32; KINDS];
    for (k, kind) in CLUES.iter().enumerate() {
        let (mut here, mut elsewhere) = (false, false);
        for &(named, clue) in resolved {
            if clue != *kind {
                continue;
            }
            match named {
                Some(s) if s == side => here = true,
                // (speaking against a third party says nothing of the sides)
                Some(s) if *kind != Clue::Against || considered.contains(&s) => {
                    elsewhere = true;
                }
                _ => {}
            }
        }
        let sign = if *kind == Clue::Against { -1.0 } else { 1.0 };
        x[k] = sign * (f32::from(u8::from(here)) - f32::from(u8::from(elsewhere)));
    }
    x
}

/// The log-odds of the model's inputs.
fn score_of(x: &[f32; KINDS]) -> f32 {
    BIAS + x.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f32>()
}

/// A speaker's evidence, for reading why it has its side and for fitting [`WEIGHTS`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Explained {
    /// The speaker's name.
    pub speaker: String,
    /// Its title or description.
    pub role: Option<String>,
    /// What it is quoted as saying.
    pub quotes: Vec<String>,
    /// Each clue, as "kind target" ("Named us", "Office State").
    pub clues: Vec<String>,
    /// For each side of the story (by party id), the model's inputs and score.
    pub sides: Vec<(String, [f32; KINDS], f32)>,
    /// The side decided, if any.
    pub side: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles() -> Roles {
        Roles {
            governing: vec![(0, 1)],
            nation: None,
            kinds: vec![SideKind::Party, SideKind::Party, SideKind::Union],
            behind: None,
            devolved: Vec::new(),
        }
    }

    #[test]
    fn a_named_side_outweighs_the_dateline() {
        let mut ev = Evidence::new(1);
        ev.add(0, Target::Side(1), Clue::Named);
        ev.add(0, Target::Side(0), Clue::Dateline);
        assert_eq!(ev.decide(0, &roles(), &[0, 1]), Some(1));
    }

    #[test]
    fn no_clue_is_no_side_and_roles_resolve_to_the_story_sides() {
        let mut ev = Evidence::new(3);
        assert_eq!(ev.decide(0, &roles(), &[0, 1]), None);
        ev.add(1, Target::Opposition, Clue::Office);
        assert_eq!(ev.decide(1, &roles(), &[0, 1]), Some(1));
        ev.add(2, Target::Kind(SideKind::Union), Clue::Office);
        assert_eq!(ev.decide(2, &roles(), &[0, 2]), Some(2));
        // a kind no side of the story has points nowhere
        assert_eq!(ev.decide(2, &roles(), &[0, 1]), None);
    }

    /// The roles of a story whose sides are of these kinds, and nothing else told.
    fn disputes(kinds: Vec<SideKind>) -> Roles {
        Roles {
            kinds,
            ..Roles::default()
        }
    }

    #[test]
    fn an_office_of_a_kind_no_side_is_told_to_be_goes_to_the_untold_organisation() {
        let mut ev = Evidence::new(1);
        ev.add(0, Target::Kind(SideKind::Company), Clue::Office);
        // "Kellin Water" against a regulator: the company's spokesman is Kellin's
        let regulator = disputes(vec![SideKind::Regulator, SideKind::Other]);
        assert_eq!(ev.decide(0, &regulator, &[0, 1]), Some(1));
        // a company's office says nothing in a story between a country and a campaign,
        // nor where two sides' kinds are untold
        let country = disputes(vec![SideKind::Country, SideKind::Other]);
        assert_eq!(ev.decide(0, &country, &[0, 1]), None);
        let untold = disputes(vec![SideKind::Other, SideKind::Other]);
        assert_eq!(ev.decide(0, &untold, &[0, 1]), None);
    }

    #[test]
    fn the_states_offices_speak_for_the_one_public_body_when_no_side_is_political() {
        let mut ev = Evidence::new(1);
        ev.add(0, Target::State, Clue::Office);
        // "the finance minister" in a dispute between an alliance and a ministry
        let ministry = disputes(vec![SideKind::Union, SideKind::Regulator]);
        assert_eq!(ev.decide(0, &ministry, &[0, 1]), Some(1));
        // not where a country is a side, nor between two public bodies
        let country = disputes(vec![SideKind::Country, SideKind::Regulator]);
        assert_eq!(ev.decide(0, &country, &[0, 1]), Some(0));
        let two = disputes(vec![SideKind::Regulator, SideKind::Regulator]);
        assert_eq!(ev.decide(0, &two, &[0, 1]), None);
        // nor against a side of no told kind, which may be a country
        let untold = disputes(vec![SideKind::Other, SideKind::Regulator]);
        assert_eq!(ev.decide(0, &untold, &[0, 1]), None);
    }

    #[test]
    fn attacking_a_side_puts_the_speaker_on_the_other() {
        let mut ev = Evidence::new(1);
        ev.add(0, Target::Side(0), Clue::Against);
        ev.add(0, Target::Side(0), Clue::SpeaksFor);
        let x = ev.features(0, 1, &roles(), &[0, 1]);
        let at = |clue: Clue| CLUES.iter().position(|c| *c == clue).unwrap_or(0);
        assert_eq!(x[at(Clue::Against)], 1.0);
        assert_eq!(x[at(Clue::SpeaksFor)], -1.0);
    }
}
