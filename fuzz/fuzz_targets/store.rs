//! Store parsing and validation on arbitrary text, against the bundled article: no
//! panic, and whatever parses survives a save and a second parse unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parley::article::Article;
use parley::store::schema;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let article = Article::bundled();
    if let Ok(a) = schema::parse(text, "fuzz.parley.toml") {
        let _ = parley::store::validate::validate(&a, Some(&*article.text));
        if let Ok(saved) = schema::to_toml(&a) {
            let again = schema::parse(&saved, "again.parley.toml").expect("a saved store parses");
            assert_eq!(schema::to_toml(&again).ok(), Some(saved));
        }
    }
});
