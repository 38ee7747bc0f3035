//! Checks of a parsed record that serde cannot make: signer prefixes, one key per marked
//! block, section depth, criterion codes and scores, progress entries, appendix presets and
//! columns. Errors and warnings point at the offending value's line through its span.

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use super::date::calendar_date;
use super::scores::Figure;
use super::{Criterion, Progress, Record, Section, Text};
use crate::error::{Error, Location, Warning};
use crate::messages::{Check, Message};
use crate::text::Decimal;

/// The record's file and text, to turn spans into places.
pub(super) struct Checker<'a> {
    pub path: &'a Path,
    pub source: &'a str,
}

impl Checker<'_> {
    pub(super) fn at(&self, span: Range<usize>, message: Check, help: impl Into<Message>) -> Error {
        Error::located(Location::from_span(self.path, self.source, span), message).help(help)
    }

    /// For values without a span of their own (inside untagged body blocks).
    fn file(&self, message: Check, help: Check) -> Error {
        Error::about(self.path, message).help(help)
    }
}

/// Runs every check; returns the warnings when nothing is wrong enough to stop.
pub(super) fn check(
    c: &Checker<'_>,
    record: &Record,
    kind: super::Kind,
) -> Result<Vec<Warning>, Error> {
    super::form::check_form(c, record, kind)?;
    check_blank_texts(c, record)?;
    check_signer(c, record)?;
    for section in &record.phan {
        check_section(c, section, 1)?;
    }
    check_criteria(c, record)?;
    check_appendices(c, record)?;
    Ok(typed_totals(c, record))
}

/// Text every document prints (trích yếu, the body's name and place, the signer's name, each
/// criterion's name) may not be blank: spaces alone would render an empty line silently.
fn check_blank_texts(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    // A Phụ lục file has no trích yếu, place or signer (`form`); what is written is checked.
    let head = [
        ("trich_yeu", record.trich_yeu.as_ref()),
        ("co_quan.ten", Some(&record.co_quan.ten)),
        ("co_quan.dia_danh", record.co_quan.dia_danh.as_ref()),
        (
            "nguoi_ky.ho_ten",
            record.nguoi_ky.as_ref().map(|s| &s.ho_ten),
        ),
    ];
    let mut texts: Vec<(String, &Text)> = head
        .into_iter()
        .filter_map(|(key, text)| text.map(|t| (key.to_string(), t)))
        .collect();
    for (i, criterion) in record.tieu_chi.iter().enumerate() {
        texts.push((format!("tieu_chi.{i}.ten"), &criterion.ten));
    }
    let Some((key, _)) = texts.into_iter().find(|(_, text)| text.is_blank()) else {
        return Ok(());
    };
    let shown = key.split('.').filter(|part| part.parse::<usize>().is_err());
    let shown: Vec<&str> = shown.collect();
    let message = Check::BlankText {
        key: shown.join("."),
    };
    let help = Check::WriteTextOrRemove;
    match value_span(c.source, &key) {
        Some(span) => Err(c.at(span, message, help)),
        None => Err(c.file(message, help)),
    }
}

/// The span of the value at a dotted key path ("tieu_chi.3.ten": the fourth criterion's name).
fn value_span(source: &str, path: &str) -> Option<Range<usize>> {
    let document = toml_edit::Document::parse(source).ok()?;
    let mut item = document.as_item();
    for part in path.split('.') {
        item = match part.parse::<usize>() {
            Ok(index) => item.get(index)?,
            Err(_) => item.get(part)?,
        };
    }
    item.span()
}

fn check_signer(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    let Some(signer) = &record.nguoi_ky else {
        return Ok(());
    };
    if let Some(prefix) = &signer.quyen_han {
        if signer.chuc_vu_thu_truong.is_none() {
            return Err(c.at(
                prefix.span(),
                Check::NeedsHeadTitle {
                    prefix: prefix.get_ref().code().to_string(),
                },
                Check::AddHeadTitle,
            ));
        }
    } else if let Some(head) = &signer.chuc_vu_thu_truong {
        return Err(c.at(head.span(), Check::HeadTitleAlone, Check::AddAuthority));
    }
    Ok(())
}

fn check_section(c: &Checker<'_>, section: &Section, depth: usize) -> Result<(), Error> {
    if depth > 3 {
        return Err(c.file(Check::TooDeep, Check::UsePoints));
    }
    if section.tieu_de.is_none() && section.noi_dung.is_empty() {
        return Err(c.file(Check::EmptySection, Check::GiveSectionContent));
    }
    for child in &section.muc {
        check_section(c, child, depth + 1)?;
    }
    Ok(())
}

fn check_progress(c: &Checker<'_>, entries: &[Progress]) -> Result<(), Error> {
    for entry in entries {
        if let Some(ngay) = &entry.ngay {
            if calendar_date(ngay).is_none() {
                return Err(c.at(
                    ngay.span(),
                    Check::NotCalendarDate {
                        text: ngay.get_ref().to_string(),
                    },
                    Check::WriteDate,
                ));
            }
        }
        if entry.trang_thai.is_none() && entry.noi_dung.as_ref().is_none_or(|t| t.is_blank()) {
            let (message, help) = (Check::EmptyProgress, Check::WriteProgress);
            return Err(match &entry.ngay {
                Some(ngay) => c.at(ngay.span(), message, help),
                None => c.file(message, help),
            });
        }
    }
    Ok(())
}

fn check_score(c: &Checker<'_>, criterion: &Criterion) -> Result<(), Error> {
    match (&criterion.diem_toi_da, &criterion.diem_dat) {
        (Some(max), Some(got)) => {
            let (m, g) = (*max.get_ref(), *got.get_ref());
            if !(0.0..=1e6).contains(&m) {
                return Err(c.at(
                    max.span(),
                    Check::MaximumOutOfRange { maximum: m },
                    Check::WriteMaximum,
                ));
            }
            if !(0.0..=m).contains(&g) {
                return Err(c.at(
                    got.span(),
                    Check::AssessedOutOfRange {
                        assessed: g,
                        maximum: m,
                    },
                    Check::CheckAssessed,
                ));
            }
        }
        (Some(one), None) | (None, Some(one)) => {
            return Err(c.at(
                one.span(),
                Check::OnlyOneScore {
                    criterion: criterion.ten.to_string(),
                },
                Check::BothScores,
            ));
        }
        (None, None) => {}
    }
    Ok(())
}

fn check_criteria(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    let mut seen = HashSet::new();
    for criterion in &record.tieu_chi {
        if let Some(code) = &criterion.ma {
            if !seen.insert(code.get_ref().as_str()) {
                return Err(c.at(
                    code.span(),
                    Check::DuplicateCode {
                        code: code.get_ref().to_string(),
                    },
                    Check::UniqueCodes,
                ));
            }
        }
        check_score(c, criterion)?;
        if let Some(remedy) = &criterion.khac_phuc {
            check_progress(c, &remedy.tien_do)?;
        }
        for sub in &criterion.con {
            check_progress(c, &sub.tien_do)?;
        }
    }
    for task in record.nhom.iter().flat_map(|g| &g.nhiem_vu) {
        check_progress(c, &task.tien_do)?;
    }
    for date in [&record.tinh_den, &record.thay_doi_tu]
        .into_iter()
        .flatten()
    {
        if calendar_date(date).is_none() {
            return Err(c.at(
                date.span(),
                Check::NotCalendarDate {
                    text: date.get_ref().to_string(),
                },
                Check::WriteDate,
            ));
        }
    }
    Ok(())
}

fn check_appendices(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    for appendix in &record.phu_luc {
        let preset = *appendix.mau.get_ref();
        for column in &appendix.cot {
            let key = *column.khoa.get_ref();
            if !preset.allows(key) {
                let keys = preset
                    .default_columns()
                    .iter()
                    .chain(preset.other_columns());
                return Err(c.at(
                    column.khoa.span(),
                    Check::ColumnNotInPreset {
                        column: key.code().to_string(),
                        preset: preset.code().to_string(),
                    },
                    super::vocab::one_of(keys.map(|k| k.code())),
                ));
            }
        }
        if let Some(so) = &appendix.so {
            if !(1..=50).contains(so.get_ref()) {
                return Err(c.at(
                    so.span(),
                    Check::AppendixNumberOutOfRange {
                        number: *so.get_ref(),
                    },
                    Check::NumberAppendixFromOne,
                ));
            }
        }
        if let Some(date) = &appendix.tinh_den {
            if calendar_date(date).is_none() {
                return Err(c.at(
                    date.span(),
                    Check::NotCalendarDate {
                        text: date.get_ref().to_string(),
                    },
                    Check::WriteDate,
                ));
            }
        }
    }
    Ok(())
}

/// A group criterion whose typed points disagree with the sum of its parts gets a warning;
/// the tables show the computed sum.
fn typed_totals(c: &Checker<'_>, record: &Record) -> Vec<Warning> {
    super::Scores::of(record)
        .disagreements(record)
        .into_iter()
        .map(|(i, figure, typed, sum)| {
            let criterion = &record.tieu_chi[i];
            let name = criterion.code().unwrap_or(&criterion.ten).to_string();
            let typed_value = Decimal::from_f64(*typed.get_ref());
            let message = match figure {
                Figure::Maximum => Check::TypedMaximumDiffers {
                    criterion: name,
                    typed: typed_value,
                    sum,
                },
                Figure::Assessed => Check::TypedAssessedDiffers {
                    criterion: name,
                    typed: typed_value,
                    sum,
                },
            };
            Warning {
                location: Location::from_span(c.path, c.source, typed.span()),
                message: message.into(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank_error(source: &str) -> crate::error::Diagnostic {
        crate::record::parse(Path::new("r.toml"), source)
            .unwrap_err()
            .diagnostic()
    }

    #[test]
    fn blank_mandatory_text_is_refused_where_it_is_written() {
        let record = "loai = \"ke-hoach\"\nnam = 2021\ntrich_yeu = \"X\"\n[co_quan]\nten = \"S\"\n\
                      viet_tat = \"S\"\ndia_danh = \"H\"\n[nguoi_ky]\nho_ten = \"A\"\n[noi_nhan]\n\
                      luu = \"VT\"\n[[tieu_chi]]\nten = \"Một\"\n[[tieu_chi]]\nten = \"Hai\"\n";
        assert!(crate::record::parse(Path::new("r.toml"), record).is_ok());
        let d = blank_error(&record.replace("\"X\"", "\"  \""));
        assert_eq!((d.line, d.column), (Some(3), Some(13)));
        assert_eq!(d.message, "`trich_yeu` is blank");
        let d = blank_error(&record.replace("\"Hai\"", "\" \\t \""));
        assert_eq!((d.line, d.column), (Some(15), Some(7)));
        assert_eq!(d.message, "`tieu_chi.ten` is blank");
    }
}
