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

/// How pdftoppm is installed, for the message shown when it is missing.
pub const INSTALL_HELP: &str = "install Poppler's pdftoppm: on Debian/Ubuntu `sudo apt-get \
install poppler-utils`; on Windows a Poppler build for Windows, with its bin folder on PATH; or \
set VANBAN_PDFTOPPM to the pdftoppm program";

/// Time allowed for one document's pages.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// The pdftoppm that VANBAN_PDFTOPPM names if set (only that one), else the first on PATH.
pub fn find() -> Option<PathBuf> {
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
pub fn rasterise(
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
    let entries = std::fs::read_dir(folder).map_err(|e| Error::Output {
        path: folder.to_path_buf(),
        message: e.to_string(),
    })?;
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
        return Err(Error::file(
            pdftoppm,
            "pdftoppm wrote no page image",
            Some("check that pdftoppm works: run it on any PDF".into()),
        ));
    }
    Ok(pages)
}

/// Width and height of a PNG, from its header.
pub fn size(path: &Path) -> Result<(u32, u32), Error> {
    let fail = |message: String| Error::Output {
        path: path.to_path_buf(),
        message,
    };
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    let reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .map_err(|e| fail(format!("not a PNG image: {e}")))?;
    let info = reader.info();
    Ok((info.width, info.height))
}

fn run(command: &mut Command, pdftoppm: &Path) -> Result<(), Error> {
    let failed = |message: String| Error::file(pdftoppm, message, Some(INSTALL_HELP.into()));
    let mut child = command
        .spawn()
        .map_err(|e| failed(format!("cannot start pdftoppm: {e}")))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                let mut detail = String::new();
                if let Some(mut stderr) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut stderr, &mut detail);
                }
                return Err(failed(format!(
                    "pdftoppm failed ({status}): {}",
                    detail.trim()
                )));
            }
            Ok(None) if started.elapsed() > TIME_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Error::file(
                    pdftoppm,
                    format!(
                        "pdftoppm did not finish within {} s and was stopped",
                        TIME_LIMIT.as_secs()
                    ),
                    Some("try a lower --dpi or fewer --pages".into()),
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(failed(format!("cannot wait for pdftoppm: {e}"))),
        }
    }
}
