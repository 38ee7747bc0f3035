//! A Phụ lục issued as a file of its own (`loai = "phu-luc"`, Mẫu 2.2), read back from the
//! .docx the real binary writes: no header block, the top of page 1 left free for the
//! organisation's digital signature, the "(Kèm theo …)" line naming its document.

mod common;

use common::*;

/// The paragraphs of a document part in order, as (style, text).
fn paragraphs(xml: &str) -> Vec<(String, String)> {
    xml.split("<w:p>")
        .skip(1)
        .map(|p| {
            let p = &p[..p.find("</w:p>").unwrap_or(p.len())];
            let style = p
                .split("<w:pStyle w:val=\"")
                .nth(1)
                .map(|s| s[..s.find('"').unwrap()].to_string())
                .unwrap_or_default();
            let text: String = p
                .split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .map(|t| &t[..t.find("</w:t>").unwrap()])
                .collect();
            (style, text)
        })
        .collect()
}

/// The space before (twips) the first paragraph of `xml`, which must be "Phụ lục".
fn space_above_label(xml: &str) -> u32 {
    let body = &xml[xml.find("<w:body>").unwrap()..];
    let first = &body[..body.find("</w:p>").unwrap()];
    assert!(first.contains("AppendixLabel"), "{first}");
    first
        .split("w:before=\"")
        .nth(1)
        .map_or(0, |s| s[..s.find('"').unwrap()].parse().unwrap())
}

#[test]
fn a_phu_luc_file_has_no_header_block_and_keeps_the_top_free_for_the_signature() {
    let (dir, docx) = render(&fixture("good/phu-luc-rieng.toml"));
    let written: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".docx"))
        .collect();
    assert_eq!(
        written,
        ["phu-luc-rieng.docx"],
        "one file, no main document"
    );
    let xml = part(&docx, "word/document.xml");
    for absent in ["QuocHieu", "CỘNG HÒA", "NoiNhan", "TrichYeu", "Kind\""] {
        assert!(
            !xml.contains(absent),
            "{absent}: Mẫu 2.2 has no header, title or signer"
        );
    }
    // 20 mm above "Phụ lục": the band where the Văn thư's signing tool writes its 10 pt box.
    assert!(
        space_above_label(&xml) >= 1134,
        "{}",
        space_above_label(&xml)
    );
    let paras = paragraphs(&xml);
    let styles: Vec<&str> = paras.iter().take(3).map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        styles,
        ["AppendixLabel", "AppendixTitle", "AppendixAttached"]
    );
    assert_eq!(paras[0].1, "Phụ lục");
    // Kind, number and ký hiệu, date and the short name, glued to its last word.
    assert_eq!(
        paras[2].1,
        "(Kèm theo Báo cáo số 125/BC-UBND ngày 28 tháng 6 năm 2021 của UBND\u{a0}huyện)"
    );
    assert!(xml.contains("w:tblHeader"), "the header row repeats");
    let core = part(&docx, "docProps/core.xml");
    assert_contains(&core, "KẾT QUẢ KHẮC PHỤC CÁC TỒN TẠI");
    assert_contains(&core, "125/BC-UBND");
}

#[test]
fn a_separate_appendix_of_a_plan_keeps_the_same_space_and_one_in_the_document_none() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("good/tieu-chi-con.toml"))
        .unwrap()
        .replace("huong = \"ngang\"", "huong = \"ngang\"\ntep_rieng = true");
    std::fs::write(dir.path().join("plan.toml"), text).unwrap();
    let out = vanban(dir.path(), &["render", "plan.toml", "--out", "o"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let separate = part(&dir.path().join("o/plan-phu-luc.docx"), "word/document.xml");
    assert!(space_above_label(&separate) >= 1134);
    let (_d, docx) = render(&fixture("good/bang-diem.toml"));
    let main = part(&docx, "word/document.xml");
    let label = &main[main.find("AppendixLabel").unwrap()..];
    let label = &label[..label.find("</w:pPr>").unwrap()];
    assert!(!label.contains("w:before"), "in the document: {label}");
}

#[test]
fn a_body_or_signer_in_a_phu_luc_record_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let record = std::fs::read_to_string(fixture("good/phu-luc-rieng.toml")).unwrap();
    let with_signer = record.replace(
        "[[phu_luc]]",
        "[nguoi_ky]\nchuc_vu = \"Chủ tịch\"\nho_ten = \"Nguyễn Văn A\"\n\n[[phu_luc]]",
    );
    std::fs::write(dir.path().join("p.toml"), &with_signer).unwrap();
    let out = vanban(dir.path(), &["render", "p.toml", "--out", "o"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let line = with_signer.lines().position(|l| l == "[nguoi_ky]").unwrap() + 1;
    assert_contains(&stderr(&out), &format!("p.toml:{line}:2"));
    assert_contains(&stderr(&out), "`nguoi_ky` has no place in a Phụ lục");
    assert!(!dir.path().join("o/p.docx").exists());

    let vi = vanban_in(dir.path(), &["check", "p.toml"], Some("vi_VN.UTF-8"));
    assert_contains(
        &stderr(&vi),
        "không dùng trong phụ lục ban hành thành tệp riêng",
    );
}

#[test]
fn vanban_new_phu_luc_writes_a_phu_luc_record() {
    let dir = tempfile::tempdir().unwrap();
    let out = vanban(dir.path(), &["new", "phu-luc", "pl.toml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("pl.toml")).unwrap();
    assert_contains(&text, "loai = \"phu-luc\"");
    for absent in ["[nguoi_ky]", "[noi_nhan]", "mo_dau", "cong-van\""] {
        assert!(!text.contains(absent), "{absent} in the scaffold");
    }
    let (_d, docx) = render(&dir.path().join("pl.toml"));
    let xml = part(&docx, "word/document.xml");
    assert!(!xml.contains("QuocHieu"));
    // A draft: the number, day and month are left blank for the Văn thư.
    assert_contains(&xml, "(Kèm theo Kế hoạch số ");
    assert_contains(&xml, "/KH-SCT ngày ");
    assert_contains(&xml, "năm 2026 của Sở Công\u{a0}Thương)");
}

#[test]
fn a_cong_van_sends_a_document_not_its_phu_luc_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("good/phu-luc-rieng.toml"),
        dir.path().join("phu-luc-rieng.toml"),
    )
    .unwrap();
    let made = vanban(dir.path(), &["new", "cong-van", "cv.toml"]);
    assert!(made.status.success(), "{}", stderr(&made));
    let text = std::fs::read_to_string(dir.path().join("cv.toml")).unwrap();
    let text = text.replace(
        "# kem_theo = \"bao-cao.toml\"",
        "kem_theo = \"phu-luc-rieng.toml\"",
    );
    assert!(text.contains("\nkem_theo = "), "the scaffold changed");
    std::fs::write(dir.path().join("cv.toml"), &text).unwrap();
    let out = vanban(dir.path(), &["render", "cv.toml", "--out", "o"]);
    assert_eq!(out.status.code(), Some(1));
    let line = text
        .lines()
        .position(|l| l.starts_with("kem_theo"))
        .unwrap()
        + 1;
    assert_contains(&stderr(&out), &format!("cv.toml:{line}:12"));
    assert_contains(&stderr(&out), "is a Phụ lục file");
}
