//! The bundled Báo cáo read back by an independent .docx reader (docx-rs's `read_docx`, the
//! reader `vanban pull` will use on clerks' Word files): it must open the file, and find the
//! paragraphs and table cells vanban wrote, in the same order as the tests' own XML reader.

mod common;

use docx_rs::{
    DocumentChild, Paragraph, Table, TableCellContent, TableChild, TableRowChild, read_docx,
};

use common::*;

/// A table as rows of cells, each cell its paragraphs' text joined by newlines.
fn cells(table: &Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .map(|TableChild::TableRow(row)| {
            row.cells
                .iter()
                .map(|TableRowChild::TableCell(cell)| {
                    cell.children
                        .iter()
                        .filter_map(|c| match c {
                            TableCellContent::Paragraph(p) => Some(p.raw_text()),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect()
        })
        .collect()
}

fn paragraphs_of(table: &Table) -> Vec<&Paragraph> {
    let mut out = Vec::new();
    for TableChild::TableRow(row) in &table.rows {
        for TableRowChild::TableCell(cell) in &row.cells {
            for content in &cell.children {
                if let TableCellContent::Paragraph(p) = content {
                    out.push(p.as_ref());
                }
            }
        }
    }
    out
}

#[test]
fn an_independent_reader_finds_the_reports_paragraphs_and_cells() {
    let (_dir, path) = render(&repo("plans/so-noi-vu/bao-cao-6-thang-dau-nam-2021.toml"));
    let docx = read_docx(&std::fs::read(&path).unwrap()).expect("docx-rs reads the file");

    let mut body = Vec::new();
    let mut tables = Vec::new();
    let mut in_order = Vec::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => {
                body.push(p.raw_text());
                in_order.push(p.raw_text());
            }
            DocumentChild::Table(t) => {
                in_order.extend(paragraphs_of(t).iter().map(|p| p.raw_text()));
                tables.push(cells(t));
            }
            _ => {}
        }
    }

    // Both readers see the same text in the same order.
    let ours = texts(&part(&path, "word/document.xml"));
    in_order.retain(|t| !t.is_empty());
    assert_eq!(in_order, ours);

    for expected in [
        "BÁO CÁO",
        "Kết quả khắc phục các tồn tại, hạn chế trong công tác CCHC 6 tháng đầu năm\u{a0}2021",
        "Kính gửi: Ủy ban nhân dân tỉnh.",
        "I. KẾT QUẢ THỰC HIỆN",
        "- Đã hoàn thành: 00/09;",
        "- Không thể thực hiện: 01.",
        "(Chi tiết tại Phụ lục kèm theo)",
    ] {
        assert!(
            body.iter().any(|p| p == expected),
            "{expected:?} not in {body:#?}"
        );
    }

    // The header block, the signature block, the appendix table.
    assert_eq!(tables.len(), 3, "{tables:#?}");
    assert_eq!(
        tables[0][0],
        [
            "UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\n",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        ]
    );
    let signature = &tables[1][0];
    assert!(
        signature[0].starts_with("Nơi nhận:\n- Như trên;"),
        "{signature:?}"
    );
    assert!(signature[1].starts_with("GIÁM ĐỐC"), "{signature:?}");
    assert!(signature[1].ends_with("Nguyễn Minh Hòa"), "{signature:?}");

    let appendix = &tables[2];
    assert_eq!(
        appendix[0],
        [
            "TT",
            "Các tiêu chí, tiêu chí thành phần bị trừ",
            "Tham mưu giải pháp khắc phục cụ thể",
            "Thời gian hoàn thành",
            "Tiến độ thực hiện\n(Đã hoàn thành hoặc chưa hoàn thành thì cập nhật rõ tiến độ)",
        ]
    );
    let row = appendix
        .iter()
        .find(|r| r[0] == "6")
        .expect("row 6 of the appendix");
    assert_eq!(row[1].lines().next(), Some("Cải cách tài chính công"));
    assert_eq!(
        row[2..],
        [
            "Chỉ có 01 đơn vị SNCL.",
            "Trong năm 2021",
            "Không thể thực hiện"
        ]
    );
}
