//! Documents of agencies vanban was not built from, read back from the .docx the real binary
//! writes: a commune's partial score appendix (criteria four levels deep, group figures as
//! typed, a real slip in lost points, no total row) and a department office's report
//! (sections 1./2./3., free-text progress, sub-criteria with their own cells, one solution
//! spanning two of them).

mod common;

use common::*;

/// A cell's paragraphs joined by " | ".
fn text(cell: &str) -> String {
    texts(cell).join(" | ")
}

fn last_table(record: &str) -> (Vec<String>, String) {
    let (_d, docx) = render(&fixture(record));
    let xml = part(&docx, "word/document.xml");
    let count = xml.matches("<w:tbl>").count();
    (rows(&table(&xml, count - 1)), xml)
}

/// The row whose first cell reads `number`.
fn row<'a>(rows: &'a [String], number: &str) -> &'a String {
    rows.iter()
        .find(|r| text(&cells(r)[0]) == number)
        .unwrap_or_else(|| panic!("no row {number}"))
}

#[test]
fn a_partial_score_listing_prints_group_figures_as_typed() {
    let (rows, xml) = last_table("warn/xa-diem-mot-phan.toml");
    let figures = |number: &str| -> Vec<String> {
        cells(row(&rows, number))[..5]
            .iter()
            .map(|c| text(c))
            .collect()
    };
    // The province's figures, not the sum of the two parts listed (2 / 1 / 1).
    assert_eq!(
        figures("1"),
        [
            "1",
            "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
            "9",
            "7,95",
            "1,03"
        ]
    );
    assert_eq!(
        figures("7"),
        ["7", "HIỆN ĐẠI HÓA HÀNH CHÍNH", "7", "5,8", "1,2"]
    );
    // Deeper groups keep the case typed; codes go four levels deep.
    assert_eq!(
        figures("7.1"),
        ["7.1", "Ứng dụng công nghệ thông tin", "3", "2,25", "0,75"]
    );
    assert_eq!(
        figures("7.1.1.4"),
        ["7.1.1.4", "Tỷ lệ văn bản đi được ký số", "0,5", "0", "0,5"]
    );
    // Lost points computed where not typed: 2 − 1,5.
    assert_eq!(figures("7.3")[4], "0,5");
    // Fields and groups bold, leaves regular.
    for bold in ["1", "7", "7.1", "7.1.1"] {
        assert!(row(&rows, bold).contains("<w:b/>"), "{bold} is bold");
    }
    for regular in ["1.3", "7.1.1.4"] {
        assert!(
            !row(&rows, regular).contains("<w:b/>"),
            "{regular} is regular"
        );
    }
    // dong_tong = false: no Tổng cộng row.
    assert!(!texts(&xml).iter().any(|t| t == "TỔNG CỘNG"));
    // Items typed on one line are lines of the cell.
    assert_eq!(
        text(&cells(row(&rows, "1.6"))[5]),
        "Phát động sáng kiến CCHC: | a) đăng ký sáng kiến trong quý I; | b) chấm, công nhận trong quý III."
    );
    assert_eq!(
        texts(&cells(row(&rows, "7.3"))[5]).len(),
        3,
        "the solution's two dashed items are lines of their own"
    );
}

#[test]
fn the_slip_in_lost_points_is_warned_at_its_place_with_both_values() {
    let dir = tempfile::tempdir().unwrap();
    let record = fixture("warn/xa-diem-mot-phan.toml");
    let args = ["check", record.to_str().unwrap()];
    let out = vanban_in(dir.path(), &args, Some("en"));
    assert!(out.status.success(), "a warning does not fail the check");
    let en = stderr(&out);
    assert_eq!(
        en.matches("warning").count(),
        1,
        "one slip, one warning: {en}"
    );
    assert_contains(
        &en,
        "criterion `1`: lost points 1.03 ≠ 9 − 7.95 = 1.05; the tables show 1.03 as typed",
    );
    assert_contains(&en, "xa-diem-mot-phan.toml:63:12");
    let vi = stderr(&vanban_in(dir.path(), &args, Some("vi")));
    assert_contains(&vi, "điểm bị mất 1,03 ≠ 9 − 7,95 = 1,05");
}

#[test]
fn a_skipped_criterion_level_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("warn/xa-diem-mot-phan.toml"))
        .unwrap()
        .replace("ma = \"7.1.1.4\"", "cap = 5");
    std::fs::write(dir.path().join("xa.toml"), text).unwrap();
    let out = vanban(dir.path(), &["check", "xa.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_contains(
        &stderr(&out),
        "a criterion at level 5 right after one at level 3 skips a level",
    );
    assert_contains(&stderr(&out), "xa.toml:108:7");
}

#[test]
fn an_office_report_numbers_its_sections_1_2_3_with_titles_as_typed() {
    let (_d, docx) = render(&fixture("good/bao-cao-van-phong-so.toml"));
    let xml = part(&docx, "word/document.xml");
    let headings: Vec<String> = paragraphs(&xml)
        .into_iter()
        .filter(|p| p.style.starts_with("Heading"))
        .map(|p| p.text)
        .collect();
    assert_eq!(
        headings,
        [
            "1. Công tác chỉ đạo, điều hành",
            "2. Kết quả khắc phục các tồn tại, hạn chế",
            "a) Các tiêu chí đã khắc phục xong",
            "b) Các tiêu chí đang khắc phục",
            "3. Khó khăn, vướng mắc và đề xuất",
        ]
    );
    // A report whose record inserts no counts gets none.
    assert!(!texts(&xml).iter().any(|t| t.contains("Tổng số nhiệm vụ")));
}

#[test]
fn sub_criteria_have_their_own_cells_and_one_solution_spans_two() {
    let (rows, _) = last_table("good/bao-cao-van-phong-so.toml");
    let texts_of = |r: &String| cells(r).iter().map(|c| text(c)).collect::<Vec<_>>();
    // Free text alone, no status and no date, is the progress cell.
    assert_eq!(
        texts_of(&rows[1])[5],
        "Đã tham mưu UBND tỉnh ban hành 02 VB QPPL"
    );
    // Criterion 2: no lead row of its own; the lead sentence and every sub-criterion in one
    // merged cell, each sub-criterion once, with one mark (the typed "- " kept, not doubled).
    let lead = cells(&rows[2]);
    assert_eq!(
        text(&lead[1]),
        "Tiêu chí 7: Hiện đại hóa hành chính đạt 5,5/7 điểm; bị trừ điểm ở các tiêu chí thành phần sau: | - 7.1.2. Tỷ lệ văn bản đi được ký số | - 7.1.3. Tỷ lệ văn bản trao đổi dưới dạng điện tử | - 7.3. Cung cấp dịch vụ công trực tuyến toàn trình"
    );
    for column in [0, 1, 2, 3] {
        assert!(
            lead[column].contains(r#"<w:vMerge w:val="restart"/>"#),
            "column {column}"
        );
    }
    let second = cells(&rows[3]);
    // The solution and the lead unit span the first two sub-criteria; their deadlines and
    // progress are their own.
    for column in [0, 1, 2, 3] {
        assert!(
            second[column].contains(r#"<w:vMerge w:val="continue"/>"#),
            "column {column}"
        );
        assert_eq!(text(&second[column]), "");
    }
    assert_eq!(
        texts_of(&rows[3])[4..],
        ["Quý III/2023", "Đạt 92%, tăng 15% so với năm 2022"]
    );
    let third = cells(&rows[4]);
    assert!(third[0].contains(r#"<w:vMerge w:val="continue"/>"#));
    assert!(
        !third[2].contains("w:vMerge"),
        "the third has its own solution"
    );
    assert_eq!(
        text(&third[2]),
        "Rà soát, đề xuất thủ tục đủ điều kiện cung cấp trực tuyến toàn trình"
    );
    // Criterion 3 (dau_con = ""): its lead row, then its sub-criterion without a mark.
    assert_eq!(
        texts_of(&rows[5])[..2],
        ["3", "Tiêu chí 4: Cải cách tổ chức bộ máy"]
    );
    assert_eq!(
        texts_of(&rows[6])[1],
        "Tiêu chí 4.2: Thực hiện quy định về vị trí việc làm"
    );
    assert!(rows.iter().all(|r| !r.contains("- - ")), "no doubled mark");
}

#[test]
fn the_readme_examples_of_trees_numbers_and_sub_criteria_load() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let base = "loai = \"ke-hoach\"\nnam = 2023\ntrich_yeu = \"Thử\"\n[co_quan]\nten = \"A\"\n\
                viet_tat = \"A\"\ndia_danh = \"B\"\n[nguoi_ky]\nho_ten = \"C\"\n[noi_nhan]\nluu = \"VT\"\n";
    let dir = tempfile::tempdir().unwrap();
    for section in [
        "### Criteria as a tree, with figures as typed",
        "### The TT/STT column",
        "### Sub-criteria with cells of their own",
    ] {
        let at = readme.find(section).expect(section);
        let start = at + readme[at..].find("```toml\n").unwrap() + "```toml\n".len();
        let example = &readme[start..start + readme[start..].find("```").unwrap()];
        let record = format!(
            "{base}{}",
            example.replace("mau = \"diem\"", "tieu_de = \"t\"\nmau = \"diem\"")
        );
        std::fs::write(dir.path().join("example.toml"), record).unwrap();
        let out = vanban(dir.path(), &["check", "example.toml"]);
        assert!(out.status.success(), "{section}:\n{}", stderr(&out));
    }
}

#[test]
fn the_body_score_table_draws_fields_groups_and_leaves_like_the_appendix() {
    let dir = tempfile::tempdir().unwrap();
    let record = std::fs::read_to_string(fixture("warn/xa-diem-mot-phan.toml"))
        .unwrap()
        .replace(
            "noi_dung = [\"Các tiêu chí, tiêu chí thành phần",
            "noi_dung = [{ chen = \"bang-diem\" }, \"Các tiêu chí, tiêu chí thành phần",
        );
    std::fs::write(dir.path().join("xa.toml"), record).unwrap();
    let out = vanban(dir.path(), &["render", "xa.toml", "--out", "o"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let xml = part(&dir.path().join("o/xa.docx"), "word/document.xml");
    let rows = rows(&table(&xml, 1));
    let shown = |number: &str| -> Vec<String> {
        cells(row(&rows, number)).iter().map(|c| text(c)).collect()
    };
    assert_eq!(
        shown("1"),
        [
            "1",
            "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
            "9",
            "7,95",
            "-1,03"
        ]
    );
    assert_eq!(shown("7.1")[1], "Ứng dụng công nghệ thông tin");
    assert!(row(&rows, "7.1").contains("<w:b/>"));
    assert!(!row(&rows, "7.1.1.4").contains("<w:b/>"));
}

#[test]
fn progress_finds_a_criterion_by_the_code_numbered_from_its_level() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "loai = \"ke-hoach\"\nngay = 2023-01-05\ntrich_yeu = \"Thử\"\n[co_quan]\nten = \"A\"\n\
                viet_tat = \"A\"\ndia_danh = \"B\"\n[nguoi_ky]\nho_ten = \"C\"\n[noi_nhan]\nluu = \"VT\"\n\
                [[tieu_chi]]\nma = \"7\"\nten = \"Bảy\"\n\
                [[tieu_chi]]\ncap = 2\nten = \"Bảy chấm một\"\n[tieu_chi.khac_phuc]\ngiai_phap = [\"g\"]\n\
                [[tieu_chi]]\ncap = 2\nten = \"Bảy chấm hai\"\n[tieu_chi.khac_phuc]\ngiai_phap = [\"h\"]\n";
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    let out = vanban(
        dir.path(),
        &[
            "progress",
            "plan.toml",
            "7.2",
            "--status",
            "hoan-thanh",
            "--date",
            "2023-02-01",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let after = std::fs::read_to_string(dir.path().join("plan.toml")).unwrap();
    let second = &after[after.find("Bảy chấm hai").unwrap()..];
    assert!(second.contains("hoan-thanh"), "{after}");
    assert!(!after[..after.find("Bảy chấm hai").unwrap()].contains("hoan-thanh"));
}
