//! PDF copies for e-office systems, made by LibreOffice headless: a real dependency, found at
//! run time. Each conversion gets its own profile folder (two conversions sharing one collide on
//! its lock) and a time limit (a conversion can hang); all files of one folder go through one
//! LibreOffice process, which saves its two-second start per file. PDFs are converted into a
//! temporary folder beside the outputs and renamed into place, so a failed conversion never
//! leaves a half-written PDF.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::Error;
use crate::messages::Run;

/// Finds the LibreOffice binary: the one VANBAN_OFFICE names if set (only that one), else
/// `soffice` or `libreoffice` on PATH, then the usual places.
pub fn find_office() -> Option<PathBuf> {
    if let Some(named) = std::env::var_os("VANBAN_OFFICE") {
        return Some(PathBuf::from(named)).filter(|p| p.is_file());
    }
    let on_path = std::env::var_os("PATH").into_iter().flat_map(|paths| {
        std::env::split_paths(&paths)
            .flat_map(|dir| ["soffice", "libreoffice", "soffice.exe"].map(|name| dir.join(name)))
            .collect::<Vec<_>>()
    });
    let usual = [
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
    ]
    .map(PathBuf::from);
    on_path.chain(usual).find(|p| p.is_file())
}

/// Converts every .docx into a PDF beside it; returns the PDFs written, in input order.
pub fn convert(office: &Path, docx: &[PathBuf], limit: Duration) -> Result<Vec<PathBuf>, Error> {
    let mut by_folder: Vec<(PathBuf, Vec<&PathBuf>)> = Vec::new();
    for file in docx {
        let folder = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        match by_folder.iter_mut().find(|(f, _)| *f == folder) {
            Some((_, files)) => files.push(file),
            None => by_folder.push((folder, vec![file])),
        }
    }
    let mut written = Vec::new();
    for (folder, files) in by_folder {
        written.extend(convert_folder(office, &folder, &files, limit)?);
    }
    Ok(written)
}

fn convert_folder(
    office: &Path,
    folder: &Path,
    files: &[&PathBuf],
    limit: Duration,
) -> Result<Vec<PathBuf>, Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e: std::io::Error| Error::output_io(&path, &e)
    };
    let staging = tempfile::Builder::new()
        .prefix(".vanban-pdf-")
        .tempdir_in(folder)
        .map_err(io(folder))?;
    let profile = tempfile::Builder::new()
        .prefix("vanban-office-")
        .tempdir()
        .map_err(io(&std::env::temp_dir()))?;
    let mut command = Command::new(office);
    command
        .arg(format!(
            "-env:UserInstallation={}",
            file_url(profile.path())
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(staging.path())
        .args(files)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    run_with_limit(&mut command, limit, files[0])?;
    let mut written = Vec::new();
    for file in files {
        let name = file.with_extension("pdf");
        let name = name.file_name().unwrap_or_default();
        let staged = staging.path().join(name);
        if !staged.is_file() {
            return Err(Error::about(file, Run::NoPdfWritten).help(Run::OpenInOffice));
        }
        let target = folder.join(name);
        std::fs::rename(&staged, &target).map_err(io(&target))?;
        written.push(target);
    }
    Ok(written)
}

/// A `file://` URL for LibreOffice's profile option.
fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    if text.starts_with('/') {
        format!("file://{text}")
    } else {
        format!("file:///{text}")
    }
}

fn run_with_limit(command: &mut Command, limit: Duration, first: &Path) -> Result<(), Error> {
    let failed = |message: Run| Error::about(first, message).help(Run::InstallOffice);
    let io = |e: &std::io::Error| Box::new(Run::io(e));
    let mut child = command
        .spawn()
        .map_err(|e| failed(Run::CannotStartOffice { cause: io(&e) }))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                let mut detail = String::new();
                if let Some(mut stderr) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut stderr, &mut detail);
                }
                return Err(failed(Run::OfficeFailed {
                    status: status.to_string(),
                    detail: detail.trim().to_string(),
                }));
            }
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                let seconds = limit.as_secs();
                return Err(
                    Error::about(first, Run::OfficeTimedOut { seconds }).help(Run::TryAgain)
                );
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(failed(Run::CannotWaitForOffice { cause: io(&e) })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_urls_are_absolute_file_urls() {
        assert_eq!(file_url(Path::new("/tmp/p")), "file:///tmp/p");
        assert_eq!(file_url(Path::new("C:\\Temp\\p")), "file:///C:/Temp/p");
    }
}
