//! parley: a full-screen terminal reader for news articles that highlights who said
//! what for which side, and keeps the reader's corrections in a TOML store.
//!
//! The modules form layers that point one way: who may name whom is stated once, in
//! `tests/layers.rs` (which also fails on a cycle between files), and drawn in
//! docs/DESIGN.md ("Layers").
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
