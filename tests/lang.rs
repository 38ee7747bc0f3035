//! Messages in Vietnamese with `--lang vi` or a Vietnamese locale, English otherwise: help
//! text, usage errors, record errors and warnings, the per-file lines and the summary. No
//! English wording of any message reaches the Vietnamese output of any bad, warning or corpus
//! record, and a record's own words are never translated.

mod common;

use common::*;
use vanban::messages::{Lang, Message};

const VI: Option<&str> = Some("vi_VN.UTF-8");

/// The English wording of every message, cut at its values: pieces long enough to be
/// recognised (two words or more). The program's name line (U0001) is Vietnamese in both.
fn english_wordings() -> Vec<String> {
    let mut pieces = Vec::new();
    for message in Message::samples().iter().filter(|m| m.code() != "U0001") {
        for piece in message.fixed_words(Lang::En) {
            let piece = piece
                .trim()
                .trim_matches(|c: char| c.is_ascii_punctuation());
            let piece = piece.trim();
            if piece.len() >= 8 && piece.contains(' ') {
                pieces.push(piece.to_string());
            }
        }
    }
    pieces.sort();
    pieces.dedup();
    pieces
}

#[test]
fn no_english_wording_reaches_the_vietnamese_output_of_any_fixture() {
    let english = english_wordings();
    assert!(english.len() > 100, "only {} English pieces", english.len());
    let mut seen = 0;
    for folder in ["bad", "warn", "corpus"] {
        for entry in std::fs::read_dir(fixture(folder)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let out_dir = tempfile::tempdir().unwrap();
            let out = vanban_in(
                &fixture(folder),
                &[
                    "--lang",
                    "vi",
                    "render",
                    &name,
                    "--out",
                    out_dir.path().to_str().unwrap(),
                ],
                None,
            );
            let source = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            let printed = format!("{}{}", stderr(&out), stdout(&out));
            assert_contains(&printed, "lỗi");
            for piece in &english {
                // A piece the record itself contains is the record's text, shown as typed.
                if printed.contains(piece.as_str()) && !source.contains(piece.as_str()) {
                    panic!("{name}: English {piece:?} in\n{printed}");
                }
            }
            seen += 1;
        }
    }
    assert!(seen >= 100, "only {seen} fixtures looked at");
}

#[test]
fn a_records_own_words_are_never_translated() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("help.toml");
    std::fs::write(
        &record,
        "loai = \"help error\"\nhelp = \"error: warning\"\n",
    )
    .unwrap();
    let out = vanban_in(dir.path(), &["check", "help.toml"], VI);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_starts(&err, "lỗi: không có khóa `help`\n");
    assert_contains(&err, "2 | help = \"error: warning\"");
    assert_contains(&err, "= gợi ý: ");

    std::fs::write(&record, "loai = \"help error\"\n").unwrap();
    let out = vanban_in(dir.path(), &["check", "help.toml"], VI);
    assert_contains(&stderr(&out), "`help error`");
}

#[test]
fn a_vietnamese_locale_gives_vietnamese_errors_and_summary() {
    let out = vanban_in(
        &fixture("bad"),
        &[
            "render",
            "unknown-key.toml",
            "--out",
            "/nonexistent-never-written",
        ],
        VI,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_starts(&err, "lỗi: không có khóa `trich_yue`\n");
    assert_contains(&err, "--> unknown-key.toml:3:1");
    assert_contains(
        &err,
        "= gợi ý: có phải là `trich_yeu`? Các khóa ở đây: loai,",
    );
    let summary = stdout(&out);
    assert_starts(&summary, "đã ghi 0, không đổi 0, lỗi 1, trong 0,");
    assert!(summary.trim_end().ends_with(" giây"), "{summary}");
}

#[test]
fn the_flag_overrides_the_locale_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let args = |lang: &'static str| vec!["--lang", lang, "check", "unknown-key.toml"];
    let en = vanban_in(&fixture("bad"), &args("en"), VI);
    assert_starts(&stderr(&en), "error: unknown key `trich_yue`");
    assert_contains(&stdout(&en), "1 checked, 1 failed");
    let vi = vanban_in(&fixture("bad"), &args("vi"), Some("en_US.UTF-8"));
    assert_starts(&stderr(&vi), "lỗi: không có khóa");
    assert_contains(&stdout(&vi), "đã kiểm tra 1, lỗi 1");

    let record = repo("plans/so-noi-vu/ke-hoach-khac-phuc-cchc-2020.toml");
    let out = dir.path().to_str().unwrap();
    let rendered = vanban_in(
        dir.path(),
        &[
            "--lang=vi",
            "render",
            record.to_str().unwrap(),
            "--out",
            out,
        ],
        None,
    );
    assert_eq!(rendered.status.code(), Some(0), "{}", stderr(&rendered));
    let text = stdout(&rendered);
    assert!(
        text.contains("đã ghi ") && text.contains("ke-hoach-khac-phuc-cchc-2020.docx"),
        "{text}"
    );
    assert_contains(&text, "đã ghi 1, không đổi 0, lỗi 0, trong ");
}

#[test]
fn help_and_usage_errors_are_vietnamese() {
    let here = repo(".");
    let help = vanban_in(&here, &["--help"], VI);
    assert_eq!(help.status.code(), Some(0));
    let text = stdout(&help);
    for expected in [
        "Cách dùng: vanban [OPTIONS] <COMMAND>",
        "Lệnh:",
        "render     Kết xuất bản ghi",
        "Tùy chọn:",
        "In trợ giúp",
    ] {
        assert_contains(&text, expected);
    }
    let render_help = stdout(&vanban_in(
        &here,
        &["--lang", "vi", "render", "--help"],
        None,
    ));
    assert_contains(&render_help, "Thư mục đầu ra; giữ nguyên cấu trúc thư mục");
    assert_contains(&render_help, "[mặc định: out]");

    let wrong = vanban_in(&here, &["rendr"], VI);
    assert_eq!(wrong.status.code(), Some(2));
    let err = stderr(&wrong);
    assert_starts(&err, "lỗi: không có lệnh 'rendr'");
    assert_contains(&err, "gợi ý: có lệnh tương tự: 'render'");
    assert_contains(&err, "Cách dùng: vanban [OPTIONS] <COMMAND>");

    let date = vanban_in(&here, &["render", "--as-of", "30/6/2021"], VI);
    assert_eq!(date.status.code(), Some(2));
    assert_starts(
        &stderr(&date),
        "lỗi: giá trị '30/6/2021' không hợp lệ cho '--as-of <AS_OF>': `30/6/2021` không phải là ngày; viết YYYY-MM-DD",
    );

    let missing = stderr(&vanban_in(&here, &["new"], VI));
    assert_starts(
        &missing,
        "lỗi: thiếu các tham số bắt buộc sau: <KIND>, <PATH>",
    );
    let format = stderr(&vanban_in(&here, &["check", "--format", "xml"], VI));
    assert_contains(&format, "[giá trị có thể dùng: text, json]");

    let english = vanban_in(&here, &["rendr"], None);
    assert_eq!(english.status.code(), Some(2));
    let err = stderr(&english);
    assert_starts(&err, "error: unrecognized subcommand 'rendr'");
    assert_contains(&err, "tip: a similar subcommand exists: 'render'");
    assert_contains(&err, "For more information, try '--help'.");
    let help = stdout(&vanban_in(&here, &["render", "--help"], None));
    assert_contains(&help, "Usage: vanban render");
    assert_contains(
        &help,
        "Output folder; folder structure below the inputs is mirrored [default: out]",
    );
}

#[test]
fn json_diagnostics_carry_a_stable_code_in_english() {
    let out = vanban_in(
        &fixture("bad"),
        &["check", "unknown-key.toml", "--format", "json"],
        VI,
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diagnostic = &report["records"][0]["diagnostics"][0];
    assert_eq!(diagnostic["code"], "E0101");
    assert_eq!(diagnostic["message"], "unknown key `trich_yue`");
    assert_eq!(diagnostic["severity"], "error");
    assert_eq!(diagnostic["line"], 3);
}

/// On Linux the system's language is what sys-locale reads after LC_ALL, LC_MESSAGES and LANG:
/// the GNU `LANGUAGE` list (on Windows it is the display language, unit-tested by `detect`).
#[test]
#[cfg(all(unix, not(target_os = "macos")))]
fn without_locale_variables_the_system_language_decides() {
    let run = |language: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env("LANGUAGE", language)
            .args(["check", "unknown-key.toml"])
            .current_dir(fixture("bad"))
            .output()
            .unwrap()
    };
    assert_starts(&stderr(&run("vi_VN")), "lỗi: không có khóa `trich_yue`");
    assert_starts(&stderr(&run("en_US")), "error: unknown key `trich_yue`");
}
