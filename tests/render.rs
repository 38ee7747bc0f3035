//! Runs the real `vanban` binary on fixture records and reads the .docx back.

mod common;

use common::*;

fn document(record: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let (dir, docx) = render(&fixture(record));
    let xml = part(&docx, "word/document.xml");
    (dir, docx, xml)
}

fn attr(xml: &str, element: &str, name: &str) -> String {
    let start = xml
        .find(&format!("<{element} "))
        .unwrap_or_else(|| panic!("no {element}"));
    let tag = &xml[start..start + xml[start..].find('>').unwrap()];
    let key = format!("{name}=\"");
    let at = tag
        .find(&key)
        .unwrap_or_else(|| panic!("{element} has no {name}: {tag}"))
        + key.len();
    tag[at..at + tag[at..].find('"').unwrap()].to_string()
}

fn twips(xml: &str, name: &str) -> f32 {
    attr(xml, "w:pgMar", name).parse::<f32>().unwrap() / 56.6929
}

#[test]
fn page_is_a4_portrait_with_margins_inside_the_decree_ranges() {
    let (_d, _x, xml) = document("good/march.toml");
    assert_eq!(attr(&xml, "w:pgSz", "w:w"), "11906");
    assert_eq!(attr(&xml, "w:pgSz", "w:h"), "16838");
    assert!((20.0..=25.0).contains(&twips(&xml, "w:top")));
    assert!((20.0..=25.0).contains(&twips(&xml, "w:bottom")));
    assert!((30.0..=35.0).contains(&twips(&xml, "w:left")));
    assert!((15.0..=20.0).contains(&twips(&xml, "w:right")));
}

#[test]
fn all_four_font_slots_are_times_new_roman() {
    let (_d, docx, xml) = document("good/march.toml");
    let styles = part(&docx, "word/styles.xml");
    let defaults =
        &styles[styles.find("<w:docDefaults>").unwrap()..styles.find("</w:docDefaults>").unwrap()];
    for slot in ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"] {
        assert!(
            defaults.contains(&format!("{slot}=\"Times New Roman\"")),
            "{slot} not set: {defaults}"
        );
    }
    for xml in [&styles, &xml] {
        for (i, _) in xml.match_indices("<w:rFonts") {
            let tag = &xml[i..i + xml[i..].find('>').unwrap()];
            assert!(
                !tag.contains("=\"") || tag.matches("Times New Roman").count() == 4,
                "other font: {tag}"
            );
        }
    }
    let theme = part(&docx, "word/theme/theme1.xml");
    assert!(!theme.contains("Calibri") && theme.contains("Times New Roman"));
}

#[test]
fn header_block_is_a_borderless_two_column_table() {
    let (_d, _x, xml) = document("good/ubnd-xa.toml");
    let header = table(&xml, 0);
    assert!(header.contains("<w:tblLayout w:type=\"fixed\"/>"));
    let borders = &header[header.find("<w:tblBorders>").expect("borders stated")..];
    let borders = &borders[..borders.find("</w:tblBorders>").unwrap()];
    assert_eq!(borders.matches("w:val=\"nil\"").count(), 6, "{borders}");
    assert!(!borders.contains("single"), "header table has borders");
    assert_eq!(header.matches("<w:gridCol ").count(), 2);
    let cells: Vec<Para> = paragraphs(&header)
        .into_iter()
        .filter(|p| !p.text.is_empty())
        .collect();
    let expected = [
        ("AgencyParent", "UBND HUYỆN THẠCH HÀ"),
        // Too long for its column: cut where the commune starts, not where Word runs out.
        ("AgencyIssuer", "ỦY BAN NHÂN DÂN"),
        ("AgencyIssuer", "XÃ THẠCH ĐÀI"),
        ("QuocHieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("TieuNgu", "Độc lập - Tự do - Hạnh phúc"),
        ("DocNumber", "Số: 05/KH-UBND"),
        ("PlaceDate", "Thạch Đài, ngày 05 tháng 01 năm 2021"),
    ];
    let got: Vec<(&str, &str)> = cells
        .iter()
        .map(|p| (p.style.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(got, expected);
    // Both rules are paragraph borders inside the header cells.
    assert_eq!(header.matches("<w:pBdr><w:bottom ").count(), 2);
}

#[test]
fn styles_carry_the_nd30_sizes_and_faces() {
    let (_d, docx, _) = document("good/ubnd-xa.toml");
    let styles = part(&docx, "word/styles.xml");
    let style = |id: &str| {
        let start = styles
            .find(&format!("w:styleId=\"{id}\""))
            .unwrap_or_else(|| panic!("no style {id}"));
        styles[start..start + styles[start..].find("</w:style>").unwrap()].to_string()
    };
    // Large size set: Quốc hiệu 13, Tiêu ngữ 14, place and date 14 italic.
    assert!(
        style("QuocHieu").contains("<w:b/>") && style("QuocHieu").contains("<w:sz w:val=\"26\"/>")
    );
    assert!(
        style("TieuNgu").contains("<w:b/>") && style("TieuNgu").contains("<w:sz w:val=\"28\"/>")
    );
    assert!(
        style("PlaceDate").contains("<w:i/>")
            && style("PlaceDate").contains("<w:sz w:val=\"28\"/>")
    );
    assert!(!style("AgencyParent").contains("<w:b/>"));
    assert!(style("AgencyIssuer").contains("<w:b/>"));
    assert!(
        style("DocNumber").contains("<w:sz w:val=\"26\"/>")
            && !style("DocNumber").contains("<w:i/>")
    );
    let body = style("Body");
    assert!(body.contains("<w:jc w:val=\"both\"/>"));
    assert!(body.contains("w:firstLine=\"720\""));
    assert!(body.contains("w:before=\"120\""));
    let label = style("RecipientsLabel");
    assert!(
        label.contains("<w:b/>")
            && label.contains("<w:i/>")
            && label.contains("<w:sz w:val=\"24\"/>"),
        "{label}"
    );
    assert!(style("Recipients").contains("<w:sz w:val=\"22\"/>"));
    assert!(style("Heading1").contains("<w:name w:val=\"heading 1\"/>"));
}

#[test]
fn month_zero_rule() {
    let (_d, _x, xml) = document("good/march.toml");
    let all = texts(&xml);
    assert!(
        all.contains(&"Hà Tĩnh, ngày 09 tháng 3 năm 2021".to_string()),
        "{all:?}"
    );
    assert!(all.contains(&"Số: 18/KH-SCT".to_string()));
    assert!(!xml.contains("tháng 03"));
}

#[test]
fn draft_prints_blank_number_and_day() {
    let (_d, _x, xml) = document("good/hostile.toml");
    let all = texts(&xml);
    assert!(all.contains(&"Số:       /KH-SNV".to_string()), "{all:?}");
    assert!(
        all.contains(&"Hà Tĩnh, ngày       tháng       năm 2022".to_string()),
        "{all:?}"
    );
}

#[test]
fn body_is_numbered_the_nd30_way() {
    let (_d, _x, xml) = document("good/ubnd-xa.toml");
    let body: Vec<Para> = paragraphs(&xml)
        .into_iter()
        .filter(|p| p.style.starts_with("Heading") || p.style == "Point")
        .collect();
    let got: Vec<(&str, &str)> = body
        .iter()
        .map(|p| (p.style.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Heading1", "I. MỤC ĐÍCH"),
            ("Point", "- Ý thứ nhất"),
            ("Point", "+ Ý con"),
            ("Heading2", "1. Yêu cầu"),
            ("Heading3", "a) Chỉ tiêu"),
        ]
    );
    assert!(
        xml.contains(
            "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">chữ đậm</w:t></w:r>"
        ),
        "bold run missing"
    );
    assert!(
        xml.contains(
            "<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">chữ nghiêng</w:t></w:r>"
        ),
        "italic run missing"
    );
}

#[test]
fn kinh_gui_and_can_cu_get_computed_punctuation() {
    let (_d, _x, xml) = document("good/ubnd-xa.toml");
    let paras = paragraphs(&xml);
    let of = |style: &str| -> Vec<String> {
        paras
            .iter()
            .filter(|p| p.style == style)
            .map(|p| p.text.clone())
            .collect()
    };
    assert_eq!(
        of("KinhGui"),
        [
            "Kính gửi:",
            "- Ủy ban nhân dân huyện;",
            "- Phòng Nội vụ huyện."
        ]
    );
    assert_eq!(
        of("CanCu"),
        [
            "Căn cứ Kế hoạch số 18/KH-UBND ngày 19 tháng 3 năm 2021 của Ủy ban nhân dân huyện;",
            "Căn cứ tình hình thực tế của xã."
        ]
    );
}

#[test]
fn signature_table_puts_noi_nhan_beside_the_signer() {
    let (_d, _x, xml) = document("good/ubnd-xa.toml");
    let count = xml.matches("<w:tbl>").count();
    let signature = table(&xml, count - 1);
    assert!(signature.contains("<w:cantSplit/>"));
    assert_eq!(signature.matches("<w:tc>").count(), 2, "one row, two cells");
    let cells: Vec<&str> = signature
        .split("<w:tc>")
        .skip(1)
        .map(|c| &c[..c.find("</w:tc>").unwrap()])
        .collect();
    assert_eq!(
        texts(cells[0]),
        [
            "Nơi nhận:",
            "- Như trên;",
            "- Lưu trữ xã;",
            "- Lưu: VT, VP."
        ]
    );
    assert_eq!(
        texts(cells[1]),
        [
            "TM. ỦY BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Trần Văn Bình"
        ]
    );
    assert!(paragraphs(cells[0])[0].style == "RecipientsLabel");
}

#[test]
fn page_numbers_are_top_centre_from_page_two() {
    let (_d, docx, xml) = document("good/march.toml");
    assert!(xml.contains("<w:titlePg/>"));
    assert!(xml.contains("<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>"));
    assert!(xml.contains("<w:headerReference w:type=\"first\" r:id=\"rIdHeader2\"/>"));
    let default = part(&docx, "word/header1.xml");
    assert!(default.contains("PAGE") && default.contains("w:val=\"PageNumber\""));
    let first = part(&docx, "word/header2.xml");
    assert!(!first.contains("PAGE"), "page 1 shows no number");
}

#[test]
fn record_text_is_data_never_markup() {
    let (_d, docx, xml) = document("good/hostile.toml");
    let all = texts(&xml);
    for literal in [
        "{{ x }} {% if true %}yes{% endif %}",
        "<w:p><w:r><w:t>injected</w:t></w:r></w:p> & &amp;",
        "# not a heading",
        "- not a point",
        "@h1 not a directive",
        "Việt Nam viết tổ hợp (NFD)",
        "Thử {{ x }} & <w:p>",
        "Nguyễn Văn <A> & B",
        // Stars that pair with none are text, not italics that swallow them.
        "Số liệu (*) là số ước tính; điểm 7,5* chưa thẩm định; 2 * 3 m.",
    ] {
        assert!(
            all.iter().any(|t| unglued(t) == literal),
            "{literal:?} not rendered literally in {all:?}"
        );
    }
    assert!(
        !xml.contains("injected</w:t></w:r></w:p> &"),
        "raw XML leaked"
    );
    assert!(!xml.contains("<w:i/>"), "a lone star made italics");
    assert!(
        part(&docx, "docProps/core.xml")
            .contains("<dc:title>Thử {{ x }} &amp; &lt;w:p&gt;</dc:title>")
    );
}

#[test]
fn same_input_gives_the_same_bytes() {
    let (dir, first) = render(&fixture("good/ubnd-xa.toml"));
    let before = std::fs::read(&first).unwrap();
    let again = vanban(
        dir.path(),
        &[
            "render",
            fixture("good/ubnd-xa.toml").to_str().unwrap(),
            "--out",
            "out",
        ],
    );
    assert!(again.status.success());
    assert_eq!(before, std::fs::read(&first).unwrap());
    // A whole folder rendered twice into two places is byte-identical file by file.
    let a = vanban(
        dir.path(),
        &["render", repo("plans").to_str().unwrap(), "--out", "a"],
    );
    let b = vanban(
        dir.path(),
        &["render", repo("plans").to_str().unwrap(), "--out", "b"],
    );
    assert!(a.status.success() && b.status.success(), "{}", stderr(&a));
    for entry in walkdir::WalkDir::new(dir.path().join("a"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
    {
        let relative = entry.path().strip_prefix(dir.path().join("a")).unwrap();
        assert_eq!(
            std::fs::read(entry.path()).unwrap(),
            std::fs::read(dir.path().join("b").join(relative)).unwrap(),
            "{}",
            relative.display()
        );
    }
}

#[test]
fn entries_are_compressed_with_a_fixed_timestamp() {
    let (_d, docx, _) = document("good/march.toml");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    for i in 0..zip.len() {
        let entry = zip.by_index(i).unwrap();
        assert_eq!(
            entry.compression(),
            zip::CompressionMethod::Deflated,
            "{}",
            entry.name()
        );
        let t = entry.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (1980, 1, 1),
            "{}",
            entry.name()
        );
    }
    let names = part_names(&docx);
    assert!(
        !names
            .iter()
            .any(|n| n.contains("comments") || n.contains("numbering") || n.contains("footnotes")),
        "{names:?}"
    );
}

#[test]
fn folder_structure_is_mirrored_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let out = vanban(
        dir.path(),
        &["render", repo("plans").to_str().unwrap(), "--out", "o"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let plans: Vec<_> = walkdir::WalkDir::new(repo("plans"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .collect();
    assert!(!plans.is_empty());
    for plan in plans {
        let relative = plan
            .path()
            .strip_prefix(repo("plans"))
            .unwrap()
            .with_extension("docx");
        let written = dir.path().join("o").join(&relative);
        assert!(written.is_file(), "{} not written", written.display());
        assert!(stdout(&out).contains(&format!(
            "wrote {}",
            std::path::Path::new("o").join(&relative).display()
        )));
    }
}

#[test]
fn bad_record_names_file_line_column_and_keeps_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("plan.toml");
    std::fs::copy(fixture("good/march.toml"), &record).unwrap();
    let ok = vanban(dir.path(), &["render", "plan.toml", "--out", "out"]);
    assert!(ok.status.success());
    let previous = std::fs::read(dir.path().join("out/plan.docx")).unwrap();

    let broken = std::fs::read_to_string(&record)
        .unwrap()
        .replace("ngay = 2021-03-09", "ngay = 2021-02-30");
    std::fs::write(&record, broken).unwrap();
    let failed = vanban(dir.path(), &["render", "plan.toml", "--out", "out"]);
    assert_eq!(failed.status.code(), Some(1));
    let message = stderr(&failed);
    assert!(message.contains("plan.toml:4:8"), "{message}");
    assert!(message.contains("invalid date"), "{message}");
    assert!(message.contains("help:"), "{message}");
    assert_eq!(
        std::fs::read(dir.path().join("out/plan.docx")).unwrap(),
        previous,
        "previous output destroyed"
    );
    let mut leftovers: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    leftovers.sort();
    assert_eq!(leftovers, [".vanban-stamps", "plan.docx"]);
}

#[test]
fn batch_renders_good_records_and_fails_on_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = vanban(
        dir.path(),
        &[
            "render",
            fixture("good").to_str().unwrap(),
            fixture("bad").to_str().unwrap(),
            "--out",
            "o",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let count = |folder: &str| {
        std::fs::read_dir(fixture(folder))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "toml")
            })
            .count()
    };
    let summary = format!(
        "{} written, 0 unchanged, {} failed in ",
        count("good"),
        count("bad")
    );
    assert!(
        stdout(&out).contains(&summary),
        "{summary}: {}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("impossible-date.toml:2:8"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_with_two() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        vanban(dir.path(), &["render", "--no-such-flag"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn templates_can_be_exported_edited_and_overridden() {
    let dir = tempfile::tempdir().unwrap();
    let exported = vanban(dir.path(), &["templates", "mine"]);
    assert!(exported.status.success());
    let path = dir.path().join("mine/ke-hoach.vb");
    let builtin = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        builtin,
        std::fs::read_to_string(repo("templates/ke-hoach.vb")).unwrap()
    );

    std::fs::write(&path, format!("@note Bản sửa của văn phòng\n{builtin}")).unwrap();
    let record = fixture("good/march.toml");
    let out = vanban(
        dir.path(),
        &[
            "render",
            record.to_str().unwrap(),
            "--out",
            "o",
            "--templates",
            "mine",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let xml = part(&dir.path().join("o/march.docx"), "word/document.xml");
    assert!(texts(&xml).contains(&"Bản sửa của văn phòng".to_string()));

    std::fs::write(&path, "@p {{ no_such_field }}\n").unwrap();
    let broken = vanban(
        dir.path(),
        &[
            "render",
            record.to_str().unwrap(),
            "--out",
            "o",
            "--templates",
            "mine",
        ],
    );
    assert_eq!(broken.status.code(), Some(1));
    let message = stderr(&broken);
    assert!(message.contains("mine/ke-hoach.vb"), "{message}");
    assert!(message.contains("march.toml"), "{message}");
}

#[test]
fn the_readme_record_example_renders() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let start = readme.find("```toml\n").expect("a toml example") + "```toml\n".len();
    let example = &readme[start..start + readme[start..].find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("example.toml"), example).unwrap();
    let out = vanban(dir.path(), &["render", "example.toml", "--out", "o"]);
    assert!(
        out.status.success(),
        "README example does not render:\n{}",
        stderr(&out)
    );
    let xml = part(&dir.path().join("o/example.docx"), "word/document.xml");
    let all = texts(&xml);
    for expected in [
        "Số: 18/KH-SNV",
        "Hà Tĩnh, ngày 19 tháng 3 năm 2021",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "a) Chỉ tiêu",
        "Phụ lục",
    ] {
        assert!(
            all.iter().any(|t| t == expected),
            "{expected:?} missing from {all:?}"
        );
    }
}

#[test]
fn a_mark_the_clerk_typed_at_the_end_of_a_field_is_not_doubled() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(repo("plans/so-noi-vu/ke-hoach-khac-phuc-cchc-2020.toml"))
        .unwrap()
        .replacen(
            "\"Từ tháng 1 đến tháng 12\"",
            "\"Từ tháng 1 đến tháng 12.\"",
            1,
        )
        .replacen("\"Trong năm 2021\"", "\"Trong năm 2021;\"", 1);
    let record = dir.path().join("k.toml");
    std::fs::write(&record, source).unwrap();
    let (_out, docx) = render(&record);
    let text = texts(&part(&docx, "word/document.xml")).join("\n");
    assert_contains(&text, "Thời gian thực hiện: Từ tháng 1 đến tháng 12.\n");
    assert_contains(&text, "Thời gian thực hiện: Trong năm 2021.\n");
    assert!(!text.contains(".."), "a doubled full stop:\n{text}");
}
