//! Section numbering read back from the .docx: every bundled plan and fixture goes down one
//! level at a time, and a record can number its sections 1./a)/- or 1./1.1./1.1.1.

mod common;

use common::*;

/// The level a numbered paragraph stands at, from its style or its number.
fn level(p: &Para) -> Option<u8> {
    match p.style.as_str() {
        "Heading1" => Some(1),
        "Heading2" => Some(2),
        "Heading3" => Some(3),
        _ => {
            let (number, _) = p.text.split_once(". ")?;
            number.chars().all(|c| c.is_ascii_digit()).then_some(2)
        }
    }
}

#[test]
fn no_document_skips_a_level() {
    let mut all = files(&repo("plans"), "toml");
    all.extend(files(&fixture("good"), "toml"));
    assert!(all.len() >= 8, "{all:?}");
    for record in all {
        let (_dir, docx) = render(&record);
        let xml = part(&docx, "word/document.xml");
        let mut depth = 0;
        for p in paragraphs(&xml) {
            let Some(level) = level(&p) else { continue };
            assert!(
                level <= depth + 1,
                "{}: `{}` at level {level} under level {depth}",
                record.display(),
                p.text
            );
            depth = level;
        }
    }
}

const REPORT: &str = r#"loai = "ke-hoach"
danh_so = "STYLE"
nam = 2024
trich_yeu = "Kết quả thực hiện nhiệm vụ quý I năm 2024"
[co_quan]
chu_quan = "Sở Nội vụ"
ten = "Văn phòng Sở"
viet_tat = "VP"
dia_danh = "Hà Tĩnh"
[nguoi_ky]
chuc_vu = "Chánh Văn phòng"
ho_ten = "Lê Văn C"
[noi_nhan]
luu = "VT"
[[phan]]
tieu_de = "Kết quả đạt được"
  [[phan.muc]]
  tieu_de = "Công tác tham mưu"
    [[phan.muc.muc]]
    tieu_de = "Văn bản quy phạm"
    noi_dung = ["Đã tham mưu ban hành 02 văn bản."]
[[phan]]
noi_dung = ["Văn phòng Sở báo cáo để Lãnh đạo Sở biết, chỉ đạo."]
"#;

fn numbered(style: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("ke-hoach.toml");
    std::fs::write(&record, REPORT.replace("STYLE", style)).unwrap();
    let (_out, docx) = render(&record);
    texts(&part(&docx, "word/document.xml"))
        .into_iter()
        .filter(|t| t.starts_with(|c: char| c.is_ascii_digit() || c == 'I' || c == 'a' || c == '-'))
        .collect()
}

#[test]
fn a_record_chooses_how_its_sections_are_numbered() {
    assert_eq!(
        numbered("la-ma")[..4],
        [
            "I. KẾT QUẢ ĐẠT ĐƯỢC",
            "1. Công tác tham mưu",
            "a) Văn bản quy phạm",
            "II. Văn phòng Sở báo cáo để Lãnh đạo Sở biết, chỉ đạo."
        ]
    );
    assert_eq!(
        numbered("so")[..4],
        [
            "1. Kết quả đạt được",
            "a) Công tác tham mưu",
            "- Văn bản quy phạm",
            "2. Văn phòng Sở báo cáo để Lãnh đạo Sở biết, chỉ đạo."
        ]
    );
    assert_eq!(
        numbered("thap-phan")[..4],
        [
            "1. Kết quả đạt được",
            "1.1. Công tác tham mưu",
            "1.1.1. Văn bản quy phạm",
            "2. Văn phòng Sở báo cáo để Lãnh đạo Sở biết, chỉ đạo."
        ]
    );
}
