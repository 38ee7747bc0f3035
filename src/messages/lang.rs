//! Which language messages are shown in: `--lang`, then the POSIX locale variables, then the
//! operating system's own setting (the only one there is on Windows).

use std::sync::OnceLock;

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Vi,
}

impl Lang {
    /// Both languages, for tests that go through every message in each.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Vi];

    /// The language a `--lang` value or locale name (`vi`, `vi_VN.UTF-8`, `vi-VN`) stands for.
    fn of_locale(name: &str) -> Lang {
        if name.to_ascii_lowercase().starts_with("vi") {
            Lang::Vi
        } else {
            Lang::En
        }
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language: the `--lang` value if given, else the first of `LC_ALL`,
/// `LC_MESSAGES`, `LANG` that is set and not empty, else the operating system's locale
/// (`system`, e.g. Windows' display language), else English.
pub fn detect(
    flag: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
    system: impl FnOnce() -> Option<String>,
) -> Lang {
    let chosen = flag
        .map(str::to_string)
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|name| env(name).filter(|v| !v.is_empty()))
        })
        .or_else(system);
    chosen.as_deref().map_or(Lang::En, Lang::of_locale)
}

/// [`detect`] on this process's environment and operating system.
pub fn detect_here(flag: Option<&str>) -> Lang {
    detect(
        flag,
        |name| std::env::var(name).ok(),
        sys_locale::get_locale,
    )
}

/// Sets the language for the rest of the process (the first call wins).
pub fn set(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language in use; English until [`set`] is called (as in the library and its tests).
pub fn current() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    fn system(locale: Option<&str>) -> impl FnOnce() -> Option<String> {
        let locale = locale.map(str::to_string);
        move || locale
    }

    #[test]
    fn the_flag_wins_then_the_locale_variables_in_posix_order() {
        let vi = Some("vi-VN");
        let lang = |flag, pairs: &[(&str, &str)]| detect(flag, env(pairs), system(vi));
        assert_eq!(lang(Some("en"), &[("LANG", "vi_VN.UTF-8")]), Lang::En);
        assert_eq!(lang(Some("vi"), &[("LANG", "en_US.UTF-8")]), Lang::Vi);
        assert_eq!(lang(None, &[("LANG", "en_US.UTF-8")]), Lang::En);
        assert_eq!(
            lang(None, &[("LC_ALL", "C"), ("LANG", "vi_VN.UTF-8")]),
            Lang::En
        );
        assert_eq!(
            lang(None, &[("LC_MESSAGES", "en_GB"), ("LANG", "vi_VN")]),
            Lang::En
        );
        assert_eq!(
            lang(None, &[("LC_ALL", ""), ("LC_MESSAGES", "vi_VN")]),
            Lang::Vi
        );
    }

    #[test]
    fn the_system_locale_decides_only_when_no_variable_is_set() {
        assert_eq!(detect(None, env(&[]), system(Some("vi-VN"))), Lang::Vi);
        assert_eq!(
            detect(None, env(&[("LANG", "")]), system(Some("vi-VN"))),
            Lang::Vi
        );
        assert_eq!(detect(None, env(&[]), system(Some("en-US"))), Lang::En);
        assert_eq!(detect(None, env(&[]), system(None)), Lang::En);
        assert_eq!(
            detect(None, env(&[("LANG", "en_US")]), system(Some("vi-VN"))),
            Lang::En
        );
    }
}
