//! The list filter (`F`): which annotations the sidebar lists and Tab and the review
//! keys step through, by status, side, kind and speaker. Each facet is one choice of
//! the filter's question; choosing what is set already lifts it.

use crate::article::sanitize_inline;
use crate::model::{Annotations, Id, QuoteKind, Status};
use crate::store::SideMatch;
use crate::tui::highlight::{Item, on_target};

/// What an annotation is, for the filter: a quote of a kind, or a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A quote of this kind.
    Quote(QuoteKind),
    /// A position.
    Position,
}

/// The facets of the filter; each left open lets everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Only annotations in this review state.
    pub status: Option<Status>,
    /// Only annotations shown with this side (or none).
    pub side: SideMatch,
    /// Only quotes of this kind, or only positions.
    pub kind: Option<Kind>,
    /// Only annotations of this speaker.
    pub speaker: Option<Id>,
}

/// The answers of the filter's question for status and kind; the sides' digits follow
/// (`1`-`9`, and [`NO_SIDE`]), then [`SPEAKER`] and [`CLEAR`].
pub const LETTERS: &[(char, &str)] = &[
    ('s', "suggested (still to review)"),
    ('a', "accepted"),
    ('r', "rejected"),
    ('d', "direct quotes"),
    ('p', "partial quotes"),
    ('t', "terms"),
    ('P', "positions"),
];

/// The answer for annotations with no side.
pub const NO_SIDE: (char, &str) = ('0', "no side");

/// The answer that asks for a speaker.
pub const SPEAKER: (char, &str) = ('@', "a speaker…");

/// The answer that lifts every facet.
pub const CLEAR: (char, &str) = ('c', "clear the filter");

impl ListFilter {
    /// Whether every facet is open.
    pub fn is_empty(&self) -> bool {
        *self == ListFilter::default()
    }

    /// Whether item `it` of `ann` passes.
    pub fn matches(&self, ann: &Annotations, it: &Item) -> bool {
        if self.status.is_some_and(|s| s != it.status()) {
            return false;
        }
        let kind = it.kind().map_or(Kind::Position, Kind::Quote);
        if self.kind.is_some_and(|k| k != kind) {
            return false;
        }
        let side = it
            .party()
            .and_then(|p| ann.parties.get(p))
            .map(|p| p.id.as_str());
        if !self.side.matches(side) {
            return false;
        }
        match &self.speaker {
            None => true,
            Some(id) => on_target(ann, it.target(), |q| &q.speaker, |p| &p.speaker)
                .is_some_and(|s| s.as_ref() == Some(id)),
        }
    }

    /// Takes the answer `c` to the filter's question: sets its facet, or lifts it when
    /// it is set to that already. `parties` gives the sides' ids for the digits.
    /// Returns false for a letter that is not one of the filter's.
    pub fn choose(&mut self, c: char, parties: &[crate::model::Party]) -> bool {
        fn toggle<T: PartialEq>(facet: &mut Option<T>, value: T) {
            *facet = if facet.as_ref() == Some(&value) {
                None
            } else {
                Some(value)
            };
        }
        match c {
            c if c == CLEAR.0 => *self = ListFilter::default(),
            's' => toggle(&mut self.status, Status::Suggested),
            'a' => toggle(&mut self.status, Status::Accepted),
            'r' => toggle(&mut self.status, Status::Rejected),
            'd' => toggle(&mut self.kind, Kind::Quote(QuoteKind::Direct)),
            'p' => toggle(&mut self.kind, Kind::Quote(QuoteKind::Partial)),
            't' => toggle(&mut self.kind, Kind::Quote(QuoteKind::Term)),
            'P' => toggle(&mut self.kind, Kind::Position),
            c if c == NO_SIDE.0 => self.toggle_side(SideMatch::NoSide),
            d @ '1'..='9' => {
                let i = d as usize - '1' as usize;
                let Some(p) = parties.get(i) else {
                    return false;
                };
                self.toggle_side(SideMatch::Party(Id::from(p.id.as_str())));
            }
            _ => return false,
        }
        true
    }

    /// Filters by speaker, or lifts that facet when it is this speaker already.
    pub fn choose_speaker(&mut self, speaker: Id) {
        self.speaker = if self.speaker.as_ref() == Some(&speaker) {
            None
        } else {
            Some(speaker)
        };
    }

    fn toggle_side(&mut self, side: SideMatch) {
        self.side = if self.side == side {
            SideMatch::Any
        } else {
            side
        };
    }

    /// The facets in words ("suggested · Cuba · direct quotes · Ian Kelly"), or "".
    pub fn describe(&self, ann: &Annotations) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = self.status {
            parts.push(s.as_str().to_string());
        }
        match &self.side {
            SideMatch::Any => {}
            SideMatch::NoSide => parts.push("no side".into()),
            SideMatch::Party(id) => parts.push(
                ann.party(id)
                    .map_or_else(|| sanitize_inline(id), |p| sanitize_inline(&p.name)),
            ),
        }
        if let Some(k) = self.kind {
            parts.push(
                match k {
                    Kind::Quote(QuoteKind::Direct) => "direct quotes",
                    Kind::Quote(QuoteKind::Partial) => "partial quotes",
                    Kind::Quote(QuoteKind::Term) => "terms",
                    Kind::Position => "positions",
                }
                .into(),
            );
        }
        if let Some(id) = &self.speaker {
            parts.push(
                ann.speaker(id)
                    .map_or_else(|| sanitize_inline(id), |s| sanitize_inline(&s.name)),
            );
        }
        parts.join(" · ")
    }

    /// Forgets facets that name a side or speaker that is gone (after an undo, a
    /// deleted side, a merge), so no filter hides everything for a reason not shown.
    pub fn forget_missing(&mut self, ann: &Annotations) {
        if let SideMatch::Party(id) = &self.side
            && ann.party(id).is_none()
        {
            self.side = SideMatch::Any;
        }
        if self
            .speaker
            .as_ref()
            .is_some_and(|id| ann.speaker(id).is_none())
        {
            self.speaker = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Party;

    fn party(id: &str) -> Party {
        Party {
            id: id.into(),
            name: id.to_uppercase(),
            ..Party::default()
        }
    }

    #[test]
    fn a_choice_sets_its_facet_and_the_same_choice_lifts_it() {
        let parties = [party("a"), party("b")];
        let mut f = ListFilter::default();
        assert!(f.choose('s', &parties));
        assert!(f.choose('2', &parties));
        assert_eq!(f.status, Some(Status::Suggested));
        assert_eq!(f.side, SideMatch::Party("b".into()));
        assert!(f.choose('a', &parties), "another status replaces it");
        assert_eq!(f.status, Some(Status::Accepted));
        assert!(f.choose('2', &parties));
        assert_eq!(f.side, SideMatch::Any, "the same side again lifts it");
        assert!(!f.choose('3', &parties), "no third side");
        assert!(!f.choose('z', &parties));
        assert!(f.choose(CLEAR.0, &parties));
        assert!(f.is_empty());
    }
}
