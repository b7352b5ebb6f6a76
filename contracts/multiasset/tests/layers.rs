//! The multi-asset crate is built in layers with one direction of imports: each module may use
//! only the modules below it in [`LAYERS`] (and itself), never one above. This test reads the
//! sources and fails naming the file, the line and the module it should not reach.

use std::{fs, path::Path};

/// The modules bottom up, each with what it owns (the crate docs of `lib.rs` say the same).
const LAYERS: &[(&str, &str)] = &[
    ("limits", "every cap"),
    ("errors", "the one error type"),
    ("template", "the rule for `{id}` in a uri"),
    ("token", "one token's stored cell and its guards"),
    (
        "collection_wide",
        "the stored cell of collection-wide proposals",
    ),
    ("catalog", "the stored catalog entries and their count"),
    ("events", "what a state change reports"),
    ("rules", "Authority, Outcome and the ensure_* guards"),
    ("shown", "what a token shows"),
    ("data", "the messages' state machine"),
    ("peers", "the cross-contract calls"),
    ("lib", "the contract: adapters and events"),
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(name, _)| *name == module)
}

/// The crate modules `line` names as `crate::module` (or `$crate::module`), outside comments.
fn modules_named(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or_default();
    let mut named = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        named.push(name);
        rest = after;
    }
    // `use crate::{a::X, b::Y}` spans lines: a line inside such a group starts with the module.
    named
}

/// Every `.rs` file under `dir`, tests excluded.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            if name != "tests" {
                sources(&path, out);
            }
        } else if name.ends_with(".rs") && name != "tests.rs" {
            out.push(path);
        }
    }
}

/// The layer a source file belongs to: its top module under `src/`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_string()
}

/// The crate modules a file imports: `crate::x` anywhere in code, and the first segment of each
/// item of a `use crate::{ … }` group.
fn imports(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut in_group = false;
    for (number, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        for name in modules_named(line) {
            if !name.is_empty() {
                found.push((number + 1, name));
            }
        }
        if trimmed.starts_with("use crate::{") || trimmed.starts_with("pub use crate::{") {
            in_group = !trimmed.contains("};");
            continue;
        }
        if in_group {
            if trimmed.starts_with("};") {
                in_group = false;
                continue;
            }
            let name: String = trimmed
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && trimmed[name.len()..].starts_with("::") {
                found.push((number + 1, name));
            }
        }
    }
    found
}

#[test]
fn no_module_imports_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        let own = rank(&module).unwrap_or_else(|| panic!("{module} is in no layer of LAYERS"));
        for (line, name) in imports(&fs::read_to_string(file).unwrap()) {
            match rank(&name) {
                Some(theirs) if theirs > own => wrong.push(format!(
                    "{}:{line}: {module} imports {name}",
                    file.display()
                )),
                _ => {}
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_module_is_in_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    for file in &files {
        let module = module_of(&src, file);
        assert!(rank(&module).is_some(), "{module} is in no layer of LAYERS");
    }
}

#[test]
fn an_import_from_above_is_found() {
    let text = "use crate::{\n    data::MultiAssetData,\n    limits::MAX_PAGE,\n};\nfn f() { crate::shown::x(); }\n";
    let found: Vec<String> = imports(text).into_iter().map(|(_, name)| name).collect();
    assert_eq!(found, ["data", "limits", "shown"]);
}
