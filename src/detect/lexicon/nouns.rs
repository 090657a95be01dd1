//! Nouns and titles: what heads a source, what makes a name a body's, the offices one
//! person holds and the words that change an office.

use super::{WordSet, in_set};
use crate::article::abbreviations::{self, Short};
use crate::detect::gazetteer;
use std::sync::OnceLock;

/// Titles and functions that come before a name ("Deputy Foreign Minister"); the
/// honorifics and abbreviated titles ("Mr", "Sen.") are the article's list.
const TITLES: &str = "
    president vice prime minister deputy foreign secretary state spokesman spokeswoman
    spokesperson senator representative governor mayor chairman chairwoman chair chief
    director ambassador general admiral commander professor judge justice attorney
    former acting senior defence defense interior finance trade economy home speaker
    leader premier sheikh pope cardinal bishop candidate nominee democrat republican
    democratic gop presidential congressman congresswoman councilman councilwoman
    assemblyman legislator lawmaker official officials analyst economist executive ceo
    founder manager adviser advisor aide strategist pollster sheriff officer sergeant
    captain colonel lieutenant host anchor correspondent reporter editor columnist
    author activist ex first u.s. white house campaign party national security council
    health education energy labor labour justice agriculture commerce treasury navy army
    air force under assistant associate press counsel solicitor delegate envoy
    negotiator dean chancellor independent conservative tory liberal mp mep msp labor progressive
    libertarian front-runner frontrunner hopeful councillor councilor alderman alderwoman
    commissioner inspector detective superintendent constable rabbi reverend imam pastor
    supervisor assemblywoman trustee
";

/// Nouns that name a body rather than a person when they end a name
/// ("State Department", "China Daily").
const BODY_HEADS: &str = "
    department ministry office daily post times news agency house council committee
    party campaign government army commission bank university institute foundation
    center centre association union court congress senate parliament assembly
    administration service bureau embassy police network journal tribune herald press
    gazette telegraph guardian review magazine radio television tv group corp co inc
    company organisation organization fund board cabinet reuters
    forum league federation alliance coalition movement front force forces navy command
    authority authorities secretariat mission delegation club cnn msnbc nbc abc cbs
    pbs npr bbc ap afp twitter facebook statement commentary editorial report poll
    survey website blog show program programme foundation clinic hospital school college
    academy laboratory lab project initiative caucus pac super nations regulator watchdog
    tribunal
";

/// Common nouns that can head a source ("the spokesman", "officials", "a statement").
const SOURCE_NOUNS: &str = "
    spokesman spokeswoman spokesperson spokesmen official officials source sources
    statement statements commentary editorial report department ministry government
    minister president diplomat diplomats analyst analysts expert experts negotiator
    negotiators leader leaders politicians lawmakers legislators aides aide adviser
    advisers agency newspaper paper daily campaign committee office embassy delegation
    authorities administration white police military army prosecutors prosecutor officer
    officers witnesses witness residents resident people voters critics supporters
    observers observer economists economist researchers scientists doctors group groups
    organizers organisers poll survey study letter memo documents filing lawsuit
    complaint court judge candidate nominee governor senator mayor chairman director
    secretary ambassador envoy executive executives company firm website article book
    interview speech ad video tweet post account release announcement cabinet council
    bank team representatives representative officials' insiders insider strategist
    strategists pollster pollsters activists activist democrats republicans host network
    woman man mother father wife husband daughter son friend colleague member members
    staff staffers employee employees worker workers union forum congressman
    congresswoman manager delegate councilman councilwoman commenter commenters reader
    readers caller callers viewer viewers protester protesters blogger writer student
    students fan fans chancellor premier commissioner democrat republican person
    treasurer supporter backer backers donor donors front-runner frontrunner hopeful mediator
    mediators lawyer lawyers attorney attorneys commander commanders chief organiser
    organizer campaigner campaigners councillor councillors lawmaker legislator politician
    delegates banker trader dealer broker chair chairwoman authority commission board
    regulator watchdog tribunal farmer villager refugee passenger fisherman nurse teacher
    miner driver pilot soldier shopkeeper alderman alderwoman councilor
";

/// Plural nouns of groups that speak in wire copy ("some drivers said", "farmers
/// said"): source nouns in lower case; capitalised at the end of a name they belong to
/// a body ("the CORE Teachers"), not a description.
const GROUP_NOUNS: &str = "
    bankers traders dealers brokers rebels soldiers villagers refugees farmers drivers
    pilots nurses teachers passengers miners fishermen investors shareholders
";

/// Offices that one person holds in a story, so that "the minister" or "the Tory
/// leader" names someone already met; many people are "a spokesman" or "an official".
const OFFICES: &str = "
    minister secretary chancellor leader president premier governor senator mayor
    chairman chairwoman chair candidate nominee congressman congresswoman ambassador
    commissioner treasurer negotiator envoy front-runner frontrunner
";

/// Words that make an office another one ("the shadow chancellor" is not "the
/// chancellor").
const RANKS: &[&str] = &[
    "shadow",
    "deputy",
    "vice",
    "former",
    "assistant",
    "junior",
    "acting",
    "ex",
];

/// Which of [`RANKS`] a word is, in any case: a word that changes the office it
/// modifies.
pub fn rank(word: &str) -> Option<usize> {
    RANKS.iter().position(|r| word.eq_ignore_ascii_case(r))
}

/// Whether a lower-case word names a member of a party ("the Ohio Democrat"): asked
/// of the gazetteer's parties, the one list of them.
pub fn is_party_member(word_lower: &str) -> bool {
    gazetteer::is_party_member_word(word_lower)
}

/// The offices a description's noun also names: "the minister" may be the one the
/// story called the Home Secretary or the Chancellor, a minister in all but name.
pub fn also_named(head: &str) -> &'static [&'static str] {
    match head {
        "minister" => &["secretary", "chancellor"],
        _ => &[],
    }
}

/// Whether a lower-case word names an office one person holds ([`OFFICES`]).
pub fn is_office(word_lower: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    in_set(&SET, OFFICES, word_lower)
}

/// Whether a lower-case word is a title or function before a name: a word of
/// [`TITLES`], an honorific or an abbreviated title, its period allowed ("gen.").
pub fn is_title(word_lower: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    in_set(&SET, TITLES, word_lower)
        || matches!(
            abbreviations::short(word_lower.strip_suffix('.').unwrap_or(word_lower)),
            Some(Short::Honorific(_) | Short::Title)
        )
}

/// Whether a lower-case word is a noun that makes a name a body's.
/// A one-word national institution ("Kremlin", "Pentagon") is one: the gazetteer's
/// data is the one list of them.
pub fn is_body_head(word_lower: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    in_set(&SET, BODY_HEADS, word_lower) || gazetteer::is_institution_word(word_lower)
}

/// Whether a lower-case word is a common noun that can head a source.
pub fn is_source_noun(word_lower: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    in_set(&SET, SOURCE_NOUNS, word_lower) || is_group_noun(word_lower)
}

/// Whether a lower-case word is one of the [`GROUP_NOUNS`].
pub fn is_group_noun(word_lower: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    in_set(&SET, GROUP_NOUNS, word_lower)
}

/// Nouns of one who speaks for a body, always a person ("the spokeswoman").
pub fn is_spokesperson(word_lower: &str) -> bool {
    matches!(word_lower, "spokesman" | "spokeswoman" | "spokesperson")
}

/// Nouns of a man's office ("a spokesman", "the congressman"); a woman's end in
/// "woman".
pub fn is_male_noun(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "spokesman" | "congressman" | "councilman" | "man"
    )
}

/// Nouns that give only a person's sex ("the woman said"): they refer back to someone
/// met before rather than name a holder of an office.
pub fn is_gendered_person_noun(word_lower: &str) -> bool {
    matches!(word_lower, "man" | "woman")
}

/// Endings of nouns of people that no list can hold ("haulier", "skipper",
/// "commuter", "sponsor", "historian", "florist", "fisherwoman"), with their plurals.
const PERSON_ENDINGS: [&str; 6] = ["er", "or", "ist", "ian", "man", "men"];

/// Nouns of people without such an ending ("a child", "the boy").
const PLAIN_PERSON_NOUNS: &str = "
    child children boy boys girl girls kid kids guest guests chef chefs neighbour
    neighbours parent parents patient patients citizen citizens
";

/// Whether a lower-case noun no list of sources has reads as a noun of people, by its
/// ending or as a plain noun of people: "said a skipper who …" names the skipper,
/// "said the days when …" names nobody.
pub fn reads_as_person_noun(word_lower: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    let singular = word_lower.strip_suffix('s').unwrap_or(word_lower);
    PERSON_ENDINGS.iter().any(|e| singular.ends_with(e))
        || in_set(&SET, PLAIN_PERSON_NOUNS, word_lower)
}

/// Prefixes that make a role of a role noun ("co-chairman", "vice-president").
pub const ROLE_PREFIXES: [&str; 4] = ["co-", "vice-", "ex-", "deputy-"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn institutions_come_from_the_gazetteer_and_titles_from_the_article_list() {
        // not listed here: the gazetteer's data makes them bodies
        assert!(!BODY_HEADS.split_whitespace().any(|w| w == "kremlin"));
        assert!(is_body_head("kremlin") && is_body_head("pentagon"));
        assert!(is_body_head("ministry") && !is_body_head("fox"));
        // honorifics and abbreviated titles, with or without their period
        assert!(is_title("mr") && is_title("sen.") && is_title("capt."));
        assert!(is_title("tory") && is_title("minister") && !is_title("jr"));
    }
}
