//! Appendix (Phụ lục) tables read back from the .docx the real binary writes: sections and
//! orientation, page-number restart, repeated header rows, group rows, merged number cells,
//! computed numbering and subtotals.

mod common;

use common::*;

fn document(record: &str) -> (tempfile::TempDir, String) {
    let (dir, docx) = render(&fixture(record));
    let xml = part(&docx, "word/document.xml");
    (dir, xml)
}

/// The section properties in document order: (the sectPr XML) for every section.
fn sections(xml: &str) -> Vec<String> {
    xml.match_indices("<w:sectPr>")
        .map(|(i, _)| xml[i..i + xml[i..].find("</w:sectPr>").unwrap()].to_string())
        .collect()
}

fn cell_texts(row: &str) -> Vec<String> {
    row.split("<w:tc>")
        .skip(1)
        .map(|c| texts(&c[..c.find("</w:tc>").unwrap()]).join(" | "))
        .collect()
}

#[test]
fn appendix_is_a_landscape_section_whose_page_numbers_restart() {
    let (_d, xml) = document("good/bang-diem.toml");
    let s = sections(&xml);
    assert_eq!(s.len(), 2, "main section + appendix section");
    assert!(
        s[0].contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
        "main is portrait: {}",
        s[0]
    );
    assert!(!s[0].contains("w:pgNumType"));
    assert!(
        s[1].contains(r#"w:w="16838" w:h="11906""#) && s[1].contains(r#"w:orient="landscape""#),
        "{}",
        s[1]
    );
    assert!(s[1].contains(r#"<w:pgNumType w:start="1"/>"#), "{}", s[1]);
    for section in &s {
        assert!(
            section.contains("<w:titlePg/>")
                && section.contains("rIdHeader1")
                && section.contains("rIdHeader2")
        );
    }
}

#[test]
fn appendix_heading_lines_follow_mau_2_1() {
    let (_d, xml) = document("good/bang-diem.toml");
    let paras = paragraphs(&xml);
    let at = paras
        .iter()
        .position(|p| p.style == "AppendixLabel")
        .expect("appendix label");
    let lines: Vec<(&str, &str)> = paras[at..at + 3]
        .iter()
        .map(|p| (p.style.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            ("AppendixLabel", "Phụ lục"),
            (
                "AppendixTitle",
                // A no-break space keeps the last word from a line of its own.
                "KẾT QUẢ THẨM ĐỊNH VÀ GIẢI PHÁP KHẮC PHỤC CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM NĂM\u{a0}2021"
            ),
            (
                "AppendixAttached",
                "(Kèm theo Kế hoạch số 18/KH-UBND ngày 14 tháng 02 năm 2022 của Ủy ban nhân dân xã Thạch\u{a0}Đài)"
            ),
        ]
    );
}

#[test]
fn score_appendix_computes_subtotals_and_lost_points() {
    let (_d, xml) = document("good/bang-diem.toml");
    let count = xml.matches("<w:tbl>").count();
    let table = table(&xml, count - 1);
    let rows = rows(&table);
    // Header row and the (1) (2) … row repeat on every page; no other row does.
    assert!(rows[0].contains("<w:tblHeader/>") && rows[1].contains("<w:tblHeader/>"));
    assert!(rows[2..].iter().all(|r| !r.contains("<w:tblHeader/>")));
    assert_eq!(
        cell_texts(&rows[1]),
        [
            "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"
        ]
    );
    let first_four = |r: &String| cell_texts(r)[..5].to_vec();
    assert_eq!(
        first_four(&rows[2]),
        ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "3,5", "3", "0,5"]
    );
    assert_eq!(
        first_four(&rows[3]),
        ["1.2", "Tổ chức thực hiện kế hoạch CCHC", "1,5", "1", "0,5"]
    );
    assert_eq!(
        first_four(&rows[5]),
        ["3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "9,5", "9", "0,5"]
    );
    assert_eq!(
        first_four(&rows[6]),
        ["3.2", "Công khai thủ tục hành chính", "9,5", "8,25", "1,25"]
    );
    // Only fields are upper case; a deeper group is bold as typed, a leaf regular.
    assert!(rows[6].contains("<w:b/>") && !rows[8].contains("<w:b/>"));
    assert_eq!(
        first_four(&rows[8]),
        ["3.2.2", "Công khai trên cổng thông tin", "5", "4", "1"]
    );
    assert_eq!(
        first_four(rows.last().unwrap()),
        ["", "TỔNG CỘNG", "13", "12", "1"]
    );
    assert_eq!(
        cell_texts(&rows[8])[5],
        "· Cập nhật đủ thủ tục trên cổng | · Kiểm tra hằng tháng"
    );
}

#[test]
fn a_typed_total_is_printed_as_typed_and_checked_only_for_a_complete_listing() {
    let dir = tempfile::tempdir().unwrap();
    let render = |record: &std::path::Path| {
        let out = vanban(
            dir.path(),
            &["render", record.to_str().unwrap(), "--out", "o", "--force"],
        );
        assert!(out.status.success(), "a warning does not fail the render");
        stderr(&out)
    };
    // Group 3 types 9 while its listed parts add up to 8.25: a partial listing, as remedial
    // plans list only what lost points, is printed as typed without a word.
    let partial = render(&fixture("good/bang-diem.toml"));
    assert!(!partial.contains("warning"), "{partial}");
    // Said to be complete, the disagreement is a warning at the typed figure.
    let text = std::fs::read_to_string(fixture("good/bang-diem.toml")).unwrap();
    let complete = text.replacen("diem_dat = 9\n", "diem_dat = 9\nday_du = true\n", 1);
    assert_ne!(complete, text);
    let record = dir.path().join("bang-diem.toml");
    std::fs::write(&record, complete).unwrap();
    let message = render(&record);
    assert_contains(
        &message,
        "warning: criterion `3` types assessed points 9 but its parts, listed in full, add up to 8.25; the tables show 9 as typed",
    );
    assert_contains(&message, "bang-diem.toml:55:12");
}

#[test]
fn task_appendix_numbers_continuously_under_spanning_group_rows() {
    let (_d, docx) = render(&repo("plans/so-cong-thuong/ke-hoach-cchc-2021.toml"));
    let xml = part(&docx, "word/document.xml");
    let count = xml.matches("<w:tbl>").count();
    let rows = rows(&table(&xml, count - 1));
    let mut numbers = Vec::new();
    let mut groups = Vec::new();
    for row in &rows[1..] {
        let cells = cell_texts(row);
        if row.contains(r#"<w:gridSpan w:val="6"/>"#) {
            groups.push(cells[0].clone());
            assert_eq!(cells.len(), 2, "group row: number + one spanning cell");
        } else {
            numbers.push(cells[0].parse::<usize>().unwrap());
        }
    }
    assert_eq!(groups, ["I", "II", "III", "IV", "V", "VI", "VII"]);
    assert_eq!(
        numbers,
        (1..=46).collect::<Vec<_>>(),
        "every task numbered once, in order"
    );
    assert_eq!(cell_texts(&rows[1])[1], "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH");
    assert!(texts(&xml).contains(
        &"KẾ HOẠCH TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM\u{a0}2021".to_string()
    ));
}

#[test]
fn sub_criteria_share_a_merged_number_cell_and_show_progress_as_of_the_date() {
    let (_d, xml) = document("good/tieu-chi-con.toml");
    let count = xml.matches("<w:tbl>").count();
    let rows = rows(&table(&xml, count - 1));
    assert!(
        rows[1].contains(r#"<w:vMerge w:val="restart"/>"#),
        "{}",
        rows[1]
    );
    assert!(
        rows[2].contains("<w:vMerge/>") || rows[2].contains(r#"<w:vMerge w:val="continue"/>"#),
        "{}",
        rows[2]
    );
    assert!(rows[3].contains("<w:vMerge/>") || rows[3].contains(r#"<w:vMerge w:val="continue"/>"#));
    assert!(!rows[4].contains("w:vMerge"));
    assert_eq!(
        cell_texts(&rows[2]),
        [
            "",
            "- Tiêu chí 1.2: Mức độ hoàn thành kế hoạch CCHC",
            "Giao các phòng bám sát kế hoạch",
            "Quý II/2022",
            "Đang thực hiện",
            ""
        ]
    );
    assert_eq!(
        cell_texts(&rows[3])[4],
        "Đã ban hành Kế hoạch kiểm tra số 45/KH-SNgV"
    );
    assert_eq!(cell_texts(&rows[4])[0], "2");
    assert_eq!(
        cell_texts(&rows[0])[2],
        "Giải pháp khắc phục | (Theo Kế hoạch số 102/KH-SNgV ngày 14/02/2022)"
    );
}

#[test]
fn an_appendix_can_be_a_file_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("plan.toml");
    let text = std::fs::read_to_string(fixture("good/tieu-chi-con.toml"))
        .unwrap()
        .replace("huong = \"ngang\"", "huong = \"ngang\"\ntep_rieng = true");
    std::fs::write(&record, text).unwrap();
    let out = vanban(dir.path(), &["render", "plan.toml", "--out", "o"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("wrote o/plan-phu-luc.docx"),
        "{}",
        stdout(&out)
    );
    let main = part(&dir.path().join("o/plan.docx"), "word/document.xml");
    assert!(
        !main.contains("AppendixLabel"),
        "the appendix left the main file"
    );
    let separate = part(&dir.path().join("o/plan-phu-luc.docx"), "word/document.xml");
    assert!(
        !separate.contains("QuocHieu"),
        "Mẫu 2.2: no header block on a separate appendix"
    );
    assert!(separate.contains("AppendixLabel") && separate.contains(r#"w:orient="landscape""#));
}

#[test]
fn unknown_preset_and_column_are_refused_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("plan.toml");
    let base = std::fs::read_to_string(fixture("good/tieu-chi-con.toml")).unwrap();
    std::fs::write(
        &record,
        base.replace("mau = \"tien-do\"", "mau = \"tien_do\""),
    )
    .unwrap();
    let out = vanban(dir.path(), &["render", "plan.toml", "--out", "o"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown appendix preset `tien_do`")
            && stderr(&out).contains("plan.toml:24:7"),
        "{}",
        stderr(&out)
    );
    std::fs::write(
        &record,
        base.replace("{ khoa = \"ghi_chu\" }", "{ khoa = \"san_pham\" }"),
    )
    .unwrap();
    let out = vanban(dir.path(), &["render", "plan.toml", "--out", "o"]);
    assert!(
        stderr(&out).contains("column `san_pham` is not available in a `tien-do` appendix"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_task_progress_column_follows_as_of() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("plan.toml");
    std::fs::write(
        &record,
        r#"loai = "ke-hoach"
nam = 2022
trich_yeu = "Nhiệm vụ năm 2022"
[co_quan]
ten = "Sở Nội vụ"
viet_tat = "SNV"
dia_danh = "Hà Tĩnh"
[nguoi_ky]
ho_ten = "Nguyễn Văn A"
[noi_nhan]
luu = "VT"
[[nhom]]
ten = "Chỉ đạo"
[[nhom.nhiem_vu]]
ten = "Ban hành kế hoạch"
tien_do = [
  { ngay = 2022-03-01, trang_thai = "dang-thuc-hien", noi_dung = "Đang dự thảo" },
  { ngay = 2022-06-01, trang_thai = "hoan-thanh", noi_dung = "Đã ban hành" },
]
[[phu_luc]]
tieu_de = "Tiến độ nhiệm vụ"
mau = "nhiem-vu"
cot = [{ khoa = "stt" }, { khoa = "ten" }, { khoa = "tien_do" }]
"#,
    )
    .unwrap();
    let progress_cell = |as_of: Option<&str>| {
        let mut args = vec!["render", "plan.toml", "--out", "out", "--force"];
        if let Some(date) = as_of {
            args.extend(["--as-of", date]);
        }
        let out = vanban(dir.path(), &args);
        assert!(out.status.success(), "{}", stderr(&out));
        let xml = part(&dir.path().join("out/plan.docx"), "word/document.xml");
        let body = rows(&table(&xml, 2));
        cell_texts(&body[2])[2].clone()
    };
    assert_eq!(progress_cell(Some("2022-02-01")), "");
    assert_eq!(progress_cell(Some("2022-04-30")), "Đang dự thảo");
    assert_eq!(progress_cell(None), "Đã ban hành");
}
