//! The annotation store: the model and its TOML schema, safe saving, re-anchoring,
//! undo history and the crash journal. [`Store`] ties them together for the reader,
//! `parley export` and `parley check`.

pub mod anchor;
pub mod canonical;
pub mod check;
pub mod edit;
pub mod fields;
pub mod fsio;
pub mod guard;
pub mod history;
pub mod journal;
pub mod lock;
pub mod owned;
pub mod schema;
mod session;
pub mod suggest;
pub mod validate;

pub use edit::{Edit, EditError, Filter, SideMatch};
pub use schema::StoreError;
pub use session::{OpenOptions, Outcome, SaveError, Store, Suggest, store_beside, store_path};
pub use validate::Problem;
