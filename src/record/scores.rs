//! The score arithmetic of the CCHC criteria, in one place: which criterion is a group of
//! which (by code), the points each shows, the points lost, the total, and the warnings where
//! a typed figure disagrees with its parts. The record check, the score table and the score
//! appendix all ask this module; none computes a score of its own.
//!
//! Every step is linear in the number of criteria.

use std::collections::HashMap;

use super::{Criterion, Record};
use crate::text::Decimal;

/// Maximum and assessed points of one criterion or of a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Points {
    pub max: Decimal,
    pub got: Decimal,
}

impl Points {
    /// The points lost: maximum − assessed.
    pub fn lost(self) -> Decimal {
        self.max - self.got
    }

    /// The deduction as a score table's Ghi chú shows it: "-0,5", or "=" when none.
    pub fn deduction(self) -> String {
        let deduction = self.got - self.max;
        if deduction.is_zero() {
            "=".to_string()
        } else {
            deduction.vi()
        }
    }

    fn typed(criterion: &Criterion) -> Option<Points> {
        Some(Points {
            max: Decimal::from_f64(*criterion.diem_toi_da.as_ref()?.get_ref()),
            got: Decimal::from_f64(*criterion.diem_dat.as_ref()?.get_ref()),
        })
    }
}

impl std::ops::Add for Points {
    type Output = Points;
    fn add(self, other: Points) -> Points {
        Points {
            max: self.max + other.max,
            got: self.got + other.got,
        }
    }
}

/// The criteria of a record as a scored hierarchy.
#[derive(Debug)]
pub struct Scores {
    parents: Vec<Option<usize>>,
    has_parts: Vec<bool>,
    points: Vec<Option<Points>>,
    /// The sum of each group's scored parts.
    sums: Vec<Option<Points>>,
}

impl Scores {
    /// Scores the criteria of `record`: figures typed on a criterion are the truth and are
    /// shown as typed; a group that types none shows the sum of its scored parts. A remedial
    /// plan lists only the criteria that lost points, so a group's typed figures are the
    /// province's assessment, not the sum of the few parts listed.
    pub fn of(record: &Record) -> Scores {
        let criteria = &record.tieu_chi;
        let codes: Vec<Option<&str>> = criteria.iter().map(Criterion::code).collect();
        let parents = code_parents(&codes);
        let mut has_parts = vec![false; criteria.len()];
        for parent in parents.iter().flatten() {
            has_parts[*parent] = true;
        }
        let mut sums: Vec<Option<Points>> = vec![None; criteria.len()];
        let mut points: Vec<Option<Points>> = vec![None; criteria.len()];
        // A part always comes after its group, so walking backwards finishes the parts first.
        for i in (0..criteria.len()).rev() {
            points[i] = Points::typed(&criteria[i]).or(sums[i]);
            if let (Some(parent), Some(p)) = (parents[i], points[i]) {
                sums[parent] = Some(sums[parent].unwrap_or_default() + p);
            }
        }
        Scores {
            parents,
            has_parts,
            points,
            sums,
        }
    }

    /// The points criterion `index` shows.
    pub fn points(&self, index: usize) -> Option<Points> {
        self.points[index]
    }

    /// Whether criterion `index` is a group of other criteria ("3" before "3.2").
    pub fn is_group(&self, index: usize) -> bool {
        self.has_parts[index]
    }

    /// The sum over the top-level criteria, when any is scored.
    pub fn total(&self) -> Option<Points> {
        (0..self.points.len())
            .filter(|&i| self.parents[i].is_none())
            .filter_map(|i| self.points[i])
            .reduce(|a, b| a + b)
    }

    /// Each group that says its listing is complete (`day_du = true`) and types a figure that
    /// differs from the sum of its parts: (criterion index, which figure, typed value, sum).
    /// A partial listing is normal and is not checked.
    pub fn disagreements<'r>(
        &self,
        record: &'r Record,
    ) -> Vec<(usize, Figure, &'r toml::Spanned<f64>, Decimal)> {
        let mut found = Vec::new();
        for (i, criterion) in record.tieu_chi.iter().enumerate() {
            let (true, Some(sum)) = (criterion.day_du == Some(true), self.sums[i]) else {
                continue;
            };
            for (figure, typed, summed) in [
                (Figure::Maximum, &criterion.diem_toi_da, sum.max),
                (Figure::Assessed, &criterion.diem_dat, sum.got),
            ] {
                if let Some(typed) = typed {
                    if Decimal::from_f64(*typed.get_ref()) != summed {
                        found.push((i, figure, typed, summed));
                    }
                }
            }
        }
        found
    }
}

/// Which typed figure of a criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Maximum,
    Assessed,
}

/// For each criterion, the index of its parent: the nearest earlier criterion whose code is
/// a prefix of its own followed by "." ("3.2" is the parent of "3.2.1").
fn code_parents(codes: &[Option<&str>]) -> Vec<Option<usize>> {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(codes.len());
    codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let code = (*code)?;
            let parent = code
                .match_indices('.')
                .filter_map(|(dot, _)| seen.get(&code[..dot]).copied())
                .max();
            seen.insert(code, i);
            parent
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, scanning backwards from each criterion: what `code_parents` must match.
    fn nearest_prefix(codes: &[Option<&str>]) -> Vec<Option<usize>> {
        (0..codes.len())
            .map(|i| {
                let code = codes[i]?;
                (0..i).rev().find(|&j| {
                    codes[j]
                        .is_some_and(|p| code.starts_with(p) && code[p.len()..].starts_with('.'))
                })
            })
            .collect()
    }

    #[test]
    fn parents_match_the_definition_on_odd_codes() {
        let codes = [
            Some("1"),
            Some(""),
            Some(".5"),
            Some("1."),
            Some("1..2"),
            Some("1.2"),
            None,
            Some("1.2.3"),
            Some("1.2.3.4.5"),
            Some("1.2.3.4"),
            Some("2.1"),
            Some("Đ.1"),
            Some("Đ"),
            Some("Đ.1.a"),
        ];
        assert_eq!(code_parents(&codes), nearest_prefix(&codes));
    }

    #[test]
    fn parents_of_a_hundred_thousand_criteria_take_a_moment_not_an_hour() {
        // Top-level codes have no parent: scanning backwards from each would take 5·10⁹ steps.
        let mut owned: Vec<String> = (0..100_000).map(|g| g.to_string()).collect();
        owned.push("5.1".into());
        let codes: Vec<Option<&str>> = owned.iter().map(|c| Some(c.as_str())).collect();
        let started = std::time::Instant::now();
        let parents = code_parents(&codes);
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        assert_eq!(parents[99_999], None);
        assert_eq!(parents[100_000], Some(5));
    }

    #[test]
    fn parents_follow_codes() {
        let codes = [
            Some("1"),
            Some("1.2"),
            Some("1.5"),
            Some("3"),
            Some("3.2"),
            Some("3.2.1"),
            Some("10"),
            None,
            Some("10.1"),
            Some("1.10"),
        ];
        assert_eq!(
            code_parents(&codes),
            [
                None,
                Some(0),
                Some(0),
                None,
                Some(3),
                Some(4),
                None,
                None,
                Some(6),
                Some(0)
            ]
        );
    }

    #[test]
    fn deduction_and_lost_points() {
        let p = Points {
            max: Decimal::from_f64(2.0),
            got: Decimal::from_f64(1.5),
        };
        assert_eq!(p.deduction(), "-0,5");
        assert_eq!(p.lost().vi(), "0,5");
        assert_eq!(
            Points {
                max: p.max,
                got: p.max
            }
            .deduction(),
            "="
        );
    }
}
