//! What a Báo cáo computes from the plan it reports on: the reference to the plan, progress
//! counts as of a date (overall and per task group), and the list of items whose status or
//! text changed between two dates. Everything is derived from dated progress entries, so any
//! past report regenerates exactly.

use serde::Serialize;

use crate::record::{DocDate, Progress, Record, Status, Text};
use crate::text;

/// Latest entry on or before `as_of` (all entries when `None`); of two on one day, the one
/// written later.
pub(crate) fn latest<'a>(
    entries: impl IntoIterator<Item = &'a Progress>,
    as_of: Option<DocDate>,
) -> Option<&'a Progress> {
    let key = |d: DocDate| (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0));
    entries
        .into_iter()
        .filter_map(|e| e.on.map(|d| (key(d), e)))
        .filter(|(k, _)| as_of.is_none_or(|a| *k <= key(a)))
        .max_by_key(|(k, _)| *k)
        .map(|(_, e)| e)
}

/// The status an item had on `as_of`: that of its latest entry with a status. Entries of
/// text alone are shown in the appendix but do not move the counts.
fn status(entries: &[Progress], as_of: Option<DocDate>) -> Option<Status> {
    latest(entries.iter().filter(|e| e.trang_thai.is_some()), as_of)
        .and_then(|e| e.trang_thai.as_ref().map(|s| *s.get_ref()))
}

/// What the Tiến độ cell shows: the entry's text, or its status in words.
pub(crate) fn progress_text(entries: &[Progress], as_of: Option<DocDate>) -> String {
    match latest(entries, as_of) {
        None => String::new(),
        Some(e) => match &e.noi_dung {
            Some(t) if !t.trim().is_empty() => t.to_string(),
            _ => e
                .trang_thai
                .as_ref()
                .map_or_else(String::new, |s| s.get_ref().label().to_string()),
        },
    }
}

/// One item that carries progress: a criterion's remedy, a sub-criterion, or a task.
pub(crate) struct Item<'a> {
    pub label: Label,
    pub name: &'a Text,
    /// Index of the task group, for per-group counts.
    pub group: Option<usize>,
    pub entries: &'a [Progress],
}

/// An item's number in the report: "3", "3.2" (second sub-criterion of item 3) or "12" (a
/// task); written out only for the items a report lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Item(usize),
    Sub(usize, usize),
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Label::Item(n) => write!(f, "{n}"),
            Label::Sub(n, m) => write!(f, "{n}.{m}"),
        }
    }
}

/// Every progress-bearing item in the order the appendices list them.
pub(crate) fn items(record: &Record) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    for (n, (_, c)) in (1..).zip(record.followed_criteria()) {
        if c.con.is_empty() {
            let entries = c.khac_phuc.as_ref().map_or(&[][..], |k| &k.tien_do);
            out.push(Item {
                label: Label::Item(n),
                name: &c.ten,
                group: None,
                entries,
            });
        }
        for (m, sub) in (1..).zip(&c.con) {
            // Progress shared with the sub-criterion above is counted once, there.
            if sub.shares(crate::record::ColumnKey::Progress) {
                continue;
            }
            out.push(Item {
                label: Label::Sub(n, m),
                name: &sub.ten,
                group: None,
                entries: &sub.tien_do,
            });
        }
    }
    for (n, (g, _, task)) in (1..).zip(record.tasks()) {
        out.push(Item {
            label: Label::Item(n),
            name: &task.ten,
            group: Some(g),
            entries: &task.tien_do,
        });
    }
    out
}

/// A count as report text writes it: below 10 with a leading zero ("06"), the one form
/// every count of a report takes, as ND30 practice writes "06/10" and "02 văn bản".
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub usize);

impl Serialize for Count {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{:02}", self.0))
    }
}

/// Progress counts; `ty_le_hoan_thanh` is the "06/10" form used in report text.
#[derive(Debug, Serialize, Default, PartialEq, Eq)]
pub struct Counts {
    pub tong: Count,
    pub hoan_thanh: Count,
    pub dang_thuc_hien: Count,
    pub chua_thuc_hien: Count,
    pub khong_the_thuc_hien: Count,
    pub ty_le_hoan_thanh: String,
}

impl Counts {
    fn add(&mut self, status: Option<Status>) {
        self.tong.0 += 1;
        match status {
            Some(Status::Done) => self.hoan_thanh.0 += 1,
            Some(Status::InProgress) => self.dang_thuc_hien.0 += 1,
            Some(Status::Impossible) => self.khong_the_thuc_hien.0 += 1,
            Some(Status::NotStarted) | None => self.chua_thuc_hien.0 += 1,
        }
    }

    /// The counts with their "06/10" form.
    fn finished(mut self) -> Counts {
        self.ty_le_hoan_thanh = format!("{:02}/{:02}", self.hoan_thanh.0, self.tong.0);
        self
    }
}

/// Counts of one task group.
#[derive(Debug, Serialize)]
pub struct GroupCounts {
    pub ten: String,
    pub so_lieu: Counts,
}

/// A change between two dates.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Change {
    pub stt: String,
    pub ten: String,
    /// Progress text at the earlier date ("" when none).
    pub truoc: String,
    pub sau: String,
}

/// Everything a report shows about progress.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub chung: Counts,
    pub theo_nhom: Vec<GroupCounts>,
    /// The items whose progress changed since `thay_doi_tu` ("31/3/2021").
    pub thay_doi: Vec<Change>,
    pub thay_doi_tu: Option<String>,
}

/// Counts as of `as_of`, and the changes since `since` when both dates are known.
pub(crate) fn summary(record: &Record, as_of: Option<DocDate>, since: Option<DocDate>) -> Summary {
    // One pass over the items, each counted overall and in its group.
    let mut chung = Counts::default();
    let mut groups: Vec<Counts> = record.nhom.iter().map(|_| Counts::default()).collect();
    for item in items(record) {
        let state = status(item.entries, as_of);
        chung.add(state);
        if let Some(group) = item.group.and_then(|g| groups.get_mut(g)) {
            group.add(state);
        }
    }
    let theo_nhom = record
        .nhom
        .iter()
        .zip(groups)
        .map(|(group, counts)| GroupCounts {
            ten: group.ten.to_string(),
            so_lieu: counts.finished(),
        })
        .collect();
    Summary {
        chung: chung.finished(),
        theo_nhom,
        thay_doi: match (since, as_of) {
            (Some(from), Some(to)) => changes(record, from, to),
            _ => Vec::new(),
        },
        thay_doi_tu: since.map(|d| text::short_date(d.day, d.month, d.year)),
    }
}

fn state(entries: &[Progress], as_of: Option<DocDate>) -> Option<(Option<Status>, Option<Text>)> {
    latest(entries, as_of).map(|e| {
        (
            e.trang_thai.as_ref().map(|s| *s.get_ref()),
            e.noi_dung.clone(),
        )
    })
}

/// Items whose status or text at `to` differs from what it was at `from`.
pub(crate) fn changes(record: &Record, from: DocDate, to: DocDate) -> Vec<Change> {
    items(record)
        .into_iter()
        .filter(|i| state(i.entries, Some(from)) != state(i.entries, Some(to)))
        .map(|i| Change {
            stt: i.label.to_string(),
            ten: i.name.to_string(),
            truoc: progress_text(i.entries, Some(from)),
            sau: progress_text(i.entries, Some(to)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record;
    use std::path::Path;

    const PLAN: &str = r#"loai = "ke-hoach"
nam = 2021
trich_yeu = "t"
[co_quan]
ten = "A"
viet_tat = "A"
dia_danh = "B"
[nguoi_ky]
ho_ten = "C"
[noi_nhan]
luu = "VT"
[[tieu_chi]]
ten = "Một"
[tieu_chi.khac_phuc]
tien_do = [{ ngay = 2021-03-01, trang_thai = "dang-thuc-hien" }, { ngay = 2021-09-01, trang_thai = "hoan-thanh" }]
[[tieu_chi]]
ten = "Hai"
[[tieu_chi.con]]
ten = "Hai chấm một"
tien_do = [{ ngay = 2021-05-01, trang_thai = "khong-the-thuc-hien", noi_dung = "Chỉ có 01 đơn vị" }]
[[nhom]]
ten = "Nhóm"
nhiem_vu = [{ ten = "Việc", tien_do = [{ ngay = 2021-08-01, trang_thai = "dang-thuc-hien" }] }]
"#;

    fn day(m: u32) -> DocDate {
        DocDate {
            day: Some(15),
            month: Some(m),
            year: 2021,
        }
    }

    #[test]
    fn counts_follow_the_date() {
        let loaded = record::parse(Path::new("p.toml"), PLAN).unwrap();
        let june = summary(&loaded.record, Some(day(6)), None);
        assert_eq!(
            (
                june.chung.tong.0,
                june.chung.dang_thuc_hien.0,
                june.chung.khong_the_thuc_hien.0,
                june.chung.chua_thuc_hien.0
            ),
            (3, 1, 1, 1)
        );
        let october = summary(&loaded.record, Some(day(10)), None);
        assert_eq!(october.chung.ty_le_hoan_thanh, "01/03");
        assert_eq!(october.theo_nhom[0].so_lieu.dang_thuc_hien, Count(1));
    }

    #[test]
    fn progress_shared_by_two_sub_criteria_is_counted_once() {
        let plan = PLAN.replace(
            "[[nhom]]",
            "[[tieu_chi.con]]\nten = \"Hai chấm hai\"\nnhu_tren = [\"tien_do\"]\n[[nhom]]",
        );
        let loaded = record::parse(Path::new("p.toml"), &plan).unwrap();
        assert_eq!(items(&loaded.record).len(), 3);
        let june = summary(&loaded.record, Some(day(6)), None);
        assert_eq!(june.chung.tong.0, 3);
    }

    #[test]
    fn changes_list_what_moved_between_two_dates() {
        let loaded = record::parse(Path::new("p.toml"), PLAN).unwrap();
        let moved = changes(&loaded.record, day(6), day(10));
        let labels: Vec<(&str, &str, &str)> = moved
            .iter()
            .map(|c| (c.stt.as_str(), c.truoc.as_str(), c.sau.as_str()))
            .collect();
        assert_eq!(
            labels,
            [
                ("1", "Đang thực hiện", "Đã hoàn thành"),
                ("1", "", "Đang thực hiện")
            ]
        );
        assert_eq!(moved[1].ten, "Việc");
        assert!(changes(&loaded.record, day(10), day(11)).is_empty());
    }

    #[test]
    fn an_entry_of_text_alone_is_shown_on_the_documents_date_and_not_counted() {
        let plan = PLAN.replace("nam = 2021", "ngay = 2021-04-10")
            + "[[nhom]]\nten = \"Hai\"\n[[nhom.nhiem_vu]]\nten = \"Ban hành VB QPPL\"\ntien_do = [{ noi_dung = \"Đã tham mưu UBND tỉnh ban hành 02 VB QPPL\" }]\n";
        let loaded = record::parse(Path::new("p.toml"), &plan).unwrap();
        let task = &loaded.record.nhom[1].nhiem_vu[0];
        assert_eq!(progress_text(&task.tien_do, Some(day(3))), "");
        assert_eq!(
            progress_text(&task.tien_do, Some(day(5))),
            "Đã tham mưu UBND tỉnh ban hành 02 VB QPPL"
        );
        let counts = summary(&loaded.record, Some(day(10)), None).chung;
        assert_eq!((counts.tong.0, counts.chua_thuc_hien.0), (4, 1));
    }

    #[test]
    fn an_entry_with_neither_status_nor_text_is_refused() {
        let plan = PLAN.to_string()
            + "[[nhom]]\nten = \"Hai\"\n[[nhom.nhiem_vu]]\nten = \"x\"\ntien_do = [{ ngay = 2021-05-01 }]\n";
        let error = record::parse(Path::new("p.toml"), &plan)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("neither `trang_thai` nor `noi_dung`"),
            "{error}"
        );
    }
}
