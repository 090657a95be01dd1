//! The palettes of the dark and light themes with their defaults (how one colour is
//! written is [`crate::model::Color`]).

pub use crate::model::Color;
use serde::{Deserialize, Serialize};

/// Colours for each theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Colors {
    /// Used with `theme = "dark"`.
    pub dark: Palette,
    /// Used with `theme = "light"`.
    pub light: Palette,
}

/// The colours of one theme (party colours come from the parties).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Palette {
    /// Body text.
    pub text: Color,
    /// Byline, dateline, hints.
    pub dim: Color,
    /// The headline.
    pub title: Color,
    /// The selected annotation's background.
    pub selection: Color,
    /// Search matches' background.
    pub search: Color,
    /// Status bar text.
    pub status_fg: Color,
    /// Status bar background.
    pub status_bg: Color,
    /// Annotations with no side.
    pub unassigned: Color,
    /// Side colours used for parties that name none, in order.
    pub sides: Vec<Color>,
}

impl Default for Colors {
    fn default() -> Colors {
        use Color::{Ansi, Indexed, Reset};
        Colors {
            dark: Palette {
                text: Reset,
                dim: Ansi(8),
                title: Ansi(15),
                selection: Indexed(238),
                search: Ansi(3),
                status_fg: Ansi(15),
                status_bg: Indexed(236),
                unassigned: Ansi(7),
                sides: vec![Ansi(12), Ansi(9), Ansi(10), Ansi(13), Ansi(11), Ansi(14)],
            },
            light: Palette {
                text: Reset,
                dim: Ansi(8),
                title: Ansi(0),
                selection: Indexed(252),
                search: Ansi(11),
                status_fg: Ansi(0),
                status_bg: Indexed(254),
                unassigned: Ansi(8),
                sides: vec![Ansi(4), Ansi(1), Ansi(2), Ansi(5), Ansi(3), Ansi(6)],
            },
        }
    }
}
