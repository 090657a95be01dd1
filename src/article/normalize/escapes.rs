//! Reading past a terminal escape sequence in an article's text, so that none of it
//! reaches the screen.

use super::{BEL, C1_ST, ESC};

/// Characters with a look at the next one, that can tell where they are.
pub(super) struct Cursor<'a>(pub(super) std::str::Chars<'a>);

impl Cursor<'_> {
    pub(super) fn next(&mut self) -> Option<char> {
        self.0.next()
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.0.clone().next()
    }

    pub(super) fn next_if(&mut self, pred: impl Fn(&char) -> bool) -> Option<char> {
        let c = self.peek().filter(|c| pred(c))?;
        self.0.next();
        Some(c)
    }

    pub(super) fn next_if_eq(&mut self, c: &char) -> Option<char> {
        self.next_if(|n| n == c)
    }
}

type Chars<'a> = Cursor<'a>;

/// Skips what follows an ESC: a CSI, a string sequence (OSC, DCS, SOS, PM, APC), or a
/// short escape (intermediates then one final character).
pub(super) fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi_body(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string_body(chars);
        }
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
        }
        Some(c) if ('\u{30}'..='\u{7e}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates, then one final byte. A character that cannot belong to
/// a CSI ends it without being consumed, so text after a broken sequence survives.
pub(super) fn skip_csi_body(chars: &mut Chars<'_>) {
    while chars
        .next_if(|c| ('\u{20}'..='\u{3f}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// Everything up to BEL, ESC \ or C1 ST. An unterminated sequence ends at the line end,
/// so a stray OSC cannot swallow the rest of the article.
pub(super) fn skip_string_body(chars: &mut Chars<'_>) {
    while let Some(c) = chars.peek() {
        match c {
            BEL | C1_ST => {
                chars.next();
                return;
            }
            ESC => {
                chars.next();
                chars.next_if_eq(&'\\');
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}
