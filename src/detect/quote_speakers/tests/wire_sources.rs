//! Sources that wire copy names in ways a plain subject does not: a role noun alone,
//! "with X saying", a relative clause holding a list, a titled name after a role, a
//! surname of two words, a passive cue inside another's reported speech.

use super::{speakers, speakers_with_roles};

#[test]
fn role_nouns_of_wire_copy_name_their_sources() {
    let body = "“We will appeal,” a lawyer for the growers said.\n\n\
                “The road is ours,” the rebel commander said.\n\n\
                “Nobody listens,” some drivers said.";
    assert_eq!(
        speakers(body),
        vec![
            "a lawyer for the growers",
            "rebel commander",
            "some drivers"
        ]
    );
}

#[test]
fn the_phrase_between_with_and_a_participle_is_its_source() {
    let body = "The Orvane League answered, with a party spokeswoman saying the plan \
                was “a fantasy”.";
    assert_eq!(speakers(body), vec!["a party spokeswoman"]);
}

#[test]
fn a_relative_clause_runs_over_the_commas_of_a_list_to_its_verb() {
    let body = "Ada Kovel, who met Trade, Energy and Mines Minister Ivo Dask, said \
                she had asked for more time.\n\n“We are not in a hurry,” she said.";
    assert_eq!(speakers(body), vec!["Ada Kovel"]);
}

#[test]
fn a_titled_name_after_a_role_is_the_subject_and_the_next_he() {
    let body = "The Dunmore bus board urged the two sides to settle. Its chair, councillor \
                Piet Haran, said the strike would hurt.\n\n“I take no sides,” he said.";
    assert_eq!(speakers(body), vec!["Piet Haran"]);
}

#[test]
fn a_surname_of_two_words_finds_the_full_name() {
    let body = "The talks are chaired by Marta Sousa Vieira, a retired judge.\n\n\
                “Both sides came to listen,” Ms Sousa Vieira said.";
    assert_eq!(speakers(body), vec!["Marta Sousa Vieira"]);
}

#[test]
fn a_surname_finds_the_full_name_through_its_particles_and_article() {
    // a name met before a date, then its surname alone
    let body = "The plan, set out by party leader Ann Reed on Monday, was costed.\n\n\
                “We will cut the queues,” Ms Reed said.";
    assert_eq!(speakers(body), vec!["Ann Reed"]);
    // a Welsh "ap" inside the name
    let body = "Farmers' leader Dafydd ap Rhys said the grants were late.\n\n\
                “The valleys cannot wait,” Mr ap Rhys said.";
    assert_eq!(speakers(body), vec!["Dafydd ap Rhys"]);
    // a surname written without its article on the second mention
    let body = "Deputy Minister Karim al-Tawil said the talks had stalled.\n\n\
                “We came to agree, not to argue,” Tawil said.";
    assert_eq!(speakers(body), vec!["Karim al-Tawil"]);
}

#[test]
fn a_passive_cue_inside_reported_speech_leaves_the_fragment_to_the_speaker() {
    let body = "Ines Marr, the union's leader, said crews were being asked to work \
                shifts that left them “dangerously tired”.";
    assert_eq!(speakers(body), vec!["Ines Marr"]);
}

#[test]
fn a_body_met_by_name_speaks_again_by_its_head_noun() {
    for head in ["authority", "commission", "regulator"] {
        let name = format!("Harbour Water {}", &head[..1].to_uppercase()) + &head[1..];
        let body = format!(
            "The {name} fined Carvell on Monday.\n\n\
             The {head} said Carvell had “quietly under-reported” spills."
        );
        assert_eq!(speakers(&body), vec![name], "{head}");
    }
}

#[test]
fn a_body_named_by_its_head_and_a_complement_is_a_body() {
    let body = "The Federation of Kelp Growers said the quota was “a disgrace”.\n\n\
                Monitors from the Agency for Trade and Standards in Orvane said the \
                vote was “calm”.";
    let got = speakers_with_roles(body);
    assert_eq!(got[0].0, "Federation of Kelp Growers");
    // (the monitors speak, the agency is in their role)
    assert!(
        got[1]
            .1
            .contains("Agency for Trade and Standards in Orvane"),
        "{got:?}"
    );
}
