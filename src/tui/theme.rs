//! Styles for every kind of highlight, from the configured palette, with a NO_COLOR
//! variant that keeps each distinction through bold, underline, italic and reverse.

use crate::config::{self, Config};
use crate::model::{Party, QuoteKind, Status};
use ratatui::style::{Color, Modifier, Style};

/// Resolved styles for drawing.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Whether colours are used at all.
    pub color: bool,
    /// Body text.
    pub text: Style,
    /// Byline, dateline, hints.
    pub dim: Style,
    /// The headline.
    pub title: Style,
    /// The status bar.
    pub status: Style,
    /// Search matches.
    pub search: Style,
    /// The current search match.
    pub search_current: Style,
    /// Added to the selected annotation.
    pub selected: Style,
    /// Background tint of positions.
    pub position_tint: Style,
    /// The text cursor in cursor mode.
    pub cursor: Style,
    /// A selection being made in cursor mode.
    pub selecting: Style,
    /// Colour of each party, in order.
    pub parties: Vec<Color>,
    /// Colour for annotations without a side.
    pub unassigned: Color,
    /// Borders and separators.
    pub border: Style,
}

/// Gutter glyphs per party when there is no colour to tell them apart.
const GUTTER_GLYPHS: [&str; 4] = ["▌", "┃", "║", "¦"];

/// What a quote of each party adds to the underline when there is no colour to tell
/// them apart (a quote with no side is underlined only; a term is italic and not
/// underlined; a speaker's name is bold and not underlined). A fourth side looks like
/// the first again, as its gutter glyph does past the fourth: the legend shows each.
const SIDE_MODIFIERS: [Modifier; 3] = [
    Modifier::BOLD,
    Modifier::ITALIC,
    Modifier::BOLD.union(Modifier::ITALIC),
];

impl Theme {
    /// The theme for a configuration; `color` false means NO_COLOR.
    pub fn new(config: &Config, parties: &[Party], color: bool) -> Theme {
        let p = config.palette();
        let dark = config.reader.theme == config::ThemeName::Dark;
        let party_colors = parties
            .iter()
            .enumerate()
            .map(|(i, party)| {
                let c = party
                    .color
                    .or_else(|| p.sides.get(i % p.sides.len().max(1)).copied())
                    .unwrap_or(config::Color::Reset);
                to_ratatui(c)
            })
            .collect();
        if !color {
            return Theme::without_color(parties.len());
        }
        let tint = if dark {
            Color::Indexed(235)
        } else {
            Color::Indexed(255)
        };
        Theme {
            color,
            text: Style::new().fg(to_ratatui(p.text)),
            dim: Style::new().fg(to_ratatui(p.dim)),
            title: Style::new()
                .fg(to_ratatui(p.title))
                .add_modifier(Modifier::BOLD),
            status: Style::new()
                .fg(to_ratatui(p.status_fg))
                .bg(to_ratatui(p.status_bg)),
            search: Style::new().bg(to_ratatui(p.search)).fg(Color::Black),
            search_current: Style::new()
                .bg(to_ratatui(p.search))
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::new().bg(to_ratatui(p.selection)),
            position_tint: Style::new().bg(tint),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            selecting: Style::new()
                .bg(to_ratatui(p.selection))
                .add_modifier(Modifier::UNDERLINED),
            parties: party_colors,
            unassigned: to_ratatui(p.unassigned),
            border: Style::new().fg(to_ratatui(p.dim)),
        }
    }

    /// The theme of NO_COLOR: reverse, bold and dim only, for `parties` sides.
    fn without_color(parties: usize) -> Theme {
        Theme {
            color: false,
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            search: Style::new().add_modifier(Modifier::REVERSED),
            search_current: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            position_tint: Style::new(),
            cursor: Style::new().add_modifier(Modifier::REVERSED | Modifier::SLOW_BLINK),
            selecting: Style::new().add_modifier(Modifier::REVERSED),
            parties: vec![Color::Reset; parties],
            unassigned: Color::Reset,
            border: Style::new(),
        }
    }

    /// The colour of a side (by index into the parties), or the unassigned colour.
    pub fn party_color(&self, party: Option<usize>) -> Color {
        party
            .and_then(|i| self.parties.get(i).copied())
            .unwrap_or(self.unassigned)
    }

    /// Style of a quote's text.
    pub fn quote(&self, party: Option<usize>, kind: QuoteKind, status: Status) -> Style {
        if kind == QuoteKind::Term {
            return Style::new().add_modifier(Modifier::ITALIC);
        }
        let mut s = Style::new();
        if self.color {
            s = s.fg(self.party_color(party));
        } else {
            s = s.add_modifier(Modifier::UNDERLINED);
            if let Some(i) = party {
                s = s.add_modifier(SIDE_MODIFIERS[i % SIDE_MODIFIERS.len()]);
            }
        }
        if status == Status::Suggested {
            // suggestions are dimmer than accepted quotes; accepted ones are solid
            s = s.add_modifier(if self.color {
                Modifier::DIM
            } else {
                Modifier::DIM | Modifier::UNDERLINED
            });
        }
        s
    }

    /// Style of a speaker mention.
    pub fn mention(&self, party: Option<usize>) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            s.fg(self.party_color(party))
        } else {
            s
        }
    }

    /// Style of a speech cue.
    pub fn cue(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    /// The gutter bar of a position's rows.
    pub fn gutter(&self, party: Option<usize>) -> (&'static str, Style) {
        if self.color {
            ("▌", Style::new().fg(self.party_color(party)))
        } else {
            let glyph = party.map_or("│", |i| GUTTER_GLYPHS[i % GUTTER_GLYPHS.len()]);
            (glyph, Style::new().add_modifier(Modifier::BOLD))
        }
    }
}

/// Converts a configured colour to ratatui's.
pub fn to_ratatui(c: config::Color) -> Color {
    match c {
        config::Color::Reset => Color::Reset,
        config::Color::Ansi(i) => match i {
            0 => Color::Black,
            1 => Color::Red,
            2 => Color::Green,
            3 => Color::Yellow,
            4 => Color::Blue,
            5 => Color::Magenta,
            6 => Color::Cyan,
            7 => Color::Gray,
            8 => Color::DarkGray,
            9 => Color::LightRed,
            10 => Color::LightGreen,
            11 => Color::LightYellow,
            12 => Color::LightBlue,
            13 => Color::LightMagenta,
            14 => Color::LightCyan,
            _ => Color::White,
        },
        config::Color::Indexed(i) => Color::Indexed(i),
        config::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

/// Whether colour should be used: `NO_COLOR` set (to anything non-empty) turns it off.
pub fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
