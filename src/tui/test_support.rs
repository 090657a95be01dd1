//! What the reader's `App` tests share: keys pressed through the live keymap, and the
//! screen as text.

use super::app::App;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Presses a key with modifiers, as the event loop would hand it over.
pub(crate) fn press_mod(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = app.action_for_key(KeyEvent::new(code, modifiers)) {
        app.update(action);
    }
}

/// Presses a key without modifiers.
pub(crate) fn press(app: &mut App, code: KeyCode) {
    press_mod(app, code, KeyModifiers::NONE);
}

/// Selects item `i` as a user would: Tab until it is the selection.
pub(crate) fn select_item(app: &mut App, i: usize) {
    for _ in 0..=app.hl().items.len() {
        if app.selected() == Some(i) {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("Tab never selects item {i}");
}

/// Runs the detections the app queued, as the loop's worker would, and hands the
/// results back; how many there were.
pub(crate) fn run_jobs(app: &mut App) -> usize {
    let jobs = app.take_jobs();
    let n = jobs.len();
    for job in jobs {
        app.update(super::action::Action::Detected(Box::new(job.run())));
    }
    n
}

/// The text cursor mode has selected (panics when nothing is).
pub(crate) fn selected_text(app: &App) -> &str {
    let cursor = app.mode().cursor().expect("cursor mode");
    let range = cursor.selection(&app.article().text).expect("a selection");
    &app.article().text[range]
}

/// Types `text`, one key a character.
pub(crate) fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The screen's rows as drawn now.
pub(crate) fn screen_lines(app: &App) -> Vec<String> {
    let area = Rect::new(0, 0, app.size().0, app.size().1);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// The screen as one text, a line a row.
pub(crate) fn screen(app: &App) -> String {
    screen_lines(app).join("\n") + "\n"
}

/// The review status of the quote or position with this id.
pub(crate) fn status_of(app: &App, id: &str) -> crate::model::Status {
    let ann = app.ann();
    ann.quotes
        .iter()
        .map(|q| (&q.id, q.status))
        .chain(ann.positions.iter().map(|p| (&p.id, p.status)))
        .find(|(i, _)| *i == id)
        .map(|(_, s)| s)
        .expect("an annotation with this id")
}

/// A story about two countries no gazetteer knows (written for these tests), with
/// quotes by ministers, spokespeople, an opposition leader, a ministry and a mediator.
pub(crate) const RIVER_TALKS: &str = include_str!("../../tests/fixtures/river-talks.txt");

/// A reader on `text`, written to `story.txt` in `dir` (unless it is there), its store
/// beside it, detected with `parties` in the config (none: the detector's own).
pub(crate) fn app_on_file(
    dir: &std::path::Path,
    text: &str,
    parties: Vec<crate::model::Party>,
) -> App {
    let config = crate::config::Config {
        parties,
        ..crate::config::Config::default()
    };
    app_on_file_with(dir, text, config)
}

/// [`app_on_file`] with a configuration of its own (its sides detect the story).
pub(crate) fn app_on_file_with(
    dir: &std::path::Path,
    text: &str,
    config: crate::config::Config,
) -> App {
    use crate::article::{Article, Source};
    let parties = config.parties.clone();
    use crate::store::{OpenOptions, Store};
    let path = dir.join("story.txt");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
        std::fs::write(&path, text).unwrap();
    }
    let article = std::sync::Arc::new(Article::load(Source::File(path), 1 << 30).unwrap());
    let options = OpenOptions {
        parties: (!parties.is_empty()).then(|| parties.clone()),
        suggest: Some(crate::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    let store = Store::open(&article, &options);
    let mut app = App::new(article, config, (100, 30), true);
    app.update(super::action::Action::StoreReady(Box::new(store)));
    app
}

/// The status message shown now ("" when none).
pub(crate) fn message(app: &App) -> String {
    app.message()
        .as_ref()
        .map(|m| m.0.clone())
        .unwrap_or_default()
}
