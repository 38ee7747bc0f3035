//! Dates in a record: a document's date, whose day and month a draft may leave blank, and the
//! check that a TOML date exists in the calendar. Shared by loading and checking.

use toml::Spanned;

/// The date of a document; day and month may be left blank in a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocDate {
    pub day: Option<u32>,
    pub month: Option<u32>,
    pub year: i32,
}

/// A TOML date (no time part) that exists in the calendar.
pub fn calendar_date(value: &Spanned<toml::value::Datetime>) -> Option<DocDate> {
    let dt = value.get_ref();
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    chrono::NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))?;
    Some(DocDate {
        day: Some(u32::from(d.day)),
        month: Some(u32::from(d.month)),
        year: i32::from(d.year),
    })
}
