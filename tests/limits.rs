//! Very long text and very large tables render completely (issue: "render or fail cleanly,
//! never hang"): a 160,000-character paragraph and a 10,000-row appendix. How long they take
//! is measured in benches/, not asserted here.

mod common;

use common::*;

fn big_record(paragraph: &str, groups: usize, tasks: usize) -> String {
    let mut toml = format!(
        "loai = \"ke-hoach\"\nnam = 2022\ntrich_yeu = \"Bảng lớn\"\nmo_dau = [\"{paragraph}\"]\n\
         [co_quan]\nten = \"Sở Nội vụ\"\nviet_tat = \"SNV\"\ndia_danh = \"Hà Tĩnh\"\n\
         [nguoi_ky]\nchuc_vu = \"Giám đốc\"\nho_ten = \"Nguyễn Văn A\"\n\
         [noi_nhan]\nluu = \"VT\"\n\
         [[phu_luc]]\ntieu_de = \"Nhiệm vụ\"\nmau = \"nhiem-vu\"\n"
    );
    for g in 0..groups {
        toml.push_str(&format!("[[nhom]]\nten = \"Nhóm {g}\"\n"));
        for t in 0..tasks {
            toml.push_str(&format!(
                "[[nhom.nhiem_vu]]\nten = \"Nhiệm vụ {g}.{t}\"\nsan_pham = [\"Báo cáo\"]\n\
                 chu_tri = \"Văn phòng\"\nthoi_han = \"Quý I/2022\"\n"
            ));
        }
    }
    toml
}

#[test]
fn ten_thousand_rows_and_a_very_long_paragraph_render_completely() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "Rất dài ".repeat(20_000);
    let record = dir.path().join("lon.toml");
    std::fs::write(&record, big_record(paragraph.trim_end(), 100, 100)).unwrap();
    let (_out, docx) = render(&record);
    let xml = part(&docx, "word/document.xml");
    let texts = texts(&xml);
    assert!(texts.iter().any(|t| t == paragraph.trim_end()));
    let appendix = table(&xml, xml.match_indices("<w:tbl>").count() - 1);
    let numbered = appendix
        .split("<w:tr")
        .filter(|row| row.contains("Nhiệm vụ "))
        .count();
    assert_eq!(numbered, 10_000);
    assert!(
        texts.iter().any(|t| t == "10000"),
        "last row is numbered 10000"
    );
    assert!(!texts.iter().any(|t| t == "10001"));
}
