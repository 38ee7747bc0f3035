//! Templates a clerk adds or changes: a kind without a built-in template renders once its
//! `<kind>.vb` is in the templates folder, and a template that writes bad markup is blamed
//! for it (not the record).

mod common;

use common::*;

const TO_TRINH: &str = r#"loai = "to-trinh"
so = 7
ngay = 2024-03-05
trich_yeu = "Đề nghị phê duyệt Kế hoạch cải cách hành chính năm 2024"
kinh_gui = ["Ủy ban nhân dân huyện"]
mo_dau = ["Phòng Nội vụ kính trình Ủy ban nhân dân huyện xem xét, phê duyệt."]
[co_quan]
chu_quan = "UBND huyện Can Lộc"
ten = "Phòng Nội vụ"
viet_tat = "PNV"
dia_danh = "Can Lộc"
[nguoi_ky]
chuc_vu = "Trưởng phòng"
ho_ten = "Trần Thị B"
[noi_nhan]
luu = "VT"
"#;

fn record_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    std::fs::write(dir.path().join("plans/to-trinh.toml"), TO_TRINH).unwrap();
    std::fs::create_dir(dir.path().join("mine")).unwrap();
    dir
}

#[test]
fn a_kind_without_a_built_in_template_renders_from_the_clerks_template() {
    let dir = record_folder();
    let refused = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert_eq!(refused.status.code(), Some(1));
    assert_contains(
        &stderr(&refused),
        "vanban has no template for `to-trinh` yet",
    );

    std::fs::write(
        dir.path().join("mine/to-trinh.vb"),
        "@p Tờ trình: {{ trich_yeu }}.\n{{ <noi_dung blocks={mo_dau} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} /> }}\n",
    )
    .unwrap();
    let out = vanban(
        dir.path(),
        &["render", "plans", "--out", "out", "--templates", "mine"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let xml = part(&dir.path().join("out/to-trinh.docx"), "word/document.xml");
    let texts = texts(&xml);
    assert!(texts.iter().any(|t| t == "Số: 07/TTr-PNV"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "TỜ TRÌNH"), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t == "Tờ trình: Đề nghị phê duyệt Kế hoạch cải cách hành chính năm 2024."),
        "{texts:?}"
    );
}

/// Renders a plan with the clerk's `ke-hoach.vb` holding `template`, expects the render to
/// fail, and returns what it printed on stderr.
fn failing_plan_with_template(template: &str) -> String {
    let dir = record_folder();
    std::fs::write(
        dir.path().join("plans/to-trinh.toml"),
        TO_TRINH.replace("to-trinh", "ke-hoach"),
    )
    .unwrap();
    std::fs::write(dir.path().join("mine/ke-hoach.vb"), template).unwrap();
    let out = vanban(
        dir.path(),
        &["render", "plans", "--out", "out", "--templates", "mine"],
    );
    assert_eq!(out.status.code(), Some(1));
    stderr(&out)
}

#[test]
fn bad_markup_from_a_template_names_the_template_not_the_record() {
    let text = failing_plan_with_template("@p {{ trich_yeu }}\n@bang 1 2\n");
    assert_contains(&text, "mine/ke-hoach.vb");
    assert_contains(
        &text,
        "the template produced invalid markup while rendering",
    );
    assert_contains(
        &text,
        "line 2 of the rendered markup: unknown directive: `@bang 1 2`",
    );
    assert!(
        !text.contains("error: plans/to-trinh.toml"),
        "the record is blamed:\n{text}"
    );
}

#[test]
fn a_template_that_does_not_compile_fails_only_the_records_that_use_it() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    for name in [
        "ke-hoach-khac-phuc-cchc-2020.toml",
        "bao-cao-6-thang-dau-nam-2021.toml",
    ] {
        std::fs::copy(repo("plans/so-noi-vu").join(name), plans.join(name)).unwrap();
    }
    std::fs::create_dir(dir.path().join("mine")).unwrap();
    std::fs::write(
        dir.path().join("mine/bao-cao.vb"),
        "@p {{ trich_yeu }}\n{% if tinh_den %}\n@p mở mà không đóng\n",
    )
    .unwrap();
    let out = vanban(
        dir.path(),
        &["render", "plans", "--out", "out", "--templates", "mine"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        dir.path()
            .join("out/ke-hoach-khac-phuc-cchc-2020.docx")
            .is_file()
    );
    assert!(
        !dir.path()
            .join("out/bao-cao-6-thang-dau-nam-2021.docx")
            .exists()
    );
    let text = stderr(&out);
    assert_contains(&text, "mine/bao-cao.vb");
    assert_contains(&stdout(&out), "1 written, 0 unchanged, 1 failed");

    std::fs::write(dir.path().join("mine/chung.vb"), "{% component x( %}").unwrap();
    let out = vanban(
        dir.path(),
        &["render", "plans", "--out", "out2", "--templates", "mine"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_contains(&stderr(&out), "mine/chung.vb");
    assert_contains(&stdout(&out), "0 written, 0 unchanged, 2 failed");
}

#[test]
fn a_templates_folder_that_does_not_exist_is_an_error_not_the_built_ins() {
    let dir = record_folder();
    let out = vanban(
        dir.path(),
        &["render", "plans", "--out", "out", "--templates", "mien"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_contains(&stderr(&out), "mien: the templates folder does not exist");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_template_that_reads_the_task_groups_gets_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("mine")).unwrap();
    std::fs::write(
        dir.path().join("mine/ke-hoach.vb"),
        "{% for g in nhom %}\n@p {{ g.so }}. {{ g.ten_hoa }}: {% for t in g.nhiem_vu %}{{ t.stt }} {{ t.ten }}; {% endfor %}\n{% endfor %}\n",
    )
    .unwrap();
    let plan = repo("plans/so-cong-thuong/ke-hoach-cchc-2021.toml");
    let out = vanban(
        dir.path(),
        &[
            "render",
            plan.to_str().unwrap(),
            "--out",
            "out",
            "--templates",
            "mine",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let texts = texts(&part(
        &dir.path().join("out/ke-hoach-cchc-2021.docx"),
        "word/document.xml",
    ));
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH: 1 Ban hành")),
        "{texts:?}"
    );
}

#[test]
fn a_missing_parent_template_is_named_at_its_line_and_column() {
    let text = failing_plan_with_template("{#- a comment -#}\n{% extends \"khong-co.vb\" %}\n");
    assert_contains(&text, "mine/ke-hoach.vb:2:12");
    assert_contains(&text, "khong-co.vb");
}
