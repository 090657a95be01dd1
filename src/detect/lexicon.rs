//! The detector's word lists, in one place: speech cues, stance verbs, titles, body
//! nouns, pronouns and the words that mark a quotation as a term.

use std::collections::{HashMap, HashSet};
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
    "acknowledge acknowledges acknowledged acknowledging",
    "admit admits admitted admitting",
    "concede concedes conceded conceding",
    "complain complains complained complaining",
    "caution cautions cautioned cautioning",
    "predict predicts predicted predicting",
    "suggest suggests suggested suggesting",
    "report reports reported",
    "observe observes observed",
    "comment comments commented",
    "emphasize emphasizes emphasized emphasise emphasises emphasised",
    "stress stresses stressed stressing",
    "tweet tweets tweeted tweeting",
    "testify testifies testified",
    "quip quips quipped",
    "joke jokes joked",
    "remark remarks remarked",
    "counter counters countered",
    "allege alleges alleged",
    "contend contends contended",
    "maintain maintains maintained",
    "describe describes described describing",
    "quote quotes quoted",
    "continue continued",
    "assert asserts asserted",
    "confirm confirms confirmed",
    "deny denies denied denying",
    "urge urges urged urging",
    "vow vows vowed vowing",
    "promise promises promised promising",
    "boast boasts boasted",
    "exclaim exclaimed",
    "shout shouted",
    "yell yelled",
    "lament laments lamented",
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
    "call calls called",
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
    "proclaim proclaims proclaimed",
    "retort retorted",
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
];

/// Hash maps and sets keyed by words, with foldhash's fast hash (the standard
/// SipHash dominated the detector's profile); fixed-seeded, so runs are repeatable.
pub type WordMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;
/// A set of words.
pub type WordSet<K> = HashSet<K, foldhash::fast::FixedState>;

/// An ASCII word of at most 16 bytes, lower-cased and packed into one integer, so that
/// looking it up hashes and compares one number instead of looping over a string.
#[inline]
pub fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 16 {
        return None;
    }
    let mut key = 0u128;
    for (k, &b) in bytes.iter().enumerate() {
        if !b.is_ascii() {
            return None;
        }
        key |= u128::from(b.to_ascii_lowercase()) << (8 * k);
    }
    Some(key)
}

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

/// Titles and functions that come before a name ("Deputy Foreign Minister").
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "deputy",
    "foreign",
    "secretary",
    "state",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "director",
    "ambassador",
    "general",
    "gen",
    "lt",
    "col",
    "adm",
    "admiral",
    "commander",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "judge",
    "justice",
    "attorney",
    "former",
    "acting",
    "senior",
    "sens",
    "reps",
    "del",
    "defence",
    "defense",
    "interior",
    "finance",
    "trade",
    "economy",
    "home",
    "speaker",
    "leader",
    "premier",
    "sheikh",
    "pope",
    "cardinal",
    "bishop",
    "rev",
    "sir",
    "lord",
    "candidate",
    "nominee",
    "democrat",
    "republican",
    "democratic",
    "gop",
    "presidential",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "assemblyman",
    "legislator",
    "lawmaker",
    "official",
    "officials",
    "analyst",
    "economist",
    "executive",
    "ceo",
    "founder",
    "manager",
    "adviser",
    "advisor",
    "aide",
    "strategist",
    "pollster",
    "sheriff",
    "officer",
    "sergeant",
    "captain",
    "colonel",
    "lieutenant",
    "host",
    "anchor",
    "correspondent",
    "reporter",
    "editor",
    "columnist",
    "author",
    "activist",
    "ex",
    "first",
    "lady",
    "u.s.",
    "white",
    "house",
    "campaign",
    "party",
    "national",
    "security",
    "council",
    "health",
    "education",
    "energy",
    "labor",
    "labour",
    "justice",
    "agriculture",
    "commerce",
    "treasury",
    "navy",
    "army",
    "air",
    "force",
    "under",
    "assistant",
    "associate",
    "press",
    "counsel",
    "solicitor",
    "delegate",
    "envoy",
    "negotiator",
    "dean",
    "chancellor",
    "mrs.",
    "mr.",
    "ms.",
    "dr.",
    "sen.",
    "rep.",
    "gov.",
    "gen.",
    "lt.",
    "col.",
    "prof.",
    "rev.",
    "supt.",
    "adm.",
    "sgt.",
    "capt.",
    "maj.",
    "pres.",
    "atty.",
    "independent",
    "conservative",
    "liberal",
    "labor",
    "progressive",
    "libertarian",
];

/// Nouns that name a body rather than a person when they end a name
/// ("State Department", "China Daily").
const BODY_HEADS: &[&str] = &[
    "department",
    "ministry",
    "office",
    "daily",
    "post",
    "times",
    "news",
    "agency",
    "house",
    "council",
    "committee",
    "party",
    "campaign",
    "government",
    "army",
    "commission",
    "bank",
    "university",
    "institute",
    "foundation",
    "center",
    "centre",
    "association",
    "union",
    "court",
    "congress",
    "senate",
    "parliament",
    "assembly",
    "administration",
    "service",
    "bureau",
    "embassy",
    "police",
    "network",
    "journal",
    "tribune",
    "herald",
    "press",
    "gazette",
    "telegraph",
    "guardian",
    "review",
    "magazine",
    "radio",
    "television",
    "tv",
    "group",
    "corp",
    "co",
    "inc",
    "company",
    "organisation",
    "organization",
    "fund",
    "board",
    "cabinet",
    "kremlin",
    "pentagon",
    "xinhua",
    "reuters",
    "forum",
    "league",
    "federation",
    "alliance",
    "coalition",
    "movement",
    "front",
    "force",
    "forces",
    "navy",
    "command",
    "authority",
    "authorities",
    "secretariat",
    "mission",
    "delegation",
    "club",
    "fox",
    "cnn",
    "msnbc",
    "nbc",
    "abc",
    "cbs",
    "pbs",
    "npr",
    "bbc",
    "ap",
    "afp",
    "twitter",
    "facebook",
    "statement",
    "commentary",
    "editorial",
    "report",
    "poll",
    "survey",
    "website",
    "blog",
    "show",
    "program",
    "programme",
    "foundation",
    "clinic",
    "hospital",
    "school",
    "college",
    "academy",
    "laboratory",
    "lab",
    "project",
    "initiative",
    "caucus",
    "pac",
    "super",
    "nations",
];

/// Common nouns that can head a source ("the spokesman", "officials", "a statement").
const SOURCE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "official",
    "officials",
    "source",
    "sources",
    "statement",
    "statements",
    "commentary",
    "editorial",
    "report",
    "department",
    "ministry",
    "government",
    "minister",
    "president",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "negotiator",
    "negotiators",
    "leader",
    "leaders",
    "politicians",
    "lawmakers",
    "legislators",
    "aides",
    "aide",
    "adviser",
    "advisers",
    "agency",
    "newspaper",
    "paper",
    "daily",
    "campaign",
    "committee",
    "office",
    "embassy",
    "delegation",
    "authorities",
    "administration",
    "white",
    "police",
    "military",
    "army",
    "prosecutors",
    "prosecutor",
    "officer",
    "officers",
    "witnesses",
    "witness",
    "residents",
    "resident",
    "people",
    "voters",
    "critics",
    "supporters",
    "observers",
    "economists",
    "economist",
    "researchers",
    "scientists",
    "doctors",
    "group",
    "groups",
    "organizers",
    "organisers",
    "poll",
    "survey",
    "study",
    "letter",
    "memo",
    "documents",
    "filing",
    "lawsuit",
    "complaint",
    "court",
    "judge",
    "candidate",
    "nominee",
    "governor",
    "senator",
    "mayor",
    "chairman",
    "director",
    "secretary",
    "ambassador",
    "envoy",
    "executive",
    "executives",
    "company",
    "firm",
    "website",
    "article",
    "book",
    "interview",
    "speech",
    "ad",
    "video",
    "tweet",
    "post",
    "account",
    "release",
    "announcement",
    "cabinet",
    "council",
    "bank",
    "team",
    "representatives",
    "representative",
    "officials'",
    "insiders",
    "insider",
    "strategist",
    "strategists",
    "pollster",
    "pollsters",
    "activists",
    "activist",
    "democrats",
    "republicans",
    "host",
    "network",
    "woman",
    "man",
    "mother",
    "father",
    "wife",
    "husband",
    "daughter",
    "son",
    "friend",
    "colleague",
    "member",
    "members",
    "staff",
    "staffers",
    "employee",
    "employees",
    "worker",
    "workers",
    "union",
    "forum",
    "congressman",
    "congresswoman",
    "manager",
    "delegate",
    "councilman",
    "councilwoman",
    "commenter",
    "commenters",
    "reader",
    "readers",
    "caller",
    "callers",
    "viewer",
    "viewers",
    "protester",
    "protesters",
    "blogger",
    "writer",
    "student",
    "students",
    "fan",
    "fans",
    "chancellor",
    "premier",
    "commissioner",
    "democrat",
    "republican",
    "person",
    "treasurer",
];

/// Whether a lower-case word is a personal pronoun that can stand for a source.
pub fn pronoun(word_lower: &str) -> Option<Pronoun> {
    Some(match word_lower {
        "he" | "she" | "i" => Pronoun::Person,
        "it" => Pronoun::Body,
        "they" | "we" => Pronoun::Plural,
        _ => return None,
    })
}

/// What a pronoun can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he, she, I.
    Person,
    /// it.
    Body,
    /// they, we.
    Plural,
}

/// Words right before a quotation that mark it as a name or term, not speech.
const TERM_MARKERS: &[&str] = &[
    "so-called",
    "dubbed",
    "nicknamed",
    "titled",
    "entitled",
    "named",
    "branded",
    "labelled",
    "labeled",
    "slogan",
    "word",
    "words",
    "phrase",
    "term",
    "motto",
    "hashtag",
    "headline",
    "headlined",
    "film",
    "movie",
    "book",
    "song",
    "album",
    "show",
    "series",
    "program",
    "programme",
    "documentary",
    "column",
    "novel",
    "play",
    "essay",
    "article",
    "segment",
    "tagline",
    "banner",
    "sign",
    "signs",
    "t-shirts",
    "t-shirt",
    "shirts",
    "chanting",
    "chanted",
    "chants",
    "chant",
    "read",
    "reads",
    "reading",
];

/// Two-word term markers ("known as", "referred to as").
pub fn is_term_marker_pair(first: &str, second: &str) -> bool {
    matches!(
        (first, second),
        ("known", "as") | ("referred", "to") | ("called", "the") | ("so", "called")
    )
}

/// Function words that may sit lower-case inside a name or title
/// ("Chinese University of Hong Kong", "Meet the Press").
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "of" | "the"
            | "de"
            | "van"
            | "von"
            | "da"
            | "del"
            | "di"
            | "bin"
            | "al"
            | "la"
            | "le"
            | "du"
            | "and"
            | "for"
            | "on"
            | "in"
            | "a"
            | "to"
            | "at"
            | "with"
            | "is"
            | "&"
    )
}

/// Prepositions and subordinators that open a phrase before the subject.
pub fn is_opening_preposition(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "in" | "on"
            | "at"
            | "as"
            | "for"
            | "with"
            | "after"
            | "before"
            | "when"
            | "while"
            | "if"
            | "although"
            | "though"
            | "because"
            | "since"
            | "during"
    )
}

/// Conjunctions, adverbs and prepositions that open a sentence before its subject.
pub fn is_opening_word(word_lower: &str) -> bool {
    is_opening_preposition(word_lower)
        || matches!(
            word_lower,
            "but"
                | "and"
                | "or"
                | "so"
                | "yet"
                | "however"
                | "meanwhile"
                | "still"
                | "also"
                | "then"
                | "now"
                | "later"
                | "earlier"
                | "instead"
        )
}

/// Words that are capitalised at the start of a sentence but never begin a name.
pub fn is_sentence_word(word_lower: &str) -> bool {
    is_opening_word(word_lower)
        || matches!(
            word_lower,
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "it"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "my"
                | "your"
                | "we"
                | "they"
                | "he"
                | "she"
                | "i"
                | "you"
                | "there"
                | "here"
                | "what"
                | "who"
                | "which"
                | "where"
                | "why"
                | "how"
                | "last"
                | "next"
                | "both"
                | "some"
                | "many"
                | "most"
                | "all"
                | "few"
                | "several"
                | "other"
                | "another"
                | "such"
                | "one"
                | "two"
                | "three"
                | "asked"
                | "referring"
                | "speaking"
                | "according"
                | "writing"
                | "officials"
                | "indeed"
                | "even"
                | "just"
                | "only"
                | "not"
                | "no"
                | "yes"
                | "well"
                | "oh"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
                | "by"
                | "from"
                | "to"
                | "of"
                | "said"
                | "says"
                | "sen"
                | "rep"
                | "gov"
                | "gen"
                | "former"
                | "u.s"
                | "u.s."
                | "today"
                | "yesterday"
                | "tuesday"
                | "monday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "read"
                | "update"
                | "related"
                | "watch"
                | "photo"
        )
}

/// Months and days of the week: capitalised, but never a name ("in December calling").
/// ("May" is left out: it is a surname as often.)
pub fn is_calendar_word(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// Adverbs and auxiliaries that sit between a source and its verb
/// ("Cuba also said", "Beijing had previously said").
pub fn is_verb_modifier(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "also"
            | "has"
            | "had"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "can"
            | "did"
            | "does"
            | "do"
            | "not"
            | "previously"
            | "later"
            | "earlier"
            | "then"
            | "again"
            | "repeatedly"
            | "often"
            | "once"
            | "recently"
            | "publicly"
            | "privately"
            | "immediately"
            | "quickly"
            | "flatly"
            | "firmly"
            | "bluntly"
            | "simply"
            | "openly"
            | "reportedly"
            | "pointedly"
            | "unilaterally"
            | "strongly"
            | "further"
            | "just"
            | "never"
            | "always"
            | "still"
            | "even"
            | "only"
            | "yesterday"
            | "today"
            | "tonight"
            | "already"
            | "angrily"
            | "sharply"
            | "calmly"
            | "told"
    )
}

/// Words that end the source phrase when reading forward from a verb
/// ("said Ian Kelly on Tuesday").
pub fn ends_source(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "when"
            | "while"
            | "that"
            | "because"
            | "as"
            | "last"
            | "this"
            | "yesterday"
            | "today"
            | "tonight"
            | "told"
            | "said"
            | "says"
            | "adding"
            | "referring"
            | "speaking"
            | "via"
            | "recently"
            | "earlier"
            | "later"
            | "late"
            | "early"
            | "about"
            | "through"
            | "to"
            | "from"
            | "by"
            | "with"
            | "but"
            | "and"
    )
}

/// Whether `word` is in `words`, through a set built on first use.
fn in_set(
    set: &OnceLock<WordSet<&'static str>>,
    words: &'static [&'static str],
    word: &str,
) -> bool {
    set.get_or_init(|| words.iter().copied().collect())
        .contains(word)
}

/// Offices that one person holds in a story, so that "the minister" or "the Tory
/// leader" names someone already met; many people are "a spokesman" or "an official".
const OFFICES: &[&str] = &[
    "minister",
    "secretary",
    "chancellor",
    "leader",
    "president",
    "premier",
    "governor",
    "senator",
    "mayor",
    "chairman",
    "chairwoman",
    "chair",
    "candidate",
    "nominee",
    "congressman",
    "congresswoman",
    "ambassador",
    "commissioner",
    "treasurer",
    "negotiator",
    "envoy",
];

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

/// Whether a lower-case word names a member of a party ("the Ohio Democrat").
pub fn is_party_member(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "democrat" | "republican" | "conservative" | "tory"
    )
}

/// Whether a lower-case word names an office one person holds ([`OFFICES`]).
pub fn is_office(word_lower: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    in_set(&SET, OFFICES, word_lower)
}

/// Whether a lower-case word is a title or function before a name.
pub fn is_title(word_lower: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    in_set(&SET, TITLES, word_lower)
}

/// Whether a lower-case word is a noun that makes a name a body's.
pub fn is_body_head(word_lower: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    in_set(&SET, BODY_HEADS, word_lower)
}

/// Whether a lower-case word is a common noun that can head a source.
pub fn is_source_noun(word_lower: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    in_set(&SET, SOURCE_NOUNS, word_lower)
}

/// Whether a lower-case word is a word that marks the next quotation as a term.
pub fn is_term_marker(word_lower: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    in_set(&SET, TERM_MARKERS, word_lower)
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
