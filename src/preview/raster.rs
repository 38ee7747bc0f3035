//! PDF pages to PNG images with Poppler's `pdftoppm`, found at run time like LibreOffice.
//! LibreOffice cannot do it: the `-nogui` packages of Linux distributions have no PNG export
//! filter, and where there is one (7.4 with Draw) it writes page 1 only, at 96 dpi, ignoring
//! its PageRange and PixelWidth options. pdftoppm writes every page of a PDF in one run and is
//! packaged everywhere, Windows included.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{Page, Settings};
use crate::error::Error;
use crate::messages::{Preview as Said, Run};

/// Time allowed for one document's pages.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// The pdftoppm that VANBAN_PDFTOPPM names if set (only that one), else the first on PATH.
pub(super) fn find() -> Option<PathBuf> {
    if let Some(named) = std::env::var_os("VANBAN_PDFTOPPM") {
        return Some(PathBuf::from(named)).filter(|p| p.is_file());
    }
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .flat_map(|dir| ["pdftoppm", "pdftoppm.exe"].map(|name| dir.join(name)))
        .find(|p| p.is_file())
}

/// Writes the pages of `pdf` (the first `settings.pages` of them) as `<prefix>-<n>.png`;
/// returns them in page order with their sizes.
pub(super) fn rasterise(
    pdftoppm: &Path,
    pdf: &Path,
    prefix: &Path,
    settings: Settings,
) -> Result<Vec<(PathBuf, Page)>, Error> {
    let mut command = Command::new(pdftoppm);
    command.args(["-png", "-r", &settings.dpi.to_string()]);
    if let Some(last) = settings.pages {
        command.args(["-l", &last.to_string()]);
    }
    command
        .arg(pdf)
        .arg(prefix)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    run(&mut command, pdftoppm)?;
    let folder = prefix.parent().unwrap_or(Path::new("."));
    let start = format!(
        "{}-",
        prefix.file_name().unwrap_or_default().to_string_lossy()
    );
    let entries = std::fs::read_dir(folder).map_err(|e| Error::output_io(folder, &e))?;
    let mut pages = Vec::new();
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let number = file
            .strip_prefix(&start)
            .and_then(|rest| rest.strip_suffix(".png"))
            .and_then(|n| n.parse::<u32>().ok());
        if let Some(number) = number {
            let path = entry.path();
            let (width, height) = size(&path)?;
            pages.push((
                path,
                Page {
                    number,
                    width,
                    height,
                },
            ));
        }
    }
    pages.sort_by_key(|(_, page)| page.number);
    if pages.is_empty() {
        return Err(Error::about(pdftoppm, Said::NoPageImage).help(Said::CheckPdftoppm));
    }
    Ok(pages)
}

/// Width and height of a PNG, from its header.
pub(super) fn size(path: &Path) -> Result<(u32, u32), Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::output_io(path, &e))?;
    let reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .map_err(|e| {
            let detail = e.to_string();
            Error::output(path, Said::NotPng { detail })
        })?;
    let info = reader.info();
    Ok((info.width, info.height))
}

fn run(command: &mut Command, pdftoppm: &Path) -> Result<(), Error> {
    let failed = |message: Said| Error::about(pdftoppm, message).help(Said::InstallPoppler);
    let cause = |e: &std::io::Error| Box::new(Run::io(e));
    let mut child = command
        .spawn()
        .map_err(|e| failed(Said::CannotStartPdftoppm { cause: cause(&e) }))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                let mut detail = String::new();
                if let Some(mut stderr) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut stderr, &mut detail);
                }
                return Err(failed(Said::PdftoppmFailed {
                    status: status.to_string(),
                    detail: detail.trim().to_string(),
                }));
            }
            Ok(None) if started.elapsed() > TIME_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                let seconds = TIME_LIMIT.as_secs();
                return Err(
                    Error::about(pdftoppm, Said::PdftoppmTimedOut { seconds }).help(Said::LowerDpi)
                );
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(failed(Said::CannotWaitForPdftoppm { cause: cause(&e) })),
        }
    }
}
