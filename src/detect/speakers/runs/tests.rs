use super::*;

#[test]
fn a_run_through_particles_after_a_sentence_word_names_nobody() {
    // "It is a Budget": "It" opens the sentence, "is a" are no name's particles here
    let text = "It is a Budget for the many";
    let ws = words(text, 0..text.len());
    let sides = SideMatcher::new(&[]);
    let runs: Vec<_> = capital_runs(text, &ws).collect();
    assert!(matches!(
        classify_run(text, &ws[runs[0].clone()], &sides),
        RunKind::Other
    ));
    // a name after a title still reads as one ("Health Secretary Ann Tovey")
    let text = "Health Secretary Ann Tovey";
    let ws = words(text, 0..text.len());
    assert!(matches!(
        classify_run(text, &ws, &sides),
        RunKind::Person(r) if &text[r.clone()] == "Ann Tovey"
    ));
}

#[test]
fn a_date_after_a_particle_ends_the_name() {
    let runs = |text: &str| -> Vec<String> {
        let ws = words(text, 0..text.len());
        capital_runs(text, &ws)
            .map(|r| text[ws[r.start].start..ws[r.end - 1].end].to_string())
            .collect()
    };
    assert_eq!(
        runs("but Nell Ruiz on Friday said"),
        ["Nell Ruiz", "Friday"]
    );
    assert_eq!(runs("Pell in March called it"), ["Pell", "March"]);
    // a particle before another name still joins it ("Committee on Trade")
    assert_eq!(runs("the Committee on Trade met"), ["Committee on Trade"]);
}

#[test]
fn a_run_ends_before_a_particle_and_a_date() {
    let text = "set out by Party leader Ann Reed on Monday in Leeds";
    let ws = words(text, 0..text.len());
    let runs: Vec<&str> = capital_runs(text, &ws)
        .map(|r| &text[ws[r.start].start..ws[r.end - 1].end])
        .collect();
    assert_eq!(runs, ["Party", "Ann Reed", "Monday in Leeds"]);
}

#[test]
fn a_place_between_a_title_and_a_surname_is_a_first_name() {
    let sides = SideMatcher::new(&[vec!["Bulgaria".into(), "Sofia".into()]]);
    let text = "Interior Minister Sofia Rahn";
    let ws = words(text, 0..text.len());
    assert!(matches!(
        classify_run(text, &ws, &sides),
        RunKind::Person(r) if &text[r.clone()] == "Sofia Rahn"
    ));
    // (a side before the title is still the title's)
    let text = "Bulgarian Interior Minister Rahn";
    let sides = SideMatcher::new(&[vec!["Bulgaria".into(), "Bulgarian".into()]]);
    let ws = words(text, 0..text.len());
    assert!(matches!(
        classify_run(text, &ws, &sides),
        RunKind::Person(r) if &text[r.clone()] == "Rahn"
    ));
}

#[test]
fn a_sides_name_and_one_more_word_is_a_longer_name_of_the_body() {
    let sides = SideMatcher::new(&[vec!["Brenmoor".into()]]);
    let text = "Brenmoor Water";
    let ws = words(text, 0..text.len());
    assert!(matches!(
        classify_run(text, &ws, &sides),
        RunKind::Body(r) if &text[r.clone()] == "Brenmoor Water"
    ));
    // a full name after the side's name is still a person's
    let text = "Brenmoor Ann Bell";
    let ws = words(text, 0..text.len());
    assert!(matches!(
        classify_run(text, &ws, &sides),
        RunKind::Person(r) if &text[r.clone()] == "Ann Bell"
    ));
    // a listed party's word before a surname is the member's party, not a body's name
    let sides = SideMatcher::new(&[vec!["Democrats".into(), "Democrat".into()]]);
    let text = "Democrat Clinton";
    let ws = words(text, 0..text.len());
    assert!(matches!(
        classify_run(text, &ws, &sides),
        RunKind::Person(r) if &text[r.clone()] == "Clinton"
    ));
}
