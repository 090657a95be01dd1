//! Names typed in the reader must be names: a side's name, an alias, a label, a
//! speaker's name (renamed in the panel or new in the picker) made only of
//! punctuation ("!!!", "…", "--") is refused with a message that says why, and
//! nothing changes.

use super::app::App;
use super::popup::sides::SidesEditor;
use super::popup::speakers::SpeakersPanel;
use super::test_support::{RIVER_TALKS, app_on_file, message, press, press_mod, typ};
use crossterm::event::{KeyCode, KeyModifiers};

/// Types `text` into the field just opened, replacing what it holds, and submits it.
fn submit(app: &mut App, text: &str) {
    press_mod(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typ(app, text);
    press(app, KeyCode::Enter);
}

fn refused(app: &App, what: &str) {
    let said = message(app);
    assert!(
        said.contains(what) && said.contains("needs a letter or a digit"),
        "{said}"
    );
    assert!(!app.store().unwrap().is_dirty(), "nothing changed");
}

#[test]
fn a_side_alias_or_label_of_punctuation_alone_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_on_file(dir.path(), RIVER_TALKS, Vec::new());
    let before = a.ann().parties.clone();
    typ(&mut a, "Sa");
    submit(&mut a, "!!!");
    refused(&a, "a side's name");
    assert_eq!(a.ann().parties, before);
    assert!(
        a.mode().popup_as::<SidesEditor>().is_some(),
        "the editor stays"
    );
    typ(&mut a, "a");
    submit(&mut a, "Velmora");
    assert_eq!(a.ann().parties.len(), before.len() + 1, "a name is taken");
    let named = a.ann().parties.clone();
    typ(&mut a, "r");
    submit(&mut a, " … ");
    assert!(message(&a).contains("“…” has none"), "{}", message(&a));
    typ(&mut a, "e");
    submit(&mut a, "--");
    assert!(message(&a).contains("an alias"), "{}", message(&a));
    typ(&mut a, "l");
    submit(&mut a, "?!");
    assert!(message(&a).contains("a label"), "{}", message(&a));
    assert_eq!(a.ann().parties, named);
}

#[test]
fn a_speakers_name_of_punctuation_alone_is_refused_in_the_panel_and_the_picker() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_on_file(dir.path(), RIVER_TALKS, Vec::new());
    let speakers = a.ann().speakers.clone();
    typ(&mut a, "W");
    typ(&mut a, "r");
    submit(&mut a, "...");
    refused(&a, "a speaker's name");
    assert_eq!(a.ann().speakers, speakers);
    assert!(
        a.mode().popup_as::<SpeakersPanel>().is_some(),
        "the panel stays"
    );
    press(&mut a, KeyCode::Esc);
    // a new speaker is refused at its first step, before its role and side are asked
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "@");
    typ(&mut a, "\"\"");
    press(&mut a, KeyCode::Enter);
    refused(&a, "a speaker's name");
    assert_eq!(a.mode_name(), "READ", "no step 2");
    assert_eq!(a.ann().speakers, speakers);
}
