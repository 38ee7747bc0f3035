//! Record → appendix (Phụ lục) views: columns from a preset or the record, rows from tasks or
//! criteria, with everything computed: continuous or code numbering, roman group rows, score
//! subtotals and totals, lost points, progress as of a date, merged number cells for
//! sub-criteria. Templates only lay these cells out.

use serde::Serialize;

use super::report::progress_text;
use crate::record::{self, Appendix, Criterion, Record};
use crate::text::{self, Decimal};

/// One appendix as templates see it.
#[derive(Debug, Serialize)]
pub struct AppendixView {
    /// "Phụ lục" or "Phụ lục II".
    pub nhan: String,
    pub tieu_de_hoa: String,
    /// "(Kèm theo Kế hoạch số 18/KH-UBND ngày 19 tháng 3 năm 2021 của Ủy ban nhân dân xã …)".
    pub kem_theo: String,
    pub ngang: bool,
    pub tep_rieng: bool,
    /// Relative column widths, space separated (for `@table`).
    pub rong: String,
    pub cot: Vec<ColumnView>,
    pub danh_so_cot: bool,
    pub dong: Vec<RowView>,
}

#[derive(Debug, Serialize)]
pub struct ColumnView {
    pub tieu_de: String,
    pub dong_hai: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct RowView {
    /// "body", "group" or "total".
    pub kieu: &'static str,
    pub o: Vec<CellView>,
}

#[derive(Debug, Serialize, Clone)]
pub struct CellView {
    pub noi_dung: String,
    /// "left" or "center".
    pub can: &'static str,
    pub dam: bool,
    pub span: usize,
    /// "", "merge" (first of a vertical merge) or "cont" (merged into the cell above).
    pub gop: &'static str,
}

/// A column's defaults: key, heading per preset, relative width, centred, minimum width (mm).
struct ColumnSpec {
    key: &'static str,
    heading: &'static str,
    width: u32,
    centred: bool,
    min_mm: u32,
}

const fn spec(
    key: &'static str,
    heading: &'static str,
    width: u32,
    centred: bool,
    min_mm: u32,
) -> ColumnSpec {
    ColumnSpec {
        key,
        heading,
        width,
        centred,
        min_mm,
    }
}

const TASKS: [ColumnSpec; 7] = [
    spec("stt", "STT", 7, true, 12),
    spec("ten", "Nhiệm vụ", 24, false, 40),
    spec("san_pham", "Sản phẩm", 22, false, 35),
    spec("chu_tri", "Đơn vị chủ trì", 13, false, 25),
    spec("phoi_hop", "Đơn vị phối hợp", 13, false, 25),
    spec("thoi_gian", "Thời gian hoàn thành", 11, true, 20),
    spec("ket_qua", "Kết quả", 10, false, 18),
];

const PROGRESS: [ColumnSpec; 6] = [
    spec("stt", "TT", 7, true, 12),
    spec("ten", "Các tiêu chí bị trừ", 25, false, 40),
    spec("giai_phap", "Giải pháp khắc phục", 30, false, 40),
    spec("thoi_gian", "Thời hạn hoàn thành", 13, true, 20),
    spec("tien_do", "Tiến độ thực hiện", 17, false, 30),
    spec("ghi_chu", "Ghi chú", 10, false, 15),
];

const SCORES: [ColumnSpec; 11] = [
    spec("stt", "STT", 7, true, 12),
    spec(
        "ten",
        "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
        22,
        false,
        40,
    ),
    spec("diem_toi_da", "Điểm chuẩn", 7, true, 14),
    spec("diem_dat", "Điểm thẩm định", 8, true, 14),
    spec("diem_mat", "Điểm bị mất", 7, true, 14),
    spec("giai_phap", "Giải pháp", 18, false, 35),
    spec("chu_tri", "Cơ quan chủ trì", 9, false, 20),
    spec("phoi_hop", "Cơ quan phối hợp", 9, false, 20),
    spec("thoi_gian", "Thời gian thực hiện", 8, true, 18),
    spec("ghi_chu", "Ghi chú", 7, false, 14),
    spec("tien_do", "Tiến độ thực hiện", 12, false, 25),
];

/// Defaults of keys a custom column may use that its preset's table does not list.
const EXTRA: [ColumnSpec; 4] = [
    spec("ma", "Mã tiêu chí", 6, true, 12),
    spec("tien_do", "Tiến độ thực hiện", 12, false, 25),
    spec("chu_tri", "Đơn vị chủ trì", 13, false, 25),
    spec("phoi_hop", "Đơn vị phối hợp", 13, false, 25),
];

/// Text width of a portrait A4 page with vanban's margins, in mm.
const PORTRAIT_TEXT_MM: u32 = 165;

fn preset(name: &str) -> (&'static [ColumnSpec], usize) {
    match name {
        "nhiem-vu" => (&TASKS, TASKS.len()),
        "diem" => (&SCORES, SCORES.len() - 1),
        _ => (&PROGRESS, PROGRESS.len()),
    }
}

/// A resolved column: its spec and the record's overrides.
struct Col {
    key: String,
    heading: String,
    second: Option<String>,
    width: u32,
    centred: bool,
    min_mm: u32,
}

fn columns(appendix: &Appendix) -> Vec<Col> {
    let (table, default_count) = preset(appendix.mau.get_ref());
    let find = |key: &str| table.iter().chain(&EXTRA).find(|s| s.key == key);
    if appendix.cot.is_empty() {
        return table[..default_count]
            .iter()
            .map(|s| Col {
                key: s.key.into(),
                heading: s.heading.into(),
                second: None,
                width: s.width,
                centred: s.centred,
                min_mm: s.min_mm,
            })
            .collect();
    }
    appendix
        .cot
        .iter()
        .map(|c| {
            let key = c.khoa.get_ref().clone();
            let s = find(&key);
            Col {
                heading: text::clean(
                    c.tieu_de
                        .as_deref()
                        .or(s.map(|s| s.heading))
                        .unwrap_or(&key),
                ),
                second: c.dong_hai.as_deref().map(text::clean),
                width: c.rong.or(s.map(|s| s.width)).unwrap_or(10).max(1),
                centred: s.is_some_and(|s| s.centred),
                min_mm: s.map_or(15, |s| s.min_mm),
                key,
            }
        })
        .collect()
}

fn cell(noi_dung: String, centred: bool) -> CellView {
    CellView {
        noi_dung,
        can: if centred { "center" } else { "left" },
        dam: false,
        span: 1,
        gop: "",
    }
}

/// Several items in one cell: one paragraph each, marked "·" when there is more than one.
fn points(items: &[String], mark: &str) -> String {
    match items {
        [one] => text::clean(one),
        many => many
            .iter()
            .map(|i| format!("{mark} {}", text::clean(i)))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn opt(value: Option<&String>) -> String {
    value.map(|v| text::clean(v)).unwrap_or_default()
}

/// Derives every appendix of a record; `attached_to` is the "(Kèm theo …)" line.
pub fn appendices(
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
            let rows = match appendix.mau.get_ref().as_str() {
                "nhiem-vu" => task_rows(
                    record,
                    &cols,
                    as_of_override.or(as_of(appendix)).or(report_date),
                ),
                "diem" => score_rows(
                    record,
                    &cols,
                    as_of_override.or(as_of(appendix)).or(report_date),
                ),
                _ => progress_rows(
                    record,
                    &cols,
                    as_of_override.or(as_of(appendix)).or(report_date),
                ),
            };
            let needed: u32 = cols.iter().map(|c| c.min_mm).sum();
            let ngang = match appendix.huong.as_ref().map(|h| h.get_ref().as_str()) {
                Some("ngang") => true,
                Some("doc") => false,
                _ => needed > PORTRAIT_TEXT_MM,
            };
            AppendixView {
                nhan: if several {
                    format!("Phụ lục {}", text::roman(n))
                } else {
                    "Phụ lục".into()
                },
                tieu_de_hoa: text::upper(&text::clean(&appendix.tieu_de)),
                kem_theo: attached_to.to_string(),
                ngang,
                tep_rieng: appendix.tep_rieng,
                rong: cols
                    .iter()
                    .map(|c| c.width.to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
                cot: cols
                    .iter()
                    .map(|c| ColumnView {
                        tieu_de: c.heading.clone(),
                        dong_hai: c.second.clone(),
                    })
                    .collect(),
                danh_so_cot: appendix.danh_so_cot,
                dong: rows,
            }
        })
        .collect()
}

fn as_of(appendix: &Appendix) -> Option<record::DocDate> {
    appendix.tinh_den.as_ref().and_then(record::calendar_date)
}

/// A row whose first column holds `label` and whose title spans the rest (a roman group row).
fn spanning_row(cols: &[Col], label: String, title: String) -> RowView {
    let mut o = Vec::new();
    let mut span = cols.len();
    if cols.first().is_some_and(|c| c.key == "stt") {
        o.push(CellView {
            dam: true,
            ..cell(label, true)
        });
        span -= 1;
    }
    o.push(CellView {
        dam: true,
        span: span.max(1),
        ..cell(title, false)
    });
    RowView { kieu: "group", o }
}

fn task_rows(record: &Record, cols: &[Col], as_of: Option<record::DocDate>) -> Vec<RowView> {
    let mut rows = Vec::new();
    let mut number = 0;
    for (g, group) in (1u32..).zip(&record.nhom) {
        rows.push(spanning_row(
            cols,
            text::roman(g),
            text::upper(&text::clean(&group.ten)),
        ));
        for task in &group.nhiem_vu {
            number += 1;
            let o = cols
                .iter()
                .map(|c| {
                    let value = match c.key.as_str() {
                        "stt" => number.to_string(),
                        "ten" => text::clean(&task.ten),
                        "san_pham" => task
                            .san_pham
                            .iter()
                            .map(|p| text::clean(p))
                            .collect::<Vec<_>>()
                            .join("\n"),
                        "chu_tri" => opt(task.chu_tri.as_ref()),
                        "phoi_hop" => opt(task.phoi_hop.as_ref()),
                        "thoi_gian" => opt(task.thoi_han.as_ref()),
                        "ket_qua" => task.ket_qua.as_ref().map_or_else(
                            || progress_text(&task.tien_do, as_of),
                            |k| text::clean(k),
                        ),
                        "tien_do" => progress_text(&task.tien_do, as_of),
                        _ => String::new(),
                    };
                    cell(value, c.centred)
                })
                .collect();
            rows.push(RowView { kieu: "body", o });
        }
    }
    rows
}

/// What one criterion (or sub-criterion) row shows, by column key.
struct RowValues<'a> {
    number: String,
    code: String,
    name: String,
    solutions: &'a [String],
    lead: Option<&'a String>,
    support: Option<&'a String>,
    deadline: Option<&'a String>,
    progress: String,
    note: Option<&'a String>,
    scores: [String; 3],
}

fn value(c: &Col, v: &RowValues<'_>) -> String {
    match c.key.as_str() {
        "stt" => v.number.clone(),
        "ma" => v.code.clone(),
        "ten" => v.name.clone(),
        "giai_phap" => points(v.solutions, "·"),
        "chu_tri" => opt(v.lead),
        "phoi_hop" => opt(v.support),
        "thoi_gian" => opt(v.deadline),
        "tien_do" => v.progress.clone(),
        "ghi_chu" => opt(v.note),
        "diem_toi_da" => v.scores[0].clone(),
        "diem_dat" => v.scores[1].clone(),
        "diem_mat" => v.scores[2].clone(),
        _ => String::new(),
    }
}

fn criterion_name(c: &Criterion) -> String {
    let mut name = text::clean(&c.ten);
    for detail in &c.chi_tiet {
        name.push_str(&format!("\n· {}", text::clean(detail)));
    }
    name
}

fn progress_rows(record: &Record, cols: &[Col], as_of: Option<record::DocDate>) -> Vec<RowView> {
    let mut rows = Vec::new();
    let items = record
        .tieu_chi
        .iter()
        .filter(|c| c.khac_phuc.is_some() || !c.con.is_empty());
    for (n, c) in (1..).zip(items) {
        let remedy = c.khac_phuc.as_ref();
        let empty: &[String] = &[];
        let main = RowValues {
            number: n.to_string(),
            code: c.code().map(text::clean).unwrap_or_default(),
            name: criterion_name(c),
            solutions: remedy.map_or(empty, |r| &r.giai_phap),
            lead: remedy.and_then(|r| r.chu_tri.as_ref()),
            support: remedy.and_then(|r| r.phoi_hop.as_ref()),
            deadline: remedy.and_then(|r| r.thoi_gian.as_ref()),
            progress: remedy
                .map(|r| progress_text(&r.tien_do, as_of))
                .unwrap_or_default(),
            note: c.ghi_chu.as_ref(),
            scores: Default::default(),
        };
        let merged = !c.con.is_empty();
        let o = cols
            .iter()
            .map(|col| {
                let gop = if merged && col.key == "stt" {
                    "merge"
                } else {
                    ""
                };
                CellView {
                    gop,
                    ..cell(value(col, &main), col.centred)
                }
            })
            .collect();
        rows.push(RowView { kieu: "body", o });
        for sub in &c.con {
            let values = RowValues {
                number: String::new(),
                code: String::new(),
                name: format!("- {}", text::clean(&sub.ten)),
                solutions: &sub.giai_phap,
                lead: sub.chu_tri.as_ref(),
                support: sub.phoi_hop.as_ref(),
                deadline: sub.thoi_gian.as_ref(),
                progress: progress_text(&sub.tien_do, as_of),
                note: sub.ghi_chu.as_ref(),
                scores: Default::default(),
            };
            let o = cols
                .iter()
                .map(|col| {
                    let gop = if col.key == "stt" { "cont" } else { "" };
                    CellView {
                        gop,
                        ..cell(value(col, &values), col.centred)
                    }
                })
                .collect();
            rows.push(RowView { kieu: "body", o });
        }
    }
    rows
}

fn score_rows(record: &Record, cols: &[Col], as_of: Option<record::DocDate>) -> Vec<RowView> {
    let codes: Vec<Option<&str>> = record.tieu_chi.iter().map(|t| t.code()).collect();
    let parents = record::code_parents(&codes);
    let scores = record::effective_scores(record);
    let has_children = |i: usize| parents.contains(&Some(i));
    let mut rows = Vec::new();
    for (i, c) in record.tieu_chi.iter().enumerate() {
        let remedy = c.khac_phuc.as_ref();
        let group = has_children(i);
        let empty: &[String] = &[];
        let name = if group {
            text::upper(&text::clean(&c.ten))
        } else {
            criterion_name(c)
        };
        let values = RowValues {
            number: c.code().map_or_else(|| (i + 1).to_string(), text::clean),
            code: c.code().map(text::clean).unwrap_or_default(),
            name,
            solutions: remedy.map_or(empty, |r| &r.giai_phap),
            lead: remedy.and_then(|r| r.chu_tri.as_ref()),
            support: remedy.and_then(|r| r.phoi_hop.as_ref()),
            deadline: remedy.and_then(|r| r.thoi_gian.as_ref()),
            progress: remedy
                .map(|r| progress_text(&r.tien_do, as_of))
                .unwrap_or_default(),
            note: c.ghi_chu.as_ref(),
            scores: scores[i].map_or_else(Default::default, |(max, got)| {
                [max.vi(), got.vi(), (max - got).vi()]
            }),
        };
        let o = cols
            .iter()
            .map(|col| CellView {
                dam: group,
                ..cell(value(col, &values), col.centred)
            })
            .collect();
        rows.push(RowView {
            kieu: if group { "group" } else { "body" },
            o,
        });
    }
    let top: Vec<(Decimal, Decimal)> = (0..record.tieu_chi.len())
        .filter(|&i| parents[i].is_none())
        .filter_map(|i| scores[i])
        .collect();
    if !top.is_empty() {
        let (max, got) = top.iter().fold(
            (Decimal::default(), Decimal::default()),
            |(m, g), (cm, cg)| (m + *cm, g + *cg),
        );
        let o = cols
            .iter()
            .map(|col| {
                let v = match col.key.as_str() {
                    "ten" => "TỔNG CỘNG".to_string(),
                    "diem_toi_da" => max.vi(),
                    "diem_dat" => got.vi(),
                    "diem_mat" => (max - got).vi(),
                    _ => String::new(),
                };
                CellView {
                    dam: true,
                    ..cell(v, col.centred || col.key == "ten")
                }
            })
            .collect();
        rows.push(RowView { kieu: "total", o });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn record(body: &str) -> Record {
        let source = format!(
            "loai = \"ke-hoach\"\nnam = 2022\ntrich_yeu = \"t\"\n[co_quan]\nten = \"A\"\nviet_tat = \"A\"\ndia_danh = \"B\"\n[nguoi_ky]\nho_ten = \"C\"\n[noi_nhan]\nluu = \"VT\"\n{body}"
        );
        record::parse(Path::new("r.toml"), &source).unwrap().record
    }

    #[test]
    fn progress_is_the_latest_entry_on_or_before_the_date() {
        let r = record(
            "[[tieu_chi]]\nten = \"x\"\n[tieu_chi.khac_phuc]\ntien_do = [\n{ ngay = 2022-03-01, trang_thai = \"dang-thuc-hien\" },\n{ ngay = 2022-06-01, trang_thai = \"hoan-thanh\", noi_dung = \"Xong 10/10\" },\n]\n",
        );
        let entries = &r.tieu_chi[0].khac_phuc.as_ref().unwrap().tien_do;
        let day = |m| {
            Some(record::DocDate {
                day: Some(15),
                month: Some(m),
                year: 2022,
            })
        };
        assert_eq!(progress_text(entries, day(2)), "");
        assert_eq!(progress_text(entries, day(4)), "Đang thực hiện");
        assert_eq!(progress_text(entries, day(7)), "Xong 10/10");
        assert_eq!(progress_text(entries, None), "Xong 10/10");
    }

    #[test]
    fn several_solutions_are_marked_one_is_not() {
        assert_eq!(points(&["a".into()], "·"), "a");
        assert_eq!(points(&["a".into(), "b".into()], "·"), "· a\n· b");
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
}
