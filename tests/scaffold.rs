//! `vanban new`: every scaffold renders as it is, with zero validator findings, and an existing
//! file is never replaced.

mod common;

use std::process::Command;

use common::*;

const KINDS: [&str; 4] = ["ke-hoach", "bao-cao", "cong-van", "phu-luc"];

#[test]
fn every_scaffold_renders_without_edits_and_validates() {
    let dir = tempfile::tempdir().unwrap();
    for kind in KINDS {
        let path = format!("moi/{kind}.toml");
        std::fs::create_dir_all(dir.path().join("moi")).unwrap();
        let out = vanban(dir.path(), &["new", kind, &path]);
        assert!(out.status.success(), "{kind}: {}", stderr(&out));
        assert!(
            stdout(&out).starts_with(&format!("wrote {path}")),
            "{}",
            stdout(&out)
        );
        let text = std::fs::read_to_string(dir.path().join(&path)).unwrap();
        assert!(text.contains("# "), "{kind} has no comments");
    }
    let render = vanban(dir.path(), &["render", "moi", "--out", "out"]);
    assert!(render.status.success(), "{}", stderr(&render));
    assert!(
        stdout(&render).contains("4 written, 0 unchanged, 0 failed"),
        "{}",
        stdout(&render)
    );
    assert!(stderr(&render).is_empty(), "warnings: {}", stderr(&render));
    let mut files: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 4, "{files:?}");
    assert!(files.iter().any(|f| f.ends_with("phu-luc.docx")));

    let Some(audit) = find("every_scaffold_renders_without_edits", "openxml-audit") else {
        return;
    };
    for file in &files {
        let out = Command::new(&audit).arg(file).output().unwrap();
        let text = format!("{}{}", stdout(&out), stderr(&out));
        assert!(
            out.status.success() && text.contains("Errors: 0") && text.contains("no findings"),
            "{}:\n{text}",
            file.display()
        );
    }
}

#[test]
fn new_never_replaces_a_file_and_refuses_unknown_kinds() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("k.toml"), "mine").unwrap();
    let out = vanban(dir.path(), &["new", "ke-hoach", "k.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("k.toml")).unwrap(),
        "mine"
    );
    let unknown = vanban(dir.path(), &["new", "quyet-dinh", "q.toml"]);
    assert_eq!(unknown.status.code(), Some(2));
}
