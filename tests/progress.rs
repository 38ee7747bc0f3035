//! Progress updates with `vanban progress`, reports derived from the plan, as-of rendering and
//! the change list, run through the real binary on a copy of the bundled seed-000 plan.

mod common;

use std::path::Path;

use common::*;

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "ke-hoach-khac-phuc-cchc-2020.toml",
        "bao-cao-6-thang-dau-nam-2021.toml",
    ] {
        std::fs::copy(repo("plans/so-noi-vu").join(name), dir.path().join(name)).unwrap();
    }
    dir
}

fn report(dir: &Path, as_of: &str, out: &str) -> Vec<u8> {
    let o = vanban(
        dir,
        &[
            "render",
            "bao-cao-6-thang-dau-nam-2021.toml",
            "--out",
            out,
            "--as-of",
            as_of,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::read(dir.join(out).join("bao-cao-6-thang-dau-nam-2021.docx")).unwrap()
}

fn progress(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["progress", "ke-hoach-khac-phuc-cchc-2020.toml"];
    all.extend_from_slice(args);
    vanban(dir, &all)
}

fn document_texts(dir: &Path, out: &str) -> Vec<String> {
    texts(&part(
        &dir.join(out).join("bao-cao-6-thang-dau-nam-2021.docx"),
        "word/document.xml",
    ))
}

#[test]
fn updates_change_the_report_exactly_where_the_data_changed() {
    let dir = setup();
    let plan = dir.path().join("ke-hoach-khac-phuc-cchc-2020.toml");
    let original = std::fs::read_to_string(&plan).unwrap();
    let june_before = report(dir.path(), "2021-06-30", "june-before");
    report(dir.path(), "2021-09-30", "sept-before");

    let first = progress(
        dir.path(),
        &[
            "4",
            "--status",
            "hoan-thanh",
            "--date",
            "2021-08-15",
            "--text",
            "Đã hoàn thành 10/10 nhiệm vụ trọng tâm 2021",
        ],
    );
    assert!(first.status.success(), "{}", stderr(&first));
    let second = progress(
        dir.path(),
        &[
            "6",
            "--status",
            "dang-thuc-hien",
            "--date",
            "2021-09-01",
            "--text",
            "Đang rà soát phương án tự chủ",
        ],
    );
    assert!(second.status.success(), "{}", stderr(&second));

    // The plan kept its comments and every other value byte for byte: removing the two new
    // entries gives back the original text.
    let edited = std::fs::read_to_string(&plan).unwrap();
    let added = [
        "\n  [[tieu_chi.khac_phuc.tien_do]]\n  ngay = 2021-08-15\n  trang_thai = \"hoan-thanh\"\n  noi_dung = \"Đã hoàn thành 10/10 nhiệm vụ trọng tâm 2021\"\n",
        "\n  [[tieu_chi.khac_phuc.tien_do]]\n  ngay = 2021-09-01\n  trang_thai = \"dang-thuc-hien\"\n  noi_dung = \"Đang rà soát phương án tự chủ\"\n",
    ];
    let mut restored = edited.clone();
    for block in added {
        assert!(
            restored.contains(block),
            "missing entry:\n{block}\nin:\n{edited}"
        );
        restored = restored.replacen(block, "\n", 1);
    }
    assert_eq!(restored, original);

    // A report as of June is byte-identical to the one rendered before the updates.
    assert_eq!(report(dir.path(), "2021-06-30", "june-after"), june_before);

    // As of September, only the two items' progress and the counts moved.
    report(dir.path(), "2021-09-30", "sept-after");
    let before = document_texts(dir.path(), "sept-before");
    let after = document_texts(dir.path(), "sept-after");
    assert_eq!(before.len(), after.len());
    let changed: Vec<(&str, &str)> = before
        .iter()
        .zip(&after)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        changed,
        [
            ("- Đã hoàn thành: 00/09;", "- Đã hoàn thành: 01/09;"),
            ("- Không thể thực hiện: 01.", "- Không thể thực hiện: 00."),
            (
                "Đã hoàn thành 06/10 nhiệm vụ trọng tâm 2021",
                "Đã hoàn thành 10/10 nhiệm vụ trọng tâm 2021"
            ),
            ("Không thể thực hiện", "Đang rà soát phương án tự chủ"),
        ]
    );
}

#[test]
fn refused_updates_leave_the_plan_untouched() {
    let dir = setup();
    let plan = dir.path().join("ke-hoach-khac-phuc-cchc-2020.toml");
    let original = std::fs::read(&plan).unwrap();
    for (args, message) in [
        (
            vec!["42", "--status", "hoan-thanh", "--date", "2021-08-15"],
            "no criterion `42`",
        ),
        (
            vec!["4", "--status", "xong", "--date", "2021-08-15"],
            "unknown status `xong`",
        ),
        (
            vec!["4", "--status", "hoan-thanh", "--date", "2021-02-30"],
            "is not a date",
        ),
        (
            vec![
                "4",
                "--task",
                "--status",
                "hoan-thanh",
                "--date",
                "2021-08-15",
            ],
            "no task 4",
        ),
    ] {
        let out = progress(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert_eq!(
            std::fs::read(&plan).unwrap(),
            original,
            "{args:?} changed the file"
        );
    }
}

#[test]
fn changes_lists_what_moved_between_two_dates() {
    let dir = setup();
    let out = progress(
        dir.path(),
        &[
            "2",
            "--status",
            "hoan-thanh",
            "--date",
            "2021-10-01",
            "--text",
            "Đã ban hành 03 VB QPPL",
        ],
    );
    assert!(out.status.success());
    let listed = vanban(
        dir.path(),
        &[
            "changes",
            "ke-hoach-khac-phuc-cchc-2020.toml",
            "--from",
            "2021-06-30",
            "--to",
            "2021-12-31",
        ],
    );
    assert!(listed.status.success());
    assert_eq!(
        stdout(&listed),
        "2\tXây dựng và tổ chức thực hiện văn bản QPPL\tĐã tham mưu UBND tỉnh ban hành 02 VB QPPL → Đã ban hành 03 VB QPPL\n1 changed\n"
    );
}

#[test]
fn report_refers_to_its_plan_and_counts_progress() {
    let dir = setup();
    report(dir.path(), "2021-06-30", "o");
    let all = document_texts(dir.path(), "o");
    let intro = all
        .iter()
        .find(|t| t.starts_with("Thực hiện Kế hoạch số"))
        .expect("reference to the plan");
    assert!(
        intro.contains("/KH-SNV ngày")
            && intro.contains("năm 2021 của Sở Nội vụ về khắc phục các tồn tại"),
        "{intro}"
    );
    assert!(
        intro.contains("(số liệu cập nhật đến ngày 30/6/2021)"),
        "{intro}"
    );
    assert!(all.contains(&"Số:       /BC-SNV".to_string()), "{all:?}");
    assert!(all.contains(&"Kính gửi: Ủy ban nhân dân tỉnh.".to_string()));
    assert!(
        all.contains(&"- Như trên;".to_string()),
        "Kính gửi puts Như trên first in Nơi nhận"
    );
    for line in [
        "- Đã hoàn thành: 00/09;",
        "- Đang thực hiện: 08;",
        "- Không thể thực hiện: 01.",
    ] {
        assert!(
            all.contains(&line.to_string()),
            "{line} missing from {all:?}"
        );
    }
    assert!(
        all.contains(
            &"(Kèm theo Báo cáo số       /BC-SNV ngày       tháng 6 năm 2021 của Sở Nội\u{a0}vụ)"
                .to_string()
        ),
        "{all:?}"
    );
    assert!(all.contains(&"Đã hoàn thành 06/10 nhiệm vụ trọng tâm 2021".to_string()));
}

/// `vanban progress PLAN N` numbers items as the progress appendix does: only the criteria
/// with a remedy or sub-criteria count, and tasks run 1…n across groups.
#[test]
fn item_numbers_are_the_appendix_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        r#"loai = "ke-hoach"
nam = 2022
trich_yeu = "Khắc phục"
[co_quan]
ten = "Sở Nội vụ"
viet_tat = "SNV"
dia_danh = "Hà Tĩnh"
[nguoi_ky]
ho_ten = "Nguyễn Văn A"
[noi_nhan]
luu = "VT"
[[tieu_chi]]
ten = "Đạt điểm tối đa, không khắc phục"
[[tieu_chi]]
ten = "Thứ nhất được theo dõi"
[tieu_chi.khac_phuc]
giai_phap = ["a"]
[[tieu_chi]]
ten = "Thứ hai được theo dõi"
[tieu_chi.khac_phuc]
giai_phap = ["b"]
[[nhom]]
ten = "Một"
[[nhom.nhiem_vu]]
ten = "Việc 1"
[[nhom]]
ten = "Hai"
[[nhom.nhiem_vu]]
ten = "Việc 2"
"#,
    )
    .unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["progress", "plan.toml"];
        all.extend_from_slice(args);
        let out = vanban(dir.path(), &all);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    run(&["2", "--status", "hoan-thanh", "--date", "2022-05-01"]);
    run(&[
        "2",
        "--task",
        "--status",
        "dang-thuc-hien",
        "--date",
        "2022-05-02",
    ]);
    let text = std::fs::read_to_string(&plan).unwrap();
    let second = text.find("Thứ hai được theo dõi").unwrap();
    let done = text.find("2022-05-01").unwrap();
    assert!(
        done > second,
        "the entry went to the wrong criterion:\n{text}"
    );
    let task = text.find("Việc 2").unwrap();
    let started = text.find("2022-05-02").unwrap();
    assert!(started > task, "the entry went to the wrong task:\n{text}");
}

/// The counts are printed where the record asks for them and nowhere else, and with
/// `thay_doi_tu` they end with what moved since that date.
#[test]
fn a_report_counts_only_where_it_asks_to() {
    let dir = setup();
    let record = dir.path().join("bao-cao-6-thang-dau-nam-2021.toml");
    let text = std::fs::read_to_string(&record).unwrap();
    let without = text.replace(
        "noi_dung = [{ chen = \"ket-qua\" }]",
        "noi_dung = [\"Xong.\"]",
    );
    assert_ne!(without, text);
    std::fs::write(&record, &without).unwrap();
    report(dir.path(), "2021-06-30", "plain");
    let plain = document_texts(dir.path(), "plain");
    assert!(
        !plain.iter().any(|t| t.starts_with("Tổng số nhiệm vụ")),
        "{plain:?}"
    );

    let since = text.replace(
        "tinh_den = 2021-06-30",
        "tinh_den = 2021-06-30\nthay_doi_tu = 2021-03-31",
    );
    std::fs::write(&record, since).unwrap();
    report(dir.path(), "2021-06-30", "moved");
    let moved = document_texts(dir.path(), "moved");
    let at = moved
        .iter()
        .position(|t| t == "Những thay đổi từ ngày 31/3/2021:")
        .unwrap_or_else(|| panic!("{moved:?}"));
    assert!(
        moved[at - 1].starts_with("- Không thể thực hiện: 01"),
        "{moved:?}"
    );
    assert!(moved[at + 1].starts_with("- "), "{moved:?}");
}
