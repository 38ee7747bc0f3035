//! Appendix column widths read back from the .docx: computed from the content where the
//! record gives none, a warning where a width the record gives breaks a word; the header row
//! repeats on every page and tall rows may break across pages.

mod common;

use common::*;

/// The appendix table of a rendered record: the one whose header holds `heading`.
fn appendix_table(xml: &str, heading: &str) -> String {
    (0..)
        .map(|n| table(xml, n))
        .find(|t| t.contains(heading))
        .unwrap()
}

fn grid(table: &str) -> Vec<u32> {
    let grid = &table[table.find("<w:tblGrid>").unwrap()..table.find("</w:tblGrid>").unwrap()];
    grid.split("w:w=\"")
        .skip(1)
        .map(|w| w[..w.find('"').unwrap()].parse().unwrap())
        .collect()
}

fn row_properties(table: &str) -> Vec<(String, String)> {
    table
        .split("<w:tr>")
        .skip(1)
        .map(|r| {
            let r = &r[..r.find("</w:tr>").unwrap()];
            let props = r.find("</w:trPr>").map_or("", |end| &r[..end]);
            (props.to_string(), texts(r).join(" "))
        })
        .collect()
}

#[test]
fn widths_follow_the_content_and_tall_rows_may_break_under_a_repeated_header() {
    let (_d, docx) = render(&fixture("good/do-rong-tu-tinh.toml"));
    let xml = part(&docx, "word/document.xml");
    let table = appendix_table(&xml, "Giải pháp khắc phục");
    let widths = grid(&table);
    // TT, criterion, solutions, lead unit, deadline, result: the preset's shares would be
    // 7 : 25 : 30 : 13 : 13 : 17 of the landscape text width (14286 twips).
    assert_eq!(widths.len(), 6, "{widths:?}");
    assert_eq!(widths.iter().sum::<u32>(), 14286);
    let share = |relative: u32| relative * 14286 / 105;
    let [_, _, solutions, unit, deadline, result] = widths[..] else {
        unreachable!()
    };
    // "Trung tâm Công nghệ thông tin" wraps; the empty Kết quả column never gets more.
    assert!(
        unit > result,
        "a wrapping column narrower than an empty one: {widths:?}"
    );
    assert!(
        solutions > share(30) * 3 / 2,
        "solutions get the room: {widths:?}"
    );
    assert!(
        solutions > 5 * deadline,
        "deadlines of a word or two: {widths:?}"
    );
    assert!(
        result < share(17) * 2 / 3,
        "an empty result column stays narrow: {widths:?}"
    );
    // Equal widths would fail every line above; so would the preset's shares.

    let rows = row_properties(&table);
    assert!(
        rows[0].0.contains("<w:tblHeader/>") && rows[0].0.contains("<w:cantSplit/>"),
        "the header row repeats and stays whole: {}",
        rows[0].0
    );
    assert!(rows[1..].iter().all(|(p, _)| !p.contains("tblHeader")));
    // Every criterion here has two or three long solutions: too tall to be kept whole.
    for (props, text) in &rows[1..] {
        assert!(
            !props.contains("cantSplit"),
            "a tall row kept whole leaves the page foot blank: {text}"
        );
    }
    assert_eq!(rows.len(), 7, "header and six criteria");
}

#[test]
fn a_width_that_breaks_a_word_is_named_at_its_value_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(fixture("warn/width-breaks-word.toml")).unwrap();
    std::fs::write(dir.path().join("w.toml"), &source).unwrap();
    let line = source
        .lines()
        .position(|l| l.contains("rong = 4 }"))
        .unwrap()
        + 1;
    let en = vanban(dir.path(), &["render", "w.toml", "--out", "o"]);
    assert!(en.status.success(), "a warning does not stop the render");
    let err = stderr(&en);
    assert_contains(&err, &format!("w.toml:{line}:32"));
    assert_contains(&err, "column `Thời gian hoàn thành`");
    assert_contains(&err, "\"Thường\"");
    assert_contains(&err, "write rong = 8 or more");
    assert_eq!(err.matches("warning:").count(), 1, "{err}");

    let vi = vanban_in(dir.path(), &["check", "w.toml"], Some("vi_VN.UTF-8"));
    let err = stderr(&vi);
    assert_contains(&err, "cảnh báo: cột `Thời gian hoàn thành`");
    assert_contains(&err, "ghi rong = 8 trở lên");

    // The width the warning asks for is enough: no warning, and the column holds the word.
    renders_without_warning(dir.path(), &source.replace("rong = 4 }", "rong = 8 }"));
}

/// `source`, written as w.toml in `dir`, renders with no warning.
fn renders_without_warning(dir: &std::path::Path, source: &str) {
    std::fs::write(dir.join("w.toml"), source).unwrap();
    let out = vanban(dir, &["render", "w.toml", "--out", "o"]);
    assert!(out.status.success());
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn a_width_that_crowds_the_other_columns_is_named_and_a_fair_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(fixture("warn/rong-chen-cot.toml")).unwrap();
    std::fs::write(dir.path().join("w.toml"), &source).unwrap();
    let en = vanban(dir.path(), &["render", "w.toml", "--out", "o"]);
    assert!(en.status.success(), "a warning does not stop the render");
    let err = stderr(&en);
    assert_contains(&err, "column `Giải pháp`: with rong = 30");
    assert_contains(&err, "leaves `Tiêu chí` only the width of its longest word");
    assert_eq!(err.matches("warning:").count(), 1, "{err}");
    let vi = vanban_in(dir.path(), &["check", "w.toml"], Some("vi_VN.UTF-8"));
    assert_contains(
        &stderr(&vi),
        "chỉ để lại cho cột `Tiêu chí` bề rộng bằng từ dài nhất",
    );

    // A smaller share leaves Tiêu chí room: no warning.
    renders_without_warning(dir.path(), &source.replace("rong = 30 }", "rong = 20 }"));
}

#[test]
fn an_empty_column_never_takes_width_a_wrapping_one_needs() {
    // Seed 000's progress appendix on a portrait page: the progress entries are a few words
    // ("Đã tham mưu UBND tỉnh ban hành 02 VB QPPL"), Ghi chú is empty. Sized for height
    // alone, Tiến độ got its longest word (984 twips, 8 lines for that entry) and the empty
    // Ghi chú more (1059).
    let (_d, docx) = render(&fixture("good/phu-luc-tien-do.toml"));
    let xml = part(&docx, "word/document.xml");
    let widths = grid(&appendix_table(&xml, "Ghi chú"));
    assert_eq!(widths.len(), 6, "{widths:?}");
    assert_eq!(widths.iter().sum::<u32>(), 9354);
    let [_, criteria, solutions, deadline, progress, note] = widths[..] else {
        unreachable!()
    };
    for wrapping in [criteria, solutions, deadline, progress] {
        assert!(
            wrapping > note,
            "the empty column is the narrowest: {widths:?}"
        );
    }
    // Its heading "Ghi chú", bold 12 pt, and the cell margins: about 1,056 twips.
    assert!(
        note <= 1056,
        "the empty column holds only its heading: {widths:?}"
    );
    assert!(
        progress >= 1200 && deadline >= 1200,
        "entries of a few words get room for two or three a line: {widths:?}"
    );
}
