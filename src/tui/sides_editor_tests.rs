//! The sides editor and the sides given for a store that has others, by keys into
//! `App`, on a story whose countries the gazetteer does not know.

use super::action::Action;
use super::app::App;
use super::popup::choice::Choice;
use super::popup::sides::SidesEditor;
use super::popup::text::TextInput;
use super::test_support::{press, press_mod, run_jobs, screen_lines, typ};
use crate::article::{Article, Source};
use crate::config::Config;
use crate::model::Party;
use crate::store::{OpenOptions, Store};
use crate::tui::reply::Ask;
use crossterm::event::{KeyCode, KeyModifiers};
use std::path::Path;
use std::sync::Arc;

const STORY: &str = "Elbonia and Freedonia resume border talks\n\n\
GRUNTVILLE (Wire) - Elbonia and Freedonia reopened talks on Monday.\n\n\
\"We came to listen,\" said Ana Ruiz, a spokeswoman for Elbonia.\n\n\
\"Our patience is not endless,\" said Boris Tal, a spokesman for Freedonia.\n\n\
Freedonia said it wanted the border reopened.\n";

fn article(dir: &Path) -> Arc<Article> {
    let path = dir.join("story.txt");
    if !path.exists() {
        std::fs::write(&path, STORY).unwrap();
    }
    Arc::new(Article::load(Source::File(path), 1 << 20).unwrap())
}

/// A reader on the story, its store beside it, with `parties` in the config.
fn app_on(dir: &Path, parties: Vec<Party>) -> App {
    app_with(
        dir,
        Config {
            parties,
            ..Config::default()
        },
    )
}

/// A reader on the story, its store beside it, with this configuration.
fn app_with(dir: &Path, config: Config) -> App {
    let article = article(dir);
    let parties = &config.parties;
    let options = OpenOptions {
        parties: (!parties.is_empty()).then(|| parties.clone()),
        suggest: Some(crate::detect::detect_with_progress),
        ..OpenOptions::default()
    };
    let store = Store::open(&article, &options);
    let mut app = App::new(article, config, (100, 30), true);
    app.update(Action::StoreReady(Box::new(store)));
    app
}

/// A reader on the story without sides, its sides editor open.
fn editor_on(dir: &Path) -> App {
    let mut a = app_on(dir, Vec::new());
    typ(&mut a, "S");
    a
}

fn screen_text(app: &App) -> String {
    screen_lines(app).join("\n")
}

fn status_line(app: &App) -> String {
    screen_lines(app).pop().unwrap_or_default()
}

fn side_names(app: &App) -> Vec<String> {
    app.ann().parties.iter().map(|p| p.name.clone()).collect()
}

/// Adds a side in the open editor: a, the name, Enter.
fn add_side(app: &mut App, name: &str) {
    typ(app, "a");
    typ(app, name);
    press(app, KeyCode::Enter);
}

fn message(app: &App) -> String {
    app.message()
        .as_ref()
        .map(|m| m.0.clone())
        .unwrap_or_default()
}

fn country(id: &str, name: &str) -> Party {
    Party {
        id: id.into(),
        name: name.into(),
        aliases: vec![],
        color: None,
        ..Default::default()
    }
}

#[test]
fn a_story_without_sides_says_so_and_s_adds_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_on(dir.path(), Vec::new());
    assert!(a.ann().parties.is_empty(), "the gazetteer knows neither");
    assert!(
        status_line(&a).contains("no sides: S adds one"),
        "{}",
        status_line(&a)
    );
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "1");
    assert_eq!(message(&a), "no sides yet: S adds one");

    typ(&mut a, "S");
    assert!(a.mode().popup_as::<SidesEditor>().is_some());
    add_side(&mut a, "Elbonia");
    add_side(&mut a, "Freedonia");
    assert!(
        matches!(a.mode().popup_as::<SidesEditor>(), Some(e) if e.cursor == 1),
        "the editor stays open on the new side"
    );
    assert_eq!(side_names(&a), ["Elbonia", "Freedonia"]);
    let screen = screen_text(&a);
    for shown in [
        // each side's suggestions took it as it was added (Ana Ruiz's quote; Boris
        // Tal's and the position that Freedonia states)
        "1 Elbonia  (1)",
        "2 Freedonia  (2)",
        "a add",
        "Esc/q/Ctrl-c close",
    ] {
        assert!(screen.contains(shown), "{shown} in\n{screen}");
    }
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode_name(), "READ");
    assert!(!status_line(&a).contains("no sides"));

    typ(&mut a, "2");
    let id = a.selected_id().unwrap();
    let quote = a.ann().quotes.iter().find(|q| q.id == id).unwrap();
    assert_eq!(quote.party.as_deref(), Some("freedonia"));
    typ(&mut a, "3");
    assert!(message(&a).contains("press 1 to 2, 0 for none, or S to add one"));
}

#[test]
fn the_editor_renames_edits_aliases_reorders_deletes_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = editor_on(dir.path());
    add_side(&mut a, "Elbonia");
    add_side(&mut a, "Fredonia");
    // Enter renames the side under the cursor; the field holds its name
    press(&mut a, KeyCode::Enter);
    for _ in 0.."Fredonia".len() {
        press(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "Freedonia");
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "e");
    typ(&mut a, "Freedonian");
    press_mod(&mut a, KeyCode::Char('j'), KeyModifiers::CONTROL); // one alias a line
    typ(&mut a, "the republic, Fredonia's");
    press(&mut a, KeyCode::Enter);
    assert_eq!(side_names(&a), ["Elbonia", "Freedonia"]);
    assert_eq!(
        a.ann().parties[1].aliases,
        ["Freedonian", "the republic, Fredonia's"],
        "a comma is part of a name"
    );
    assert_eq!(a.ann().parties[1].id, "fredonia", "a rename keeps the id");

    typ(&mut a, "K");
    assert_eq!(side_names(&a), ["Freedonia", "Elbonia"]);
    typ(&mut a, "K");
    assert_eq!(message(&a), "that side is first already");
    press(&mut a, KeyCode::Esc);

    // give a quote the first side, then delete that side in the editor
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "1");
    let id = a.selected_id().unwrap();
    let side_of = |a: &App| {
        let q = a.ann().quotes.iter().find(|q| q.id == id).unwrap();
        q.party.clone()
    };
    assert_eq!(side_of(&a).as_deref(), Some("fredonia"));
    typ(&mut a, "S");
    assert!(
        matches!(a.mode().popup_as::<SidesEditor>(), Some(e) if e.cursor == 0),
        "opens on the selected annotation's side"
    );
    typ(&mut a, "d");
    assert_eq!(side_names(&a), ["Elbonia"]);
    assert_eq!(side_of(&a), None);
    assert!(
        message(&a).contains("3 annotations and 1 speaker had it"),
        "{}",
        message(&a)
    );
    typ(&mut a, "u");
    assert_eq!(side_names(&a), ["Freedonia", "Elbonia"]);
    assert_eq!(side_of(&a).as_deref(), Some("fredonia"), "one undo step");
    typ(&mut a, "q");
    assert_eq!(a.mode_name(), "READ");
}

#[test]
fn a_blank_name_is_refused_and_the_editor_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = editor_on(dir.path());
    typ(&mut a, "r");
    assert_eq!(message(&a), "no sides yet: a adds one");
    add_side(&mut a, "  ");
    assert!(a.ann().parties.is_empty());
    assert_eq!(message(&a), "a side's name cannot be blank");
    assert!(a.mode().popup_as::<SidesEditor>().is_some());
    assert!(!a.store().unwrap().is_dirty());
}

#[test]
fn given_sides_that_differ_from_the_store_are_offered_and_applied_as_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = app_on(dir.path(), Vec::new());
    first.update(Action::Command(crate::keys::Command::Save));
    assert!(dir.path().join("story.txt.parley.toml").exists());
    drop(first);

    let given = vec![
        country("elbonia", "Elbonia"),
        country("freedonia", "Freedonia"),
    ];
    let mut a = app_on(dir.path(), given.clone());
    assert!(
        matches!(
            a.mode().popup_as::<Choice>(),
            Some(Choice {
                ask: Ask::ApplyParties,
                ..
            })
        ),
        "{:?}",
        a.mode().popup_as::<Choice>()
    );
    assert!(
        a.ann().parties.is_empty(),
        "nothing applied before the answer"
    );
    typ(&mut a, "a");
    assert!(
        a.ann().parties.is_empty(),
        "not before the detector is done"
    );
    assert_eq!(run_jobs(&mut a), 1, "the detector runs on the worker");
    assert_eq!(a.ann().parties, given);
    let sides: Vec<Option<&str>> = a.ann().quotes.iter().map(|q| q.party.as_deref()).collect();
    assert_eq!(sides, [Some("elbonia"), Some("freedonia")]);
    let ruiz = a
        .ann()
        .speakers
        .iter()
        .find(|s| s.name == "Ana Ruiz")
        .unwrap();
    assert_eq!(ruiz.party.as_deref(), Some("elbonia"));
    assert!(
        a.ann()
            .quotes
            .iter()
            .all(|q| q.origin == crate::model::Origin::Auto),
        "still suggestions"
    );
    typ(&mut a, "u");
    assert!(
        a.ann().parties.is_empty(),
        "one undo step takes it all back"
    );
    assert!(a.ann().quotes.iter().all(|q| q.party.is_none()));
}

#[test]
fn given_sides_are_not_offered_when_the_store_has_them_or_kept_when_declined() {
    let dir = tempfile::tempdir().unwrap();
    let given = vec![country("elbonia", "Elbonia")];
    let mut first = app_on(dir.path(), given.clone());
    assert!(!a_popup_is_open(&first), "a new store used them already");
    first.update(Action::Command(crate::keys::Command::Save));
    drop(first);
    let same = app_on(dir.path(), given);
    assert!(!a_popup_is_open(&same));
    drop(same);

    let mut other = app_on(dir.path(), vec![country("sylvania", "Sylvania")]);
    assert!(a_popup_is_open(&other));
    typ(&mut other, "k");
    assert_eq!(side_names(&other), ["Elbonia"]);
    assert_eq!(message(&other), "kept the store's sides");
    assert!(!other.store().unwrap().is_dirty());
}

fn a_popup_is_open(app: &App) -> bool {
    app.mode().popup().is_some()
}

#[test]
fn the_editor_draws_in_small_terminals_and_keeps_the_cursor_row_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = editor_on(dir.path());
    for n in 1..=12 {
        add_side(&mut a, &format!("Side number {n} with a long name"));
    }
    for (w, h) in [(20, 5), (24, 7), (40, 10), (80, 12), (200, 60)] {
        a.update(Action::Resize(w, h));
        let screen = screen_text(&a);
        assert_eq!(screen.lines().count(), usize::from(h));
        if h >= 10 {
            assert!(
                screen.contains("12 Side number 12"),
                "{w}x{h}: the cursor's side is shown\n{screen}"
            );
        }
    }
}

#[test]
fn the_sides_editor_keys_are_remappable() {
    let dir = tempfile::tempdir().unwrap();
    let config = crate::config::Config::parse("[keys]\nside_add = [\"n\"]\n", "c.toml").unwrap();
    let mut a = app_with(dir.path(), config);
    typ(&mut a, "S");
    typ(&mut a, "a");
    assert!(
        a.mode().popup_as::<SidesEditor>().is_some(),
        "a no longer adds"
    );
    typ(&mut a, "n");
    assert!(
        a.mode().popup_as::<TextInput>().is_some(),
        "n asks for a name"
    );
    assert!(!screen_text(&a).contains("a add"));
}

/// The side column of the sidebar's first row of each side, as drawn.
fn sidebar_sides(app: &App) -> Vec<String> {
    let mut lines = screen_lines(app);
    lines.pop();
    lines
        .iter()
        .filter_map(|l| l.rsplit_once('│').map(|(_, r)| r.trim().to_string()))
        .filter(|r| r.starts_with('·'))
        .collect()
}

#[test]
fn a_side_is_shown_by_its_name_or_the_label_given_never_by_an_alias() {
    let dir = tempfile::tempdir().unwrap();
    let mut elbonia = country("el", "Elbonia");
    // "Elbonia" stays an alias, so the rename below keeps Ana Ruiz on this side
    elbonia.aliases = vec!["EL".into(), "Elbonia".into()];
    let freedonia = country("fr", "Freedonia");
    let mut a = app_on(dir.path(), vec![elbonia, freedonia]);
    typ(&mut a, "s");
    let rows = sidebar_sides(&a).join("\n");
    assert!(rows.contains(" Elbonia "), "{rows}");
    assert!(!rows.contains(" EL "), "never the shortest alias: {rows}");
    // a rename shows the new name, not an alias
    typ(&mut a, "S");
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "Republic of Elbonia");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Esc);
    let rows = sidebar_sides(&a).join("\n");
    assert!(
        rows.contains(" Republic…"),
        "the name, cut to the column: {rows}"
    );
    assert!(!rows.contains(" EL "), "{rows}");
    // a label the user gives is shown where room is short, and kept in the store
    typ(&mut a, "S");
    typ(&mut a, "l");
    typ(&mut a, "RoE");
    press(&mut a, KeyCode::Enter);
    assert!(
        screen_text(&a).contains("1 Republic of Elbonia [RoE]"),
        "{}",
        screen_text(&a)
    );
    press(&mut a, KeyCode::Esc);
    let rows = sidebar_sides(&a).join("\n");
    assert!(rows.contains(" RoE "), "{rows}");
    assert!(status_line(&a).contains("RoE "), "{}", status_line(&a));
    typ(&mut a, "u");
    assert_eq!(a.ann().parties[0].label, None, "one undo step");
    press_mod(&mut a, KeyCode::Char('r'), KeyModifiers::CONTROL);
    press_mod(&mut a, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let saved = std::fs::read_to_string(dir.path().join("story.txt.parley.toml")).unwrap();
    assert!(saved.contains("label = \"RoE\""), "{saved}");
}

#[test]
fn a_label_in_the_sides_given_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut elbonia = country("el", "Elbonia");
    elbonia.label = Some("ELB".into());
    let mut a = app_on(dir.path(), vec![elbonia, country("fr", "Freedonia")]);
    typ(&mut a, "s");
    assert!(sidebar_sides(&a).iter().any(|r| r.contains(" ELB ")));
}

#[test]
fn confirming_a_side_s_fields_unchanged_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let side = Party {
        id: "us".into(),
        name: "United States".into(),
        aliases: vec!["Washington, D.C.".into(), "U.S.".into()],
        color: None,
        ..Default::default()
    };
    let mut a = app_on(dir.path(), vec![side.clone()]);
    typ(&mut a, "S");
    typ(&mut a, "e"); // the aliases, one a line
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter); // the name
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.ann().parties, [side], "one alias with its comma");
    assert!(!a.store().unwrap().is_dirty(), "nothing to save");
    typ(&mut a, "S");
    typ(&mut a, "e");
    press_mod(&mut a, KeyCode::Char('j'), KeyModifiers::CONTROL);
    typ(&mut a, "Foggy Bottom");
    press(&mut a, KeyCode::Enter);
    assert_eq!(
        a.ann().parties[0].aliases,
        ["Washington, D.C.", "U.S.", "Foggy Bottom"]
    );
}
