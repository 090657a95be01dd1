//! The canonical text of a store: a writer for exactly the TOML parley saves, and a fast
//! reader for exactly that text. Anything else — a hand edit, a comment, a multi-line
//! string — makes the reader answer `None`, and the full TOML parser (with its
//! line:column errors) reads the file instead. A property test checks both directions
//! against the `toml` crate. Why: the general parser and serialiser take seconds on a
//! store of 100 000 annotations; these take a fraction of that.

mod reader;
mod values;
mod writer;

pub use reader::read;
pub use writer::{write, write_to};
