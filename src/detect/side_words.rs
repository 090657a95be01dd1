//! The word classes the sides logic reads (offices, organisations' nouns, verbs of
//! intent and attack …) and the words that bound a role phrase (`roles.rs`), kept as
//! data in `assets/side_words.toml` beside the gazetteer: one list per class, loaded
//! once per process.

use super::lexicon::WordMap;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The classes' lists.
const TABLE: &str = include_str!("../../assets/side_words.toml");

/// A class of words; the data file has one list under each name (in snake case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    Executive,
    Legislative,
    Opposition,
    NonState,
    LocalOffice,
    VoiceRole,
    GoverningBefore,
    GoverningAfter,
    WouldBeBefore,
    StateNoun,
    UnionNoun,
    CompanyNoun,
    RegulatorNoun,
    PartyNoun,
    CompanyNameEnd,
    PlaceNameEnd,
    ShareNoun,
    ShareMovement,
    CompanyOffice,
    CompanyCalled,
    UnionNameWord,
    UnionShortName,
    MembersBodyEnd,
    BodyNameEnd,
    CareCentreBefore,
    PublicBodyEnd,
    CouncilBefore,
    RegulatorNameEnd,
    OrganisationEnd,
    CountryFollower,
    StateOffice,
    PartyFollower,
    OwnedOffice,
    DemonymEnding,
    HostileVerb,
    DefendingVerb,
    IntentVerb,
    IntentAdjective,
    Copula,
    SpeechOpener,
    GoverningWord,
    FacingPreposition,
    DocumentNoun,
    MediationWord,
    JoiningWord,
    ContrastWord,
    RoleBreaker,
    RoleComplement,
    LeadingVerb,
    DevolvedMembers,
    AddressingWord,
    BlocHead,
    PartyOwned,
}

/// Every class, for the check that the data has a list for each.
#[cfg(test)]
const ALL: [Class; 53] = [
    Class::Executive,
    Class::Legislative,
    Class::Opposition,
    Class::NonState,
    Class::LocalOffice,
    Class::VoiceRole,
    Class::GoverningBefore,
    Class::GoverningAfter,
    Class::WouldBeBefore,
    Class::StateNoun,
    Class::UnionNoun,
    Class::CompanyNoun,
    Class::RegulatorNoun,
    Class::PartyNoun,
    Class::CompanyNameEnd,
    Class::PlaceNameEnd,
    Class::ShareNoun,
    Class::ShareMovement,
    Class::CompanyOffice,
    Class::CompanyCalled,
    Class::UnionNameWord,
    Class::UnionShortName,
    Class::MembersBodyEnd,
    Class::BodyNameEnd,
    Class::CareCentreBefore,
    Class::PublicBodyEnd,
    Class::CouncilBefore,
    Class::RegulatorNameEnd,
    Class::OrganisationEnd,
    Class::CountryFollower,
    Class::StateOffice,
    Class::PartyFollower,
    Class::OwnedOffice,
    Class::DemonymEnding,
    Class::HostileVerb,
    Class::DefendingVerb,
    Class::IntentVerb,
    Class::IntentAdjective,
    Class::Copula,
    Class::SpeechOpener,
    Class::GoverningWord,
    Class::FacingPreposition,
    Class::DocumentNoun,
    Class::MediationWord,
    Class::JoiningWord,
    Class::ContrastWord,
    Class::RoleBreaker,
    Class::RoleComplement,
    Class::LeadingVerb,
    Class::DevolvedMembers,
    Class::AddressingWord,
    Class::BlocHead,
    Class::PartyOwned,
];

/// Each word's classes, one bit a class, and which shapes its words have.
struct Table {
    words: WordMap<Box<str>, u64>,
    shapes: Shapes,
}

/// The shapes of a set of words: each word's length and its first and last letters,
/// one bit a shape. Most words looked up are in no class (a story's opening looks up
/// some hundred thousand), and most of them have a shape no class word has: told by
/// one bit, without hashing the word.
#[derive(Debug, Default)]
struct Shapes {
    bits: Vec<u64>,
}

impl Shapes {
    /// Letters told apart at a word's ends: 'a' to 'z', and any other byte.
    const ENDS: usize = 27;

    /// The shape's bit, if a word of that length can have one.
    fn slot(&self, word: &str) -> Option<usize> {
        let end = |b: u8| match b {
            b'a'..=b'z' => usize::from(b - b'a'),
            _ => Self::ENDS - 1,
        };
        let (&first, &last) = (word.as_bytes().first()?, word.as_bytes().last()?);
        let slot = (word.len() * Self::ENDS + end(first)) * Self::ENDS + end(last);
        (slot < self.bits.len() * 64).then_some(slot)
    }

    fn of<'a>(words: impl Iterator<Item = &'a str> + Clone) -> Shapes {
        let longest = words.clone().map(str::len).max().unwrap_or(0);
        let mut shapes = Shapes {
            bits: vec![0; ((longest + 1) * Self::ENDS * Self::ENDS).div_ceil(64)],
        };
        for w in words {
            if let Some(slot) = shapes.slot(w) {
                shapes.bits[slot / 64] |= 1 << (slot % 64);
            }
        }
        shapes
    }

    /// Whether a word of this shape may be one of the words (never false for one).
    fn may_hold(&self, word: &str) -> bool {
        self.slot(word)
            .is_some_and(|slot| self.bits[slot / 64] >> (slot % 64) & 1 == 1)
    }
}

fn table() -> &'static Table {
    static WORDS: OnceLock<Table> = OnceLock::new();
    WORDS.get_or_init(|| {
        let lists: HashMap<Class, Vec<String>> = toml::from_str(TABLE).unwrap_or_default();
        let mut words: WordMap<Box<str>, u64> = WordMap::default();
        for (class, list) in lists {
            for w in list {
                *words.entry(w.into_boxed_str()).or_default() |= 1 << class as u32;
            }
        }
        let shapes = Shapes::of(words.keys().map(|w| &**w));
        Table { words, shapes }
    })
}

/// Whether `word_lower` (in lower case) is of `class`.
pub fn is(class: Class, word_lower: &str) -> bool {
    classes(word_lower).has(class)
}

/// The classes of a word, looked up once for several questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classes(u64);

impl Classes {
    /// Whether the word is of `class`.
    pub fn has(self, class: Class) -> bool {
        self.0 & (1 << class as u32) != 0
    }
}

/// Every class `word_lower` (in lower case) is of.
pub fn classes(word_lower: &str) -> Classes {
    let table = table();
    if !table.shapes.may_hold(word_lower) {
        return Classes(0);
    }
    Classes(table.words.get(word_lower).copied().unwrap_or(0))
}

/// Whether `word`, in any case, is of `class` ("Inc", "PLC" as "inc", "plc").
pub fn is_any_case(class: Class, word: &str) -> bool {
    let mut buf = [0u8; 32];
    is(class, &super::words::lower(word, &mut buf))
}

/// Whether "local" (`word_lower`), followed by `next`, is a union's local: a noun that
/// ends its name or comes before its number ("Transit Workers Local", "Local 1473"); as
/// an adjective before another word it is no union's ("Local Government Minister", "a
/// local official").
pub fn is_adjective_local(word_lower: &str, next: Option<&str>) -> bool {
    word_lower == "local" && next.is_some_and(|n| n.starts_with(|c: char| c.is_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_has_a_list_for_every_class_in_lower_case() {
        let lists: HashMap<Class, Vec<String>> = toml::from_str(TABLE).expect("side_words.toml");
        for class in ALL {
            let list = lists.get(&class);
            assert!(
                list.is_some_and(|l| !l.is_empty()),
                "{class:?} has no words"
            );
        }
        assert_eq!(lists.len(), ALL.len());
        for w in lists.values().flatten() {
            assert_eq!(w, &w.to_lowercase(), "{w} is not in lower case");
        }
    }

    #[test]
    fn every_class_word_has_a_shape_of_the_table_and_few_others_do() {
        let table = table();
        assert!(table.words.keys().all(|w| table.shapes.may_hold(w)));
        for w in [
            "",
            "x",
            "minister's",
            "Government",
            "ministry-",
            "internationalisations",
        ] {
            assert_eq!(
                table.shapes.may_hold(w),
                table.shapes.slot(w).is_some_and(|s| {
                    table.words.keys().any(|k| table.shapes.slot(k) == Some(s))
                })
            );
        }
        let set = table
            .shapes
            .bits
            .iter()
            .map(|b| b.count_ones())
            .sum::<u32>();
        assert!(set as usize * 10 < table.shapes.bits.len() * 64, "{set}");
    }

    #[test]
    fn words_are_looked_up_by_class() {
        assert!(is(Class::Executive, "ministry"));
        assert!(!is(Class::Executive, "senator"));
        assert!(is(Class::Legislative, "senator"));
        assert!(is_any_case(Class::CompanyNameEnd, "PLC"));
        assert!(!is(Class::HostileVerb, "praised"));
    }

    #[test]
    fn local_is_a_unions_only_as_a_noun() {
        assert!(is_adjective_local("local", Some("Government")));
        assert!(is_adjective_local("local", Some("official")));
        assert!(!is_adjective_local("local", Some("1473")));
        assert!(!is_adjective_local("local", None));
        assert!(!is_adjective_local("union", Some("leaders")));
    }
}
