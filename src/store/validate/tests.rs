use super::*;

/// A set with one of each problem an annotation or a conflict can have.
const WRONG: &str = r#"
version = 1
[article]
[[party]]
id = "a"
name = "A"
[[quote]]
id = "q1"
start = 5
end = 2
text = "x"
party = "nowhere"
speaker = "nobody"
[[orphan_quote]]
id = "q1"
start = 0
end = 99
text = "y"
[[conflict]]
id = "c1"
table = "quote"
item = "q1"
field = "note"
[[conflict]]
id = "c2"
table = "quote"
item = "q1"
field = "note"
[[conflict]]
id = "c3"
table = "party"
item = "a"
field = "colour"
[[conflict]]
id = "c3"
table = "speaker"
item = "s9"
field = "name"
[[conflict]]
id = ""
table = "quote"
item = "q1"
field = "kind"
"#;

#[test]
fn each_problem_is_said_at_its_place_in_order() {
    let a: Annotations = toml::from_str(WRONG).unwrap_or_else(|e| panic!("{e}"));
    let found: Vec<(&str, usize, &str, String)> = validate(&a, Some("Hello world"))
        .into_iter()
        .map(|f| (f.place.table, f.place.index, f.place.field, f.message))
        .collect();
    let expected = [
        (
            "quote",
            0,
            "speaker",
            "quote “q1” names speaker “nobody”, which is not defined",
        ),
        (
            "quote",
            0,
            "party",
            "quote “q1” names party “nowhere”, which is not defined",
        ),
        (
            "quote",
            0,
            "start",
            "quote “q1” starts at 5 after its end 2",
        ),
        ("orphan_quote", 0, "id", "duplicate annotation id “q1”"),
        (
            "conflict",
            1,
            "field",
            "a second conflict on the “note” of quote “q1”",
        ),
        (
            "conflict",
            2,
            "field",
            "conflict “c3”: a party has no field “colour”",
        ),
        ("conflict", 3, "id", "duplicate conflict id “c3”"),
        (
            "conflict",
            3,
            "item",
            "conflict “c3” names speaker “s9”, which does not exist",
        ),
        ("conflict", 4, "id", "a conflict has an empty id"),
    ];
    let expected: Vec<(&str, usize, &str, String)> = expected
        .iter()
        .map(|&(t, i, f, m)| (t, i, f, m.to_string()))
        .collect();
    assert_eq!(found, expected);
}
