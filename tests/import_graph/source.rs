//! Reading Rust source as text: comments and literals blanked, `use` trees expanded.

/// The source with comments, strings and character literals blanked (line breaks
/// kept, so line numbers hold).
pub fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, s: &str| {
        out.extend(s.chars().map(|c| if c == '\n' { '\n' } else { ' ' }))
    };
    while i < b.len() {
        let rest = &text[i..];
        let after_ident = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        let end = if rest.starts_with("//") {
            rest.find('\n').unwrap_or(rest.len())
        } else if rest.starts_with("/*") {
            rest.find("*/").map_or(rest.len(), |e| e + 2)
        } else if let Some(len) = raw_string_len(rest).filter(|_| !after_ident || b[i - 1] == b'b')
        {
            len
        } else if rest.starts_with('"') {
            string_len(rest)
        } else if rest.starts_with('\'') {
            char_literal_len(rest).unwrap_or(0)
        } else {
            0
        };
        if end == 0 {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        } else {
            blank(&mut out, &rest[..end]);
            i += end;
        }
    }
    out
}

/// The length of a raw string (`r"…"`, `r#"…"#`) that `s` starts with.
fn raw_string_len(s: &str) -> Option<usize> {
    let hashes = s
        .strip_prefix('r')?
        .bytes()
        .take_while(|&c| c == b'#')
        .count();
    let open = 1 + hashes;
    if s.as_bytes().get(open) != Some(&b'"') {
        return None;
    }
    let close = format!("\"{}", "#".repeat(hashes));
    Some(
        s[open + 1..]
            .find(&close)
            .map_or(s.len(), |e| open + 1 + e + close.len()),
    )
}

/// The length of the string literal `s` starts with.
fn string_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 1;
    while i < b.len() && b[i] != b'"' {
        i += if b[i] == b'\\' { 2 } else { 1 };
    }
    (i + 1).min(b.len())
}

/// The length of the character literal `s` starts with (not a lifetime).
fn char_literal_len(s: &str) -> Option<usize> {
    let body = &s[1..];
    let len = if body.starts_with('\\') {
        body.find('\'')?
    } else {
        body.chars().next()?.len_utf8()
    };
    (body.as_bytes().get(len) == Some(&b'\'')).then_some(len + 2)
}

/// The paths a `use` tree names, each as its segments (`a::{b, c::d}` → `a::b`, `a::c::d`).
pub fn expand_use_tree(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or("");
        let mut segs = prefix.to_vec();
        segs.extend(
            path.split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from),
        );
        out.push(segs);
        return;
    };
    let mut segs = prefix.to_vec();
    segs.extend(
        tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from),
    );
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand_use_tree(&inner[start..i], &segs, out);
                start = i + 1;
            }
            _ => {}
        }
    }
    if !inner[start..].trim().is_empty() {
        expand_use_tree(&inner[start..], &segs, out);
    }
}

/// The length of the UTF-8 character that starts with byte `b`.
pub fn utf8_len(b: u8) -> usize {
    match b {
        0xf0.. => 4,
        0xe0.. => 3,
        0xc0.. => 2,
        _ => 1,
    }
}

/// The name of the inline module (`mod name {`) that `s` starts with.
pub fn inline_module(s: &str) -> Option<String> {
    let rest = s.strip_prefix("mod ")?.trim_start();
    let len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    rest[len..]
        .trim_start()
        .starts_with('{')
        .then(|| rest[..len].to_string())
}
