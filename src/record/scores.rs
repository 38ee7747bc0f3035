//! The score arithmetic of the CCHC criteria, in one place: the points each criterion of the
//! tree (`tree.rs`) shows, the total, and the warnings where a typed figure disagrees with what the other typed figures give. The record
//! check, the score table and the score appendix all ask this module; none computes a score
//! of its own.
//!
//! Figures typed on a criterion are the truth and are shown as typed. A figure not typed is
//! computed where it can be: lost = maximum − assessed on the criterion itself, and a group's
//! figures from its parts only when the record says its listing is complete (`day_du`): a
//! remedial plan lists only the criteria that lost points, so the sum of the listed parts is
//! not the group's score. Every step is linear in the number of criteria.

use std::ops::Range;

use super::tree::{code_parents, codes, levels};
use super::{Criterion, Record};
use crate::messages::Check;
use crate::text::Decimal;

/// Maximum, assessed and lost points of one criterion or of a total; any may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Points {
    pub max: Option<Decimal>,
    pub got: Option<Decimal>,
    pub lost: Option<Decimal>,
}

impl Points {
    /// The deduction as a score table's Ghi chú shows it: "-0,5", or "=" when none.
    pub fn deduction(self) -> Option<String> {
        let lost = self.lost?;
        Some(if lost.is_zero() {
            "=".to_string()
        } else {
            (Decimal::default() - lost).vi()
        })
    }

    /// Maximum, assessed and lost as printed ("9", "7,95", "1,05"); empty where unknown.
    pub fn vi(self) -> [String; 3] {
        [self.max, self.got, self.lost].map(|f| f.map_or_else(String::new, Decimal::vi))
    }

    pub fn is_empty(self) -> bool {
        self.max.is_none() && self.got.is_none() && self.lost.is_none()
    }

    /// The figures typed on `criterion`.
    fn typed(criterion: &Criterion) -> Points {
        let figure = |f: &Option<toml::Spanned<super::Figure>>| {
            f.as_ref().map(|f| Decimal::from_f64(f.get_ref().get()))
        };
        Points {
            max: figure(&criterion.diem_toi_da),
            got: figure(&criterion.diem_dat),
            lost: figure(&criterion.diem_mat),
        }
    }

    /// Each figure not given, from the two others: lost = max − got, got = max − lost,
    /// max = got + lost.
    fn completed(self) -> Points {
        let Points { max, got, lost } = self;
        Points {
            max: max.or_else(|| Some(got? + lost?)),
            got: got.or_else(|| Some(max? - lost?)),
            lost: lost.or_else(|| Some(max? - got?)),
        }
    }

    /// Fills what `self` lacks from `other`.
    fn or(self, other: Points) -> Points {
        Points {
            max: self.max.or(other.max),
            got: self.got.or(other.got),
            lost: self.lost.or(other.lost),
        }
    }
}

/// A sum of figures that stays unknown as soon as one term is unknown: a column of parts
/// adds up only when every part has that figure.
#[derive(Debug, Clone, Copy)]
struct Sum {
    points: Points,
    terms: usize,
}

impl Sum {
    fn empty() -> Sum {
        Sum {
            points: Points {
                max: Some(Decimal::default()),
                got: Some(Decimal::default()),
                lost: Some(Decimal::default()),
            },
            terms: 0,
        }
    }

    fn add(&mut self, p: Points) {
        let add = |a: Option<Decimal>, b: Option<Decimal>| Some(a? + b?);
        self.points = Points {
            max: add(self.points.max, p.max),
            got: add(self.points.got, p.got),
            lost: add(self.points.lost, p.lost),
        };
        self.terms += 1;
    }

    fn get(self) -> Option<Points> {
        (self.terms > 0).then_some(self.points)
    }
}

/// How a criterion's row is drawn: a field (lĩnh vực, top level of a tree) upper case and
/// bold, a deeper group bold as typed, a leaf regular.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rank {
    Field,
    Group,
    Leaf,
}

/// The criteria of a record as a scored tree.
#[derive(Debug)]
pub struct Scores {
    /// Whether some criterion is a part of another.
    is_tree: bool,
    codes: Vec<Option<String>>,
    parents: Vec<Option<usize>>,
    /// Each criterion's level: 1 for a field, 2 for its parts, … (from its code or `cap`).
    levels: Vec<usize>,
    has_parts: Vec<bool>,
    points: Vec<Points>,
    /// The sum of each group's parts, column by column.
    sums: Vec<Option<Points>>,
}

impl Scores {
    /// Scores the criteria of `record` (see the module documentation for the rules).
    pub fn of(record: &Record) -> Scores {
        let criteria = &record.tieu_chi;
        let codes = codes(criteria);
        let parents = code_parents(&codes.iter().map(Option::as_deref).collect::<Vec<_>>());
        let mut has_parts = vec![false; criteria.len()];
        for p in parents.iter().flatten() {
            has_parts[*p] = true;
        }
        let mut sums: Vec<Option<Sum>> = vec![None; criteria.len()];
        let mut points = vec![Points::default(); criteria.len()];
        // A part always comes after its group, so walking backwards finishes the parts first.
        for i in (0..criteria.len()).rev() {
            let mut p = Points::typed(&criteria[i]).completed();
            if criteria[i].day_du == Some(true) {
                if let Some(sum) = sums[i].and_then(Sum::get) {
                    // One figure at a time, so that the criterion's own arithmetic (lost =
                    // maximum − assessed) wins over the sum of its parts.
                    for part in [
                        Points {
                            max: sum.max,
                            ..Points::default()
                        },
                        Points {
                            got: sum.got,
                            ..Points::default()
                        },
                        sum,
                    ] {
                        p = p.or(part).completed();
                    }
                }
            }
            points[i] = p;
            if let Some(parent) = parents[i] {
                sums[parent].get_or_insert_with(Sum::empty).add(p);
            }
        }
        Scores {
            is_tree: parents.iter().any(Option::is_some),
            codes,
            parents,
            levels: levels(criteria),
            has_parts,
            points,
            sums: sums.into_iter().map(|s| s.and_then(Sum::get)).collect(),
        }
    }

    /// The points criterion `index` shows.
    pub fn points(&self, index: usize) -> Points {
        self.points[index]
    }

    /// The code of criterion `index`: its `ma`, or the one numbered from its `cap`.
    pub fn code(&self, index: usize) -> Option<&str> {
        self.codes[index].as_deref()
    }

    /// The level of criterion `index`: 1 for a field, 2 for its parts, …
    pub fn level(&self, index: usize) -> usize {
        self.levels[index]
    }

    /// How criterion `index` is printed in a score table: in a tree (some criterion is a
    /// part of another) every criterion of level 1 is a field; another criterion with parts
    /// is a group (also "7.1" listed without "7"); the rest are leaves. A flat list is all
    /// leaves.
    pub fn rank(&self, index: usize) -> Rank {
        let top = self.levels[index] == 1 && self.parents[index].is_none();
        match (top, self.has_parts[index]) {
            (true, true) => Rank::Field,
            (true, false) if self.is_tree => Rank::Field,
            (_, true) => Rank::Group,
            _ => Rank::Leaf,
        }
    }

    /// The sum over the top-level criteria (the fields), figure by figure: a figure some
    /// field lacks is unknown. None when no figure is known for every field, or when a criterion is
    /// listed without its field ("1.3" without "1"): then the fields are not all there.
    pub fn total(&self) -> Option<Points> {
        let top = |i: &usize| self.parents[*i].is_none();
        if (0..self.points.len())
            .filter(top)
            .any(|i| self.levels[i] > 1)
        {
            return None;
        }
        let mut sum = Sum::empty();
        for i in (0..self.points.len()).filter(top) {
            sum.add(self.points[i]);
        }
        // No figure every field has: no Tổng cộng row of empty cells.
        sum.get().filter(|total| !total.is_empty())
    }

    /// Every typed figure that disagrees with what other typed figures give: lost ≠ maximum −
    /// assessed on one criterion, and a group whose listing is complete (`day_du = true`)
    /// typing a figure its parts do not add up to. Each with the span of the typed figure.
    /// A partial listing is normal and is not checked. A group that types no figure and says
    /// nothing of its listing gets a warning saying how to give them (once per record).
    /// A criterion without a figure to point at is given by its index.
    pub fn disagreements(&self, record: &Record) -> Vec<(usize, Option<Range<usize>>, Check)> {
        let mut found = Vec::new();
        let mut told = false;
        for (i, criterion) in record.tieu_chi.iter().enumerate() {
            let name = self.name(record, i);
            let typed = Points::typed(criterion);
            if let (Some(max), Some(got), Some(lost), Some(span)) = (
                typed.max,
                typed.got,
                typed.lost,
                criterion.diem_mat.as_ref().map(toml::Spanned::span),
            ) {
                if max - got != lost {
                    found.push((
                        i,
                        Some(span),
                        Check::TypedLostDiffers {
                            criterion: name.clone(),
                            lost,
                            max,
                            assessed: got,
                            difference: max - got,
                        },
                    ));
                }
            }
            let Some(sum) = self.sums[i] else { continue };
            if criterion.day_du != Some(true) {
                // Said once, at the first such group, so a long record is not buried in
                // them; `day_du = false` says the listing is partial on purpose.
                let undeclared = criterion.day_du.is_none();
                if undeclared && typed.is_empty() && !sum.is_empty() && !told {
                    told = true;
                    let span = criterion.ma.as_ref().map(toml::Spanned::span);
                    found.push((i, span, Check::GroupWithoutFigures { criterion: name }));
                }
                continue;
            }
            let figures = [
                (&criterion.diem_toi_da, typed.max, sum.max, 0),
                (&criterion.diem_dat, typed.got, sum.got, 1),
                (&criterion.diem_mat, typed.lost, sum.lost, 2),
            ];
            for (spanned, typed, summed, which) in figures {
                let (Some(spanned), Some(typed), Some(sum)) = (spanned, typed, summed) else {
                    continue;
                };
                if typed == sum {
                    continue;
                }
                let criterion = name.clone();
                let message = match which {
                    0 => Check::TypedMaximumDiffers {
                        criterion,
                        typed,
                        sum,
                    },
                    1 => Check::TypedAssessedDiffers {
                        criterion,
                        typed,
                        sum,
                    },
                    _ => Check::TypedLostPartsDiffer {
                        criterion,
                        typed,
                        sum,
                    },
                };
                found.push((i, Some(spanned.span()), message));
            }
        }
        found
    }

    fn name(&self, record: &Record, i: usize) -> String {
        self.code(i)
            .map_or_else(|| record.tieu_chi[i].ten.to_string(), str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn scores(criteria: &str) -> (Record, Scores) {
        let source = format!(
            "loai = \"ke-hoach\"\nnam = 2022\ntrich_yeu = \"t\"\n[co_quan]\nten = \"A\"\nviet_tat = \"A\"\ndia_danh = \"B\"\n[nguoi_ky]\nho_ten = \"C\"\n[noi_nhan]\nluu = \"VT\"\n{criteria}"
        );
        let record = crate::record::parse(Path::new("r.toml"), &source)
            .unwrap()
            .record;
        let scores = Scores::of(&record);
        (record, scores)
    }

    fn shown(p: Points) -> [String; 3] {
        p.vi()
    }

    #[test]
    fn typed_figures_stay_and_a_partial_listing_is_not_summed() {
        let (record, s) = scores(
            "[[tieu_chi]]\nma = \"7\"\nten = \"a\"\ndiem_toi_da = 9\ndiem_dat = \"7,95\"\n\
             [[tieu_chi]]\nma = \"7.1\"\nten = \"b\"\ndiem_toi_da = 4\ndiem_dat = 3\n\
             [[tieu_chi]]\nma = \"7.1.1\"\nten = \"c\"\n\
             [[tieu_chi]]\nma = \"7.1.1.4\"\nten = \"d\"\ndiem_toi_da = 1\ndiem_mat = 0.25\n",
        );
        assert_eq!(shown(s.points(0)), ["9", "7,95", "1,05"]);
        assert_eq!(shown(s.points(1)), ["4", "3", "1"]);
        assert_eq!(shown(s.points(2)), ["", "", ""]);
        assert_eq!(shown(s.points(3)), ["1", "0,75", "0,25"]);
        assert_eq!((0..4).map(|i| s.level(i)).collect::<Vec<_>>(), [1, 2, 3, 4]);
        // 7.1.1 types nothing and is not declared complete: it says how to give its figures.
        let found = s.disagreements(&record);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(matches!(found[0].2, Check::GroupWithoutFigures { .. }));
        // Said to be a partial listing on purpose, it is a heading row without a word.
        let mut record = record;
        record.tieu_chi[2].day_du = Some(false);
        assert!(Scores::of(&record).disagreements(&record).is_empty());
    }

    #[test]
    fn a_slip_in_lost_points_is_named_with_both_values() {
        let (record, s) = scores(
            "[[tieu_chi]]\nma = \"7\"\nten = \"a\"\ndiem_toi_da = 9\ndiem_dat = 7.95\ndiem_mat = \"1,03\"\n",
        );
        assert_eq!(shown(s.points(0)), ["9", "7,95", "1,03"]);
        let found = s.disagreements(&record);
        let text = found[0].2.text(crate::messages::Lang::Vi);
        assert!(
            text.contains("điểm bị mất 1,03 ≠ 9 − 7,95 = 1,05"),
            "{text}"
        );
    }

    #[test]
    fn a_complete_listing_gives_and_checks_the_group_figures() {
        let (record, s) = scores(
            "[[tieu_chi]]\nma = \"3\"\nten = \"a\"\nday_du = true\ndiem_dat = 9\n\
             [[tieu_chi]]\nma = \"3.1\"\nten = \"b\"\ndiem_toi_da = 4.5\ndiem_dat = 4.25\n\
             [[tieu_chi]]\nma = \"3.2\"\nten = \"c\"\ndiem_toi_da = 5\ndiem_mat = 1\n",
        );
        assert_eq!(shown(s.points(0)), ["9,5", "9", "0,5"]);
        let found = s.disagreements(&record);
        assert_eq!(found.len(), 1);
        assert!(matches!(found[0].2, Check::TypedAssessedDiffers { .. }));
        assert_eq!(shown(s.total().unwrap()), ["9,5", "9", "0,5"]);
    }

    #[test]
    fn a_criterion_listed_without_its_field_is_no_field_and_leaves_no_total() {
        let (_, s) = scores(
            "[[tieu_chi]]\nma = \"7\"\nten = \"a\"\ndiem_toi_da = 7\ndiem_dat = 6\n\
             [[tieu_chi]]\nma = \"7.1\"\nten = \"b\"\n\
             [[tieu_chi]]\nma = \"1.3\"\nten = \"c\"\ndiem_toi_da = 1\ndiem_dat = 0.5\n\
             [[tieu_chi]]\nma = \"3.2\"\nten = \"d\"\n[[tieu_chi]]\nma = \"3.2.1\"\nten = \"e\"\n",
        );
        let ranks: Vec<Rank> = (0..5).map(|i| s.rank(i)).collect();
        assert_eq!(
            ranks,
            [Rank::Field, Rank::Leaf, Rank::Leaf, Rank::Group, Rank::Leaf]
        );
        assert_eq!(s.total(), None);
    }

    #[test]
    fn the_total_leaves_out_a_figure_some_field_lacks() {
        let (_, s) = scores(
            "[[tieu_chi]]\nma = \"1\"\nten = \"a\"\ndiem_toi_da = 2\ndiem_dat = 1\n\
             [[tieu_chi]]\nma = \"2\"\nten = \"b\"\ndiem_toi_da = 3\n",
        );
        assert_eq!(shown(s.total().unwrap()), ["5", "", ""]);
        // A field with no figure at all leaves none to add up: no total.
        let (_, s) = scores(
            "[[tieu_chi]]\nma = \"1\"\nten = \"a\"\ndiem_toi_da = 2\ndiem_dat = 1\n\
             [[tieu_chi]]\nma = \"2\"\nten = \"b\"\nday_du = false\n\
             [[tieu_chi]]\nma = \"2.1\"\nten = \"c\"\ndiem_toi_da = 3\n",
        );
        assert_eq!(s.total(), None);
    }

    #[test]
    fn levels_number_criteria_that_type_no_code() {
        let (_, s) = scores(
            "[[tieu_chi]]\nma = \"7\"\nten = \"a\"\n[[tieu_chi]]\ncap = 2\nten = \"b\"\n\
             [[tieu_chi]]\ncap = 3\nten = \"c\"\n[[tieu_chi]]\ncap = 3\nten = \"d\"\n\
             [[tieu_chi]]\nma = \"7.4\"\nten = \"e\"\n[[tieu_chi]]\ncap = 2\nten = \"f\"\n\
             [[tieu_chi]]\nten = \"g\"\n",
        );
        let codes: Vec<_> = (0..7).map(|i| s.code(i).unwrap_or("")).collect();
        assert_eq!(codes, ["7", "7.1", "7.1.1", "7.1.2", "7.4", "7.5", "8"]);
        let ranks: Vec<Rank> = (0..7).map(|i| s.rank(i)).collect();
        use Rank::{Field as F, Group as G, Leaf as L};
        assert_eq!(ranks, [F, G, L, L, L, L, F]);
    }

    #[test]
    fn deduction_shows_lost_points() {
        let p = Points {
            max: Some(Decimal::from_f64(2.0)),
            got: Some(Decimal::from_f64(1.5)),
            lost: None,
        }
        .completed();
        assert_eq!(p.deduction().as_deref(), Some("-0,5"));
        let none = Points {
            lost: Some(Decimal::default()),
            ..p
        };
        assert_eq!(none.deduction().as_deref(), Some("="));
    }
}
