//! The criteria as a tree: each criterion's level and code (its `ma`, or numbered from its
//! `cap` for the clerk who types no codes) and its parent, the nearest earlier criterion whose
//! code is a prefix of its own. Scores and the record check ask this module; none finds a
//! parent of its own. Every step is linear in the number of criteria.

use std::collections::HashMap;

use super::Criterion;

/// The level of each criterion as the record gives it: from its code ("7.1.1.4" is level 4),
/// else its `cap`, else 1.
pub(super) fn levels(criteria: &[Criterion]) -> Vec<usize> {
    criteria
        .iter()
        .map(|c| match (c.code(), &c.cap) {
            (Some(code), _) => code.matches('.').count() + 1,
            (None, Some(cap)) => usize::try_from(*cap.get_ref()).unwrap_or(1).max(1),
            (None, None) => 1,
        })
        .collect()
}

/// The code of every criterion: its `ma`; for one without, when the record numbers its
/// criteria by level (any `cap`), the next number under the nearest criterion one level up
/// ("7.1" then "7.2"); otherwise none. Levels are checked (no skip) before this runs.
pub(super) fn codes(criteria: &[Criterion]) -> Vec<Option<String>> {
    let numbered = criteria.iter().any(|c| c.cap.is_some());
    let levels = levels(criteria);
    // The last code seen at each level, and the last number used under it.
    let mut open: Vec<(Option<String>, u32)> = Vec::new();
    let mut top_last = 0u32;
    let mut out = Vec::with_capacity(criteria.len());
    for (c, &level) in criteria.iter().zip(&levels) {
        let code = match c.code() {
            Some(code) => Some(code.to_string()),
            None if !numbered => None,
            None => {
                let under = if level >= 2 {
                    open.get(level - 2)
                } else {
                    None
                };
                let next = |last: u32| last + 1;
                match (level, under) {
                    (1, _) => Some(next(top_last).to_string()),
                    (_, Some((Some(parent), last))) => Some(format!("{parent}.{}", next(*last))),
                    _ => None,
                }
            }
        };
        let number = code
            .as_deref()
            .and_then(|c| c.rsplit('.').next())
            .and_then(|n| n.parse::<u32>().ok());
        if level == 1 {
            top_last = number.unwrap_or(top_last + 1);
        } else if let Some(parent) = open.get_mut(level - 2) {
            parent.1 = number.unwrap_or(parent.1 + 1);
        }
        open.truncate(level - 1);
        open.resize(level - 1, (None, 0));
        open.push((code.clone(), 0));
        out.push(code);
    }
    out
}

/// For each criterion, the index of its parent: the nearest earlier criterion whose code is
/// a prefix of its own followed by "." ("3.2" is the parent of "3.2.1").
pub(super) fn code_parents(codes: &[Option<&str>]) -> Vec<Option<usize>> {
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
}
