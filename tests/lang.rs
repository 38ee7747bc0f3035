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
    assert!(err.starts_with("lỗi: không có khóa `trich_yue`\n"), "{err}");
    assert!(err.contains("--> unknown-key.toml:3:1"), "{err}");
    assert!(
        err.contains("= gợi ý: có phải là `trich_yeu`? Các khóa ở đây: loai,"),
        "{err}"
    );
    assert!(
        stdout(&out).starts_with("đã ghi 0, không đổi 0, lỗi 1, trong "),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_flag_overrides_the_locale_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let args = |lang: &'static str| vec!["--lang", lang, "check", "unknown-key.toml"];
    let en = vanban_in(&fixture("bad"), &args("en"), VI);
    assert!(
        stderr(&en).starts_with("error: unknown key `trich_yue`"),
        "{}",
        stderr(&en)
    );
    assert!(stdout(&en).contains("1 checked, 1 failed"));
    let vi = vanban_in(&fixture("bad"), &args("vi"), Some("en_US.UTF-8"));
    assert!(
        stderr(&vi).starts_with("lỗi: không có khóa"),
        "{}",
        stderr(&vi)
    );
    assert!(
        stdout(&vi).contains("đã kiểm tra 1, lỗi 1"),
        "{}",
        stdout(&vi)
    );

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
    assert!(
        text.contains("đã ghi 1, không đổi 0, lỗi 0, trong "),
        "{text}"
    );
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
        assert!(text.contains(expected), "{expected:?} in\n{text}");
    }
    let render_help = stdout(&vanban_in(
        &here,
        &["--lang", "vi", "render", "--help"],
        None,
    ));
    assert!(
        render_help.contains("Thư mục đầu ra; giữ nguyên cấu trúc thư mục"),
        "{render_help}"
    );
    assert!(render_help.contains("[mặc định: out]"), "{render_help}");

    let wrong = vanban_in(&here, &["rendr"], VI);
    assert_eq!(wrong.status.code(), Some(2));
    let err = stderr(&wrong);
    assert!(err.starts_with("lỗi: không có lệnh 'rendr'"), "{err}");
    assert!(err.contains("gợi ý: có lệnh tương tự: 'render'"), "{err}");

    let english = vanban_in(&here, &["rendr"], None);
    assert_eq!(english.status.code(), Some(2));
    assert!(stderr(&english).starts_with("error: unrecognized subcommand 'rendr'"));
    assert!(stdout(&vanban_in(&here, &["--help"], None)).contains("Usage: vanban"));
}
