//! The exact message every kind of bad record produces, locked by snapshots: one record per
//! class in tests/fixtures/bad/ (syntax, unknown key, missing key, wrong type, impossible date,
//! unknown kind, signer, preset, body block or status, duplicate code, missing plan, score
//! above its maximum, a kind without a template, a file that is not UTF-8, a raw control
//! character, and the pasting mistakes `paste-*`, also locked in Vietnamese). Each must fail with exit code 1, name its file, line and column where there is
//! one, and write nothing. Records in tests/fixtures/warn/ render, with a warning that points
//! at the line (a typed total that disagrees with its parts, an escaped control character).

mod common;

use common::*;

#[test]
fn every_bad_record_gets_its_exact_message() {
    insta::glob!("fixtures/bad/*.toml", |path| {
        let folder = path.parent().unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let out_dir = tempfile::tempdir().unwrap();
        let out = vanban(
            folder,
            &["render", name, "--out", out_dir.path().to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(
            stdout(&out).starts_with("0 written, 0 unchanged, 1 failed in "),
            "{name}: {}",
            stdout(&out)
        );
        assert_eq!(
            std::fs::read_dir(out_dir.path()).unwrap().count(),
            0,
            "{name} wrote something"
        );
        insta::assert_snapshot!(stderr(&out));
    });
}

#[test]
fn every_pasting_mistake_says_what_to_write_in_vietnamese_too() {
    insta::glob!("fixtures/bad/paste-*.toml", |path| {
        let folder = path.parent().unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let out = vanban(folder, &["--lang", "vi", "check", name]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert_contains(&stdout(&out), "đã kiểm tra 1, lỗi 1");
        insta::assert_snapshot!(stderr(&out));
    });
}

#[test]
fn every_warning_points_at_its_line_and_the_record_still_renders() {
    insta::glob!("fixtures/warn/*.toml", |path| {
        let folder = path.parent().unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let out_dir = tempfile::tempdir().unwrap();
        let out = vanban(
            folder,
            &["render", name, "--out", out_dir.path().to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(0), "{name}");
        assert!(
            stdout(&out).contains("1 written, 0 unchanged, 0 failed in "),
            "{name}"
        );
        let docx = out_dir.path().join(name).with_extension("docx");
        assert!(docx.is_file(), "{name} wrote nothing");
        insta::assert_snapshot!(stderr(&out));
    });
}

#[test]
fn a_template_error_names_the_template_line_and_record() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out_dir = tempfile::tempdir().unwrap();
    let out = vanban(
        &fixtures,
        &[
            "render",
            "good/march.toml",
            "--templates",
            "bad-templates",
            "--out",
            out_dir.path().to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_dir(out_dir.path()).unwrap().count(), 0);
    insta::assert_snapshot!(stderr(&out));
}

#[test]
fn an_output_folder_that_cannot_be_made_gets_a_clear_message() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let scratch = tempfile::tempdir().unwrap();
    let blocker = scratch.path().join("out");
    std::fs::write(&blocker, "a file where the output folder should be").unwrap();
    let out = vanban(
        &fixtures,
        &[
            "render",
            "good/march.toml",
            "--out",
            blocker.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.starts_with(&format!(
            "error: cannot write {}/march.docx:",
            blocker.display()
        )),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&blocker).unwrap(),
        "a file where the output folder should be"
    );
}

#[test]
fn backslashes_in_comments_and_literal_strings_give_no_escape_warning() {
    let dir = tempfile::tempdir().unwrap();
    let record = std::fs::read_to_string(fixture("good/march.toml")).unwrap();
    let record = record.replace(
        "trich_yeu = \"Kiểm tra tháng ba\"",
        "# Lưu tại C:\\bao-cao\\files\\u0007\ntrich_yeu = 'Kiểm tra C:\\bao-cao\\files' # \\f",
    );
    assert!(record.contains("'Kiểm tra C:\\bao-cao\\files'"));
    std::fs::write(dir.path().join("b4.toml"), &record).unwrap();
    let out = vanban(dir.path(), &["render", "b4.toml", "--out", "o"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "no warning expected");
    let escaped = record.replace("'Kiểm tra C:\\bao-cao\\files'", "\"Kiểm tra\\b\"");
    std::fs::write(dir.path().join("b4.toml"), escaped).unwrap();
    let out = vanban(dir.path(), &["render", "b4.toml", "--out", "o", "--force"]);
    assert_starts(
        &stderr(&out),
        "warning: a control character written as an escape will be left out",
    );
}
