//! The gazetteer: every ISO 3166 country and territory with the names news copy uses for
//! it, built once from maintained data — keshvar (names, nationality) and iso-rs
//! (capital) — and completed by our own small table (assets/gazetteer.toml) with what
//! no such source has: blocs, historical states, the short forms of wire copy, bodies
//! that speak for a country, and the names that are also ordinary words.

pub use twins::is_compass;

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Our own table: what the ISO data lacks.
const OWN_TABLE: &str = include_str!("../../assets/gazetteer.toml");

/// A country, territory, bloc or historical state.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Country {
    /// Stable id: the ISO 3166 alpha-2 code in lower case ("us"), or our own ("eu", "su").
    pub id: String,
    /// Display name ("United States").
    pub name: String,
    /// Official and short names.
    #[serde(default)]
    pub names: Vec<String>,
    /// Adjectives and nouns for its people ("Cuban").
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Capitals, which news copy uses for governments ("Havana said").
    #[serde(default)]
    pub capitals: Vec<String>,
    /// Bodies that speak for it ("State Department").
    #[serde(default)]
    pub institutions: Vec<String>,
    /// The head of government's office, whose name stands for the government
    /// ("Downing Street", "Number 10"); also among the institutions.
    #[serde(default)]
    pub seat: Vec<String>,
    /// For a historical state, the id of the state that took its place (the Soviet
    /// Union's is "ru"): where the article names the old state, it takes the
    /// successor's names ("Moscow", "Kremlin").
    #[serde(default)]
    pub successor: Option<String>,
    /// For the government of a nation within a state (the Scottish Government), the id
    /// of the state ("gb"): a side of its own against the state, never a story's home.
    #[serde(default)]
    pub within: Option<String>,
    /// Whether it is a territory rather than a member of the UN (or one of our blocs).
    #[serde(skip)]
    pub territory: bool,
    /// The countries named like it but for a qualifier (South Korea's: North Korea).
    #[serde(skip)]
    pub twins: Vec<usize>,
    /// The names it shares with its twins without the qualifier ("Korea", "Korean"):
    /// its own in a story that names it and none of them.
    #[serde(skip)]
    pub bare_names: Vec<String>,
}

impl Country {
    /// Every name of the country, its demonyms, capitals and institutions.
    pub fn all_names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name)
            .chain(&self.names)
            .chain(&self.demonyms)
            .chain(&self.capitals)
            .chain(&self.institutions)
    }
}

/// What our table adds to an ISO country.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Extension {
    id: String,
    /// Replaces the display name ("Britain" rather than the ISO long form).
    name: Option<String>,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    capitals: Vec<String>,
    #[serde(default)]
    institutions: Vec<String>,
    #[serde(default)]
    seat: Vec<String>,
}

/// A political party whose other names cannot be told from its own ("Tory" for a
/// Conservative); other parties are found by how the story names them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownParty {
    /// Display name ("Conservatives").
    pub name: String,
    /// Every name, the display name among them.
    pub names: Vec<String>,
    /// The id of the country whose politics it is of, if only one's.
    #[serde(default)]
    pub country: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OwnTable {
    /// Parties known by names that are not their own.
    #[serde(default)]
    party: Vec<KnownParty>,
    /// Names that are also ordinary words or people's names ("Chad", "Jordan").
    ambiguous: Vec<String>,
    /// Dateline cities that are not capitals, by the id of their country.
    cities: HashMap<String, Vec<String>>,
    /// Blocs and historical states, matched before the ISO countries.
    country: Vec<Country>,
    /// Additions to ISO countries.
    extend: Vec<Extension>,
}

/// The gazetteer, built once.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Our blocs and historical states first (they win a shared name), then ISO order.
    pub countries: Vec<Country>,
    /// Lower-case keys of the names that need context to count.
    pub ambiguous: Vec<String>,
    /// Lower-case city (capital or major dateline city) → country index.
    cities: HashMap<String, usize>,
    /// Lower-case name of a country → the first country of that name (a city-state's
    /// dateline is its name).
    by_name: HashMap<String, usize>,
    /// A country's id → its index (the first of that id): asked for every known party
    /// of every story, so looked up rather than searched for.
    by_id: HashMap<String, usize>,
    /// Parties known by names that are not their own.
    pub parties: Vec<KnownParty>,
}

impl Gazetteer {
    /// The country whose capital or major city is `city` (any case).
    pub fn country_of_city(&self, city: &str) -> Option<usize> {
        let key = city.trim().to_lowercase();
        // a city-state's dateline is its name ("SINGAPORE", "HONG KONG")
        let by_name = || self.by_name.get(&key).copied();
        self.cities.get(&key).copied().or_else(by_name)
    }

    /// The index of the country with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The state that holds country `c`: the state a devolved government is within
    /// ("Welsh Government" → Britain), else `c` itself.
    pub fn state_of(&self, c: usize) -> usize {
        let within = self.countries.get(c).and_then(|k| k.within.as_deref());
        within.and_then(|id| self.index_of(id)).unwrap_or(c)
    }

    /// The indices of the devolved governments (the countries `within` a state).
    pub fn devolved(&self) -> impl Iterator<Item = usize> + '_ {
        let within = |(i, c): (usize, &Country)| c.within.is_some().then_some(i);
        self.countries.iter().enumerate().filter_map(within)
    }
}

/// The embedded gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    static TABLE: OnceLock<Gazetteer> = OnceLock::new();
    TABLE.get_or_init(|| build(toml::from_str(OWN_TABLE).unwrap_or_default()))
}

/// Whether `word_lower` (in lower case) is a one-word national institution of the
/// gazetteer ("kremlin", "pentagon", "xinhua", "knesset"): a name that stands for a
/// body, not a person. The gazetteer data is the one list of institutions; the
/// speaker logic asks here rather than keeping its own.
pub fn is_institution_word(word_lower: &str) -> bool {
    static WORDS: OnceLock<super::lexicon::WordSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            countries()
                .iter()
                .flat_map(|c| &c.institutions)
                .filter(|i| !i.contains(' '))
                .map(|i| i.to_lowercase())
                .collect()
        })
        .contains(word_lower)
}

/// Whether `word_lower` (in lower case) names one member of a known party ("the Ohio
/// Democrat", "a Tory"): a one-word name of the party whose plural is also one of its
/// names ("Tory" / "Tories", "Republican" / "Republicans"), so "Labour" is none. The
/// party data is the one list; the speaker logic asks here.
pub fn is_party_member_word(word_lower: &str) -> bool {
    static WORDS: OnceLock<super::lexicon::WordSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            let plural = |w: &str| match w.strip_suffix('y') {
                Some(stem) => format!("{stem}ies"),
                None => format!("{w}s"),
            };
            gazetteer()
                .parties
                .iter()
                .flat_map(|p| {
                    let names: Vec<String> = p.names.iter().map(|n| n.to_lowercase()).collect();
                    names
                        .iter()
                        .filter(|n| !n.contains(' ') && names.contains(&plural(n)))
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .collect()
        })
        .contains(word_lower)
}

/// The countries of the embedded gazetteer.
pub fn countries() -> &'static [Country] {
    &gazetteer().countries
}

fn build(own: OwnTable) -> Gazetteer {
    let mut countries = own.country;
    let extensions: HashMap<&str, &Extension> =
        own.extend.iter().map(|e| (e.id.as_str(), e)).collect();
    for iso in keshvar::CountryIterator::new() {
        let mut c = iso_country(&iso);
        if let Some(e) = extensions.get(c.id.as_str()) {
            extend(&mut c, e);
        }
        countries.push(c);
    }
    for c in &mut countries {
        dedup_names(c);
    }
    share_out_demonyms(&mut countries);
    twins::find_twins(&mut countries);
    let cities = dateline_cities(&countries, &own.cities);
    let mut by_name = HashMap::new();
    for (i, c) in countries.iter().enumerate() {
        for name in std::iter::once(&c.name).chain(&c.names) {
            by_name.entry(name.to_lowercase()).or_insert(i);
        }
    }
    let mut by_id = HashMap::new();
    for (i, c) in countries.iter().enumerate() {
        by_id.entry(c.id.clone()).or_insert(i);
    }
    Gazetteer {
        by_name,
        by_id,
        countries,
        ambiguous: own.ambiguous.iter().map(|a| a.to_lowercase()).collect(),
        cities,
        parties: own.party,
    }
}

/// The cities a dateline may name, lower-cased, by the index of their country in
/// `countries`: the capitals, their unaccented forms, and `own_cities` (by country id).
fn dateline_cities(
    countries: &[Country],
    own_cities: &HashMap<String, Vec<String>>,
) -> HashMap<String, usize> {
    let mut cities = HashMap::new();
    // our own cities go in last so that they win ("Bonn" for West Germany)
    for (i, c) in countries.iter().enumerate().rev() {
        for city in &c.capitals {
            cities.insert(city.to_lowercase(), i);
        }
    }
    // A dateline often drops a capital's accents ("REYKJAVIK" for "Reykjavík"): the
    // bare form is a dateline city too, never a name matched in the text, and only for
    // one word of five letters or more ("San Jose, Calif." is no Costa Rican dateline,
    // "Male" no Maldivian one).
    for (i, c) in countries.iter().enumerate() {
        for city in &c.capitals {
            let bare = unaccented(city).to_lowercase();
            if bare.chars().count() >= 5 && !bare.contains(' ') {
                cities.entry(bare).or_insert(i);
            }
        }
    }
    for (id, list) in own_cities {
        if let Some(i) = countries.iter().position(|c| &c.id == id) {
            for city in list {
                cities.insert(city.to_lowercase(), i);
            }
        }
    }
    cities
}

/// A country from the ISO data: its short name, the English-looking names of its
/// unofficial list, its nationality (and the plural noun), and its capital.
fn iso_country(iso: &keshvar::Country) -> Country {
    let alpha2 = iso.alpha2().to_string();
    let short = plain_name(iso.iso_short_name());
    let mut names: Vec<String> = std::iter::once(iso.iso_short_name())
        .chain(iso.unofficial_name_list().iter().copied())
        .map(plain_name)
        .filter(|n| usable_name(n))
        .collect();
    // "Bolivia (Plurinational State of)" is displayed as its first plain name
    let name = if usable_name(&short) || names.is_empty() {
        short
    } else {
        names.remove(0)
    };
    names.retain(|n| n != &name);
    let mut demonyms = Vec::new();
    if let Some(nationality) = iso.maybe_nationality().filter(|n| usable_name(n)) {
        demonyms.push(nationality.to_string());
        if let Some(plural) = people_plural(nationality) {
            demonyms.push(plural);
        }
    }
    if let Some(people) = stan_people(&name) {
        demonyms.push(people);
    }
    // Small territories' capitals ("Stanley", "Douglas") are people's names far more
    // often than governments speaking: only members of the UN speak through theirs.
    let capitals = if iso.un_member() {
        iso_capital(&alpha2).into_iter().collect()
    } else {
        Vec::new()
    };
    Country {
        id: alpha2.to_lowercase(),
        name,
        names,
        demonyms,
        capitals,
        territory: !iso.un_member(),
        ..Country::default()
    }
}

/// The people of a land named "-stan" after them, which wire copy uses as the
/// adjective ("Kazakh" of Kazakhstan, "Uzbek" of Uzbekistan) where the data has only
/// the "-stani" form; none when the stem is too short to be a word of its own
/// ("Pakistan").
fn stan_people(name: &str) -> Option<String> {
    let stem = name.strip_suffix("stan")?;
    let stem = stem.strip_suffix('i').unwrap_or(stem);
    (stem.len() >= 5 && !stem.contains(' ')).then(|| stem.to_string())
}

/// The capital iso-rs gives for an alpha-2 code, without its qualifier
/// ("Washington, D.C." → "Washington").
fn iso_capital(alpha2: &str) -> Option<String> {
    let country = iso_rs::Country::from_alpha_2(alpha2)?.first()?;
    let capital = country.capital?.split(',').next()?.trim();
    usable_name(capital).then(|| capital.to_string())
}

/// A name as running text writes it: no leading "The", no ", Republic of" inversion or
/// parenthesised qualifier ("Korea (Republic of)" is left to the unofficial names).
fn plain_name(name: &str) -> String {
    let name = name.trim();
    let name = name.strip_prefix("The ").unwrap_or(name);
    name.to_string()
}

/// Whether a name can be matched in English running text: Latin letters only, no
/// inversion or qualifier, capitalised.
fn usable_name(name: &str) -> bool {
    !name.is_empty()
        && name.starts_with(|c: char| c.is_uppercase())
        && !name.contains([',', '(', ')'])
        && name.chars().all(|c| {
            c.is_ascii_alphabetic()
                || matches!(c, ' ' | '.' | '-' | '\'')
                || ('À'..='ɏ').contains(&c)
        })
}

/// The plural noun of a nationality that has one ("Kenyan" → "Kenyans", "Israeli" →
/// "Israelis"); none for those that are their own plural ("Japanese", "British").
pub(in crate::detect) fn people_plural(nationality: &str) -> Option<String> {
    let last = nationality.split(' ').next_back()?;
    (last.ends_with('n') || last.ends_with('i')).then(|| format!("{nationality}s"))
}

fn extend(c: &mut Country, e: &Extension) {
    if let Some(name) = &e.name {
        c.names.push(std::mem::replace(&mut c.name, name.clone()));
    }
    c.names.extend(e.names.iter().cloned());
    c.demonyms.extend(e.demonyms.iter().cloned());
    c.capitals.extend(e.capitals.iter().cloned());
    c.seat.extend(e.seat.iter().cloned());
    c.institutions.extend(e.seat.iter().cloned());
    c.institutions.extend(e.institutions.iter().cloned());
}

/// Gives a demonym that several countries share to one of them: a territory's
/// ("American" of the Northern Mariana Islands) goes to the state that has it, and
/// between states the one whose name it is made from wins, by the longest common
/// start ("Nigerian": Nigeria, not Niger; "Dominican": the Dominican Republic).
fn share_out_demonyms(countries: &mut [Country]) {
    let mut owner: HashMap<String, (usize, (bool, usize))> = HashMap::new();
    for (i, c) in countries.iter().enumerate() {
        for d in &c.demonyms {
            let claim = (!c.territory, common_start(&c.name, d));
            let best = owner.entry(d.clone()).or_insert((i, claim));
            if claim > best.1 {
                *best = (i, claim);
            }
        }
    }
    for (i, c) in countries.iter_mut().enumerate() {
        c.demonyms
            .retain(|d| owner.get(d).is_none_or(|(o, _)| *o == i));
    }
}

/// Bytes that two names share at their start.
fn common_start(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

/// `name` without its combining marks (decomposed, the marks dropped, composed again).
fn unaccented(name: &str) -> String {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    name.nfd()
        .filter(|&ch| !is_combining_mark(ch))
        .nfc()
        .collect()
}

/// Removes repeated names and the display name from the other names.
fn dedup_names(c: &mut Country) {
    let mut seen = vec![c.name.clone()];
    for list in [&mut c.names, &mut c.demonyms, &mut c.capitals] {
        list.retain(|n| {
            let fresh = !seen.contains(n);
            seen.push(n.clone());
            fresh
        });
    }
}

#[cfg(test)]
mod tests;
mod twins;
