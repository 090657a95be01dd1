//! Tests of [`super::discover`]: an organisation found under its whole name, not a
//! piece of it (a name holding "and", a company's last word before its possessive).

use super::*;

/// The sides found, as names joined by "|" and kind.
fn found(text: &str) -> Vec<(String, SideKind)> {
    discover(
        &Opening::of(text),
        crate::detect::country_matcher(),
        text.len(),
    )
    .into_iter()
    .map(|d| (d.names.join("|"), d.kind))
    .collect()
}

#[test]
fn a_unions_name_holding_and_is_found_whole() {
    let got = found(
        "Members of the Tanners and Allied Leather Workers Union walked out at Holm Hides. \
         The union said the plant was unsafe.",
    );
    assert!(
        got.iter().any(
            |(n, k)| n.starts_with("Tanners and Allied Leather Workers Union|")
                && *k == SideKind::Union
        ),
        "{got:?}"
    );
}

#[test]
fn a_name_before_and_that_the_story_uses_alone_is_not_joined() {
    // "Holm Hides" is a company of its own: the union's name starts after "and"
    let got = found(
        "Talks between Holm Hides and Allied Leather Workers Union failed. Holm Hides \
         said the offer stood.",
    );
    assert!(
        got.iter()
            .any(|(n, _)| n.starts_with("Allied Leather Workers Union")),
        "{got:?}"
    );
    assert!(got.iter().all(|(n, _)| !n.contains(" and ")), "{got:?}");
}

#[test]
fn a_companys_last_word_before_its_possessive_is_no_company_of_its_own() {
    let got = found(
        "Fenmoor Ridge Energy will build the line. Fenmoor Ridge's chief executive, Ana \
         Holt, said the firm had listened.",
    );
    assert!(got.iter().all(|(n, _)| n != "Ridge"), "{got:?}");
    // a single word before the office is still a company
    let got = found("Tavelli's chief executive said the plant would close.");
    assert!(
        got.iter()
            .any(|(n, k)| n.starts_with("Tavelli") && *k == SideKind::Company),
        "{got:?}"
    );
}
