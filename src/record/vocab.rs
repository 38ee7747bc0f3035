//! The closed word lists of a record: progress statuses, signing authorities, size sets,
//! appendix presets, column keys, orientations and generated blocks (document kinds live in
//! `kind.rs`).
//!
//! Each list is an enum parsed once, where the record is read: a value outside the list is a
//! parse error at the value's own line and column ("unknown progress status `xong`") with the
//! valid values as help, and no later stage ever compares strings. Adding a value is one line
//! here; every `match` over the enum then tells the compiler what else must handle it.

/// Declares a word list: the enum, its codes as written in records, parsing, and serde.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, unknown: $unknown:ident, help: $help:expr,
        { $( $(#[$vmeta:meta])* $variant:ident = $code:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in the order the README lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as a record writes it.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The value a record's word stands for, if any.
            pub fn parse(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// What to write instead of an unknown value.
            pub fn help() -> $crate::messages::Message {
                $help.into()
            }

            /// The message for a word outside the list.
            pub fn unknown(word: &str) -> $crate::messages::Check {
                $crate::messages::Check::$unknown {
                    value: word.to_string(),
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let word = String::deserialize(deserializer)?;
                $name::parse(&word).ok_or_else(|| {
                    $crate::record::explain::refuse($name::unknown(&word), $name::help())
                })
            }
        }
    };
}

pub(crate) use vocabulary;

use crate::messages::{Check, List};

/// "use one of: a, b, c" over the codes of a list.
pub(super) fn one_of(codes: impl IntoIterator<Item = &'static str>) -> Check {
    Check::UseOneOf {
        values: List::of(codes),
    }
}

vocabulary! {
    /// Where a remedy or task stands on the date of a progress entry.
    Status, unknown: UnknownProgressStatus, help: one_of(Status::ALL.iter().map(|s| s.code())), {
        Done = "hoan-thanh",
        InProgress = "dang-thuc-hien",
        NotStarted = "chua-thuc-hien",
        Impossible = "khong-the-thuc-hien",
    }
}

impl Status {
    /// How a progress cell words the status when the entry has no text of its own.
    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "Đã hoàn thành",
            Status::InProgress => "Đang thực hiện",
            Status::NotStarted => "Chưa thực hiện",
            Status::Impossible => "Không thể thực hiện",
        }
    }
}

vocabulary! {
    /// The authority prefix of a signature made for the head (nd30.md §4.9: KT./TL./TUQ./Q.);
    /// "TM." is written through `thay_mat`.
    Authority, unknown: UnknownAuthority, help: Check::UseAuthority, {
        Deputy = "KT.",
        ByOrder = "TL.",
        Authorised = "TUQ.",
        Acting = "Q.",
    }
}

vocabulary! {
    /// The two size sets of nd30.md §1 (Quốc hiệu / Tiêu ngữ / place and date).
    SizeSet, unknown: UnknownSizeSet, help: Check::UseSizeSet, {
        /// 12 / 13 / 13, the PL1-V example column.
        Small = "nho",
        /// 13 / 14 / 14.
        Large = "lon",
    }
}

vocabulary! {
    /// The shapes of an appendix table, each over its own rows.
    Preset, unknown: UnknownPreset, help: one_of(Preset::ALL.iter().map(|p| p.code())), {
        /// Task groups and their tasks (seed 004).
        Tasks = "nhiem-vu",
        /// Criteria with a remedy and their progress (seed 000).
        Progress = "tien-do",
        /// Every criterion with its points.
        Scores = "diem",
    }
}

vocabulary! {
    /// What an appendix column shows.
    ColumnKey, unknown: UnknownColumnKey, help: one_of(ColumnKey::ALL.iter().map(|c| c.code())), {
        Number = "stt",
        Code = "ma",
        Name = "ten",
        Product = "san_pham",
        MaxPoints = "diem_toi_da",
        Assessed = "diem_dat",
        Lost = "diem_mat",
        Solution = "giai_phap",
        Lead = "chu_tri",
        Support = "phoi_hop",
        Deadline = "thoi_gian",
        Result = "ket_qua",
        Progress = "tien_do",
        Note = "ghi_chu",
    }
}

vocabulary! {
    /// Page orientation of an appendix.
    Orientation, unknown: UnknownOrientation, help: Check::UseOrientation, {
        Portrait = "doc",
        Landscape = "ngang",
        /// Landscape when the columns need more than the portrait width.
        Auto = "tu-dong",
    }
}

vocabulary! {
    /// A body block generated from the record's data: `{ chen = "…" }`.
    Insertion, unknown: UnknownInsertion, help: one_of(Insertion::ALL.iter().map(|i| i.code())), {
        /// The score table of the criteria.
        ScoreTable = "bang-diem",
        /// One sub-section per remedy.
        Remedies = "khac-phuc",
        /// The progress counts of a report: total, done, in progress, not started, impossible.
        Counts = "ket-qua",
    }
}

vocabulary! {
    /// How a document numbers its sections (nd30.md §4.8).
    Numbering, unknown: UnknownNumbering, help: Check::UseNumbering, {
        /// ND30's hierarchy: "I." upper case → "1." → "a)".
        Roman = "la-ma",
        /// "1." with the title as written → "a)" → "-", as many offices number reports.
        Arabic = "so",
        /// "1." → "1.1." → "1.1.1.".
        Decimal = "thap-phan",
    }
}

vocabulary! {
    /// What an appendix's TT/STT column shows on its rows (a row may say otherwise with its
    /// own `stt`).
    NumberColumn, unknown: UnknownNumberColumn, help: one_of(NumberColumn::ALL.iter().map(|n| n.code())), {
        /// The criterion's code ("7.1.1.4"), else its place.
        Codes = "ma",
        /// 1, 2, 3 … down the rows.
        Count = "so",
        /// Nothing.
        Empty = "trong",
    }
}

vocabulary! {
    /// The mark before each sub-criterion in its cell: the document's own, or none.
    SubMark, unknown: UnknownSubMark, help: one_of(SubMark::ALL.iter().map(|m| m.code())), {
        Dash = "-",
        Plus = "+",
        /// No mark: the name as typed.
        Bare = "",
    }
}

impl SubMark {
    /// `name` with this mark before it, unless the clerk already typed a mark: never "- - x".
    pub fn before(self, name: &str) -> String {
        let typed = name
            .trim_start()
            .starts_with(['-', '+', '–', '•', '·', '*']);
        match self {
            SubMark::Bare => name.to_string(),
            _ if typed => name.to_string(),
            mark => format!("{} {name}", mark.code()),
        }
    }
}

impl Preset {
    /// The columns an appendix of this preset shows when the record lists none, in order.
    pub fn default_columns(self) -> &'static [ColumnKey] {
        use ColumnKey::*;
        match self {
            Preset::Tasks => &[Number, Name, Product, Lead, Support, Deadline, Result],
            Preset::Progress => &[Number, Name, Solution, Deadline, Progress, Note],
            Preset::Scores => &[
                Number, Name, MaxPoints, Assessed, Lost, Solution, Lead, Support, Deadline, Note,
            ],
        }
    }

    /// The further columns a record may ask for in an appendix of this preset.
    pub fn other_columns(self) -> &'static [ColumnKey] {
        use ColumnKey::*;
        match self {
            Preset::Tasks => &[Progress, Note],
            Preset::Progress => &[Code, Lead, Support],
            Preset::Scores => &[Code, Progress],
        }
    }

    /// Whether an appendix of this preset can show `key`.
    pub fn allows(self, key: ColumnKey) -> bool {
        self.default_columns().contains(&key) || self.other_columns().contains(&key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_back_to_their_values() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.code()), Some(*status));
        }
        for key in ColumnKey::ALL {
            assert_eq!(ColumnKey::parse(key.code()), Some(*key));
        }
        assert_eq!(Preset::parse("nhiem_vu"), None);
    }

    #[test]
    fn a_sub_criterion_gets_one_mark_or_none() {
        assert_eq!(SubMark::Dash.before("Tiêu chí 1.2"), "- Tiêu chí 1.2");
        assert_eq!(SubMark::Dash.before("- Tiêu chí 1.2"), "- Tiêu chí 1.2");
        assert_eq!(SubMark::Dash.before("+ Tiêu chí 1.2"), "+ Tiêu chí 1.2");
        assert_eq!(SubMark::Plus.before("Tiêu chí 1.2"), "+ Tiêu chí 1.2");
        assert_eq!(SubMark::Bare.before("Tiêu chí 1.2"), "Tiêu chí 1.2");
        assert_eq!(SubMark::parse(""), Some(SubMark::Bare));
    }

    #[test]
    fn unknown_words_get_their_message_and_help() {
        use crate::messages::Lang;
        assert_eq!(
            Status::unknown("xong").text(Lang::En),
            "unknown progress status `xong`"
        );
        assert_eq!(
            Status::help().text(Lang::En),
            "use one of: hoan-thanh, dang-thuc-hien, chua-thuc-hien, khong-the-thuc-hien"
        );
        assert_eq!(
            Preset::help().text(Lang::Vi),
            "dùng một trong: nhiem-vu, tien-do, diem"
        );
    }

    #[test]
    fn every_column_a_preset_shows_is_one_it_allows_once() {
        for preset in Preset::ALL {
            let mut all: Vec<ColumnKey> = preset.default_columns().to_vec();
            all.extend(preset.other_columns());
            let count = all.len();
            all.sort();
            all.dedup();
            assert_eq!(all.len(), count, "{preset:?} lists a column twice");
        }
    }

    #[test]
    fn the_readme_lists_the_columns_the_checker_allows() {
        let readme = include_str!("../../README.md");
        for preset in Preset::ALL {
            let row = readme
                .lines()
                .find(|l| l.starts_with(&format!("| `{}` |", preset.code())))
                .unwrap_or_else(|| panic!("README has no row for {preset:?}"));
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let words = |cell: &str| -> Vec<String> {
                cell.trim_matches('`')
                    .split_whitespace()
                    .map(String::from)
                    .collect()
            };
            let codes = |keys: &[ColumnKey]| -> Vec<String> {
                keys.iter().map(|k| k.code().to_string()).collect()
            };
            assert_eq!(words(cells[3]), codes(preset.default_columns()), "{row}");
            assert_eq!(words(cells[4]), codes(preset.other_columns()), "{row}");
        }
    }
}
