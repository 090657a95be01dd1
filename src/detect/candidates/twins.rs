//! A country of a pair of twins ([`crate::detect::gazetteer::Country::twins`]) that a
//! story names while it never names the other: its candidate takes the bare name and
//! demonym ("Korea", "the Korean delegation"), which the story then uses for it.

use super::super::gazetteer::countries;

/// The countries the text names whose twins it never names, where it also writes
/// their bare name or demonym; each once, in the order first named.
pub(super) fn named_twins(text: &str) -> Vec<usize> {
    // (no story but a few writes a bare name: the country scan is spared the rest)
    if !twin_stems().iter().any(|stem| text.contains(stem.as_str())) {
        return Vec::new();
    }
    let mut named: Vec<usize> = Vec::new();
    for (_, c) in super::super::country_matcher().find(text) {
        if !named.contains(&c) {
            named.push(c);
        }
    }
    let all = countries();
    named
        .iter()
        .copied()
        .filter(|&c| !all[c].twins.is_empty())
        .filter(|&c| all[c].twins.iter().all(|t| !named.contains(t)))
        .filter(|&c| all[c].bare_names.iter().any(|b| writes_bare(text, b, c)))
        .collect()
}

/// Whether `text` writes `bare` as a word of its own, not as the end of a name of
/// country `c` or its twins ("South Korea" holds "Korea", and says nothing of the bare
/// name).
fn writes_bare(text: &str, bare: &str, c: usize) -> bool {
    let all = countries();
    let group = std::iter::once(c).chain(all[c].twins.iter().copied());
    let longer: Vec<&String> = group
        .flat_map(|t| all[t].all_names())
        .filter(|n| n.len() > bare.len() && n.ends_with(bare))
        .collect();
    text.match_indices(bare).any(|(at, _)| {
        let end = at + bare.len();
        let whole = !text[end..].starts_with(char::is_alphanumeric)
            && !text[..at].ends_with(char::is_alphanumeric);
        whole && !longer.iter().any(|n| text[..end].ends_with(n.as_str()))
    })
}

/// The bare names of every twin, found once.
fn twin_stems() -> &'static [String] {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    STEMS.get_or_init(|| {
        let mut stems: Vec<String> = countries()
            .iter()
            .filter_map(|c| c.bare_names.first().cloned())
            .collect();
        stems.sort();
        stems.dedup();
        stems
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::test_support::inferred_quote_sides;

    fn ids(text: &str) -> Vec<&'static str> {
        named_twins(text)
            .into_iter()
            .map(|c| countries()[c].id.as_str())
            .collect()
    }

    #[test]
    fn the_one_twin_named_takes_the_bare_name() {
        let text = "Norway urged South Korea to act. A Korean envoy said Korea would wait.";
        assert_eq!(ids(text), ["kr"]);
        let text = "Talks with North Korea. Korean diplomats left.";
        assert_eq!(ids(text), ["kp"]);
    }

    #[test]
    fn no_twin_takes_it_when_both_are_named_or_no_bare_name_is_written() {
        assert!(ids("South Korea and North Korea met. Korea was split.").is_empty());
        assert!(ids("South Korea said. The South Korean envoy left.").is_empty());
        assert!(ids("Norway and Chile met in Oslo.").is_empty());
    }

    #[test]
    fn a_bare_name_inside_a_longer_name_is_not_written_bare() {
        let kr = crate::detect::gazetteer::gazetteer()
            .index_of("kr")
            .unwrap_or_default();
        assert!(!writes_bare("South Korea's envoy", "Korea", kr));
        assert!(!writes_bare("a North Korean envoy", "Korean", kr));
        assert!(!writes_bare("the Koreans", "Korean", kr));
        assert!(writes_bare("A Korean envoy", "Korean", kr));
        assert!(writes_bare("Seoul. Korea said", "Korea", kr));
    }

    #[test]
    fn a_story_naming_one_twin_gives_it_the_bare_names_speakers() {
        // the dateline's country would take the Korean delegate without the bare name
        let story = "NORWAY PRESSES SOUTH KOREA ON SALMON

            OSLO, May 2 - Norway urged South Korea to lift its salmon quota.

            \"We want fair access,\" Fisheries Minister Kari Lunde said.

            The head of the Korean delegation, Vice Minister Han Min-jun, said Korea \
            needed time. \"Our boats must come first,\" Han said.
";
        let ids = |v: &[&str]| v.iter().map(|s| Some(s.to_string())).collect::<Vec<_>>();
        assert_eq!(inferred_quote_sides(story), ids(&["no", "kr"]));
        let north = story.replace("SOUTH", "NORTH").replace("South", "North");
        assert_eq!(inferred_quote_sides(&north), ids(&["no", "kp"]));
    }
}
