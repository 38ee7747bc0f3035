//! Batch rendering: the same bytes whatever the thread count, and records whose inputs did
//! not change since their output was written are skipped (and only those).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;

/// Every file below `folder` with its bytes, keyed by relative path.
fn files(folder: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walk(folder)
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(folder).unwrap().to_path_buf(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

fn walk(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "docx") {
            found.push(path);
        }
    }
    found
}

fn summary(out: &std::process::Output) -> String {
    let text = stdout(out);
    let last = text.lines().last().unwrap_or_default();
    last.split(" in ").next().unwrap().to_string()
}

#[test]
fn bundled_plans_give_the_same_bytes_on_one_thread_and_on_several() {
    let dir = tempfile::tempdir().unwrap();
    let plans = repo("plans");
    let plans = plans.to_str().unwrap();
    let one = vanban(
        dir.path(),
        &["render", plans, "--out", "one", "--jobs", "1"],
    );
    let many = vanban(
        dir.path(),
        &["render", plans, "--out", "many", "--jobs", "8"],
    );
    assert!(one.status.success(), "{}", stderr(&one));
    assert!(many.status.success(), "{}", stderr(&many));
    let one = files(&dir.path().join("one"));
    let many = files(&dir.path().join("many"));
    assert!(one.len() >= 4, "{:?}", one.keys());
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        many.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &one {
        assert!(
            many[path] == *bytes,
            "{} differs between 1 and 8 threads",
            path.display()
        );
    }
}

#[test]
fn unchanged_records_are_skipped_and_changed_ones_rendered_again() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    for name in ["march.toml", "ubnd-xa.toml", "bang-diem.toml"] {
        std::fs::copy(fixture(&format!("good/{name}")), plans.join(name)).unwrap();
    }
    let render = |extra: &[&str]| {
        let mut args = vec!["render", "plans", "--out", "out"];
        args.extend_from_slice(extra);
        let out = vanban(dir.path(), &args);
        assert!(out.status.success(), "{}", stderr(&out));
        out
    };
    assert_eq!(summary(&render(&[])), "3 written, 0 unchanged, 0 failed");
    let first = files(&dir.path().join("out"));

    let again = render(&[]);
    assert_eq!(summary(&again), "0 written, 3 unchanged, 0 failed");
    assert!(!stdout(&again).contains("wrote"), "{}", stdout(&again));

    let march = plans.join("march.toml");
    let edited = std::fs::read_to_string(&march)
        .unwrap()
        .replace("trich_yeu = \"", "trich_yeu = \"Sửa: ");
    std::fs::write(&march, edited).unwrap();
    let changed = render(&[]);
    assert_eq!(summary(&changed), "1 written, 2 unchanged, 0 failed");
    assert!(
        stdout(&changed).contains("march.docx"),
        "{}",
        stdout(&changed)
    );
    let second = files(&dir.path().join("out"));
    for (path, bytes) in &first {
        let same = second[path] == *bytes;
        assert_eq!(same, !path.ends_with("march.docx"), "{}", path.display());
    }

    // A hand-edited output is kept (exit 1) until --force replaces it.
    std::fs::write(dir.path().join("out/ubnd-xa.docx"), b"edited by hand").unwrap();
    let kept = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert_eq!(kept.status.code(), Some(1), "{}", stderr(&kept));
    assert_contains(&stderr(&kept), "out/ubnd-xa.docx: kept as it is");
    assert_eq!(
        std::fs::read(dir.path().join("out/ubnd-xa.docx")).unwrap(),
        b"edited by hand"
    );

    assert_eq!(
        summary(&render(&["--force"])),
        "3 written, 0 unchanged, 0 failed"
    );
    assert_eq!(
        files(&dir.path().join("out")),
        second,
        "forced render changed bytes"
    );
}

#[test]
fn a_changed_template_or_plan_renders_its_records_again() {
    let dir = tempfile::tempdir().unwrap();
    let source = repo("plans/so-noi-vu");
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, plans.join(path.file_name().unwrap())).unwrap();
    }
    let count = std::fs::read_dir(&plans).unwrap().count();
    let render = |extra: &[&str]| {
        let mut args = vec!["render", "plans", "--out", "out"];
        args.extend_from_slice(extra);
        let out = vanban(dir.path(), &args);
        assert!(out.status.success(), "{}", stderr(&out));
        summary(&out)
    };
    assert_eq!(
        render(&[]),
        format!("{count} written, 0 unchanged, 0 failed")
    );

    // The report reads the 2020 plan: editing the plan renders both again.
    let plan = plans.join("ke-hoach-khac-phuc-cchc-2020.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(
        &plan,
        format!("{text}\n# a comment changes the plan's bytes\n"),
    )
    .unwrap();
    assert_eq!(
        render(&[]),
        format!("2 written, {} unchanged, 0 failed", count - 2)
    );

    let templates = dir.path().join("templates");
    let exported = vanban(dir.path(), &["templates", "templates"]);
    assert!(exported.status.success());
    assert_eq!(
        render(&["--templates", "templates"]),
        format!("0 written, {count} unchanged, 0 failed")
    );
    let chung = templates.join("chung.vb");
    let text = std::fs::read_to_string(&chung).unwrap();
    std::fs::write(&chung, format!("{text}{{# edited #}}\n")).unwrap();
    assert_eq!(
        render(&["--templates", "templates"]),
        format!("{count} written, 0 unchanged, 0 failed")
    );
}
