//! Work in teams: how far two annotators agree (`agree`), a three-way merge of stores
//! (`merge`) and the differences between two (`diff`). No terminal here: the command
//! line and the reader show what these compute.

pub mod agree;
pub mod alpha;
pub mod diff;
pub mod merge;
pub mod stats;
