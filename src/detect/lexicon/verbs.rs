//! Speech and stance verbs: every inflected form news copy uses, found by a packed
//! lookup after a test of the word's shape.

use super::{WordMap, packed};
use std::sync::OnceLock;

/// What a verb form says about the clause around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A speech verb: its clause attributes words to a source ("said", "told").
    Speech,
    /// A stance verb: its clause states a position but quotes nobody ("pledged").
    Stance,
}

/// Speech verbs, one lemma per line with every form that news copy uses.
const SPEECH: &[&str] = &[
    "say says said saying",
    "tell tells told telling",
    "add adds added adding",
    "state states stated",
    "note notes noted noting",
    "argue argues argued arguing",
    "warn warns warned warning",
    "write writes wrote writing",
    "ask asks asked asking",
    "explain explains explained explaining",
    "insist insists insisted insisting",
    "claim claims claimed claiming",
    "declare declares declared declaring",
    "announce announces announced announcing",
    "reply replies replied replying",
    "respond responds responded",
    "recall recalls recalled recalling",
    "remember remembers remembered",
    "acknowledge acknowledges acknowledged acknowledging",
    "admit admits admitted admitting",
    "concede concedes conceded conceding",
    "complain complains complained complaining",
    "caution cautions cautioned cautioning",
    "predict predicts predicted predicting",
    "suggest suggests suggested suggesting",
    "report reports reported",
    "observe observes observed",
    "comment comments commented commenting",
    "emphasize emphasizes emphasized emphasise emphasises emphasised",
    "stress stresses stressed stressing",
    "tweet tweets tweeted tweeting",
    "testify testifies testified",
    "quip quips quipped",
    "joke jokes joked",
    "remark remarks remarked remarking",
    "counter counters countered countering",
    "allege alleges alleged alleging",
    "contend contends contended contending",
    "maintain maintains maintained",
    "describe describes described describing",
    "quote quotes quoted",
    "continue continued",
    "assert asserts asserted asserting",
    "confirm confirms confirmed",
    "deny denies denied denying",
    "urge urges urged urging",
    "vow vows vowed vowing",
    "promise promises promised promising",
    "boast boasts boasted",
    "exclaim exclaimed",
    "shout shouted",
    "yell yelled",
    "lament laments lamented lamenting",
    "mused",
    "posted",
    "blast blasts blasted",
    "charge charges charged",
    "believe believes believed",
    "think thinks thought",
    "hope hopes hoped",
    "worry worries worried",
    "agree agrees agreed",
    "reveal reveals revealed",
    "learn learned has_learned",
    "indicate indicates indicated",
    "signal signals signaled signalled",
    "estimate estimates estimated",
    "show showed shows",
    "call calls called calling",
    "compare compares compared comparing",
    "exhort exhorts exhorted",
    "implore implores implored",
    "plead pleads pleaded pled",
    "beg begs begged",
    "mock mocks mocked mocking",
    "label labels labeled labelled",
    "characterize characterizes characterized characterise characterised",
    "refer refers referred",
    "tout touts touted",
    "decry decries decried",
    "recount recounts recounted",
    "advise advises advised",
    "whisper whispered",
    "scream screamed",
    "proclaim proclaims proclaimed proclaiming",
    "retort retorted retorting",
    "interject interjected",
    "muse muses",
    "answer answers answered",
    "opine opines opined",
    "pronounce pronounced",
    "beam beamed",
    "gush gushed",
    "scoff scoffed",
    "fume fumed",
    "chime chimed",
    "marvel marveled marvelled",
    "grouse groused",
    "gripe griped",
    "brag brags bragged",
    "crow crowed",
    "chide chided",
    "scold scolded",
    "conclude concludes concluded",
    "bark barked",
    "gloat gloats gloated",
    "quip quips quipped",
    "joke jokes joked",
    "shout shouted",
    "yell yelled",
    "boast boasts boasted",
    "wonder wonders wondered",
    "counter countered",
    "snipe sniped",
];

/// Stance verbs: a side's act of taking a position, without quoting.
const STANCE: &[&str] = &[
    "reiterate reiterates reiterated reiterating",
    "express expresses expressed expressing",
    "repeat repeats repeated repeating",
    "offer offers offered offering",
    "propose proposes proposed proposing",
    "pledge pledges pledged pledging",
    "demand demands demanded demanding",
    "reject rejects rejected rejecting",
    "slam slams slammed slamming",
    "criticise criticises criticised criticize criticizes criticized criticising criticizing",
    "condemn condemns condemned condemning",
    "accuse accuses accused accusing",
    "blame blames blamed blaming",
    "challenge challenges challenged challenging",
    "threaten threatens threatened threatening",
    "refuse refuses refused refusing",
    "oppose opposes opposed opposing",
    "welcome welcomes welcomed welcoming",
    "attack attacks attacked attacking",
    "protest protests protested protesting",
    "appeal appeals appealed appealing",
    "hail hails hailed hailing",
    "praise praises praised praising",
    "seek seeks sought seeking",
    "vowed",
    "insisted",
    "stepped",
    "raise raised",
    "decline declines declined declining",
    "want wants wanted",
    "dismiss dismisses dismissed dismissing",
    "defend defends defended defending",
    "deplore deplores deplored",
    "denounce denounces denounced denouncing",
    "endorse endorses endorsed endorsing",
    "support supports supported",
    "back backs backed",
    "object objects objected",
    "commit committed",
    "recognise recognises recognised recognize recognizes recognized",
    "regard regards regarded",
    "see sees saw",
    "find finds found",
];

/// The cue forms (lower case, packed) with the form and its kind, and the shapes of
/// the forms for a test before hashing.
type CueTable = (WordMap<u128, (&'static str, CueKind)>, Shapes);

/// Bit sets of the lengths of the cue forms, by first letter, by first and last letter
/// and by first two letters: most words are told not to be cues by these alone.
#[derive(Debug)]
struct Shapes {
    by_first: [u32; 26],
    by_ends: [[u32; 26]; 26],
    by_start: [[u32; 26]; 26],
}

fn cue_table() -> &'static CueTable {
    static TABLE: OnceLock<CueTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = WordMap::default();
        let mut shapes = Shapes {
            by_first: [0; 26],
            by_ends: [[0; 26]; 26],
            by_start: [[0; 26]; 26],
        };
        for (list, kind) in [(STANCE, CueKind::Stance), (SPEECH, CueKind::Speech)] {
            for line in list {
                for form in line.split_whitespace() {
                    if let Some(key) = packed(form) {
                        m.insert(key, (form, kind));
                    }
                    let bytes = form.as_bytes();
                    let first = letter(bytes[0]);
                    let second = bytes.get(1).and_then(|&b| letter(b));
                    let last = letter(bytes[form.len() - 1]);
                    if let (Some(first), Some(second), Some(last)) = (first, second, last) {
                        let length = 1 << form.len().min(31);
                        shapes.by_first[first] |= length;
                        shapes.by_ends[first][last] |= length;
                        shapes.by_start[first][second] |= length;
                    }
                }
            }
        }
        (m, shapes)
    })
}

/// A lower-case ASCII letter as an index from 0 to 25.
fn letter(b: u8) -> Option<usize> {
    b.is_ascii_lowercase().then(|| usize::from(b - b'a'))
}

/// The speech and stance verb forms, lower case.
#[inline]
pub fn cue(word_lower: &str) -> Option<CueKind> {
    if !may_be_cue(word_lower.as_bytes()) {
        return None;
    }
    cue_form(word_lower).map(|(_, kind)| kind)
}

/// The cue a word is in any case ("Said", "said"): its lower-case form and its kind.
#[inline]
pub fn cue_form(word: &str) -> Option<(&'static str, CueKind)> {
    let (table, _) = cue_table();
    let key = match packed(word) {
        Some(key) => key,
        // Rare: a letter outside ASCII may lower-case into one.
        None if !word.is_ascii() => packed(&word.to_lowercase())?,
        None => return None,
    };
    table.get(&key).copied()
}

/// Whether a word as written (its bytes; lower-case first letter) could be a cue: a
/// cheap test of its first and last letters and its length before lower-casing and
/// hashing it.
#[inline]
pub fn may_be_cue(word: &[u8]) -> bool {
    let (_, shapes) = cue_table();
    let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
        return false;
    };
    let Some(first) = letter(first) else {
        return false;
    };
    let length = 1 << word.len().min(31);
    if shapes.by_first[first] & length == 0 {
        return false;
    }
    let second = word.get(1).and_then(|b| letter(b.to_ascii_lowercase()));
    match (second, letter(last.to_ascii_lowercase())) {
        (Some(second), Some(last)) if word.is_ascii() => {
            shapes.by_ends[first][last] & shapes.by_start[first][second] & length != 0
        }
        // Every form is ASCII letters; a word with other characters might lower-case
        // into one only by a letter outside ASCII (KELVIN SIGN into k), and is left to
        // the table.
        _ => !word.is_ascii(),
    }
}
/// Verbs that take the addressee after them, never the source ("told reporters").
pub fn takes_object(verb: &str) -> bool {
    matches!(
        verb,
        "told"
            | "tell"
            | "tells"
            | "asked"
            | "ask"
            | "asks"
            | "urged"
            | "warned"
            | "quoted"
            | "described"
            | "describes"
            | "called"
            | "accused"
            | "blamed"
            | "challenged"
    )
}

/// Whether a cue form after a possessor can only be a noun ("Trump's remarks", "the
/// senator's call", "Clinton's support"): any form but a participle, which may follow
/// the "'s" of "has" or "is" ("Trump's said", "Ann's saying").
pub fn is_noun_after_possessor(form: &str) -> bool {
    let participle = form.ends_with("ed")
        || form.ends_with("ing")
        || matches!(
            form,
            "said" | "told" | "wrote" | "thought" | "saw" | "found" | "sought" | "pled"
        );
    !participle
}

/// Speech verbs that report speech only with a particle after them: the form, the
/// particle, and whether the clause must end after the particle ("went on, “…”" but
/// not "went on to win"; "as she put it:" but not "put it off").
#[inline]
pub fn phrasal_speech(word: &[u8]) -> Option<(&'static str, &'static str, bool)> {
    // (asked of nearly every word: most are told apart by their first letter)
    if !matches!(word.first(), Some(b'p' | b'w' | b'g')) {
        return None;
    }
    Some(match word {
        b"point" => ("point", "out", false),
        b"points" => ("points", "out", false),
        b"pointed" => ("pointed", "out", false),
        b"pointing" => ("pointing", "out", false),
        b"went" => ("went", "on", true),
        b"goes" => ("goes", "on", true),
        b"put" => ("put", "it", true),
        b"puts" => ("puts", "it", true),
        _ => return None,
    })
}

/// Speech verbs that report what was found or felt rather than words ("polls show",
/// "she believes"): inside what another verb reports, the quotation is the other's.
pub fn reports_finding(verb: &str) -> bool {
    matches!(
        verb,
        "show"
            | "shows"
            | "showed"
            | "find"
            | "finds"
            | "found"
            | "indicate"
            | "indicates"
            | "indicated"
            | "estimate"
            | "estimates"
            | "estimated"
            | "reveal"
            | "reveals"
            | "revealed"
            | "learn"
            | "learned"
            | "believe"
            | "believes"
            | "believed"
            | "think"
            | "thinks"
            | "thought"
            | "hope"
            | "hopes"
            | "hoped"
            | "worry"
            | "worries"
            | "worried"
    )
}

/// Verbs of [`takes_object`] whose source follows them right after a quotation, as
/// an inverted "said" does ("“Why?” asked Jo Bell", "“…,” warned the minister").
pub fn inverts_after_quotation(verb: &str) -> bool {
    matches!(verb, "asked" | "asks" | "warned" | "urged")
}

/// The forms of "call", a speech verb ("called it a mistake") unless a particle
/// makes it a demand ([`is_call_particle`]).
pub fn is_call_form(verb: &str) -> bool {
    matches!(verb, "call" | "calls" | "called" | "calling")
}

/// Particles after "call" that make it a stance, not speech ("called for", "call on").
pub fn is_call_particle(word_lower: &str) -> bool {
    matches!(word_lower, "for" | "on" | "off" | "up")
}

/// Verb forms that are as often something else ("member states", "continue to"): they
/// report speech only before "that" or punctuation.
pub fn speaks_only_before_that(verb: &str) -> bool {
    matches!(verb, "state" | "states" | "continue" | "continued")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_form_passes_the_shape_test_and_is_found() {
        for (list, kind) in [(STANCE, CueKind::Stance), (SPEECH, CueKind::Speech)] {
            for form in list.iter().flat_map(|line| line.split_whitespace()) {
                assert!(may_be_cue(form.as_bytes()), "{form}");
                let found = cue_form(form).map(|(_, k)| k);
                // A form listed under both kinds is a speech verb.
                assert!(
                    found == Some(kind) || found == Some(CueKind::Speech),
                    "{form}"
                );
                assert_eq!(cue(form), found, "{form}");
            }
        }
    }

    #[test]
    fn cue_forms_are_found_in_any_case_and_other_words_are_not() {
        assert_eq!(cue_form("Said"), Some(("said", CueKind::Speech)));
        assert_eq!(
            cue_form("REITERATED"),
            Some(("reiterated", CueKind::Stance))
        );
        for word in ["and", "talks", "that", "the", "s", "", "saidx", "sa-id"] {
            assert_eq!(cue_form(word), None, "{word}");
            assert_eq!(cue(word), None, "{word}");
        }
        // Lower-casing a letter outside ASCII can make a form (KELVIN SIGN).
        assert!(may_be_cue("as\u{212A}ed".as_bytes()));
        assert_eq!(cue_form("as\u{212A}ed"), Some(("asked", CueKind::Speech)));
    }
}
