//! Layout and drawing of arbitrary text in arbitrary terminal sizes (0×0 to 300×100)
//! into a buffer, with a few reader commands driven by the input: no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parley::article::{Article, Source};
use parley::config::Config;
use parley::keys::Command;
use parley::store::{OpenOptions, Store};
use parley::tui::action::Action;
use parley::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let w = u16::from(data[0]) * 300 / 255;
    let h = u16::from(data[1]) * 100 / 255;
    let steps = data[2];
    let article = Arc::new(Article::from_bytes(Source::Stdin, &data[3..]));
    let options = OpenOptions {
        store: Some(std::env::temp_dir().join("parley-fuzz-never-written.parley.toml")),
        suggest: Some(parley::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    let store = Store::open(&article, &options);
    let mut app = App::new(Arc::clone(&article), Config::default(), (w, h), data[0] & 1 == 0);
    app.update(Action::StoreReady(Box::new(store)));
    let commands = [
        Command::PageDown,
        Command::NextAnnotation,
        Command::ToggleSidebar,
        Command::ToggleSides,
        Command::Bottom,
        Command::ToggleHelp,
        Command::PrevAnnotation,
        Command::CursorMode,
    ];
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    (&app).render(area, &mut buf);
    for i in 0..(steps % 8) {
        app.update(Action::Command(commands[usize::from(i + steps) % commands.len()]));
        app.update(Action::Command(Command::Cancel));
        buf.reset();
        (&app).render(area, &mut buf);
    }
});
