//! Where each pane goes for a terminal size. Both `update` and the view use it, so
//! scrolling and drawing agree.

use ratatui::layout::Rect;

/// The smallest terminal the reader draws in.
pub const MIN_WIDTH: u16 = 20;
/// The smallest terminal the reader draws in.
pub const MIN_HEIGHT: u16 = 5;
/// Columns for the gutter bar and the space after it.
pub const GUTTER: u16 = 2;
/// The narrowest terminal that has room for the sidebar beside the article.
pub const SIDEBAR_MIN_TERMINAL: u16 = 60;

/// The panes for one terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The article pane (gutter and text).
    pub article: Rect,
    /// The sidebar, when shown.
    pub sidebar: Option<Rect>,
    /// The status bar.
    pub status: Rect,
    /// Column of the gutter bar.
    pub gutter_x: u16,
    /// Column where text starts.
    pub text_x: u16,
    /// Width the text is wrapped to.
    pub text_width: u16,
}

/// The first of `items` the sidebar lists in `height` rows, keeping the selection in
/// the middle third. Clicks and drawing both use it, so a click lands on what is drawn.
pub fn sidebar_first(items: usize, selected: Option<usize>, height: usize) -> usize {
    let sel = selected.unwrap_or(0);
    sel.saturating_sub(height / 3)
        .min(items.saturating_sub(height))
}

impl Geometry {
    /// Splits a terminal of `width`×`height`; `None` when it is too small to read in.
    pub fn new(width: u16, height: u16, sidebar: bool, max_width: u16) -> Option<Geometry> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let status = Rect::new(0, height - 1, width, 1);
        let body_h = height - 1;
        let side_w = if sidebar && width >= SIDEBAR_MIN_TERMINAL {
            (width * 3 / 10).clamp(24, 90)
        } else {
            0
        };
        let article = Rect::new(0, 0, width - side_w, body_h);
        let sidebar = (side_w > 0).then(|| Rect::new(width - side_w, 0, side_w, body_h));
        let room = article.width.saturating_sub(GUTTER + 1).max(1);
        let text_width = room.min(max_width.max(10));
        let left = (article.width - text_width - GUTTER) / 2;
        Some(Geometry {
            article,
            sidebar,
            status,
            gutter_x: left,
            text_x: left + GUTTER,
            text_width,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sidebar_grows_with_the_terminal() {
        let width = |w| {
            Geometry::new(w, 30, true, 80)
                .unwrap()
                .sidebar
                .map(|s| s.width)
        };
        assert_eq!(width(59), None, "no room");
        assert_eq!(width(80), Some(24));
        assert_eq!(width(120), Some(36));
        assert_eq!(width(250), Some(75));
    }

    #[test]
    fn centres_text_and_fits_every_size() {
        let g = Geometry::new(120, 40, false, 80).unwrap();
        assert_eq!(g.text_width, 80);
        assert_eq!((g.gutter_x, g.text_x), (19, 21));
        assert!(Geometry::new(19, 30, false, 80).is_none());
        assert!(Geometry::new(80, 4, false, 80).is_none());
        for w in 20..200 {
            for sidebar in [false, true] {
                let g = Geometry::new(w, 5, sidebar, 80).unwrap();
                assert!(g.text_x + g.text_width <= g.article.right(), "{w}");
                assert!(g.article.width + g.sidebar.map_or(0, |s| s.width) == w);
            }
        }
    }
}
