//! The body rows of an appendix table, one function per preset: continuous task numbering
//! across roman group rows, criteria numbered by their code with upper-case group rows and a
//! computed total, sub-criteria under a vertically merged number cell, progress as of a date.

use super::appendix::{Col, cell};
use super::report::progress_text;
use crate::model::{Cell, Merge, Row, RowKind};
use crate::record::{self, ColumnKey, Criterion, NumberColumn, Rank, Record, SubMark, Text};
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
pub(super) fn tasks(
    record: &Record,
    cols: &[Col],
    as_of: Option<record::DocDate>,
    numbers: NumberColumn,
) -> Vec<Row> {
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
                        ColumnKey::Number => number_cell(None, numbers, None, number),
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

/// What a row's TT/STT cell shows: the criterion's own `stt` as typed, else per the
/// appendix's choice: its code (else `n`), `n`, or nothing.
fn number_cell(own: Option<&Text>, mode: NumberColumn, code: Option<&str>, n: usize) -> String {
    match (own, mode) {
        (Some(own), _) => own.to_string(),
        (None, NumberColumn::Codes) => code.map_or_else(|| n.to_string(), str::to_string),
        (None, NumberColumn::Count) => n.to_string(),
        (None, NumberColumn::Empty) => String::new(),
    }
}

/// Where a cell merged into the one above sits under a cell that is not merged yet, that
/// cell starts the merged run (w:vMerge restart, then continue).
fn start_merges(rows: &mut [Row]) {
    for r in 1..rows.len() {
        let (above, below) = rows.split_at_mut(r);
        let above = &mut above[r - 1];
        for (upper, lower) in above.cells.iter_mut().zip(&below[0].cells) {
            if lower.merge == Merge::Continue && upper.merge == Merge::None {
                upper.merge = Merge::Start;
            }
        }
    }
}

/// Rows of a progress appendix: the criteria with a remedy or sub-criteria, numbered 1…n. A
/// criterion's sub-criteria each get a row with their own solution, deadline and progress,
/// under its merged number cell: after a lead row of the criterion's own, or (`gop_ten`)
/// beside one merged cell holding the lead sentence and every sub-criterion. A sub-criterion
/// sharing a cell with the one above (`nhu_tren`) is merged into it.
pub(super) fn progress(
    record: &Record,
    cols: &[Col],
    as_of: Option<record::DocDate>,
    numbers: NumberColumn,
) -> Vec<Row> {
    let scores = record::Scores::of(record);
    let mut rows = Vec::new();
    for (n, (i, c)) in (1..).zip(record.followed_criteria()) {
        let number = number_cell(c.stt.as_ref(), numbers, scores.code(i), n);
        let mut main = remedy_values(c, number, criterion_name(c), as_of);
        main.code = scores.code(i).map(str::to_string).unwrap_or_default();
        let merged_key = |key: ColumnKey| {
            matches!(key, ColumnKey::Number | ColumnKey::Code)
                || (c.gop_ten && key == ColumnKey::Name)
        };
        let start = rows.len();
        if c.con.is_empty() || !c.gop_ten {
            rows.push(Row {
                kind: RowKind::Body,
                cells: cols
                    .iter()
                    .map(|col| cell(&main.value(col.key), col.centred))
                    .collect(),
            });
        }
        let mark = c.dau_con.as_ref().map_or(SubMark::Dash, |m| *m.get_ref());
        for (k, sub) in c.con.iter().enumerate() {
            let first = k == 0 && c.gop_ten;
            let name = if first {
                let mut lines = vec![main.name.clone()];
                lines.extend(c.con.iter().map(|s| mark.before(&s.ten.to_string())));
                lines.join("\n")
            } else {
                mark.before(&sub.ten.to_string())
            };
            let values = RowValues {
                number: main.number.clone(),
                code: main.code.clone(),
                name,
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
                .map(|col| {
                    if (merged_key(col.key) && !first) || sub.shares(col.key) {
                        Cell {
                            merge: Merge::Continue,
                            ..cell("", col.centred)
                        }
                    } else {
                        cell(&values.value(col.key), col.centred)
                    }
                })
                .collect();
            rows.push(Row {
                kind: RowKind::Body,
                cells,
            });
        }
        start_merges(&mut rows[start..]);
    }
    rows
}

/// Rows of a score appendix: every criterion, its TT cell as the appendix says (codes by
/// default); fields upper case and bold, deeper groups bold as typed, leaves regular; the
/// figures as typed or computed (`Scores`); a Tổng cộng row unless the record leaves it
/// out, showing only the figures every field has.
pub(super) fn scores(
    record: &Record,
    cols: &[Col],
    as_of: Option<record::DocDate>,
    with_total: bool,
    numbers: NumberColumn,
) -> Vec<Row> {
    let scores = record::Scores::of(record);
    let mut rows = Vec::new();
    for (i, c) in record.tieu_chi.iter().enumerate() {
        let rank = scores.rank(i);
        let name = match rank {
            Rank::Field => text::upper(&c.ten.to_string()),
            Rank::Group => c.ten.to_string(),
            Rank::Leaf => criterion_name(c),
        };
        let code = scores.code(i);
        let number = number_cell(c.stt.as_ref(), numbers, code, i + 1);
        let mut values = RowValues {
            scores: scores.points(i).vi(),
            ..remedy_values(c, number, name, as_of)
        };
        values.code = code.map(str::to_string).unwrap_or_default();
        let group = rank != Rank::Leaf;
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
        let [max, got, lost] = total.vi();
        let cells = cols
            .iter()
            .map(|col| {
                let v = match col.key {
                    ColumnKey::Name => "TỔNG CỘNG".to_string(),
                    ColumnKey::MaxPoints => max.clone(),
                    ColumnKey::Assessed => got.clone(),
                    ColumnKey::Lost => lost.clone(),
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

    fn numbers(body: &str) -> Vec<String> {
        let r = record(&format!(
            "[[tieu_chi]]\nma = \"7\"\nten = \"a\"\n[[tieu_chi]]\nma = \"7.1\"\nten = \"b\"\n\
             [[tieu_chi]]\nma = \"7.2\"\nten = \"c\"\nstt = \"-\"\n[[phu_luc]]\ntieu_de = \"a\"\n\
             mau = \"diem\"\ndong_tong = false\n{body}"
        ));
        appendices(&r, "", None)[0].bang.rows[1..]
            .iter()
            .map(|row| plain(&row.cells[0].text))
            .collect()
    }

    #[test]
    fn the_number_column_shows_codes_a_count_or_nothing_and_a_row_may_say_its_own() {
        assert_eq!(numbers(""), ["7", "7.1", "-"]);
        assert_eq!(numbers("stt = \"ma\"\n"), ["7", "7.1", "-"]);
        assert_eq!(numbers("stt = \"so\"\n"), ["1", "2", "-"]);
        assert_eq!(numbers("stt = \"trong\"\n"), ["", "", "-"]);
    }

    #[test]
    fn a_shared_cell_merges_down_and_a_merged_name_cell_holds_every_sub_criterion() {
        let r = record(
            "[[tieu_chi]]\nten = \"Dẫn:\"\ngop_ten = true\ndau_con = \"+\"\n\
             [[tieu_chi.con]]\nten = \"x\"\ngiai_phap = [\"g\"]\nthoi_gian = \"Q1\"\n\
             [[tieu_chi.con]]\nten = \"+ y\"\nnhu_tren = [\"giai_phap\", \"thoi_gian\"]\n\
             [[tieu_chi.con]]\nten = \"z\"\ngiai_phap = [\"h\"]\nnhu_tren = [\"thoi_gian\"]\n\
             [[phu_luc]]\ntieu_de = \"a\"\nmau = \"tien-do\"\n",
        );
        let rows = &appendices(&r, "", None)[0].bang.rows[1..];
        assert_eq!(rows.len(), 3, "no lead row of its own");
        assert_eq!(plain(&rows[0].cells[1].text), "Dẫn:\n+ x\n+ y\n+ z");
        // Columns: stt ten giai_phap thoi_gian tien_do ghi_chu.
        let merges =
            |column: usize| -> Vec<Merge> { rows.iter().map(|r| r.cells[column].merge).collect() };
        use Merge::{Continue as C, None as N, Start as S};
        assert_eq!(merges(0), [S, C, C]);
        assert_eq!(merges(1), [S, C, C]);
        assert_eq!(merges(2), [S, C, N]);
        assert_eq!(merges(3), [S, C, C]);
        assert_eq!(merges(4), [N, N, N]);
        assert_eq!(plain(&rows[2].cells[2].text), "h");
    }
}
