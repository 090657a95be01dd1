use crate::article::{Article, Source};
use crate::detect::test_support::quote_sides;
use crate::model::Party;

const BUDGET_STORY: &str = "Budget row deepens\n\n\
    \"The sums add up,\" the finance minister said on Monday.\n\n\
    \"They do not add up at all,\" Tom Reed, the shadow chancellor, said.\n\n\
    \"We will vote against it,\" Ann Lee said.\n\n\
    \"Nobody asked us,\" the party chairman, Ed Moss, said.\n";

fn party(id: &str, name: &str) -> Party {
    Party {
        id: id.into(),
        name: name.into(),
        ..Default::default()
    }
}

#[test]
fn the_parties_file_gives_members_roles_and_the_government() {
    let plain = [party("reform", "Reform"), party("heritage", "Heritage")];
    assert_eq!(quote_sides(BUDGET_STORY, &plain), [None, None, None, None]);
    let told = [
        Party {
            governs: true,
            ..party("reform", "Reform")
        },
        Party {
            members: vec!["Ann Lee".into()],
            roles: vec!["party chairman".into()],
            ..party("heritage", "Heritage")
        },
    ];
    let want = ["reform", "heritage", "heritage", "heritage"].map(|s| Some(s.to_string()));
    assert_eq!(quote_sides(BUDGET_STORY, &told), want);
}

#[test]
fn the_union_is_the_side_whose_kind_is_untold_when_no_union_is_named() {
    let story = "Pilots vote to strike\n\n\
        Pilots at Skyreach Airlines voted to strike over rosters on Friday.\n\n\
        \"Our members are exhausted,\" the union said in a statement.\n\n\
        \"Our offer is a good one,\" a company spokeswoman said.\n";
    let parties = [
        party("skyreach", "Skyreach Airlines"),
        party("pilots", "pilots"),
    ];
    let want = ["pilots", "skyreach"].map(|s| Some(s.to_string()));
    assert_eq!(quote_sides(story, &parties), want);
}

#[test]
fn the_story_may_say_which_party_governs() {
    let story =
        format!("{BUDGET_STORY}\nThe Reform government faces a vote on the budget next week.\n");
    let parties = [party("reform", "Reform"), party("heritage", "Heritage")];
    let got = quote_sides(&story, &parties);
    assert_eq!(
        got[..2],
        [Some("reform".to_string()), Some("heritage".to_string())]
    );
}

#[test]
fn a_body_of_the_state_speaks_for_the_governing_party_of_its_country() {
    let story = "Row over pensions\n\n\
        The Labour government will raise the state pension next year.\n\n\
        \"Nobody will be worse off,\" a Downing Street spokesman said.\n\n\
        \"It is too little, too late,\" said Tory leader Anne Grey.\n";
    let parties = [party("labour", "Labour"), party("con", "Conservatives")];
    let want = ["labour", "con"].map(|s| Some(s.to_string()));
    assert_eq!(quote_sides(story, &parties), want);
}

#[test]
fn an_office_is_the_side_its_holder_speaks_for_not_the_datelines() {
    let story = "KENYA SEEKS TO REASSURE LENDERS\n\n\
        MIAMI, March 3 - Talks between Kenya and its lenders ended without agreement.\n\n\
        Central bank governor Ruth Wambui said Kenya would resume payments on its debt \
        soon.\n\n\
        \"We will pay what we owe,\" Wambui told reporters after meeting the lenders.\n\n\
        Lenders said the meeting was inconclusive.\n";
    let article = Article::from_bytes(Source::Stdin, story.as_bytes());
    let found = crate::detect::detect(&article, None);
    let sides: Vec<&str> = found
        .quotes
        .iter()
        .filter_map(|q| q.party.as_deref())
        .collect();
    assert_eq!(sides, ["ke"]);
}

#[test]
fn the_party_no_speaker_is_named_for_governs_when_ministers_speak() {
    let story = "Reform plans longer parental leave

        \"Every parent will gain two weeks,\" the Employment Secretary, Jo Hart, said.\n\n            \"It is a gimmick before an election,\" Heritage spokeswoman Kay Bell said.\n";
    let parties = [("reform", "Reform"), ("heritage", "Heritage")].map(|(id, name)| Party {
        aliases: vec![name.into()],
        ..party(id, &format!("{name} Party"))
    });
    let want = ["reform", "heritage"].map(|s| Some(s.to_string()));
    assert_eq!(quote_sides(story, &parties), want);
    // naming both parties' people tells nothing of who governs
    let both = story.replace("Jo Hart", "Jo Hart of Reform");
    assert_eq!(quote_sides(&both, &parties)[1], want[1]);
}
