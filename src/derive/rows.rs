//! The body rows of an appendix table, one function per preset: continuous task numbering
//! across roman group rows, criteria numbered by their code with upper-case group rows and a
//! computed total, sub-criteria under a vertically merged number cell, progress as of a date.

use super::appendix::{Col, cell};
use super::report::progress_text;
use crate::model::{Cell, Merge, Row, RowKind};
use crate::record::{self, ColumnKey, Criterion, Record, Text};
use crate::text;

/// Several items in one cell: one paragraph each, marked "·" when there is more than one.
fn points(items: &[Text], mark: &str) -> String {
    match items {
        [one] => one.to_string(),
        many => many
            .iter()
            .map(|i| format!("{mark} {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn opt(value: Option<&Text>) -> String {
    value.map(Text::to_string).unwrap_or_default()
}

fn bold(cell: Cell) -> Cell {
    Cell { bold: true, ..cell }
}

/// A row whose first column holds `label` and whose title spans the rest (a roman group row).
fn spanning_row(cols: &[Col], label: &str, title: &str) -> Row {
    let mut cells = Vec::new();
    let mut span = cols.len();
    if cols.first().is_some_and(|c| c.key == ColumnKey::Number) {
        cells.push(bold(cell(label, true)));
        span -= 1;
    }
    cells.push(Cell {
        span: span.max(1),
        ..bold(cell(title, false))
    });
    Row {
        kind: RowKind::Group,
        cells,
    }
}

/// Rows of a task appendix: a roman row per group, tasks numbered 1…n across groups.
pub(super) fn tasks(record: &Record, cols: &[Col], as_of: Option<record::DocDate>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut number = 0;
    for (g, group) in (1u32..).zip(&record.nhom) {
        rows.push(spanning_row(
            cols,
            &text::roman(g),
            &text::upper(&group.ten.to_string()),
        ));
        for task in &group.nhiem_vu {
            number += 1;
            let cells = cols
                .iter()
                .map(|c| {
                    let value = match c.key {
                        ColumnKey::Number => number.to_string(),
                        ColumnKey::Name => task.ten.to_string(),
                        ColumnKey::Product => task
                            .san_pham
                            .iter()
                            .map(Text::to_string)
                            .collect::<Vec<_>>()
                            .join("\n"),
                        ColumnKey::Lead => opt(task.chu_tri.as_ref()),
                        ColumnKey::Support => opt(task.phoi_hop.as_ref()),
                        ColumnKey::Deadline => opt(task.thoi_han.as_ref()),
                        ColumnKey::Result => task
                            .ket_qua
                            .as_ref()
                            .map_or_else(|| progress_text(&task.tien_do, as_of), Text::to_string),
                        ColumnKey::Progress => progress_text(&task.tien_do, as_of),
                        ColumnKey::Note => opt(task.ghi_chu.as_ref()),
                        ColumnKey::Code
                        | ColumnKey::Solution
                        | ColumnKey::MaxPoints
                        | ColumnKey::Assessed
                        | ColumnKey::Lost => String::new(),
                    };
                    cell(&value, c.centred)
                })
                .collect();
            rows.push(Row {
                kind: RowKind::Body,
                cells,
            });
        }
    }
    rows
}

/// What one criterion (or sub-criterion) row shows, by column key.
struct RowValues<'a> {
    number: String,
    code: String,
    name: String,
    solutions: &'a [Text],
    lead: Option<&'a Text>,
    support: Option<&'a Text>,
    deadline: Option<&'a Text>,
    progress: String,
    note: Option<&'a Text>,
    scores: [String; 3],
}

impl RowValues<'_> {
    fn value(&self, key: ColumnKey) -> String {
        match key {
            ColumnKey::Number => self.number.clone(),
            ColumnKey::Code => self.code.clone(),
            ColumnKey::Name => self.name.clone(),
            ColumnKey::Solution => points(self.solutions, "·"),
            ColumnKey::Lead => opt(self.lead),
            ColumnKey::Support => opt(self.support),
            ColumnKey::Deadline => opt(self.deadline),
            ColumnKey::Progress => self.progress.clone(),
            ColumnKey::Note => opt(self.note),
            ColumnKey::MaxPoints => self.scores[0].clone(),
            ColumnKey::Assessed => self.scores[1].clone(),
            ColumnKey::Lost => self.scores[2].clone(),
            ColumnKey::Product | ColumnKey::Result => String::new(),
        }
    }
}

fn criterion_name(c: &Criterion) -> String {
    let mut name = c.ten.to_string();
    for detail in &c.chi_tiet {
        name.push_str(&format!("\n· {detail}"));
    }
    name
}

/// What a criterion's remedy puts in its row.
fn remedy_values<'a>(
    c: &'a Criterion,
    number: String,
    name: String,
    as_of: Option<record::DocDate>,
) -> RowValues<'a> {
    let remedy = c.khac_phuc.as_ref();
    RowValues {
        number,
        code: c.code().map(str::to_string).unwrap_or_default(),
        name,
        solutions: remedy.map_or(&[], |r| &r.giai_phap),
        lead: remedy.and_then(|r| r.chu_tri.as_ref()),
        support: remedy.and_then(|r| r.phoi_hop.as_ref()),
        deadline: remedy.and_then(|r| r.thoi_gian.as_ref()),
        progress: remedy
            .map(|r| progress_text(&r.tien_do, as_of))
            .unwrap_or_default(),
        note: c.ghi_chu.as_ref(),
        scores: Default::default(),
    }
}

/// Rows of a progress appendix: the criteria with a remedy or sub-criteria, numbered 1…n; a
/// criterion's sub-criteria follow it, its number cell merged down over them.
pub(super) fn progress(record: &Record, cols: &[Col], as_of: Option<record::DocDate>) -> Vec<Row> {
    let mut rows = Vec::new();
    for (n, (_, c)) in (1..).zip(record.followed_criteria()) {
        let main = remedy_values(c, n.to_string(), criterion_name(c), as_of);
        let merged = !c.con.is_empty();
        let cells = cols
            .iter()
            .map(|col| Cell {
                merge: if merged && col.key == ColumnKey::Number {
                    Merge::Start
                } else {
                    Merge::None
                },
                ..cell(&main.value(col.key), col.centred)
            })
            .collect();
        rows.push(Row {
            kind: RowKind::Body,
            cells,
        });
        for sub in &c.con {
            let values = RowValues {
                number: String::new(),
                code: String::new(),
                name: format!("- {}", sub.ten),
                solutions: &sub.giai_phap,
                lead: sub.chu_tri.as_ref(),
                support: sub.phoi_hop.as_ref(),
                deadline: sub.thoi_gian.as_ref(),
                progress: progress_text(&sub.tien_do, as_of),
                note: sub.ghi_chu.as_ref(),
                scores: Default::default(),
            };
            let cells = cols
                .iter()
                .map(|col| Cell {
                    merge: if col.key == ColumnKey::Number {
                        Merge::Continue
                    } else {
                        Merge::None
                    },
                    ..cell(&values.value(col.key), col.centred)
                })
                .collect();
            rows.push(Row {
                kind: RowKind::Body,
                cells,
            });
        }
    }
    rows
}

/// Rows of a score appendix: every criterion numbered by its code; a criterion with parts is
/// an upper-case bold group row; a Tổng cộng row over the top-level criteria unless the
/// record leaves it out.
pub(super) fn scores(
    record: &Record,
    cols: &[Col],
    as_of: Option<record::DocDate>,
    with_total: bool,
) -> Vec<Row> {
    let scores = record::Scores::of(record);
    let mut rows = Vec::new();
    for (i, c) in record.tieu_chi.iter().enumerate() {
        let group = scores.is_group(i);
        let name = if group {
            text::upper(&c.ten.to_string())
        } else {
            criterion_name(c)
        };
        let number = c.code().map_or_else(|| (i + 1).to_string(), str::to_string);
        let values = RowValues {
            scores: scores.points(i).map_or_else(Default::default, |p| {
                [p.max.vi(), p.got.vi(), p.lost().vi()]
            }),
            ..remedy_values(c, number, name, as_of)
        };
        let cells = cols
            .iter()
            .map(|col| Cell {
                bold: group,
                ..cell(&values.value(col.key), col.centred)
            })
            .collect();
        rows.push(Row {
            kind: if group { RowKind::Group } else { RowKind::Body },
            cells,
        });
    }
    if let Some(total) = scores.total().filter(|_| with_total) {
        let cells = cols
            .iter()
            .map(|col| {
                let v = match col.key {
                    ColumnKey::Name => "TỔNG CỘNG".to_string(),
                    ColumnKey::MaxPoints => total.max.vi(),
                    ColumnKey::Assessed => total.got.vi(),
                    ColumnKey::Lost => total.lost().vi(),
                    _ => String::new(),
                };
                bold(cell(&v, col.centred || col.key == ColumnKey::Name))
            })
            .collect();
        rows.push(Row {
            kind: RowKind::Total,
            cells,
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::appendix::appendices;
    use crate::model::plain;
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
        assert_eq!(points(&[Text::new("a")], "·"), "a");
        assert_eq!(points(&[Text::new("a"), Text::new("b")], "·"), "· a\n· b");
    }

    #[test]
    fn sub_criteria_merge_the_number_cell_down() {
        let r = record(
            "[[tieu_chi]]\nten = \"Tiêu chí 1\"\n[[tieu_chi.con]]\nten = \"1.2\"\n[[tieu_chi.con]]\nten = \"1.5\"\n[[phu_luc]]\ntieu_de = \"a\"\nmau = \"tien-do\"\n",
        );
        let rows = &appendices(&r, "", None)[0].bang.rows[1..];
        let merges: Vec<Merge> = rows.iter().map(|r| r.cells[0].merge).collect();
        assert_eq!(merges, [Merge::Start, Merge::Continue, Merge::Continue]);
        assert_eq!(plain(&rows[1].cells[1].text), "- 1.2");
    }
}
