//! parley: a full-screen terminal reader for news articles that highlights who said
//! what for which side, and keeps the reader's corrections in a TOML store.
//!
//! Layers (see DESIGN.md): [`article`] → [`detect`] → [`store`] → [`tui`], with
//! [`config`] and [`keys`] beside them. Only [`tui`] knows about terminals.

pub mod article;
pub mod bounded;
pub mod cli;
pub mod config;
pub mod detect;
pub mod export;
pub mod keys;
pub mod store;
pub mod tui;
