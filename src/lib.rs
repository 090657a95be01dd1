//! parley: a full-screen terminal reader for news articles that highlights who said
//! what for which side, and keeps the reader's corrections in a TOML store.
//!
//! The layers point one way (each names only those to its left; `tests/layers.rs`
//! keeps it so):
//!
//! [`article`], [`paths`] ← [`model`] ← {[`detect`], [`store`] ← [`export`] ← [`team`]}
//! ← [`corpus`] ← [`keys`] ← [`config`] ← {[`cli`], [`tui`]}
//!
//! The store does not know the detector: whoever opens a store passes the function
//! that makes suggestions ([`store::Suggest`]). Only [`tui`] and [`cli`] know about
//! terminals. docs/DESIGN.md describes the whole.

pub mod article;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod detect;
pub mod export;
pub mod keys;
pub mod model;
pub mod paths;
pub mod store;
pub mod team;
pub mod tui;
