//! Every real fixture is read by some test: a fixture whose name (or path under `fixtures/real`)
//! appears in no file of `src/`, `tests/` or `benches/` fails here, by name.

use std::path::Path;

use crate::util::*;

/// The files under `root` (but `SOURCES.md`) that no text in `code` names, by file name or by
/// path relative to `root`; and how many files were checked.
fn unread(root: &Path, code: &[String]) -> (Vec<String>, usize) {
    let mut checked = 0;
    let mut missing = Vec::new();
    for file in files_under(root) {
        let relative = file.strip_prefix(root).unwrap().to_string_lossy().into_owned();
        if relative == "SOURCES.md" {
            continue;
        }
        checked += 1;
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if !code.iter().any(|text| text.contains(&name) || text.contains(&relative)) {
            missing.push(relative);
        }
    }
    (missing, checked)
}

/// The text of every file under `src/`, `tests/` and `benches/`.
fn code() -> Vec<String> {
    ["src", "tests", "benches"]
        .iter()
        .flat_map(|d| files_under(&repo().join(d)))
        .map(|f| String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned())
        .collect()
}

#[test]
fn every_real_fixture_is_read_by_a_test() {
    let root = fixtures();
    assert!(root.is_dir(), "{} is missing", root.display());
    let (missing, checked) = unread(&root, &code());
    assert!(checked > 0, "no fixtures under {}", root.display());
    assert!(
        missing.is_empty(),
        "fixtures no test reads (name them in a test under src/, tests/ or benches/): {missing:#?}"
    );
}

#[test]
fn an_unnamed_fixture_is_reported_by_its_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("boards")).unwrap();
    for file in ["SOURCES.md", "boards/read.csv", "boards/unread.csv"] {
        std::fs::write(dir.path().join(file), "x").unwrap();
    }
    let code = ["let body = fixture(\"boards/read.csv\");".to_owned()];
    assert_eq!(unread(dir.path(), &code), (vec!["boards/unread.csv".to_owned()], 2));
}
