//! Function words: determiners, prepositions, conjunctions and the words that open or
//! close a phrase (the words of time and those between a subject and its verb are in
//! `verb_time_words`).

/// The particles of people's names, not English words ("de", "van", "ap").
pub fn is_surname_particle(word: &str) -> bool {
    const PARTICLES: [&str; 17] = [
        "de", "van", "von", "da", "del", "di", "bin", "ibn", "ap", "ab", "der", "den", "dos", "al",
        "la", "le", "du",
    ];
    PARTICLES.contains(&word)
}

/// Function words that may sit lower-case inside a name or title
/// ("Chinese University of Hong Kong", "Meet the Press").
pub fn is_name_particle(word: &str) -> bool {
    is_surname_particle(word)
        || matches!(
            word,
            "of" | "the" | "and" | "for" | "on" | "in" | "a" | "to" | "at" | "with" | "is" | "&"
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
            | "during"
            | "amid"
            | "amidst"
            | "despite"
            | "across"
            | "throughout"
            | "without"
    ) || is_subordinator(word_lower)
}

/// Subordinators that open a whole clause before a sentence's subject ("When the
/// talks failed, …"; not "as", which also opens "As Tim Vale put it").
pub fn is_subordinator(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "when" | "while" | "if" | "although" | "though" | "because" | "since" | "after" | "before"
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

/// Whether a lower-case word is a possessor ("trump's", "the senator’s"): it ends in
/// "'s", and is no pronoun or "that", "there", "let" whose "'s" is "is", "has" or "us"
/// ("it's called", "let's say").
pub fn is_possessor(word_lower: &str) -> bool {
    let Some(stem) = word_lower
        .strip_suffix("'s")
        .or_else(|| word_lower.strip_suffix("’s"))
    else {
        return false;
    };
    !stem.is_empty()
        && !matches!(
            stem,
            "it" | "he"
                | "she"
                | "that"
                | "there"
                | "here"
                | "what"
                | "who"
                | "where"
                | "how"
                | "let"
                | "this"
                | "one"
                | "everyone"
                | "nobody"
                | "somebody"
                | "everybody"
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
            | "whether"
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
/// Words that make the next word a noun ("the report", "a call").
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "this"
            | "that"
            | "our"
            | "my"
            | "your"
            | "no"
            | "any"
            | "every"
            | "each"
            | "such"
    )
}

/// Whether a lower-case word opens words that go on with a quoted sentence after its
/// closing mark (""…," like the recent volatility, said X", ""…" but to act, says X"):
/// a conjunction, a preposition, or a word that brings in an example or a contrast.
pub fn continues_quotation(w: &str) -> bool {
    is_clause_boundary(w)
        || is_preposition(w)
        || matches!(
            w,
            "like" | "unlike" | "including" | "especially" | "although" | "unless"
        )
}

/// Words after which a verb form is a noun ("secretary of state", "in support").
pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "to" | "of"
            | "in"
            | "for"
            | "on"
            | "at"
            | "by"
            | "with"
            | "from"
            | "about"
            | "into"
            | "under"
            | "without"
            | "against"
    )
}

/// Boundary words: the subject of a verb comes after the last of them.
pub fn is_clause_boundary(w: &str) -> bool {
    matches!(
        w,
        "after"
            | "before"
            | "when"
            | "while"
            | "that"
            | "because"
            | "since"
            | "if"
            | "but"
            | "and"
            | "so"
            | "where"
            | "though"
            | "although"
            | "as"
            | "than"
            | "whether"
            | "who"
            | "which"
            | "until"
            | "unless"
            | "whom"
            | "whose"
            | "once"
            // "stopped imposing what the MPs called": the subject starts after it
            | "what"
    )
}

/// Words after a source's comma that open a clause rather than an appositive ("…,
/// who", "…, and"); a speech verb ("…, adding") does too, which the caller asks.
pub fn opens_clause(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "who" | "which" | "that" | "and" | "but" | "while"
    )
}

/// Prepositions after a source's noun that may lead to the body it belongs to ("an
/// official at …", "a spokesman with …", "a lawyer from …").
pub fn is_affiliation_preposition(word: &str) -> bool {
    matches!(word, "at" | "with" | "from")
}

/// Prepositions after a role noun that name whom the role serves ("a spokesman for
/// Ann Bell", "an adviser to Holt"): the name is not the role's holder.
pub fn serves(word: &str) -> bool {
    matches!(word, "for" | "to")
}

/// Prepositions after a person's name that start its complement, not its name ("Tom
/// Reed of Leeds", "Jane Roe at the Foreign Ministry").
pub fn is_name_complement(word: &str) -> bool {
    matches!(word, "of" | "at")
}

/// Nouns of an office that open an appositive describing the name before it, as an
/// article does ("Head of the EC Delegation", "member of the board").
pub fn is_office_head(word_lower: &str) -> bool {
    matches!(word_lower, "head" | "member")
}

/// The articles, lower case.
pub fn is_article(word_lower: &str) -> bool {
    matches!(word_lower, "the" | "a" | "an")
}

/// Prepositions and conjunctions that end a title read back from a name: what comes
/// before them is a clause ("met with Tory leader …", "more than Labour's …"), not
/// part of the title.
pub fn ends_a_title_before_a_name(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "by" | "with" | "from" | "to" | "than" | "as" | "but" | "that" | "at" | "on" | "in"
    )
}

/// An article as it is written at the start of a phrase ("the", "The", "A"), not in
/// capitals.
pub fn is_written_article(word: &str) -> bool {
    matches!(word, "the" | "The" | "a" | "A" | "an" | "An")
}

/// Determiners that make a role phrase definite: it names one holder met before ("the
/// spokesman", "its chairman").
pub fn is_definite_determiner(word_lower: &str) -> bool {
    matches!(word_lower, "the" | "its" | "his" | "her" | "their")
}

/// Determiners that make a role phrase indefinite ("a spokesman", "one Iowa Democrat").
pub fn is_indefinite_determiner(word_lower: &str) -> bool {
    matches!(word_lower, "a" | "an" | "one" | "another" | "some")
}

/// Prepositions and "that": after a determiner, they end the modifiers before a noun
/// ("A federal lawsuit", not "A group of …").
pub fn ends_modifiers(word_lower: &str) -> bool {
    matches!(
        word_lower,
        "of" | "in" | "on" | "at" | "to" | "for" | "with" | "by" | "that"
    )
}

/// Conjunctions as they open a sentence before its subject ("But he added:", "As she
/// put it:").
pub fn is_opening_conjunction(word: &str) -> bool {
    matches!(word, "But" | "And" | "Yet" | "So" | "As")
}
