//! What a detection run after the store opened changes: the edit that gives the
//! untouched suggestions the sides the detector gives them now. The reader asks for it
//! after an edit of the sides and when it applies the sides given (config or
//! `--parties`); the store decides what it changes.

use crate::model::{Annotations, Party};
use crate::store::edit::{Edit, redetect};

/// The sides re-derived from a detection, as one edit.
#[derive(Debug, Clone)]
pub struct Rederived {
    /// Sets the sides to `parties` and gives the untouched suggestions and the
    /// detector's speakers the sides found.
    pub edit: Edit,
    /// How many suggestions change side.
    pub changed: usize,
}

/// The edit that makes `parties` the sides of `a` and gives its untouched suggestions
/// (and the detector's speakers) the sides the detector found (`found`, detected with
/// `parties`); what a person touched keeps its side.
pub fn rederived(a: &Annotations, parties: Vec<Party>, found: &Annotations) -> Rederived {
    let (sides, speaker_sides) = redetect::rederive(a, found);
    let changed = redetect::side_changes(a, &sides);
    Rederived {
        edit: Edit::SetParties {
            parties,
            sides,
            speaker_sides,
        },
        changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleInfo, Id, Quote, Status};

    fn quote(id: &str, start: usize, party: Option<&str>) -> Quote {
        Quote {
            party: party.map(Id::from),
            ..Quote::at(id, start, start + 5)
        }
    }

    fn set(quotes: Vec<Quote>) -> Annotations {
        let mut a = Annotations::new(ArticleInfo::default());
        a.quotes = quotes;
        a
    }

    #[test]
    fn untouched_suggestions_take_the_side_found_and_a_persons_keep_theirs() {
        let mut accepted = quote("q2", 20, Some("north"));
        accepted.status = Status::Accepted;
        let a = set(vec![quote("q1", 0, None), accepted]);
        let found = set(vec![
            quote("x", 0, Some("south")),
            quote("y", 20, Some("south")),
        ]);
        let parties = vec![Party {
            id: "south".into(),
            name: "South".into(),
            ..Party::default()
        }];
        let r = rederived(&a, parties.clone(), &found);
        assert_eq!(r.changed, 1, "only the untouched suggestion");
        let Edit::SetParties {
            parties: set_to,
            sides,
            ..
        } = r.edit
        else {
            panic!("{:?}", r.edit);
        };
        assert_eq!(set_to, parties);
        assert_eq!(sides, vec![(Id::from("q1"), Some(Id::from("south")))]);
    }
}
