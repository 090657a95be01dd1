//! The canonical reader: text in exactly the form the writer produces, table by table
//! and key by key; anything else is refused with `None`, for the full parser to read.

use super::values::{int, list, parse_pair, parse_string, string, whole};
use crate::model::Snippet;
use crate::model::{
    Annotations, ArticleInfo, Conflict, ConflictTable, Id, Origin, Party, Position, Quote,
    QuoteKind, Recheck, Speaker, Status,
};

/// Which table the reader is in.
enum Table {
    Top,
    Article,
    Party,
    Speaker,
    Quote(bool),
    Position(bool),
    Conflict,
}

/// Reads text in exactly the form [`super::write`] produces; `None` for anything else.
pub fn read(text: &str) -> Option<Annotations> {
    let mut a = Annotations::new(ArticleInfo::default());
    let (mut version, mut article) = (false, false);
    let mut table = Table::Top;
    let mut seen = 0u32;
    for line in text.split('\n') {
        if line.is_empty() {
            continue;
        }
        if line.starts_with('[') {
            check_required(&table, seen)?;
            seen = 0;
            table = open_table(&mut a, line, &mut article)?;
            continue;
        }
        let (key, value) = line.split_at(line.find(' ')?);
        let value = value.strip_prefix(" = ")?;
        let bit = 1u32 << key_index(&table, key)?;
        if seen & bit != 0 {
            return None;
        }
        seen |= bit;
        if let Table::Top = table {
            a.version = u32::try_from(int(value)?).ok()?;
            version = true;
        } else {
            set_field(&mut a, &table, key, value)?;
        }
    }
    check_required(&table, seen)?;
    (version && article).then_some(a)
}

/// The table a header line opens, a new item pushed for it (`[article]` only once).
fn open_table(a: &mut Annotations, line: &str, article: &mut bool) -> Option<Table> {
    Some(match line {
        "[article]" if !*article => {
            *article = true;
            Table::Article
        }
        "[[party]]" => push(&mut a.parties, party(), Table::Party),
        "[[speaker]]" => push(&mut a.speakers, speaker(), Table::Speaker),
        "[[quote]]" => push(&mut a.quotes, quote(), Table::Quote(false)),
        "[[orphan_quote]]" => push(&mut a.orphan_quotes, quote(), Table::Quote(true)),
        "[[position]]" => push(&mut a.positions, position(), Table::Position(false)),
        "[[orphan_position]]" => push(&mut a.orphan_positions, position(), Table::Position(true)),
        "[[conflict]]" => push(&mut a.conflicts, conflict(), Table::Conflict),
        _ => return None,
    })
}

/// Sets a field of the item the current table (not the top) holds.
fn set_field(a: &mut Annotations, table: &Table, key: &str, value: &str) -> Option<()> {
    match *table {
        Table::Top => None,
        Table::Article => set_article(&mut a.article, key, value),
        Table::Party => set_party(a.parties.last_mut()?, key, value),
        Table::Speaker => set_speaker(a.speakers.last_mut()?, key, value),
        Table::Quote(orphan) => {
            let list = if orphan {
                &mut a.orphan_quotes
            } else {
                &mut a.quotes
            };
            set_quote(list.last_mut()?, key, value)
        }
        Table::Position(orphan) => {
            let list = if orphan {
                &mut a.orphan_positions
            } else {
                &mut a.positions
            };
            set_position(list.last_mut()?, key, value)
        }
        Table::Conflict => set_conflict(a.conflicts.last_mut()?, key, value),
    }
}

fn push<T>(list: &mut Vec<T>, item: T, table: Table) -> Table {
    list.push(item);
    table
}

const ARTICLE_KEYS: &[&str] = &[
    "title",
    "source",
    "sha256",
    "bytes",
    "kind",
    "file_sha256",
    "url",
    "byline",
    "published",
    "site_name",
];
const PARTY_KEYS: &[&str] = &[
    "id", "name", "aliases", "color", "label", "members", "roles", "governs",
];
const SPEAKER_KEYS: &[&str] = &[
    "id",
    "name",
    "role",
    "party",
    "mentions",
    "mention_text",
    "origin",
];
const QUOTE_KEYS: &[&str] = &[
    "id", "start", "end", "text", "speaker", "party", "kind", "cue", "cue_text", "origin",
    "status", "recheck", "note", "prefix", "suffix",
];
const CONFLICT_KEYS: &[&str] = &["id", "table", "item", "field", "base", "ours", "theirs"];
const POSITION_KEYS: &[&str] = &[
    "id", "start", "end", "text", "party", "speaker", "origin", "status", "recheck", "note",
    "prefix", "suffix",
];

fn keys(table: &Table) -> &'static [&'static str] {
    match table {
        Table::Top => &["version"],
        Table::Article => ARTICLE_KEYS,
        Table::Party => PARTY_KEYS,
        Table::Speaker => SPEAKER_KEYS,
        Table::Quote(_) => QUOTE_KEYS,
        Table::Position(_) => POSITION_KEYS,
        Table::Conflict => CONFLICT_KEYS,
    }
}

fn key_index(table: &Table, key: &str) -> Option<usize> {
    keys(table).iter().position(|k| *k == key)
}

/// The keys a table cannot do without (the first `n` of its list).
fn check_required(table: &Table, seen: u32) -> Option<()> {
    let n = match table {
        Table::Party | Table::Speaker => 2,
        Table::Quote(_) | Table::Position(_) | Table::Conflict => 4,
        _ => 0,
    };
    let mask = (1u32 << n) - 1;
    (seen & mask == mask).then_some(())
}

fn party() -> Party {
    Party::default()
}

fn speaker() -> Speaker {
    Speaker {
        id: Id::default(),
        name: String::new(),
        role: None,
        party: None,
        mentions: Vec::new(),
        mention_text: Vec::new(),
        origin: Origin::Auto,
    }
}

fn quote() -> Quote {
    Quote {
        id: Id::default(),
        start: 0,
        end: 0,
        text: Snippet::default(),
        speaker: None,
        party: None,
        kind: QuoteKind::Direct,
        cue: None,
        cue_text: Snippet::default(),
        origin: Origin::Auto,
        status: Status::Suggested,
        recheck: None,
        note: None,
        prefix: Snippet::default(),
        suffix: Snippet::default(),
    }
}

fn position() -> Position {
    Position {
        id: Id::default(),
        start: 0,
        end: 0,
        text: Snippet::default(),
        party: None,
        speaker: None,
        origin: Origin::Auto,
        status: Status::Suggested,
        recheck: None,
        note: None,
        prefix: Snippet::default(),
        suffix: Snippet::default(),
    }
}

fn conflict() -> Conflict {
    Conflict {
        id: Id::default(),
        table: ConflictTable::Quote,
        item: Id::default(),
        field: String::new(),
        base: None,
        ours: None,
        theirs: None,
    }
}

fn set_conflict(c: &mut Conflict, key: &str, v: &str) -> Option<()> {
    match key {
        "id" => c.id = id(v)?,
        "table" => {
            c.table = match string(v)?.as_str() {
                "quote" => ConflictTable::Quote,
                "position" => ConflictTable::Position,
                "speaker" => ConflictTable::Speaker,
                "party" => ConflictTable::Party,
                _ => return None,
            }
        }
        "item" => c.item = id(v)?,
        "field" => c.field = string(v)?,
        "base" => c.base = Some(string(v)?),
        "ours" => c.ours = Some(string(v)?),
        _ => c.theirs = Some(string(v)?),
    }
    Some(())
}

fn set_article(a: &mut ArticleInfo, key: &str, v: &str) -> Option<()> {
    match key {
        "title" => a.title = string(v)?,
        "source" => a.source = string(v)?,
        "sha256" => a.sha256 = string(v)?,
        "bytes" => a.bytes = int(v)?,
        "kind" => a.kind = Some(string(v)?),
        "file_sha256" => a.file_sha256 = Some(string(v)?),
        "url" => a.url = Some(string(v)?),
        "byline" => a.byline = Some(string(v)?),
        "published" => a.published = Some(string(v)?),
        _ => a.site_name = Some(string(v)?),
    }
    Some(())
}

fn set_party(p: &mut Party, key: &str, v: &str) -> Option<()> {
    match key {
        "id" => p.id = string(v)?,
        "name" => p.name = string(v)?,
        "aliases" => p.aliases = list(v, parse_string)?,
        "members" => p.members = list(v, parse_string)?,
        "roles" => p.roles = list(v, parse_string)?,
        "label" => p.label = Some(string(v)?),
        // (written only when true)
        "governs" if v == "true" => p.governs = true,
        "color" => p.color = Some(string(v)?.parse().ok()?),
        _ => return None,
    }
    Some(())
}

fn set_speaker(s: &mut Speaker, key: &str, v: &str) -> Option<()> {
    match key {
        "id" => s.id = id(v)?,
        "name" => s.name = string(v)?,
        "role" => s.role = Some(string(v)?),
        "party" => s.party = Some(id(v)?),
        "mentions" => s.mentions = list(v, parse_pair)?,
        "mention_text" => {
            s.mention_text = list(v, parse_string)?
                .into_iter()
                .map(Snippet::from)
                .collect()
        }
        _ => s.origin = origin(v)?,
    }
    Some(())
}

fn set_quote(q: &mut Quote, key: &str, v: &str) -> Option<()> {
    match key {
        "kind" => {
            q.kind = match string(v)?.as_str() {
                "direct" => QuoteKind::Direct,
                "partial" => QuoteKind::Partial,
                "term" => QuoteKind::Term,
                _ => return None,
            }
        }
        "cue" => q.cue = Some(whole(v, parse_pair)?),
        "cue_text" => q.cue_text = string(v)?.into(),
        _ => {
            let f = Fields {
                id: &mut q.id,
                start: &mut q.start,
                end: &mut q.end,
                text: &mut q.text,
                speaker: &mut q.speaker,
                party: &mut q.party,
                origin: &mut q.origin,
                status: &mut q.status,
                recheck: &mut q.recheck,
                note: &mut q.note,
                prefix: &mut q.prefix,
                suffix: &mut q.suffix,
            };
            return f.set(key, v);
        }
    }
    Some(())
}

fn set_position(p: &mut Position, key: &str, v: &str) -> Option<()> {
    Fields {
        id: &mut p.id,
        start: &mut p.start,
        end: &mut p.end,
        text: &mut p.text,
        speaker: &mut p.speaker,
        party: &mut p.party,
        origin: &mut p.origin,
        status: &mut p.status,
        recheck: &mut p.recheck,
        note: &mut p.note,
        prefix: &mut p.prefix,
        suffix: &mut p.suffix,
    }
    .set(key, v)
}

/// The keys quotes and positions share.
struct Fields<'a> {
    id: &'a mut Id,
    start: &'a mut usize,
    end: &'a mut usize,
    text: &'a mut Snippet,
    speaker: &'a mut Option<Id>,
    party: &'a mut Option<Id>,
    origin: &'a mut Origin,
    status: &'a mut Status,
    recheck: &'a mut Option<Recheck>,
    note: &'a mut Option<String>,
    prefix: &'a mut Snippet,
    suffix: &'a mut Snippet,
}

impl Fields<'_> {
    fn set(self, key: &str, v: &str) -> Option<()> {
        match key {
            "id" => *self.id = id(v)?,
            "start" => *self.start = int(v)?,
            "end" => *self.end = int(v)?,
            "text" => *self.text = string(v)?.into(),
            "speaker" => *self.speaker = Some(id(v)?),
            "party" => *self.party = Some(id(v)?),
            "origin" => *self.origin = origin(v)?,
            "status" => {
                *self.status = match string(v)?.as_str() {
                    "suggested" => Status::Suggested,
                    "accepted" => Status::Accepted,
                    "rejected" => Status::Rejected,
                    _ => return None,
                }
            }
            "recheck" => {
                *self.recheck = match string(v)?.as_str() {
                    "fuzzy" => Some(Recheck::Fuzzy),
                    _ => return None,
                }
            }
            "note" => *self.note = Some(string(v)?),
            "prefix" => *self.prefix = string(v)?.into(),
            _ => *self.suffix = string(v)?.into(),
        }
        Some(())
    }
}

/// A string value as an id.
fn id(v: &str) -> Option<Id> {
    string(v).map(Id::from)
}

fn origin(v: &str) -> Option<Origin> {
    match string(v)?.as_str() {
        "auto" => Some(Origin::Auto),
        "manual" => Some(Origin::Manual),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anything_else_is_left_to_the_full_parser() {
        assert!(read("version = 1\n\n[article]\n# comment\n").is_none());
        assert!(read("version = 1\n\n[article]\ntitle = \"a\"\ntitle = \"b\"\n").is_none());
        assert!(read("version = 1\n").is_none(), "no [article]");
        assert!(
            read("version = 1\n\n[article]\n\n[[quote]]\nid = \"q\"\n").is_none(),
            "no span"
        );
        assert!(read("version = 1\r\n\n[article]\n").is_none());
        assert!(read("version = 1\n\n[article]\n").is_some());
    }
}
