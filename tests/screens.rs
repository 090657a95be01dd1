//! Whole-screen snapshots of the bundled article, with styles, in both themes and
//! without colour. Update them with `INSTA_UPDATE=always cargo test --test screens`
//! after an intended change, and read the diff.

#![allow(clippy::unwrap_used)]

use parley::article::Article;
use parley::config::{Config, ThemeName};
use parley::keys::Command;
use parley::store::{OpenOptions, Store};
use parley::tui::action::Action;
use parley::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

fn screen(
    w: u16,
    h: u16,
    theme: ThemeName,
    color: bool,
    commands: &[Command],
) -> Terminal<TestBackend> {
    let article = Arc::new(Article::bundled());
    let dir = tempfile::tempdir().unwrap();
    let options = OpenOptions {
        store: Some(dir.path().join("bundled.parley.toml")),
        suggest: Some(parley::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    let store = Store::open(&article, &options);
    let mut config = Config::default();
    config.reader.theme = theme;
    let mut app = App::new(article, config, (w, h), color);
    app.update(Action::StoreReady(Box::new(store)));
    for c in commands {
        app.update(Action::Command(*c));
    }
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    terminal
}

macro_rules! snapshot {
    ($name:ident, $w:expr, $h:expr, $theme:expr, $color:expr, $cmds:expr) => {
        #[test]
        fn $name() {
            let t = screen($w, $h, $theme, $color, $cmds);
            insta::assert_snapshot!(concat!(stringify!($name), "_text"), t.backend());
            insta::assert_debug_snapshot!(
                concat!(stringify!($name), "_styles"),
                t.backend().buffer()
            );
        }
    };
}

snapshot!(dark_80x24, 80, 24, ThemeName::Dark, true, &[]);
snapshot!(light_80x24, 80, 24, ThemeName::Light, true, &[]);
snapshot!(no_color_80x24, 80, 24, ThemeName::Dark, false, &[]);
snapshot!(
    dark_120x40,
    120,
    40,
    ThemeName::Dark,
    true,
    &[Command::NextAnnotation, Command::NextAnnotation]
);
snapshot!(
    light_120x40,
    120,
    40,
    ThemeName::Light,
    true,
    &[Command::ToggleSidebar]
);
snapshot!(
    no_color_120x40,
    120,
    40,
    ThemeName::Dark,
    false,
    &[Command::ToggleSides]
);
