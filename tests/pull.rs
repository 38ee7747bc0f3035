//! `vanban pull`: documents rendered, then edited the way Word edits them (runs split,
//! tracked changes with their author, a comment, a paragraph added and one deleted, a
//! progress cell and a computed line changed), pulled, applied and rendered again.

mod common;

use std::path::{Path, PathBuf};

use common::{assert_contains, edit_docx, repo, stderr, stdout, vanban};

/// Copies `record` into `dir/plans/` and renders it into `dir/out/`.
fn rendered(dir: &Path, record: &Path) -> (PathBuf, PathBuf) {
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    let copy = plans.join(record.file_name().unwrap());
    std::fs::copy(record, &copy).unwrap();
    let out = vanban(dir, &["render", "plans", "--out", "out", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stem = record.file_stem().unwrap().to_string_lossy().into_owned();
    (copy, dir.join("out").join(format!("{stem}.docx")))
}

/// The paragraph of `xml` holding `phrase`: its start and end offsets.
fn paragraph_of(xml: &str, phrase: &str) -> (usize, usize) {
    let at = xml
        .find(phrase)
        .unwrap_or_else(|| panic!("{phrase} not in the document"));
    let start = xml[..at]
        .rfind("<w:p>")
        .or_else(|| xml[..at].rfind("<w:p "))
        .unwrap();
    let end = at + xml[at..].find("</w:p>").unwrap() + "</w:p>".len();
    (start, end)
}

const COMMENTS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="7" w:author="Phó Giám đốc" w:date="2021-04-01T09:00:00Z" w:initials="PGĐ"><w:p><w:r><w:t>Xem lại thời hạn</w:t></w:r></w:p></w:comment></w:comments>"#;

/// What Word writes for the edits of the tests below, on the 2020 remedial plan.
fn word_edits(name: &str, xml: String) -> String {
    match name {
        "word/document.xml" => {
            // A tracked deletion and insertion by the leader, the text split over runs.
            let xml = xml.replacen(
                "đơn vị chuyên môn tham mưu",
                concat!(
                    "đơn vị </w:t></w:r>",
                    r#"<w:del w:id="1" w:author="Lãnh đạo Sở" w:date="2021-04-01T08:00:00Z"><w:r><w:delText xml:space="preserve">chuyên môn </w:delText></w:r></w:del>"#,
                    r#"<w:ins w:id="2" w:author="Lãnh đạo Sở" w:date="2021-04-01T08:00:00Z"><w:r><w:t xml:space="preserve">thuộc Sở </w:t></w:r></w:ins>"#,
                    r#"<w:r><w:rPr><w:lang w:val="vi-VN"/></w:rPr><w:t xml:space="preserve">tham </w:t></w:r><w:r><w:t xml:space="preserve">mưu"#,
                ),
                1,
            );
            // A comment on a deadline.
            let xml = xml.replacen(
                "Trong năm 2021",
                concat!(
                    r#"</w:t></w:r><w:commentRangeStart w:id="7"/><w:r><w:t xml:space="preserve">Trong năm 2021</w:t></w:r><w:commentRangeEnd w:id="7"/>"#,
                    r#"<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="7"/></w:r><w:r><w:t xml:space="preserve">"#,
                ),
                1,
            );
            // A paragraph added after a solution.
            let (_, end) = paragraph_of(&xml, "thuộc Sở");
            let mut xml = xml;
            xml.insert_str(
                end,
                r#"<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t xml:space="preserve">- Nhiệm vụ, giải pháp </w:t></w:r><w:r><w:t>khắc phục: Rà soát lại quy trình ban hành văn bản.</w:t></w:r></w:p>"#,
            );
            // A shortcoming's paragraph deleted.
            let (start, end) = paragraph_of(&xml, "Có báo cáo phương án đơn giản hóa TTHC");
            xml.replace_range(start..end, "");
            // The number typed into the header block, which vanban computes.
            xml.replacen("Số:       /KH-SNV", "Số: 12/KH-SNV", 1)
        }
        "[Content_Types].xml" => xml.replacen(
            "</Types>",
            r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#,
            1,
        ),
        "word/_rels/document.xml.rels" => xml.replacen(
            "</Relationships>",
            r#"<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#,
            1,
        ),
        _ => xml,
    }
}

fn text_of(docx: &Path) -> String {
    common::texts(&common::part(docx, "word/document.xml")).join("\n")
}

#[test]
fn word_edits_come_back_into_the_record_and_the_next_render_carries_them() {
    let dir = tempfile::tempdir().unwrap();
    let record = repo("plans/so-noi-vu/ke-hoach-khac-phuc-cchc-2020.toml");
    let (record, docx) = rendered(dir.path(), &record);
    let before = std::fs::read(&record).unwrap();
    edit_docx(&docx, word_edits, &[("word/comments.xml", COMMENTS)]);

    let out = vanban(dir.path(), &["pull", docx.to_str().unwrap()]);
    let printed = stdout(&out);
    assert!(out.status.success(), "{printed}{}", stderr(&out));
    common::assert_leaders_edits_reported(&printed);
    assert_contains(&printed, "ke-hoach-khac-phuc-cchc-2020.toml:");
    assert_contains(
        &printed,
        "not from the record, not applied: table 1, row 2, column 1: “Số:       /KH-SNV” → “Số: 12/KH-SNV”",
    );
    assert_contains(&printed, "Xem lại thời hạn (not written to the record)");
    assert_contains(
        &printed,
        "3 changes to the record, 1 not applicable; nothing written",
    );
    assert_eq!(std::fs::read(&record).unwrap(), before, "pull alone wrote");

    let out = vanban(dir.path(), &["pull", docx.to_str().unwrap(), "--apply"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_contains(&stdout(&out), "3 changes written to");
    // The typed number could not go back: the edited file is kept until --force.
    assert_contains(&stdout(&out), "keeps edits the record does not have");
    let out = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let toml = std::fs::read_to_string(&record).unwrap();
    assert_contains(&toml, "đơn vị thuộc Sở tham mưu");
    assert_contains(&toml, "\"Rà soát lại quy trình ban hành văn bản.\"");
    assert!(!toml.contains("Có báo cáo phương án đơn giản hóa TTHC"));
    // Everything else of the clerk's file is as it was: only the lines of the changes differ.
    let old = String::from_utf8(before).unwrap();
    let changed = old.lines().filter(|l| !toml.contains(l)).count();
    assert!(changed <= 3, "{changed} lines changed:\n{toml}");

    let out = vanban(dir.path(), &["render", "plans", "--out", "again", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = dir.path().join("again/ke-hoach-khac-phuc-cchc-2020.docx");
    let text = text_of(&again);
    assert_contains(&text, "đơn vị thuộc Sở tham mưu");
    assert_contains(
        &text,
        "- Nhiệm vụ, giải pháp khắc phục: Rà soát lại quy trình ban hành văn bản.",
    );
    assert!(!text.contains("Có báo cáo phương án đơn giản hóa TTHC"));
    let out = vanban(dir.path(), &["pull", again.to_str().unwrap()]);
    assert_contains(&stdout(&out), "no changes to bring back into the record");
}

#[test]
fn an_edited_progress_cell_becomes_an_entry_of_text_dated_as_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let (record, docx) = rendered(dir.path(), &repo("tests/fixtures/good/tieu-chi-con.toml"));
    edit_docx(
        &docx,
        |name, xml| match name {
            "word/document.xml" => xml.replacen(
                "Đang thực hiện",
                "Đã trình </w:t></w:r><w:r><w:t xml:space=\"preserve\">Giám đốc 02 văn bản",
                1,
            ),
            _ => xml,
        },
        &[],
    );
    let out = vanban(
        dir.path(),
        &[
            "pull",
            docx.to_str().unwrap(),
            "--date",
            "2022-06-01",
            "--apply",
        ],
    );
    let printed = stdout(&out);
    assert!(out.status.success(), "{printed}{}", stderr(&out));
    assert_contains(
        &printed,
        "tieu_chi[0].con[0].tien_do: new progress entry 2022-06-01 “Đã trình Giám đốc 02 văn bản”",
    );
    let toml = std::fs::read_to_string(&record).unwrap();
    assert_contains(
        &toml,
        "ngay = 2022-06-01\n    noi_dung = \"Đã trình Giám đốc 02 văn bản\"",
    );
    assert_contains(
        &printed,
        "every edit is in the record now: the next `vanban render` replaces",
    );
    // A plain render replaces the edited file without complaint; the document carries the edit.
    let out = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_contains(&text_of(&docx), "Đã trình Giám đốc 02 văn bản");
    let out = vanban(dir.path(), &["pull", docx.to_str().unwrap()]);
    assert_contains(&stdout(&out), "no changes to bring back into the record");
}

#[test]
fn a_field_changed_in_both_the_record_and_the_document_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let record = repo("plans/so-noi-vu/ke-hoach-khac-phuc-cchc-2020.toml");
    let (record, docx) = rendered(dir.path(), &record);
    edit_docx(
        &docx,
        |name, xml| match name {
            "word/document.xml" => xml.replacen("Trong năm 2021", "Quý II/2021", 1),
            _ => xml,
        },
        &[],
    );
    let toml =
        std::fs::read_to_string(&record)
            .unwrap()
            .replacen("Trong năm 2021", "Quý III/2021", 1);
    assert_conflict(
        dir.path(),
        (&record, &toml),
        &docx,
        "tieu_chi[1].khac_phuc.thoi_gian was changed in the record since the render (now “Quý III/2021”) and in the document (“Quý II/2021”)",
    );
}

/// Writes `record` as `toml` (the clerk's change since the render), pulls `docx` with --apply
/// and asserts that `conflict` is reported and the record left as the clerk wrote it.
#[track_caller]
fn assert_conflict(dir: &Path, (record, toml): (&Path, &str), docx: &Path, conflict: &str) {
    std::fs::write(record, toml).unwrap();
    let out = vanban(dir, &["pull", docx.to_str().unwrap(), "--apply"]);
    assert_contains(&stdout(&out), "conflict, not applied: ");
    assert_contains(&stdout(&out), conflict);
    assert_eq!(std::fs::read_to_string(record).unwrap(), toml);
}

#[test]
fn files_vanban_did_not_render_or_from_another_record_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let record = repo("plans/so-noi-vu/ke-hoach-khac-phuc-cchc-2020.toml");
    let (record, docx) = rendered(dir.path(), &record);
    let before = std::fs::read(&record).unwrap();

    std::fs::write(dir.path().join("broken.docx"), b"PK\x03\x04 not really").unwrap();
    let out = vanban(dir.path(), &["pull", "broken.docx", "--apply"]);
    assert_eq!(out.status.code(), Some(1));
    assert_contains(&stderr(&out), "this is not a .docx that can be read");

    let plain = dir.path().join("plain.docx");
    std::fs::copy(&docx, &plain).unwrap();
    edit_docx(
        &plain,
        |name, xml| {
            if name.starts_with("customXml/item1") {
                "<x/>".into()
            } else {
                xml
            }
        },
        &[],
    );
    let out = vanban(dir.path(), &["pull", "plain.docx", "--apply"]);
    assert_eq!(out.status.code(), Some(1));
    assert_contains(&stderr(&out), "was not rendered by vanban");

    let other = dir.path().join("plans/khac.toml");
    std::fs::copy(&record, &other).unwrap();
    let out = vanban(
        dir.path(),
        &[
            "pull",
            docx.to_str().unwrap(),
            "--record",
            other.to_str().unwrap(),
            "--apply",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_contains(
        &stderr(&out),
        "this document was rendered from `ke-hoach-khac-phuc-cchc-2020.toml`",
    );

    std::fs::rename(&record, dir.path().join("moved.toml")).unwrap();
    let out = vanban(dir.path(), &["pull", docx.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_contains(
        &stderr(&out),
        "cannot find the record `ke-hoach-khac-phuc-cchc-2020.toml`",
    );
    assert_eq!(
        std::fs::read(dir.path().join("moved.toml")).unwrap(),
        before
    );
}

/// Copies the folder `from` (recursively) to `to`.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn a_document_as_rendered_pulls_to_nothing() {
    for folder in ["plans", "tests/fixtures/good"] {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&repo(folder), &dir.path().join("plans"));
        let out = vanban(dir.path(), &["render", "plans", "--out", "out", "-q"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let documents = common::files(&dir.path().join("out"), "docx");
        assert!(documents.len() >= 5, "{documents:?}");
        for docx in documents {
            let out = vanban(dir.path(), &["pull", docx.to_str().unwrap()]);
            assert_eq!(
                stdout(&out),
                "no changes to bring back into the record\n",
                "{}: {}",
                docx.display(),
                stderr(&out)
            );
        }
    }
}

#[test]
fn a_paragraph_added_after_one_the_record_has_moved_since_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let record = repo("plans/so-noi-vu/ke-hoach-khac-phuc-cchc-2020.toml");
    let (record, docx) = rendered(dir.path(), &record);
    edit_docx(
        &docx,
        |name, xml| match name {
            "word/document.xml" => {
                let (_, end) = paragraph_of(&xml, "Giao các phòng, ban");
                let mut xml = xml;
                xml.insert_str(
                    end,
                    "<w:p><w:r><w:t>- Nhiệm vụ, giải pháp khắc phục: Mới.</w:t></w:r></w:p>",
                );
                xml
            }
            _ => xml,
        },
        &[],
    );
    // Since the render, the clerk put another solution first in the same list.
    let toml = std::fs::read_to_string(&record).unwrap().replacen(
        "giai_phap = [\"Giao các phòng",
        "giai_phap = [\"Trước hết.\", \"Giao các phòng",
        1,
    );
    assert_conflict(
        dir.path(),
        (&record, &toml),
        &docx,
        "tieu_chi[1].khac_phuc.giai_phap[0] was changed in the record since the render (now “Trước hết.”)",
    );
}

#[test]
fn a_progress_cell_whose_row_is_another_item_now_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let (record, docx) = rendered(dir.path(), &repo("tests/fixtures/good/tieu-chi-con.toml"));
    edit_docx(
        &docx,
        |name, xml| match name {
            "word/document.xml" => xml.replacen("Đang thực hiện", "Đã trình 02 văn bản", 1),
            _ => xml,
        },
        &[],
    );
    // Since the render, another sub-criterion was put first.
    let toml = std::fs::read_to_string(&record).unwrap().replacen(
        "ten = \"Tiêu chí 1.2: Mức độ hoàn thành kế hoạch CCHC\"",
        "ten = \"Tiêu chí 1.1: Ban hành kế hoạch CCHC\"",
        1,
    );
    std::fs::write(&record, &toml).unwrap();
    let out = vanban(dir.path(), &["pull", docx.to_str().unwrap(), "--apply"]);
    assert_contains(
        &stdout(&out),
        "tieu_chi[0].con[0].ten was changed in the record since the render (now “Tiêu chí 1.1: Ban hành kế hoạch CCHC”)",
    );
    assert_eq!(std::fs::read_to_string(&record).unwrap(), toml);
}

#[test]
fn template_words_that_equal_a_record_string_are_not_written_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let record = repo("plans/so-noi-vu/ke-hoach-khac-phuc-cchc-2020.toml");
    let (record, docx) = rendered(dir.path(), &record);
    let before = std::fs::read_to_string(&record).unwrap();
    // The template writes "Nhiệm vụ, giải pháp khắc phục: " before each solution, which is
    // also the title of section I; the leader shortens it in one paragraph.
    edit_docx(
        &docx,
        |name, xml| match name {
            "word/document.xml" => xml.replacen(
                "Nhiệm vụ, giải pháp khắc phục: Giao các",
                "Giải pháp khắc phục: Giao các",
                1,
            ),
            _ => xml,
        },
        &[],
    );
    let out = vanban(dir.path(), &["pull", docx.to_str().unwrap(), "--apply"]);
    assert_contains(
        &stdout(&out),
        "the text of phan[0].tieu_de is printed in several places",
    );
    assert_eq!(std::fs::read_to_string(&record).unwrap(), before);
}

/// vanban glues a title's last two words with a no-break space; Word keeps it, and a leader
/// types a space where it stood or around it.
fn title_edits(name: &str, xml: String) -> String {
    if name != "word/document.xml" {
        return xml;
    }
    let glued = "Cải cách hành chính của Sở Công Thương năm\u{a0}2021";
    assert!(xml.contains(glued), "the trích yếu is not glued");
    xml.replacen(
        glued,
        "Cải cách hành chính của Sở Công Thương năm\u{a0}2021 và các năm tiếp theo",
        1,
    )
    .replacen(
        "CẢI CÁCH HÀNH CHÍNH NĂM\u{a0}2021",
        "CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2021",
        1,
    )
}

#[test]
fn a_glued_title_edited_in_word_comes_back_with_plain_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let record = repo("plans/so-cong-thuong/ke-hoach-cchc-2021.toml");
    let (record, docx) = rendered(dir.path(), &record);
    edit_docx(&docx, title_edits, &[]);

    let out = vanban(dir.path(), &["pull", docx.to_str().unwrap(), "--apply"]);
    let printed = stdout(&out);
    assert!(out.status.success(), "{printed}{}", stderr(&out));
    assert_contains(
        &printed,
        "trich_yeu: changed “Cải cách hành chính của Sở Công Thương năm 2021” → “Cải cách hành chính của Sở Công Thương năm 2021 và các năm tiếp theo”",
    );
    // The appendix title is shown in capitals: the record's own case is not on the page.
    assert_contains(
        &printed,
        "(shown in capitals; write the change in phu_luc[0].tieu_de in the record)",
    );
    let toml = std::fs::read_to_string(&record).unwrap();
    assert_contains(
        &toml,
        "trich_yeu = \"Cải cách hành chính của Sở Công Thương năm 2021 và các năm tiếp theo\"",
    );
    assert!(
        !toml.contains('\u{a0}'),
        "a no-break space reached the record"
    );

    let out = vanban(dir.path(), &["render", "plans", "--out", "again", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = dir.path().join("again/ke-hoach-cchc-2021.docx");
    assert_contains(&text_of(&again), "và các năm tiếp\u{a0}theo");
    let out = vanban(dir.path(), &["pull", again.to_str().unwrap()]);
    assert_contains(&stdout(&out), "no changes to bring back into the record");
}
