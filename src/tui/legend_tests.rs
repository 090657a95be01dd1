//! The legend as a reader meets it: every symbol the sidebar uses explained, and every
//! line whole at every size (wrapped, and scrolled when taller than the screen).

use super::app::App;
use super::app_tests::app_in;
use super::test_support::{screen, screen_lines, typ};

#[test]
fn the_legend_explains_every_symbol_the_sidebar_uses() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path(), 100, 40, true);
    typ(&mut a, "L");
    let text = screen(&a);
    for symbol in [
        "Q direct",
        "q partial",
        "T term",
        "P position",
        "· suggested",
        "✓ accepted",
        "✗ rejected",
        "✎ has a note",
        "⚠ orphan",
    ] {
        assert!(text.contains(symbol), "{symbol} missing:\n{text}");
    }
}

#[test]
fn the_legend_is_whole_at_every_size() {
    /// The rows inside the legend's box.
    fn legend_rows(a: &App) -> Vec<String> {
        let mut lines = screen_lines(a);
        lines.pop(); // the status bar
        lines
            .iter()
            .filter_map(|l| {
                let (from, to) = (l.find('│')?, l.rfind('│')?);
                (from < to).then(|| l[from + '│'.len_utf8()..to].trim().to_string())
            })
            .collect()
    }
    for (w, h) in [
        (20, 5),
        (30, 12),
        (40, 20),
        (60, 24),
        (80, 24),
        (100, 40),
        (200, 60),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path(), w, h, true);
        typ(&mut a, "L");
        // every row it has: the first screen, then the row each j brings in
        let mut rows = legend_rows(&a);
        for _ in 0..80 {
            let before = legend_rows(&a);
            typ(&mut a, "j");
            let after = legend_rows(&a);
            if after == before {
                break;
            }
            rows.push(after.last().cloned().unwrap_or_default());
        }
        let words = rows
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for needle in [
            "a term or scare quote, not speech",
            "✎ has a note",
            "⚠ orphan (its text is no longer in the article)",
            "— no side",
            "“quote” United States",
            "“quote” Cuba",
        ] {
            assert!(
                words.contains(needle),
                "{w}×{h}: “{needle}” not whole in {words}"
            );
        }
        assert!(!words.contains('…'), "{w}×{h}: cut");
    }
}
