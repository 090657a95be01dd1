//! The annotation store: the model and its TOML schema.

pub mod model;
