//! Everything that knows about terminals: the reader and `parley print`.

pub mod layout;
pub mod print;
