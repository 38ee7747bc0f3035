//! Checks of a parsed record that serde cannot make: signer prefixes, one key per marked
//! block, section depth, criterion codes and scores, progress entries, appendix presets and
//! columns. Errors and warnings point at the offending value's line through its span.

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use super::date::calendar_date;
use super::scores::Figure;
use super::{Criterion, Progress, Record, Section};
use crate::error::{Error, Location, Warning};
use crate::messages::{Check, Message};
use crate::text::Decimal;

/// The record's file and text, to turn spans into places.
pub struct Checker<'a> {
    pub path: &'a Path,
    pub source: &'a str,
}

impl Checker<'_> {
    fn at(&self, span: Range<usize>, message: Check, help: impl Into<Message>) -> Error {
        Error::located(Location::from_span(self.path, self.source, span), message).help(help)
    }

    /// For values without a span of their own (inside untagged body blocks).
    fn file(&self, message: Check, help: Check) -> Error {
        Error::about(self.path, message).help(help)
    }
}

/// Runs every check; returns the warnings when nothing is wrong enough to stop.
pub fn check(c: &Checker<'_>, record: &Record) -> Result<Vec<Warning>, Error> {
    check_signer(c, record)?;
    for section in &record.phan {
        check_section(c, section, 1)?;
    }
    check_criteria(c, record)?;
    check_appendices(c, record)?;
    Ok(typed_totals(c, record))
}

fn check_signer(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    let signer = &record.nguoi_ky;
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
