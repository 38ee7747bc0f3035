//! Ready to attach: the PDF's text layer (Số line, type name and trích yếu before the body),
//! the document properties e-office systems index, and `vanban check` for text and scripts.

mod common;

use std::process::Command;

use common::*;

#[test]
fn pdf_is_written_beside_the_docx_with_number_type_and_title_first() {
    let test = "pdf_is_written_beside_the_docx";
    if find(test, "soffice").is_none() || find(test, "pdftotext").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let record = fixture("good/march.toml");
    let out = vanban(
        dir.path(),
        &["render", record.to_str().unwrap(), "--out", "out", "--pdf"],
    );
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let pdf = dir.path().join("out/march.pdf");
    assert!(
        stdout(&out).contains("wrote out/march.pdf"),
        "{}",
        stdout(&out)
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in the PDF text:\n{text}"))
    };
    let number = at("Số: 18/KH-SCT");
    let kind = at("KẾ HOẠCH");
    let title = at("Kiểm tra tháng ba");
    let body = at("Một đoạn.");
    assert!(number < kind && kind < title && title < body, "{text}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".vanban-pdf"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Unchanged .docx with its PDF in place: nothing to convert, nothing rewritten.
    let before = std::fs::metadata(&pdf).unwrap().modified().unwrap();
    let again = vanban(
        dir.path(),
        &["render", record.to_str().unwrap(), "--out", "out", "--pdf"],
    );
    assert!(again.status.success());
    assert!(!stdout(&again).contains("wrote"), "{}", stdout(&again));
    assert_eq!(std::fs::metadata(&pdf).unwrap().modified().unwrap(), before);
}

#[test]
fn pdf_without_libreoffice_says_how_to_install_it() {
    let dir = tempfile::tempdir().unwrap();
    let record = fixture("good/march.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", record.to_str().unwrap(), "--out", "out", "--pdf"])
        .current_dir(dir.path())
        .env("VANBAN_OFFICE", dir.path().join("no-such-soffice"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(message.contains("LibreOffice is needed"), "{message}");
    assert!(
        message.contains("apt-get install libreoffice-writer-nogui"),
        "{message}"
    );
    assert!(
        !dir.path().join("out").exists(),
        "rendered although --pdf cannot be honoured"
    );
}

#[test]
fn document_properties_come_from_the_record() {
    let (_dir, docx) = render(&fixture("good/march.toml"));
    let core = part(&docx, "docProps/core.xml");
    for expected in [
        "<dc:title>Kiểm tra tháng ba</dc:title>",
        "<dc:subject>Kế hoạch</dc:subject>",
        "<dc:creator>Sở Công Thương</dc:creator>",
        "<cp:keywords>18/KH-SCT</cp:keywords>",
        ">2021-03-09T00:00:00Z</dcterms:created>",
        ">2021-03-09T00:00:00Z</dcterms:modified>",
    ] {
        assert!(core.contains(expected), "{expected} not in {core}");
    }
    let app = part(&docx, "docProps/app.xml");
    assert!(app.contains("<Company>Sở Công Thương</Company>"), "{app}");
    assert!(app.contains("<Application>vanban</Application>"), "{app}");
}

#[test]
fn check_reports_without_writing_and_speaks_json() {
    let dir = tempfile::tempdir().unwrap();
    let good = fixture("good/march.toml");
    let bad = fixture("bad/unknown-key.toml");
    let text = vanban(
        dir.path(),
        &["check", good.to_str().unwrap(), bad.to_str().unwrap()],
    );
    assert_eq!(text.status.code(), Some(1));
    assert_eq!(stdout(&text), "2 checked, 1 failed\n");
    assert!(
        stderr(&text).contains("unknown-key.toml:3:1"),
        "{}",
        stderr(&text)
    );

    let json = vanban(
        dir.path(),
        &[
            "check",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(json.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(value["checked"], 2);
    assert_eq!(value["failed"], 1);
    assert_eq!(value["records"][0]["ok"], true);
    let diagnostic = &value["records"][1]["diagnostics"][0];
    assert_eq!(diagnostic["severity"], "error");
    assert_eq!(diagnostic["line"], 3);
    assert_eq!(diagnostic["column"], 1);
    assert_eq!(diagnostic["message"], "unknown key `trich_yue`");

    let ok = vanban(dir.path(), &["check", good.to_str().unwrap()]);
    assert!(ok.status.success());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "check wrote files"
    );
}

#[test]
fn cong_van_puts_vv_under_the_number_and_names_what_it_sends() {
    let (_dir, docx) = render(&repo(
        "plans/so-noi-vu/cong-van-gui-bao-cao-6-thang-2021.toml",
    ));
    let xml = part(&docx, "word/document.xml");
    let header = paragraphs(&table(&xml, 0));
    let number = header.iter().position(|p| p.style == "DocNumber").unwrap();
    assert_eq!(header[number].text, "Số:       /SNV-CCHC");
    assert_eq!(header[number + 1].style, "TrichYeuCongVan");
    assert!(
        header[number + 1]
            .text
            .starts_with("V/v báo cáo kết quả khắc phục"),
        "{:?}",
        header[number + 1]
    );
    let all = paragraphs(&xml);
    assert!(
        !all.iter().any(|p| p.style == "DocKind"),
        "a Công văn has no type name"
    );
    assert!(all.iter().any(|p| p.text
        == "Sở Nội vụ gửi kèm theo Công văn này Báo cáo số       /BC-SNV ngày       tháng 6 năm 2021 về kết quả khắc phục các tồn tại, hạn chế trong công tác CCHC 6 tháng đầu năm 2021."));
    let recipients: Vec<_> = all
        .iter()
        .filter(|p| p.style == "Recipients")
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        recipients,
        ["- Như trên;", "- Lãnh đạo Sở;", "- Lưu: VT, CCHC-VTLT."]
    );
    let styles = part(&docx, "word/styles.xml");
    let vv = &styles[styles.find("w:styleId=\"TrichYeuCongVan\"").unwrap()..];
    let vv = &vv[..vv.find("</w:style>").unwrap()];
    assert!(vv.contains("w:before=\"120\""), "6 pt above: {vv}");
    assert!(
        !vv.contains("<w:b/>") && !vv.contains("<w:i/>"),
        "upright, regular: {vv}"
    );
}
