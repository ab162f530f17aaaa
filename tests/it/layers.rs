//! The import graph flows one way: a module uses only modules of a lower layer, so there is no
//! cycle and no arrow from a lower stage to a higher one. Read from `use crate::…` and
//! `crate::…` paths in code (comments are skipped).

use std::collections::BTreeSet;

use crate::util::{files_under, repo};

/// Layers, lowest first. A module may use any module of a strictly lower layer.
const LAYERS: &[(&str, u8)] = &[
    ("parse", 0),
    ("tls", 0),
    ("error", 0),
    ("archive", 1),
    ("fetch", 2),
    ("tables", 3),
    ("sources", 4),
    // The pipeline file: it holds every source's config.
    ("config", 5),
    ("normalize", 6),
    ("snapshot", 6),
    // Reads the scores precedence chose (`normalize::precedence`).
    ("density", 7),
    // The HTML page of a published snapshot: reads it back through `snapshot`, draws with `density`.
    ("report", 8),
    ("pipeline", 9),
    ("cli", 10),
];

fn layer(module: &str) -> u8 {
    LAYERS.iter().find(|(m, _)| *m == module).unwrap_or_else(|| panic!("module {module} has no layer")).1
}

#[test]
fn imports_flow_down_the_layers() {
    let mut wrong = BTreeSet::new();
    let src = repo().join("src");
    for path in files_under(&repo().join("src")) {
        let rel = path.strip_prefix(&src).unwrap().to_string_lossy().into_owned();
        let module = rel.split(['/', '.']).next().unwrap().to_owned();
        if matches!(module.as_str(), "lib" | "main") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
            for (i, _) in line.match_indices("crate::") {
                let target: String =
                    line[i + 7..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                if !target.is_empty() && target != module && layer(&target) >= layer(&module) {
                    wrong.insert(format!("{rel}: {module} -> {target}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers:\n{}", wrong.into_iter().collect::<Vec<_>>().join("\n"));
}

/// Small rooms: no source file over ~400 lines, not counting its unit tests.
#[test]
fn no_source_file_is_over_400_lines_of_code() {
    let mut big = Vec::new();
    for path in files_under(&repo().join("src")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("\n#[cfg(test)]").next().unwrap().lines().count();
        if code > 420 {
            big.push(format!("{}: {code}", path.display()));
        }
    }
    assert!(big.is_empty(), "files over 400 lines (tests excluded):\n{}", big.join("\n"));
}
