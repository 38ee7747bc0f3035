//! `vanban progress`: records a dated progress entry for one item of a plan by editing the
//! TOML in place (toml_edit), so the clerk's comments, order and spacing survive. The edited
//! text is parsed and checked like any record before anything is written; on any problem the
//! file is left untouched.
//!
//! The plan file keeps its identity (lock, links, permissions, line endings): see `edit`,
//! which `pull` shares.

use std::path::Path;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::error::Error;
use crate::messages::{Check, List, Message, Run};
use crate::record::{self, Record, Scores, Status};

/// Which item an update is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A criterion by its code ("1.2") or by its number in the progress appendix ("3"), and
    /// optionally its sub-criterion (1-based).
    Criterion { item: String, sub: Option<usize> },
    /// A task by its continuous number across groups.
    Task(usize),
}

/// One progress update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Update {
    pub date: toml_edit::Datetime,
    pub status: String,
    pub text: Option<String>,
}

fn refuse(path: &Path, message: impl Into<Message>, help: impl Into<Message>) -> Error {
    Error::about(path, message).help(help)
}

/// `key` is not the `[[header]]` tables `progress` edits.
fn not_tables(path: &Path, key: &str, header: &str) -> Error {
    let message = Run::NotArrayOfTables {
        key: key.to_string(),
        header: header.to_string(),
    };
    refuse(path, message, Run::AddByHand)
}

/// Parses a `--date` value; only real calendar dates are accepted.
pub(crate) fn parse_date(text: &str) -> Option<toml_edit::Datetime> {
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    let parsed: toml_edit::Datetime = date.format("%Y-%m-%d").to_string().parse().ok()?;
    Some(parsed)
}

/// A record text with an update added, and the plan's own date.
#[derive(Debug)]
pub(crate) struct Applied {
    pub text: String,
    pub plan_date: record::DocDate,
}

/// Returns the record text with the update added; `path` is only used in messages.
pub(crate) fn apply(
    path: &Path,
    source: &str,
    target: &Target,
    update: &Update,
) -> Result<Applied, Error> {
    if Status::parse(&update.status).is_none() {
        let status = update.status.clone();
        return Err(refuse(
            path,
            Run::UnknownStatus { status },
            Check::UseOneOf {
                values: List::of(Status::ALL.iter().map(|s| s.code())),
            },
        ));
    }
    // The record must be valid before it is edited, so that errors point at the clerk's text.
    let loaded = record::parse(path, source)?;
    let mut document: DocumentMut = source.parse().map_err(|e: toml_edit::TomlError| {
        let detail = e.to_string();
        refuse(path, Run::CannotEdit { detail }, Run::FixTomlFirst)
    })?;
    let entries = match target {
        Target::Criterion { item, sub } => {
            criterion_entries(path, &mut document, &loaded.record, item, *sub)?
        }
        Target::Task(number) => task_entries(path, &mut document, &loaded.record, *number)?,
    };
    push_entry(
        entries,
        Some(update.date),
        Some(&update.status),
        update.text.as_deref(),
    );
    let edited = document.to_string();
    record::parse(path, &edited)?;
    Ok(Applied {
        text: edited,
        plan_date: loaded.date,
    })
}

/// Records `update` in the plan at `plan`, in place, and returns the warnings to show (a date
/// before the plan's own date, or after today). On any error the file is left untouched.
pub(crate) fn record(plan: &Path, target: &Target, update: &Update) -> Result<Vec<Run>, Error> {
    let plan_date = crate::edit::in_place(plan, |text| {
        let applied = apply(plan, text, target, update)?;
        Ok((applied.text, applied.plan_date))
    })?;
    Ok(date_warnings(update.date, plan_date, today()))
}

/// Today's date by the clock, as days in the proleptic Gregorian calendar (UTC).
fn today() -> chrono::NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or(chrono::NaiveDate::MIN)
}

/// Warnings for an update dated before the plan itself or after today. Today is taken with a
/// day's margin: the clock is read in UTC and Việt Nam is seven hours ahead.
fn date_warnings(
    date: toml_edit::Datetime,
    plan: record::DocDate,
    today: chrono::NaiveDate,
) -> Vec<Run> {
    let Some(d) = date.date else {
        return Vec::new();
    };
    let Some(date) =
        chrono::NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
    else {
        return Vec::new();
    };
    let plan_start =
        chrono::NaiveDate::from_ymd_opt(plan.year, plan.month.unwrap_or(1), plan.day.unwrap_or(1));
    let mut warnings = Vec::new();
    if let Some(start) = plan_start.filter(|start| date < *start) {
        warnings.push(Run::DateBeforePlan {
            date: date.to_string(),
            start: start.to_string(),
        });
    }
    if today.succ_opt().is_some_and(|tomorrow| date > tomorrow) {
        warnings.push(Run::DateAfterToday {
            date: date.to_string(),
            today: today.to_string(),
        });
    }
    warnings
}

/// The index of the criterion an item names: its code first (typed, or numbered from its
/// `cap`, as the appendix prints it), then its number among the criteria a progress appendix
/// lists (those with a remedy or sub-criteria).
fn criterion_index(record: &Record, item: &str) -> Option<usize> {
    let scores = Scores::of(record);
    if let Some(i) = (0..record.tieu_chi.len()).find(|&i| scores.code(i) == Some(item)) {
        return Some(i);
    }
    let number: usize = item.parse().ok()?;
    record
        .followed_criteria()
        .nth(number.checked_sub(1)?)
        .map(|(i, _)| i)
}

fn tables<'a>(
    path: &Path,
    document: &'a mut DocumentMut,
    key: &str,
) -> Result<&'a mut ArrayOfTables, Error> {
    document
        .get_mut(key)
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| not_tables(path, key, key))
}

fn criterion_entries<'a>(
    path: &Path,
    document: &'a mut DocumentMut,
    record: &Record,
    item: &str,
    sub: Option<usize>,
) -> Result<&'a mut Table, Error> {
    let index = criterion_index(record, item).ok_or_else(|| {
        let item = item.to_string();
        refuse(path, Run::NoCriterion { item }, Run::GiveCriterion)
    })?;
    let criterion = &record.tieu_chi[index];
    let table = tables(path, document, "tieu_chi")?
        .get_mut(index)
        .ok_or_else(|| not_tables(path, "tieu_chi", "tieu_chi"))?;
    match sub {
        Some(n) => {
            if n == 0 || n > criterion.con.len() {
                let item = item.to_string();
                let count = criterion.con.len();
                return Err(refuse(
                    path,
                    Run::NoSubCriterion { item, number: n },
                    Run::HasSubCriteria { count },
                ));
            }
            let subs = table
                .get_mut("con")
                .and_then(Item::as_array_of_tables_mut)
                .ok_or_else(|| not_tables(path, "con", "tieu_chi.con"))?;
            subs.get_mut(n - 1)
                .ok_or_else(|| not_tables(path, "con", "tieu_chi.con"))
        }
        None if !criterion.con.is_empty() => {
            let item = item.to_string();
            Err(refuse(
                path,
                Run::ProgressBelongsToSub { item },
                Run::AddSub,
            ))
        }
        None => {
            if !table.contains_key("khac_phuc") {
                table.insert("khac_phuc", Item::Table(Table::new()));
            }
            table
                .get_mut("khac_phuc")
                .and_then(Item::as_table_mut)
                .ok_or_else(|| refuse(path, Run::RemedyNotATable, Run::WriteRemedyTable))
        }
    }
}

fn task_entries<'a>(
    path: &Path,
    document: &'a mut DocumentMut,
    record: &Record,
    number: usize,
) -> Result<&'a mut Table, Error> {
    let position = record
        .tasks()
        .map(|(g, t, _)| (g, t))
        .nth(number.saturating_sub(1))
        .filter(|_| number > 0)
        .ok_or_else(|| refuse(path, Run::NoTask { number }, Run::TasksNumbered))?;
    let group = tables(path, document, "nhom")?
        .get_mut(position.0)
        .ok_or_else(|| not_tables(path, "nhom", "nhom"))?;
    group
        .get_mut("nhiem_vu")
        .and_then(Item::as_array_of_tables_mut)
        .and_then(|tasks| tasks.get_mut(position.1))
        .ok_or_else(|| not_tables(path, "nhiem_vu", "nhom.nhiem_vu"))
}

/// Appends `[[….tien_do]]` to `parent`, indented like the entry before it (or one step deeper
/// than the parent's own keys). `pull` adds entries of text alone, with or without a date.
pub(crate) fn push_entry(
    parent: &mut Table,
    date: Option<toml_edit::Datetime>,
    status: Option<&str>,
    text: Option<&str>,
) {
    let indent = parent
        .get("tien_do")
        .and_then(Item::as_array_of_tables)
        .and_then(|a| a.iter().last())
        .and_then(|t| {
            t.iter().next().map(|(k, _)| {
                t.key(k).map(|key| {
                    key.leaf_decor()
                        .prefix()
                        .and_then(|p| p.as_str())
                        .unwrap_or("")
                        .to_string()
                })
            })
        })
        .flatten()
        .unwrap_or_else(|| {
            let own = parent
                .iter()
                .next()
                .and_then(|(k, _)| parent.key(k))
                .and_then(|k| k.leaf_decor().prefix())
                .and_then(|p| p.as_str())
                .unwrap_or("");
            format!("{own}  ")
        });
    let mut entry = Table::new();
    entry.decor_mut().set_prefix(indent.clone());
    if let Some(date) = date {
        entry.insert("ngay", Item::Value(Value::from(date)));
    }
    if let Some(status) = status {
        entry.insert("trang_thai", Item::Value(Value::from(status)));
    }
    if let Some(text) = text {
        entry.insert(
            "noi_dung",
            Item::Value(Value::from(crate::text::clean(text).as_str())),
        );
    }
    for (mut key, _) in entry.iter_mut() {
        key.leaf_decor_mut().set_prefix(indent.clone());
    }
    match parent
        .get_mut("tien_do")
        .and_then(Item::as_array_of_tables_mut)
    {
        Some(entries) => entries.push(entry),
        None => {
            let mut entries = ArrayOfTables::new();
            entries.push(entry);
            parent.insert("tien_do", Item::ArrayOfTables(entries));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = r#"# Kế hoạch thử
loai = "ke-hoach"   # loại
nam = 2021
trich_yeu = "Thử"

[co_quan]
ten = "Sở Nội vụ"
viet_tat = "SNV"
dia_danh = "Hà Tĩnh"

[nguoi_ky]
ho_ten = "A"

[noi_nhan]
luu = "VT"

[[tieu_chi]]
ma = "1"
ten = "Một" # giữ chú thích
  [tieu_chi.khac_phuc]
  giai_phap = ["x"]
  [[tieu_chi.khac_phuc.tien_do]]
  ngay = 2021-06-15
  trang_thai = "dang-thuc-hien"

[[tieu_chi]]
ma = "2"
ten = "Hai"
  [tieu_chi.khac_phuc]
  giai_phap = ["y"]
"#;

    fn update(date: &str, status: &str, text: Option<&str>) -> Update {
        Update {
            date: parse_date(date).unwrap(),
            status: status.into(),
            text: text.map(str::to_string),
        }
    }

    fn apply_to(target: &Target, u: &Update) -> Result<String, Error> {
        apply(Path::new("p.toml"), PLAN, target, u).map(|a| a.text)
    }

    #[test]
    fn dates_before_the_plan_or_after_today_are_warned_about() {
        let plan = record::DocDate {
            day: None,
            month: None,
            year: 2021,
        };
        let today = chrono::NaiveDate::from_ymd_opt(2021, 6, 10).unwrap();
        let warn = |date: &str| -> Vec<String> {
            date_warnings(parse_date(date).unwrap(), plan, today)
                .iter()
                .map(|w| w.text(crate::messages::Lang::En))
                .collect()
        };
        assert!(warn("2021-01-01").is_empty());
        assert!(
            warn("2021-06-11").is_empty(),
            "a day ahead is Việt Nam's today"
        );
        assert!(warn("2020-12-31")[0].contains("before the plan's own date 2021-01-01"));
        assert!(warn("2021-06-12")[0].contains("after today (2021-06-10)"));
    }

    #[test]
    fn appends_after_the_existing_entry_and_keeps_everything_else() {
        let out = apply_to(
            &Target::Criterion {
                item: "1".into(),
                sub: None,
            },
            &update("2021-09-30", "hoan-thanh", Some("Xong")),
        )
        .unwrap();
        let added = "\n  [[tieu_chi.khac_phuc.tien_do]]\n  ngay = 2021-09-30\n  trang_thai = \"hoan-thanh\"\n  noi_dung = \"Xong\"\n";
        assert_eq!(
            out.replacen(added, "\n", 1),
            PLAN,
            "only the entry was added:\n{out}"
        );
        let loaded = record::parse(Path::new("p.toml"), &out).unwrap();
        assert_eq!(
            loaded.record.tieu_chi[0]
                .khac_phuc
                .as_ref()
                .unwrap()
                .tien_do
                .len(),
            2
        );
    }

    #[test]
    fn first_entry_of_an_item_creates_its_list_under_the_right_criterion() {
        let out = apply_to(
            &Target::Criterion {
                item: "2".into(),
                sub: None,
            },
            &update("2021-09-30", "chua-thuc-hien", None),
        )
        .unwrap();
        let loaded = record::parse(Path::new("p.toml"), &out).unwrap();
        assert_eq!(
            loaded.record.tieu_chi[1]
                .khac_phuc
                .as_ref()
                .unwrap()
                .tien_do
                .len(),
            1
        );
        assert_eq!(
            loaded.record.tieu_chi[0]
                .khac_phuc
                .as_ref()
                .unwrap()
                .tien_do
                .len(),
            1
        );
        assert!(
            out.starts_with(PLAN),
            "the file only grew at its end:\n{out}"
        );
    }

    #[test]
    fn bad_requests_are_refused() {
        let ok = update("2021-09-30", "hoan-thanh", None);
        assert!(
            apply_to(
                &Target::Criterion {
                    item: "9".into(),
                    sub: None
                },
                &ok
            )
            .unwrap_err()
            .to_string()
            .contains("no criterion `9`")
        );
        assert!(
            apply_to(&Target::Task(1), &ok)
                .unwrap_err()
                .to_string()
                .contains("no task 1")
        );
        let bad = Update {
            status: "xong".into(),
            ..ok
        };
        assert!(
            apply_to(
                &Target::Criterion {
                    item: "1".into(),
                    sub: None
                },
                &bad
            )
            .unwrap_err()
            .to_string()
            .contains("unknown status `xong`")
        );
        assert!(parse_date("2021-02-31").is_none());
        assert!(parse_date("31/01/2021").is_none());
    }
}
