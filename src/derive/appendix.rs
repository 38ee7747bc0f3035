//! Record → appendix (Phụ lục): the columns from a preset or the record, and the whole table
//! built as typed rows and cells, with everything computed (see `rows`). No template sees the
//! table: what a clerk chooses about it (columns, headings, widths, the column-number row,
//! orientation) is in the record.

use serde::Serialize;

use super::rows;
use crate::model::{Align, Cell, Merge, Row, RowKind, Table, plain_inline};
use crate::record::{self, Appendix, ColumnKey, NumberColumn, Orientation, Preset, Record};
use crate::text;

/// One appendix: the heading lines templates and the layout show, and its table.
#[derive(Debug, Serialize)]
pub struct AppendixView {
    /// "Phụ lục" or "Phụ lục II".
    pub nhan: String,
    pub tieu_de_hoa: String,
    /// "(Kèm theo Kế hoạch số 18/KH-UBND ngày 19 tháng 3 năm 2021 của Ủy ban nhân dân xã …)".
    pub kem_theo: String,
    pub ngang: bool,
    pub tep_rieng: bool,
    /// Per column, where the record gives its width (`rong`) and the column's heading, to
    /// warn at that value when the width breaks a word.
    #[serde(skip)]
    pub rong: Vec<Option<GivenWidth>>,
    /// The table: relative widths and every row. Templates do not see it.
    #[serde(skip)]
    pub bang: Table,
}

/// A width the record gives a column: the span of its `rong` value and the column's heading.
#[derive(Debug, Clone)]
pub struct GivenWidth {
    pub span: std::ops::Range<usize>,
    pub rong: u32,
    pub heading: String,
}

/// A column's defaults in a preset: heading, relative width, centred, minimum width (mm).
struct ColumnSpec {
    heading: &'static str,
    width: u32,
    centred: bool,
    min_mm: u32,
}

/// The default heading and geometry of every column key in every preset.
fn spec(preset: Preset, key: ColumnKey) -> ColumnSpec {
    use ColumnKey as K;
    use Preset as P;
    let (heading, width, centred, min_mm) = match (preset, key) {
        (P::Progress, K::Number) => ("TT", 7, true, 12),
        (_, K::Number) => ("STT", 7, true, 12),
        (P::Tasks, K::Name) => ("Nhiệm vụ", 24, false, 40),
        (P::Progress, K::Name) => ("Các tiêu chí bị trừ", 25, false, 40),
        (P::Scores, K::Name) => ("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", 22, false, 40),
        (_, K::Code) => ("Mã tiêu chí", 6, true, 12),
        (_, K::Product) => ("Sản phẩm", 22, false, 35),
        (_, K::MaxPoints) => ("Điểm chuẩn", 7, true, 14),
        (_, K::Assessed) => ("Điểm thẩm định", 8, true, 14),
        (_, K::Lost) => ("Điểm bị mất", 7, true, 14),
        (P::Progress, K::Solution) => ("Giải pháp khắc phục", 30, false, 40),
        (_, K::Solution) => ("Giải pháp", 18, false, 35),
        (P::Scores, K::Lead) => ("Cơ quan chủ trì", 9, false, 20),
        (_, K::Lead) => ("Đơn vị chủ trì", 13, false, 25),
        (P::Scores, K::Support) => ("Cơ quan phối hợp", 9, false, 20),
        (_, K::Support) => ("Đơn vị phối hợp", 13, false, 25),
        (P::Tasks, K::Deadline) => ("Thời gian hoàn thành", 11, true, 20),
        (P::Progress, K::Deadline) => ("Thời hạn hoàn thành", 13, true, 20),
        (P::Scores, K::Deadline) => ("Thời gian thực hiện", 8, true, 18),
        (_, K::Result) => ("Kết quả", 10, false, 18),
        (P::Progress, K::Progress) => ("Tiến độ thực hiện", 17, false, 30),
        (_, K::Progress) => ("Tiến độ thực hiện", 12, false, 25),
        (P::Progress, K::Note) => ("Ghi chú", 10, false, 15),
        (_, K::Note) => ("Ghi chú", 7, false, 14),
    };
    ColumnSpec {
        heading,
        width,
        centred,
        min_mm,
    }
}

/// Text width of a portrait A4 page with vanban's margins, in mm.
const PORTRAIT_TEXT_MM: u32 = 165;

/// A resolved column: its spec and the record's overrides.
pub(super) struct Col {
    pub(super) key: ColumnKey,
    heading: String,
    second: Option<String>,
    width: u32,
    /// Where the record gives the width; otherwise the layout sizes it to the content.
    given: Option<std::ops::Range<usize>>,
    pub(super) centred: bool,
    min_mm: u32,
}

fn columns(appendix: &Appendix) -> Vec<Col> {
    let preset = *appendix.mau.get_ref();
    if appendix.cot.is_empty() {
        return preset
            .default_columns()
            .iter()
            .map(|&key| {
                let s = spec(preset, key);
                Col {
                    key,
                    heading: s.heading.into(),
                    second: None,
                    width: s.width,
                    given: None,
                    centred: s.centred,
                    min_mm: s.min_mm,
                }
            })
            .collect();
    }
    appendix
        .cot
        .iter()
        .map(|c| {
            let key = *c.khoa.get_ref();
            let s = spec(preset, key);
            Col {
                key,
                heading: c.tieu_de.as_deref().unwrap_or(s.heading).to_string(),
                second: c.dong_hai.as_deref().map(str::to_string),
                width: c.rong.as_ref().map_or(s.width, |r| *r.get_ref()).max(1),
                given: c.rong.as_ref().map(toml::Spanned::span),
                centred: s.centred,
                min_mm: s.min_mm,
            }
        })
        .collect()
}

/// A cell of plain text; list items typed inline get a line each (`lines`).
pub(super) fn cell(text: &str, centred: bool) -> Cell {
    Cell {
        align: if centred { Align::Center } else { Align::Left },
        bold: false,
        span: 1,
        merge: Merge::None,
        text: plain_inline(super::lines::list_lines(text)),
    }
}

/// The header row (heading, and an italic second line where the record gives one) and, when
/// asked for, the "(1) (2) (3) …" row under it.
fn header_rows(cols: &[Col], numbered: bool) -> Vec<Row> {
    let headings = cols
        .iter()
        .map(|c| {
            let mut heading = cell(&c.heading, true);
            if let Some(second) = c.second.as_deref().filter(|s| !s.is_empty()) {
                heading.text.push(crate::model::Span::Break);
                heading.text.push(crate::model::Span::Text {
                    text: second.to_string(),
                    bold: false,
                    italic: true,
                });
            }
            heading
        })
        .collect();
    let mut rows = vec![Row {
        kind: RowKind::Header,
        cells: headings,
    }];
    if numbered {
        rows.push(Row {
            kind: RowKind::Header,
            cells: (1..=cols.len())
                .map(|n| cell(&format!("({n})"), true))
                .collect(),
        });
    }
    rows
}

/// Derives every appendix of a record; `attached_to` is the "(Kèm theo …)" line.
pub(super) fn appendices(
    record: &Record,
    attached_to: &str,
    as_of_override: Option<record::DocDate>,
) -> Vec<AppendixView> {
    let report_date = record.tinh_den.as_ref().and_then(record::calendar_date);
    let several = record.phu_luc.len() > 1;
    (1u32..)
        .zip(&record.phu_luc)
        .map(|(n, appendix)| {
            let cols = columns(appendix);
            let as_of = as_of_override.or(as_of(appendix)).or(report_date);
            let mut table_rows = header_rows(&cols, appendix.danh_so_cot);
            let preset = *appendix.mau.get_ref();
            let numbers = appendix.stt.as_ref().map_or(
                match preset {
                    Preset::Scores => NumberColumn::Codes,
                    Preset::Tasks | Preset::Progress => NumberColumn::Count,
                },
                |n| *n.get_ref(),
            );
            table_rows.extend(match preset {
                Preset::Tasks => rows::tasks(record, &cols, as_of, numbers),
                Preset::Scores => rows::scores(
                    record,
                    &cols,
                    as_of,
                    appendix.dong_tong.unwrap_or(true),
                    numbers,
                ),
                Preset::Progress => rows::progress(record, &cols, as_of, numbers),
            });
            let needed: u32 = cols.iter().map(|c| c.min_mm).sum();
            let ngang = match appendix.huong.as_ref().map(|h| *h.get_ref()) {
                Some(Orientation::Landscape) => true,
                Some(Orientation::Portrait) => false,
                Some(Orientation::Auto) | None => needed > PORTRAIT_TEXT_MM,
            };
            AppendixView {
                nhan: match appendix.so.as_ref().map(|so| *so.get_ref()) {
                    Some(so) => format!("Phụ lục {}", text::roman(so)),
                    None if several => format!("Phụ lục {}", text::roman(n)),
                    None => "Phụ lục".into(),
                },
                tieu_de_hoa: text::upper(&appendix.tieu_de.to_string()),
                kem_theo: attached_to.to_string(),
                ngang,
                tep_rieng: appendix.tep_rieng,
                rong: cols
                    .iter()
                    .map(|c| {
                        c.given.clone().map(|span| GivenWidth {
                            span,
                            rong: c.width,
                            heading: c.heading.clone(),
                        })
                    })
                    .collect(),
                bang: Table {
                    widths: cols.iter().map(|c| c.width).collect(),
                    given: cols.iter().map(|c| c.given.is_some()).collect(),
                    rows: table_rows,
                },
            }
        })
        .collect()
}

fn as_of(appendix: &Appendix) -> Option<record::DocDate> {
    appendix.tinh_den.as_ref().and_then(record::calendar_date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plain;
    use std::path::Path;

    pub(crate) fn record(body: &str) -> Record {
        let source = format!(
            "loai = \"ke-hoach\"\nnam = 2022\ntrich_yeu = \"t\"\n[co_quan]\nten = \"A\"\nviet_tat = \"A\"\ndia_danh = \"B\"\n[nguoi_ky]\nho_ten = \"C\"\n[noi_nhan]\nluu = \"VT\"\n{body}"
        );
        record::parse(Path::new("r.toml"), &source).unwrap().record
    }

    #[test]
    fn orientation_follows_the_columns_unless_the_record_says() {
        let r = record(
            "[[phu_luc]]\ntieu_de = \"a\"\nmau = \"nhiem-vu\"\n[[phu_luc]]\ntieu_de = \"b\"\nmau = \"tien-do\"\n[[phu_luc]]\ntieu_de = \"c\"\nmau = \"diem\"\nhuong = \"doc\"\n",
        );
        let views = appendices(&r, "(Kèm theo …)", None);
        let got: Vec<(&str, bool)> = views.iter().map(|v| (v.nhan.as_str(), v.ngang)).collect();
        assert_eq!(
            got,
            [
                ("Phụ lục I", true),
                ("Phụ lục II", false),
                ("Phụ lục III", false)
            ]
        );
    }

    #[test]
    fn an_appendix_may_carry_its_number_in_its_document() {
        let r = record("[[phu_luc]]\ntieu_de = \"a\"\nmau = \"nhiem-vu\"\nso = 2\n");
        assert_eq!(appendices(&r, "", None)[0].nhan, "Phụ lục II");
        let r = record("[[phu_luc]]\ntieu_de = \"a\"\nmau = \"nhiem-vu\"\n");
        assert_eq!(appendices(&r, "", None)[0].nhan, "Phụ lục");
    }

    #[test]
    fn the_total_row_of_a_score_appendix_can_be_left_out() {
        let body = "[[tieu_chi]]\nma = \"1\"\nten = \"a\"\ndiem_toi_da = 2.0\ndiem_dat = 1.5\n[[phu_luc]]\ntieu_de = \"a\"\nmau = \"diem\"\n";
        let last = |record: &Record| {
            appendices(record, "", None)[0]
                .bang
                .rows
                .last()
                .unwrap()
                .kind
        };
        assert_eq!(last(&record(body)), RowKind::Total);
        assert_eq!(
            last(&record(&format!("{body}dong_tong = false\n"))),
            RowKind::Body
        );
    }

    #[test]
    fn every_column_a_preset_allows_has_a_real_heading() {
        for preset in Preset::ALL {
            for key in preset
                .default_columns()
                .iter()
                .chain(preset.other_columns())
            {
                let heading = spec(*preset, *key).heading;
                assert!(
                    heading.chars().next().is_some_and(char::is_uppercase),
                    "{preset:?} {key:?}: {heading}"
                );
            }
        }
    }

    #[test]
    fn a_note_column_in_a_task_appendix_shows_the_task_note() {
        let r = record(
            "[[nhom]]\nten = \"g\"\n[[nhom.nhiem_vu]]\nten = \"t\"\nghi_chu = \"Chuyển sang năm sau\"\n[[phu_luc]]\ntieu_de = \"a\"\nmau = \"nhiem-vu\"\ncot = [{ khoa = \"stt\" }, { khoa = \"ten\" }, { khoa = \"ghi_chu\" }]\n",
        );
        let table = &appendices(&r, "", None)[0].bang;
        let texts = |row: &Row| row.cells.iter().map(|c| plain(&c.text)).collect::<Vec<_>>();
        assert_eq!(texts(&table.rows[0]), ["STT", "Nhiệm vụ", "Ghi chú"]);
        assert_eq!(texts(&table.rows[2]), ["1", "t", "Chuyển sang năm sau"]);
    }

    #[test]
    fn second_heading_line_is_italic_and_numbered_row_follows() {
        let r = record(
            "[[phu_luc]]\ntieu_de = \"a\"\nmau = \"tien-do\"\ndanh_so_cot = true\ncot = [{ khoa = \"stt\" }, { khoa = \"tien_do\", dong_hai = \"(Đến 30/6)\" }]\n",
        );
        let rows = &appendices(&r, "", None)[0].bang.rows;
        assert_eq!(
            rows[0].cells[1].text[2],
            crate::model::Span::Text {
                text: "(Đến 30/6)".into(),
                bold: false,
                italic: true
            }
        );
        assert_eq!(plain(&rows[1].cells[1].text), "(2)");
        assert_eq!(rows[1].kind, RowKind::Header);
    }
}
