//! What kind of body a side is (a country, a party, a union, a company, a regulator),
//! which decides the offices and nouns that speak for it. Its own file, below both the
//! choice of sides and their discovery, which each need it.

use super::side_words::{Class, Classes, classes};

/// What a side is: its kind decides which offices and nouns speak for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SideKind {
    /// A country, bloc or state: its ministries and officials speak for it.
    Country,
    /// A political party: its leaders and, when it governs, the state's offices.
    Party,
    /// A trade union: "the union", "the local".
    Union,
    /// A company: "the company", "the airline", "management".
    Company,
    /// A regulator or other public body: "the regulator", "the commission".
    Regulator,
    /// Anything else: a person, a campaign, a group.
    #[default]
    Other,
}

/// The kind of organisation a lower-case noun refers to ("union" → a union).
pub fn kind_of_noun(word_lower: &str) -> Option<SideKind> {
    kind_of(classes(word_lower))
}

/// [`kind_of_noun`] for a word whose classes are already looked up.
pub fn kind_of(of: Classes) -> Option<SideKind> {
    // the nouns by which a story refers to an organisation of each kind without naming
    // it ("the union's president", "a company spokeswoman"), which also tell the kind
    // of a side from its names ("Allied Drivers Association", alias "pilots union")
    [
        (Class::UnionNoun, SideKind::Union),
        (Class::CompanyNoun, SideKind::Company),
        (Class::RegulatorNoun, SideKind::Regulator),
        (Class::PartyNoun, SideKind::Party),
    ]
    .into_iter()
    .find(|&(class, _)| of.has(class))
    .map(|(_, kind)| kind)
}

/// A side found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovered {
    /// Its display name ("Local 1473", "Heritage Party").
    pub name: String,
    /// Every name it goes by, the display name first.
    pub names: Vec<String>,
    /// What it is.
    pub kind: SideKind,
}
