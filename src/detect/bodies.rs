//! Organisations a story names that no list has, found by how its lead treats them
//! rather than by the words of their names: the two names a lead sets against each
//! other ("talks between the Pilots' Association and Skyline Air"), and the shorter
//! names the story then uses for a body ("the league's president" for the Orska
//! Farmers' League, "the water board" for the Regional Water Board) and for its
//! members ("farmers", "a senior ranger" of the Rangers' Association).

use super::parties::SideMatcher;
use super::side_kind::Discovered;
use super::side_kind::SideKind;
use super::side_words::{Class, is};
use super::words::{Word, is_capitalized, lower, one_space_after, trim_possessive};
use std::ops::Range;

/// The names the lead (the words before byte `lead_end`) sets against each other after
/// "between": "between the Dockworkers' Union and Velmar Port Authority", "between
/// Brightwave Energy and the Energy Regulator". Each is one side whatever its words
/// (`runs` are the capitalised runs of the opening, in order); names `known` has (a
/// country) are left to it. The kind is told by the name's words where they tell it
/// (`kind_of`), else it is an organisation of no known kind.
pub fn paired_in_lead(
    text: &str,
    ws: &[Word],
    runs: &[Range<usize>],
    lead_end: usize,
    known: &SideMatcher,
    kind_of: impl Fn(&[&str]) -> Option<SideKind>,
) -> Vec<Discovered> {
    let mut out = Vec::new();
    let mut buf = [0u8; 32];
    for (i, w) in ws.iter().enumerate().take_while(|(_, w)| w.end <= lead_end) {
        if lower(&text[w.clone()], &mut buf) != "between" {
            continue;
        }
        let Some(first) = run_at(text, ws, runs, i + 1) else {
            continue;
        };
        let and = first.end;
        let joined = ws
            .get(and)
            .is_some_and(|w| &text[w.clone()] == "and" && w.end <= lead_end);
        let Some(second) = joined.then(|| run_at(text, ws, runs, and + 1)).flatten() else {
            continue;
        };
        for run in [first, second] {
            let whole = trim_possessive(&text[ws[run.start].start..ws[run.end - 1].end]);
            if known.first(whole).is_some() {
                continue;
            }
            let words: Vec<&str> = whole.split_whitespace().collect();
            let kind = kind_of(&words).unwrap_or(SideKind::Other);
            out.push(Discovered {
                name: whole.to_string(),
                names: vec![whole.to_string()],
                kind,
            });
        }
    }
    out
}

/// The capitalised run that starts at word `at`, past a "the" before it.
fn run_at(text: &str, ws: &[Word], runs: &[Range<usize>], at: usize) -> Option<Range<usize>> {
    let at = match ws.get(at) {
        Some(w) if text[w.clone()].eq_ignore_ascii_case("the") => at + 1,
        Some(_) => at,
        None => return None,
    };
    runs.iter().find(|r| r.start == at).cloned()
}

/// Adds to each organisation found the shorter names the story uses for it: the ends of
/// its name in lower case after "the" ("the league", "the water board", "the
/// council's transport lead"), and its whole name in lower case where the story writes
/// it so; and its members, the plural before a possessive in its name ("farmers" of
/// the "Orska Farmers' League"). A short name two organisations share is neither's.
pub fn add_short_names(text: &str, found: &mut [Discovered]) {
    // (lower-cased only for a body whose ends are looked for: most stories have none)
    let lowered = std::cell::OnceCell::new();
    let mut short: Vec<Vec<String>> = Vec::with_capacity(found.len());
    for d in found.iter() {
        let mut names = Vec::new();
        if !matches!(
            d.kind,
            SideKind::Country | SideKind::Party | SideKind::Company
        ) {
            let words: Vec<&str> = d.name.split_whitespace().collect();
            for k in 1..words.len() {
                let end = words[k..].join(" ").to_lowercase();
                if end.chars().all(|c| c.is_alphabetic() || c == ' ')
                    && used_after_the(lowered.get_or_init(|| lowercase(text)), &end)
                {
                    names.push(end);
                }
            }
            let whole = d.name.to_lowercase();
            if words.len() > 1 && memchr::memmem::find(text.as_bytes(), whole.as_bytes()).is_some()
            {
                names.push(whole);
            }
        }
        names.extend(members(&d.name));
        short.push(names);
    }
    for (i, d) in found.iter_mut().enumerate() {
        for name in &short[i] {
            let shared = short
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && other.contains(name));
            if !shared && !d.names.contains(name) {
                d.names.push(name.clone());
            }
        }
    }
}

/// `text.to_lowercase()`, built faster for news text: std lowers char by char from the
/// first character that is not ASCII on (a curly quote in the headline, most often),
/// which made this one lowering of each opening 34 M instructions of a folder run of
/// the 840 PolNeAR texts; here every run of ASCII is lowered in bulk. Each other
/// character lowers on its own as std lowers it, except a capital sigma, whose lower
/// case depends on its neighbours: a text with one is left to std.
fn lowercase(text: &str) -> String {
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let from = out.len();
        out.push_str(&rest[..ascii]);
        out[from..].make_ascii_lowercase();
        let mut chars = rest[ascii..].chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
        }
        rest = chars.as_str();
    }
    out
}

/// Whether lower-cased `text` writes `name` after "the" as a whole word ("the
/// league's president", "the league said"). (Searched by `memmem`, whose prefilter
/// passes a whole article's bytes several at a time where `match_indices` stepped
/// through them: in a folder run each article is searched once for each end of
/// each body's name. A match starts with the ASCII "t" and ends with a whole
/// character, so its ends are character boundaries.)
fn used_after_the(text: &str, name: &str) -> bool {
    let needle = format!("the {name}");
    memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()).any(|at| {
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The members a body's name holds: the plural before a plural possessive ("Teachers'
/// Federation" → "teachers", "Selkirk Fishermen's Cooperative" → "fishermen").
fn members(name: &str) -> Option<String> {
    name.split_whitespace().find_map(|w| {
        let plural = w
            .strip_suffix("s'")
            .map(|s| format!("{s}s"))
            .or_else(|| w.strip_suffix("s’").map(|s| format!("{s}s")))
            .or_else(|| {
                w.strip_suffix("men's")
                    .or_else(|| w.strip_suffix("men’s"))
                    .map(|s| format!("{s}men"))
            })?;
        is_capitalized(&plural).then(|| plural.to_lowercase())
    })
}

/// The plural of a person's role noun, to find the body of its members ("a senior
/// ranger" → "rangers", "a primary school teacher" → "teachers", "a fisherman" →
/// "fishermen").
pub fn member_plural(noun: &str) -> Option<String> {
    if !noun.chars().all(|c| c.is_ascii_lowercase()) || noun.len() < 3 {
        return None;
    }
    Some(match noun.strip_suffix("man") {
        Some(stem) => format!("{stem}men"),
        None => format!("{noun}s"),
    })
}

/// A union's or company's opponent that its lead names only by a public body's noun in
/// lower case ("after the city council rejected", "unless the school board improves",
/// "the city council's offer"), maybe after its place's name ("The Brackley Bay city
/// council voted"): a side called by that phrase and by its noun ("city council",
/// "council"), when the one side found is a union, a company or a members' body. A noun
/// owned by another ("the union's board") or named with capitals is left to the other
/// rules.
pub fn lower_case_opponent(
    text: &str,
    ws: &[Word],
    lead_end: usize,
    found: &[Discovered],
) -> Option<Discovered> {
    let [only] = found else { return None };
    if !matches!(
        only.kind,
        SideKind::Union | SideKind::Company | SideKind::Other
    ) {
        return None;
    }
    let word = |i: usize| &text[ws[i].clone()];
    let spaced = |i: usize| one_space_after(text, ws, i - 1);
    let lead = ws.iter().take_while(|w| w.end <= lead_end).count();
    (1..lead).find_map(|i| {
        let head = trim_possessive(word(i));
        let public = is(Class::PublicBodyEnd, head);
        if !(public || is(Class::RegulatorNameEnd, head)) || !spaced(i) {
            return None;
        }
        let before = word(i - 1);
        let the = |k: usize| word(k).eq_ignore_ascii_case("the");
        let modifier = before.bytes().all(|b| b.is_ascii_lowercase()) && !the(i - 1);
        // (the place's name: capitalised words between "the" and the modifier, before
        // a council or department only: "the Wall Street Journal editorial board" is a
        // newspaper's)
        let mut start = i - 1;
        while modifier
            && public
            && start >= 1
            && spaced(start)
            && is_capitalized(word(start - 1))
            && !the(start - 1)
        {
            start -= 1;
        }
        let opened = modifier && start >= 1 && spaced(start) && the(start - 1);
        let name = if opened {
            text[ws[start].start..ws[i].start].to_string() + head
        } else if the(i - 1) {
            head.to_string()
        } else {
            return None;
        };
        let mut names = vec![name];
        if opened && start < i - 1 {
            names.push(format!("{before} {head}"));
        }
        if opened {
            names.push(head.to_string());
        }
        Some(Discovered {
            name: names[0].clone(),
            names,
            kind: SideKind::Regulator,
        })
    })
}

/// A union's or company's opponent that its lead names by a public body's name in
/// capitals ("The Linden Falls City Council voted", "Kellsbridge Borough Council
/// rejected"): the first such run of the lead (`runs`, the opening's capitalised runs,
/// words before byte `lead_end`), when the one side found in the lead is a union, a
/// company or a members' body, as [`lower_case_opponent`] finds it in lower case. A
/// county is left out: "Orange County" is a place as often as a body.
pub fn named_public_opponent(
    text: &str,
    ws: &[Word],
    runs: &[Range<usize>],
    lead_end: usize,
    (found, known): (&[Discovered], &SideMatcher),
) -> Option<Discovered> {
    // (the one side the lead names: a university whose expert is quoted further down
    // is no party to the dispute the lead opens)
    let lead = &text[..lead_end.min(text.len())];
    let mut in_lead = found.iter().filter(|d| lead.contains(d.name.as_str()));
    let (Some(only), None) = (in_lead.next(), in_lead.next()) else {
        return None;
    };
    if !matches!(
        only.kind,
        SideKind::Union | SideKind::Company | SideKind::Other
    ) {
        return None;
    }
    runs.iter()
        .take_while(|r| ws[r.end - 1].end <= lead_end)
        .find_map(|r| {
            let last = trim_possessive(&text[ws[r.end - 1].clone()]).to_lowercase();
            if r.len() < 2 || last == "county" || !is(Class::PublicBodyEnd, &last) {
                return None;
            }
            let whole = trim_possessive(&text[ws[r.start].start..ws[r.end - 1].end]);
            if known.first(whole).is_some() || only.names.iter().any(|n| n == whole) {
                return None;
            }
            Some(Discovered {
                name: whole.to_string(),
                names: vec![whole.to_string()],
                kind: SideKind::Regulator,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_lowered_as_std_lowers_it() {
        for text in [
            "",
            "PLAIN ASCII Text, 42 Words.",
            "“The League” said — ÉTÉ À PARIS, İstanbul’s ẞ and Ǆ.",
            "ΟΔΟΣ ΣΟΦΙΑ: a sigma's case depends on its neighbours (ΣΑΣ Σ.)",
            "Ünïcödé at the start, then ASCII Only",
            "mixed ＷＩＤＥ and 𝐁𝐎𝐋𝐃 letters, ΑΒΓ",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
    }

    fn body(name: &str, kind: SideKind) -> Discovered {
        Discovered {
            name: name.into(),
            names: vec![name.into()],
            kind,
        }
    }

    #[test]
    fn a_body_is_also_called_by_the_ends_of_its_name_and_its_members() {
        let text = "Talks between the Orska Farmers' League and the Regional Water Board. \
            Jonas Eklund, president of the league, said so. The regional water board \
            disagreed, and the chair of the water board said no. The board met.";
        let mut found = vec![
            body("Orska Farmers' League", SideKind::Union),
            body("Regional Water Board", SideKind::Regulator),
        ];
        add_short_names(text, &mut found);
        assert_eq!(
            found[0].names,
            ["Orska Farmers' League", "league", "farmers"]
        );
        assert_eq!(
            found[1].names,
            [
                "Regional Water Board",
                "water board",
                "board",
                "regional water board"
            ]
        );
    }

    #[test]
    fn a_short_name_two_bodies_share_is_neithers() {
        let text = "The Grain Board and the Wool Board met; the board said no.";
        let mut found = vec![
            body("Grain Board", SideKind::Regulator),
            body("Wool Board", SideKind::Regulator),
        ];
        add_short_names(text, &mut found);
        assert_eq!(found[0].names, ["Grain Board"]);
        assert_eq!(found[1].names, ["Wool Board"]);
    }

    #[test]
    fn a_lower_case_council_after_its_place_is_the_opponent_of_a_company() {
        let text = "Tower plan rejected\n\nThe Brackley Bay city council's planners \
            voted on Monday to reject a tower proposed by Arnholt Estates Group.";
        let ws = crate::detect::words::words(text, 0..text.len());
        let found = [body("Arnholt Estates Group", SideKind::Company)];
        let opponent = lower_case_opponent(text, &ws, text.len(), &found).unwrap();
        assert_eq!(
            opponent.names,
            ["Brackley Bay city council", "city council", "council"]
        );
        let plain = "Drivers of the Tollen Transit Union struck after the city council refused.";
        let ws = crate::detect::words::words(plain, 0..plain.len());
        let found = [body("Tollen Transit Union", SideKind::Union)];
        let opponent = lower_case_opponent(plain, &ws, plain.len(), &found).unwrap();
        assert_eq!(opponent.names, ["city council", "council"]);
        let paper = "Ridley Motors said the Ridley Post editorial board was wrong.";
        let ws = crate::detect::words::words(paper, 0..paper.len());
        let found = [body("Ridley Motors", SideKind::Company)];
        assert!(lower_case_opponent(paper, &ws, paper.len(), &found).is_none());
        // (a country is no such side's opponent)
        let found = [body("Tollen", SideKind::Country)];
        assert!(lower_case_opponent(plain, &ws, plain.len(), &found).is_none());
    }

    #[test]
    fn members_are_the_plural_before_a_possessive() {
        assert_eq!(members("Teachers' Federation").as_deref(), Some("teachers"));
        assert_eq!(
            members("Selkirk Fishermen's Cooperative").as_deref(),
            Some("fishermen")
        );
        assert_eq!(members("Ashford Cycling Club"), None);
        assert_eq!(member_plural("ranger").as_deref(), Some("rangers"));
        assert_eq!(member_plural("fisherman").as_deref(), Some("fishermen"));
        assert_eq!(member_plural("Ranger"), None);
    }
}
