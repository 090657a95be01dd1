//! A colour as the config and a store's parties write it: a name, a `#rrggbb` true
//! colour or a 256-colour index. It is a fact of the model (a party's colour), so it
//! lives here; the terminal's colour type is made from it in the reader.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A colour name, `#rrggbb`, or a 256-colour index as a string ("208").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// The terminal's own default.
    Reset,
    /// One of the 16 ANSI colours, 0–15.
    Ansi(u8),
    /// A 256-colour palette index.
    Indexed(u8),
    /// A true colour.
    Rgb(u8, u8, u8),
}

const COLOR_NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

impl FromStr for Color {
    type Err = String;

    fn from_str(s: &str) -> Result<Color, String> {
        let key: String = s
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect::<String>()
            .to_ascii_lowercase()
            .replace("grey", "gray");
        if key == "reset" || key == "default" {
            return Ok(Color::Reset);
        }
        if let Some(i) = COLOR_NAMES.iter().position(|n| *n == key) {
            return Ok(Color::Ansi(i as u8));
        }
        if let Some(hex) = s.strip_prefix('#')
            && hex.len() == 6
            && let Ok(v) = u32::from_str_radix(hex, 16)
        {
            return Ok(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        if let Ok(i) = s.parse::<u8>() {
            return Ok(Color::Indexed(i));
        }
        Err(format!(
            "unknown colour `{s}` (use a name such as blue or lightred, #rrggbb, or 0-255)"
        ))
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Color::Reset => f.write_str("reset"),
            Color::Ansi(i) => f.write_str(COLOR_NAMES[usize::from(i % 16)]),
            Color::Indexed(i) => write!(f, "{i}"),
            Color::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
        }
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Color, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl Serialize for Color {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_names_hex_or_indexes() {
        assert_eq!("#ff8800".parse::<Color>().unwrap(), Color::Rgb(255, 136, 0));
        assert_eq!("Light-Blue".parse::<Color>().unwrap(), Color::Ansi(12));
    }
}
