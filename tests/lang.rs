//! Messages in Vietnamese with `--lang vi` or a Vietnamese locale, English otherwise: help
//! text, usage errors, record errors and warnings, the per-file lines and the summary. Every
//! message the bad and warning fixtures produce must have a translation.

mod common;

use common::*;
use vanban::i18n::translate;

const VI: Option<&str> = Some("vi_VN.UTF-8");

#[test]
fn every_fixture_message_and_help_has_a_vietnamese_translation() {
    let templates = vanban::template::Templates::load(None).unwrap();
    let mut seen = 0;
    for folder in ["bad", "warn"] {
        for entry in std::fs::read_dir(fixture(folder)).unwrap() {
            let path = entry.unwrap().path();
            let (errors, warnings) =
                match vanban::render(&path, &templates, vanban::RenderOptions::default()) {
                    Ok(rendered) => (Vec::new(), rendered.warnings),
                    Err(e) => (vec![e.diagnostic()], Vec::new()),
                };
            for d in &errors {
                assert!(translate(&d.message).is_some(), "{path:?}: {}", d.message);
                if let Some(help) = &d.help {
                    assert!(translate(help).is_some(), "{path:?}: help {help}");
                }
            }
            for w in &warnings {
                assert!(translate(&w.message).is_some(), "{path:?}: {}", w.message);
            }
            seen += errors.len() + warnings.len();
        }
    }
    assert!(seen >= 18, "only {seen} messages looked at");
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
    assert_starts(&stdout(&out), "đã ghi 0, không đổi 0, lỗi 1, trong ");
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

    let english = vanban_in(&here, &["rendr"], None);
    assert_eq!(english.status.code(), Some(2));
    assert_starts(&stderr(&english), "error: unrecognized subcommand 'rendr'");
    assert_contains(
        &stdout(&vanban_in(&here, &["--help"], None)),
        "Usage: vanban",
    );
}
