//! The annotation store: the model and its TOML schema, safe saving, re-anchoring,
//! undo history and the crash journal.

pub mod anchor;
pub mod fsio;
pub mod model;
pub mod schema;
