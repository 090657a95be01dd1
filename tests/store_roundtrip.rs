//! Round trip of the store schema on random annotation sets: load(save(x)) == x, and
//! saving what was loaded gives the same bytes.

use parley::config::Color;
use parley::model::{
    Annotations, ArticleInfo, Conflict, ConflictTable, Id, Origin, Party, Position, Quote,
    QuoteKind, Recheck, Speaker, Status,
};
use parley::store::schema::{canonicalize, parse, to_toml};
use proptest::prelude::*;

/// Text with the characters that stress TOML strings: quotes, backslashes, newlines,
/// control characters, non-ASCII.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 \"'\\\\\n\r\t\u{1}\u{7f}é漢👩“”#=\\[\\]{},.-]{0,24}"
}

fn id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,6}"
}

/// An annotation or speaker id: inline (up to 24 bytes) or, now and then, on the heap.
fn compact_id() -> impl Strategy<Value = Id> {
    "[a-z][a-z0-9-]{0,30}".prop_map(Id::from)
}

fn offsets() -> impl Strategy<Value = (usize, usize)> {
    (0usize..100_000, 0usize..500).prop_map(|(s, len)| (s, s + len))
}

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    proptest::option::of(s).boxed()
}

fn origin() -> impl Strategy<Value = Origin> {
    prop_oneof![Just(Origin::Auto), Just(Origin::Manual)]
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Suggested),
        Just(Status::Accepted),
        Just(Status::Rejected)
    ]
}

fn quote() -> impl Strategy<Value = Quote> {
    (
        (
            compact_id(),
            offsets(),
            text(),
            opt(compact_id()),
            opt(compact_id()),
        ),
        (
            prop_oneof![
                Just(QuoteKind::Direct),
                Just(QuoteKind::Partial),
                Just(QuoteKind::Term)
            ],
            opt(((0usize..1000, 0usize..1000), text()).prop_map(|((a, b), t)| ([a, a + b], t))),
            origin(),
            (status(), proptest::bool::ANY),
            opt(text()),
            text(),
            text(),
        ),
    )
        .prop_map(
            |(
                (id, (start, end), text, speaker, party),
                (kind, cue, origin, (status, fuzzy), note, prefix, suffix),
            )| Quote {
                id,
                start,
                end,
                text: text.into(),
                speaker,
                party,
                kind,
                cue: cue.as_ref().map(|c| c.0),
                cue_text: cue.map(|c| c.1).unwrap_or_default().into(),
                origin,
                status,
                recheck: fuzzy.then_some(Recheck::Fuzzy),
                note,
                prefix: prefix.into(),
                suffix: suffix.into(),
            },
        )
}

fn position() -> impl Strategy<Value = Position> {
    (
        compact_id(),
        offsets(),
        text(),
        opt(compact_id()),
        opt(compact_id()),
        origin(),
        (status(), proptest::bool::ANY),
        opt(text()),
        text(),
        text(),
    )
        .prop_map(
            |(
                id,
                (start, end),
                text,
                party,
                speaker,
                origin,
                (status, fuzzy),
                note,
                prefix,
                suffix,
            )| {
                Position {
                    id,
                    start,
                    end,
                    text: text.into(),
                    party,
                    speaker,
                    origin,
                    status,
                    recheck: fuzzy.then_some(Recheck::Fuzzy),
                    note,
                    prefix: prefix.into(),
                    suffix: suffix.into(),
                }
            },
        )
}

fn conflict() -> impl Strategy<Value = Conflict> {
    (
        compact_id(),
        prop_oneof![
            Just(ConflictTable::Quote),
            Just(ConflictTable::Position),
            Just(ConflictTable::Speaker),
            Just(ConflictTable::Party)
        ],
        compact_id(),
        id(),
        opt(text()),
        opt(text()),
        opt(text()),
    )
        .prop_map(|(id, table, item, field, base, ours, theirs)| Conflict {
            id,
            table,
            item,
            field,
            base,
            ours,
            theirs,
        })
}

fn annotations() -> impl Strategy<Value = Annotations> {
    let names = || proptest::collection::vec(text(), 0..3);
    let party = (
        (id(), text(), names(), opt(any::<[u8; 3]>()), opt(text())),
        (names(), names(), any::<bool>()),
    )
        .prop_map(
            |((id, name, aliases, color, label), (members, roles, governs))| Party {
                id,
                name,
                aliases,
                color: color.map(|[r, g, b]| Color::Rgb(r, g, b)),
                label,
                members,
                roles,
                governs,
            },
        );
    let speaker = (
        compact_id(),
        text(),
        opt(text()),
        opt(compact_id()),
        proptest::collection::vec(((0usize..1000, 0usize..50), text()), 0..4),
        any::<bool>(),
        origin(),
    )
        .prop_map(|(id, name, role, party, mentions, texts, origin)| Speaker {
            id,
            name,
            role,
            party,
            mentions: mentions.iter().map(|((s, l), _)| [*s, s + l]).collect(),
            // the mentions' texts, one each, or none at all
            mention_text: if texts {
                mentions.into_iter().map(|(_, t)| t.into()).collect()
            } else {
                Vec::new()
            },
            origin,
        });
    let page = (opt(text()), opt(text()), opt(text()), opt(text()));
    let info = (
        text(),
        text(),
        "[0-9a-f]{0,64}",
        0usize..1_000_000,
        opt(prop_oneof![
            Just("html".to_string()),
            Just("markdown".to_string())
        ]),
        opt("[0-9a-f]{64}"),
        page,
    )
        .prop_map(
            |(
                title,
                source,
                sha256,
                bytes,
                kind,
                file_sha256,
                (url, byline, published, site_name),
            )| {
                ArticleInfo {
                    title,
                    source,
                    sha256,
                    bytes,
                    kind,
                    file_sha256,
                    url,
                    byline,
                    published,
                    site_name,
                }
            },
        );
    (
        info,
        proptest::collection::vec(party, 0..3),
        proptest::collection::vec(speaker, 0..4),
        proptest::collection::vec(quote(), 0..8),
        proptest::collection::vec(position(), 0..8),
        proptest::collection::vec(quote(), 0..2),
        proptest::collection::vec(position(), 0..2),
        proptest::collection::vec(conflict(), 0..3),
    )
        .prop_map(
            |(article, parties, speakers, quotes, positions, oq, op, conflicts)| {
                let mut a = Annotations::new(article);
                a.parties = parties;
                a.speakers = speakers;
                a.quotes = quotes;
                a.positions = positions;
                a.orphan_quotes = oq;
                a.orphan_positions = op;
                a.conflicts = conflicts;
                a
            },
        )
}

proptest! {

    #![proptest_config(ProptestConfig::with_cases(cases()))]

    // The fast reader must agree with the `toml` crate on text written by the `toml`
    // crate too, or refuse it (and let the full parser read it).
    #[test]
    fn fast_reader_agrees_with_toml_or_refuses(mut x in annotations()) {
        canonicalize(&mut x);
        let by_toml = toml::to_string(&x).expect("serialises");
        prop_assert_eq!(parse(&by_toml, "toml.toml").expect("parses"), x);
    }

    #[test]
    fn load_of_save_is_identity_and_save_is_byte_stable(mut x in annotations()) {
        canonicalize(&mut x);
        let saved = to_toml(&x).expect("serialises");
        // The reference TOML parser reads the same set from parley's canonical text…
        let reference: Annotations = toml::from_str(&saved).expect("valid TOML");
        prop_assert_eq!(&reference, &x);
        // …and so does parley's own fast reader, which takes its own text.
        prop_assert_eq!(parley::store::canonical::read(&saved), Some(x.clone()));
        let loaded = parse(&saved, "round.toml").expect("parses what it wrote");
        prop_assert_eq!(&loaded, &x);
        prop_assert_eq!(to_toml(&loaded).expect("serialises"), saved);
    }
}

/// Cases per property: 96, or `PARLEY_PROPTEST_CASES` for a longer hunt.
fn cases() -> u32 {
    std::env::var("PARLEY_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(96)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    // Damaged or hand-edited text: parsing never panics, and whatever the fast reader
    // accepts, the toml crate reads as the same set.
    #[test]
    fn fast_reader_never_disagrees_with_toml_on_edited_text(
        mut x in annotations(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..6, "[\"\\\\= \n\\[\\]a-z0-9#'.-]{0,3}"), 1..4),
    ) {
        canonicalize(&mut x);
        let mut text = to_toml(&x).expect("serialises");
        for (at, cut, insert) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let mut j = (i + cut).min(text.len());
            while !text.is_char_boundary(j) {
                j -= 1;
            }
            text.replace_range(i..j, &insert);
        }
        let _ = parse(&text, "edited.toml");
        if let Some(fast) = parley::store::canonical::read(&text) {
            let reference: Result<Annotations, _> = toml::from_str(&text);
            prop_assert_eq!(reference.ok(), Some(fast));
        }
    }
}
