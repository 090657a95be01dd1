//! The graph of the crate's files and what each imports, read from the sources:
//! `use` and `pub use` trees, `crate::`, `super::`, `self::` and child-module paths,
//! each resolved to the file of the module it points into. `tests/layers.rs` checks
//! it.

pub mod source;

use source::{code_only, expand_use_tree, inline_module, utf8_len};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module's path below the crate root (`["store", "fsio"]`; the root is empty).
pub type ModPath = Vec<String>;

/// One path a file names, resolved to the file of the module it points into.
#[derive(Debug, Clone)]
pub struct Import {
    pub to: ModPath,
    pub line: usize,
    /// As written (`super::app::Cursor`).
    pub written: String,
    /// Named by a `pub use`: a re-export.
    pub reexport: bool,
}

/// Every source file by the module it holds.
fn source_files(src: &Path) -> BTreeMap<ModPath, PathBuf> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut out = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(src).expect("below src");
        let mut parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let last = parts.pop().unwrap_or_default();
        match last.strip_suffix(".rs").unwrap_or(&last) {
            "main" if parts.is_empty() => continue, // the binary names the library as `parley::`
            "lib" if parts.is_empty() => {}
            "mod" => {}
            name => parts.push(name.to_string()),
        }
        out.insert(parts, file);
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module `segs` names from inside `module`, when it is one of the crate's.
fn resolve(
    segs: &[String],
    module: &[String],
    files: &BTreeMap<ModPath, PathBuf>,
) -> Option<ModPath> {
    let first = segs.first()?;
    let (mut base, rest): (ModPath, &[String]) = match first.as_str() {
        "crate" => (Vec::new(), &segs[1..]),
        "super" | "self" => {
            let mut base = module.to_vec();
            let mut rest = segs;
            while let Some(s) = rest.first().filter(|s| *s == "super" || *s == "self") {
                if s == "super" {
                    base.pop();
                }
                rest = &rest[1..];
            }
            (base, rest)
        }
        _ => {
            let mut child = module.to_vec();
            child.push(first.clone());
            files
                .contains_key(&child)
                .then(|| (module.to_vec(), segs))?
        }
    };
    base.extend(rest.iter().cloned());
    // the longest prefix that is a file: an item's path leads to the file defining it
    while !files.contains_key(&base) {
        base.pop()?;
    }
    Some(base)
}

/// The imports of one file (holding `module`), in order.
pub fn imports_of(
    code: &str,
    module: &[String],
    files: &BTreeMap<ModPath, PathBuf>,
) -> Vec<Import> {
    let mut scan = Scan {
        module,
        files,
        inline: Vec::new(),
        depth: 0,
        out: Vec::new(),
    };
    let b = code.as_bytes();
    let (mut i, mut line) = (0, 1);
    let mut line_start = 0;
    while i < b.len() {
        let at_word = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        let taken = match b[i] {
            b'{' => scan.open(),
            b'}' => scan.close(),
            _ if at_word => {
                let before = &code[line_start..i];
                scan.word(&code[i..], line, before.trim_start().starts_with("pub"))
            }
            _ => 0,
        };
        let taken = if taken == 0 { utf8_len(b[i]) } else { taken };
        for k in (i..i + taken).filter(|&k| b[k] == b'\n') {
            line += 1;
            line_start = k + 1;
        }
        i += taken;
    }
    scan.out
}

/// Reading one file's imports: where the reading is, and what it found.
struct Scan<'a> {
    module: &'a [String],
    files: &'a BTreeMap<ModPath, PathBuf>,
    /// Inline modules (`mod tests { … }`) open here, with the brace depth inside each:
    /// they change what `super::` means.
    inline: Vec<(String, usize)>,
    depth: usize,
    out: Vec<Import>,
}

impl Scan<'_> {
    fn open(&mut self) -> usize {
        self.depth += 1;
        1
    }

    fn close(&mut self) -> usize {
        if self.inline.last().is_some_and(|(_, d)| *d == self.depth) {
            self.inline.pop();
        }
        self.depth = self.depth.saturating_sub(1);
        1
    }

    /// Reads what starts at a word: an inline module, a `use` (to its `;`) or a path;
    /// returns how many bytes it took (0: nothing of note).
    fn word(&mut self, rest: &str, line: usize, reexport: bool) -> usize {
        if let Some(name) = inline_module(rest) {
            self.inline.push((name, self.depth + 1));
            return 0;
        }
        if rest.starts_with("use ") {
            let end = rest.find(';').unwrap_or(rest.len());
            let mut paths = Vec::new();
            expand_use_tree(&rest[4..end], &[], &mut paths);
            for segs in paths {
                self.add(&segs, line, reexport);
            }
            return end;
        }
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let path = rest[..len].trim_end_matches(':');
        if path.contains("::") {
            let segs: Vec<String> = path.split("::").map(String::from).collect();
            self.add(&segs, line, false);
        }
        len
    }

    fn add(&mut self, segs: &[String], line: usize, reexport: bool) {
        let here: ModPath = self
            .module
            .iter()
            .cloned()
            .chain(self.inline.iter().map(|(n, _)| n.clone()))
            .collect();
        if let Some(to) = resolve(segs, &here, self.files) {
            let written = segs.join("::");
            self.out.push(Import {
                to,
                line,
                written,
                reexport,
            });
        }
    }
}

/// The graph of the files' imports: for each file, the files it names and how.
pub fn import_graph(src: &Path) -> (BTreeMap<ModPath, PathBuf>, BTreeMap<ModPath, Vec<Import>>) {
    let files = source_files(src);
    let mut graph = BTreeMap::new();
    for (module, path) in &files {
        let code = code_only(&std::fs::read_to_string(path).expect("read source"));
        let imports = imports_of(&code, module, &files)
            .into_iter()
            .filter(|imp| imp.to != *module)
            .collect();
        graph.insert(module.clone(), imports);
    }
    (files, graph)
}

/// Whether one module holds the other (a child is part of its parent: it sees the
/// parent's private items, and the parent's `pub use` of a child's item is the
/// parent's own face, so a parent and its children may name each other).
pub fn nested(a: &[String], b: &[String]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The groups of files that import each other in a cycle (strongly connected
/// components of more than one file), arrows between nested modules left out.
pub fn cycles(graph: &BTreeMap<ModPath, Vec<Import>>) -> Vec<BTreeSet<ModPath>> {
    let nodes: Vec<&ModPath> = graph.keys().collect();
    let index: BTreeMap<&ModPath, usize> = nodes.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let edges: Vec<BTreeSet<usize>> = nodes
        .iter()
        .map(|m| {
            graph[*m]
                .iter()
                .filter(|imp| !nested(m, &imp.to))
                .filter_map(|imp| index.get(&imp.to).copied())
                .collect()
        })
        .collect();
    strongly_connected(&edges)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| c.into_iter().map(|i| nodes[i].clone()).collect())
        .collect()
}

/// Tarjan's strongly connected components of a graph given as each node's successors.
fn strongly_connected(edges: &[BTreeSet<usize>]) -> Vec<Vec<usize>> {
    struct Walk<'a> {
        edges: &'a [BTreeSet<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        stack: Vec<usize>,
        on_stack: Vec<bool>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn visit(w: &mut Walk<'_>, v: usize) {
        w.index[v] = Some(w.next);
        w.low[v] = w.next;
        w.next += 1;
        w.stack.push(v);
        w.on_stack[v] = true;
        for &u in w.edges[v].iter() {
            match w.index[u] {
                None => {
                    visit(w, u);
                    w.low[v] = w.low[v].min(w.low[u]);
                }
                Some(i) if w.on_stack[u] => w.low[v] = w.low[v].min(i),
                Some(_) => {}
            }
        }
        if Some(w.low[v]) == w.index[v] {
            let mut group = Vec::new();
            while let Some(u) = w.stack.pop() {
                w.on_stack[u] = false;
                group.push(u);
                if u == v {
                    break;
                }
            }
            w.out.push(group);
        }
    }
    let n = edges.len();
    let mut w = Walk {
        edges,
        index: vec![None; n],
        low: vec![0; n],
        stack: Vec::new(),
        on_stack: vec![false; n],
        next: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if w.index[v].is_none() {
            visit(&mut w, v);
        }
    }
    w.out
}

pub fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".to_string()
    } else {
        m.join("::")
    }
}

pub fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}
