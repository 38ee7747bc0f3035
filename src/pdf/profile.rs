//! The LibreOffice profile `--pdf` runs with. LibreOffice builds a profile folder on its first
//! start, which a fresh folder per run pays every time; the profile is therefore kept between
//! runs in the user's cache folder (`$XDG_CACHE_HOME` or `~/.cache` on Linux,
//! `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows), under `vanban/libreoffice`.
//!
//! Two LibreOffice processes on one profile collide on its lock, so a run takes the kept
//! profile only while it holds `vanban/libreoffice.lock`; a second vanban converting at the
//! same time gets a temporary profile of its own, as before. LibreOffice removes its own `.lock`
//! from the profile when it ends: one found there while no vanban holds the lock was left by a
//! run that was killed, and such a profile, perhaps half-written, is made anew rather than
//! trusted. A profile a conversion may have broken is discarded the same way
//! ([`Profile::discard`]).

use std::ffi::OsString;
use std::fs::File;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::error::Error;

/// A LibreOffice profile folder for one run.
pub(super) enum Profile {
    /// The profile kept in the cache folder, with the lock that makes it this run's.
    Kept { folder: PathBuf, _lock: File },
    /// A temporary profile, removed when dropped.
    Fresh(TempDir),
}

impl Profile {
    /// The kept profile when no other vanban is using it, else a temporary one.
    pub(super) fn take() -> Result<Profile, Error> {
        match cache_folder_in(|name| std::env::var_os(name)).and_then(|cache| kept(&cache)) {
            Some(kept) => Ok(kept),
            None => fresh(),
        }
    }

    pub(super) fn folder(&self) -> &Path {
        match self {
            Profile::Kept { folder, .. } => folder,
            Profile::Fresh(folder) => folder.path(),
        }
    }

    pub(super) fn is_kept(&self) -> bool {
        matches!(self, Profile::Kept { .. })
    }

    /// Removes what LibreOffice wrote into a kept profile, which may be half-written after a
    /// conversion that failed or was stopped; the next start builds it anew. (A temporary
    /// profile is removed anyway.)
    pub(super) fn discard(&self) {
        if let Profile::Kept { folder, .. } = self {
            let _ = std::fs::remove_dir_all(folder);
        }
    }
}

/// The kept profile under `cache`, if its lock can be taken now.
fn kept(cache: &Path) -> Option<Profile> {
    let base = cache.join("vanban");
    std::fs::create_dir_all(&base).ok()?;
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(base.join("libreoffice.lock"))
        .ok()?;
    lock.try_lock().ok()?;
    let folder = base.join("libreoffice");
    if folder.join(".lock").exists() {
        // Left by a LibreOffice that was killed: the profile may be half-written.
        std::fs::remove_dir_all(&folder).ok()?;
    }
    Some(Profile::Kept {
        folder,
        _lock: lock,
    })
}

fn fresh() -> Result<Profile, Error> {
    tempfile::Builder::new()
        .prefix("vanban-office-")
        .tempdir()
        .map(Profile::Fresh)
        .map_err(|e| Error::output_io(&std::env::temp_dir(), &e))
}

/// The user's cache folder from the environment `env` reads; `None` when the variables it
/// comes from are unset or not absolute paths.
fn cache_folder_in(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let absolute = |name: &str| env(name).map(PathBuf::from).filter(|p| p.is_absolute());
    if cfg!(windows) {
        absolute("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        absolute("HOME").map(|home| home.join("Library").join("Caches"))
    } else {
        absolute("XDG_CACHE_HOME").or_else(|| absolute("HOME").map(|home| home.join(".cache")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache(env: &[(&str, &str)]) -> Option<PathBuf> {
        cache_folder_in(|name| {
            env.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        })
    }

    #[cfg(all(unix, not(target_os = "macos")))]
    #[test]
    fn the_cache_folder_is_xdg_cache_home_else_dot_cache() {
        let both = [("XDG_CACHE_HOME", "/x/cache"), ("HOME", "/home/v")];
        assert_eq!(cache(&both), Some(PathBuf::from("/x/cache")));
        assert_eq!(
            cache(&[("HOME", "/home/v")]),
            Some(PathBuf::from("/home/v/.cache"))
        );
        // A relative XDG_CACHE_HOME is invalid by the specification and ignored.
        let relative = [("XDG_CACHE_HOME", "cache"), ("HOME", "/home/v")];
        assert_eq!(cache(&relative), Some(PathBuf::from("/home/v/.cache")));
        assert_eq!(cache(&[]), None);
    }

    #[test]
    fn a_second_run_gets_a_fresh_profile_while_the_first_holds_the_kept_one() {
        let cache = tempfile::tempdir().unwrap();
        let first = kept(cache.path()).unwrap();
        assert!(first.folder().starts_with(cache.path()));
        assert!(kept(cache.path()).is_none());
        drop(first);
        assert!(kept(cache.path()).is_some());
    }

    #[test]
    fn a_profile_left_locked_by_a_killed_office_is_made_anew() {
        let cache = tempfile::tempdir().unwrap();
        let folder = cache.path().join("vanban/libreoffice");
        std::fs::create_dir_all(folder.join("user")).unwrap();
        std::fs::write(folder.join("user/registrymodifications.xcu"), "x").unwrap();
        let healthy = kept(cache.path()).unwrap();
        assert!(
            folder.join("user").is_dir(),
            "a profile without a lock is kept"
        );
        drop(healthy);
        std::fs::write(folder.join(".lock"), "killed").unwrap();
        let profile = kept(cache.path()).unwrap();
        assert_eq!(profile.folder(), folder);
        assert!(!folder.exists(), "the killed run's profile is removed");
        std::fs::create_dir_all(folder.join("user")).unwrap();
        profile.discard();
        assert!(!folder.exists());
    }
}
