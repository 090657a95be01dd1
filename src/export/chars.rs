//! Character offsets for the exports: the model's byte offsets as Unicode code points,
//! the unit the W3C TextPositionSelector counts in, so JSON and CSV agree.

/// Converts byte offsets to character offsets (Unicode code points, as the W3C
/// TextPositionSelector counts them), each in time proportional to the step from the
/// offset before.
#[derive(Debug)]
pub struct CharCounter<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharCounter<'t> {
    /// A counter at the start of `text`.
    pub fn new(text: &'t str) -> CharCounter<'t> {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The character offset of a byte offset (of the character it falls in).
    pub fn at(&mut self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        // Overlapping annotations step back a little (one span's end to the next start):
        // counting back from here keeps the cost at the distance moved, never the text.
        if byte < self.byte {
            self.chars -= self.text[byte..self.byte].chars().count();
        } else {
            self.chars += self.text[self.byte..byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_both_ways() {
        let mut c = CharCounter::new("éé abc");
        assert_eq!(c.at(4), 2);
        assert_eq!(c.at(8), 6);
        assert_eq!(c.at(2), 1);
        assert_eq!(c.at(5), 3, "forward again after stepping back");
        assert_eq!(c.at(3), 1, "inside a character: the one it is in");
    }

    #[test]
    fn overlapping_spans_count_as_from_the_start() {
        let text = "“é” ".repeat(50);
        let mut c = CharCounter::new(&text);
        for (start, end) in [(0, 41), (9, 21), (18, 62), (27, 30)] {
            assert_eq!(c.at(start), text[..start].chars().count());
            assert_eq!(c.at(end), text[..end].chars().count());
        }
    }
}
