//! PDF copies for e-office systems, made by LibreOffice headless: a real dependency, found at
//! run time. All the documents of a run go through one LibreOffice process, which saves its
//! start (a second or two) per folder and per file; it runs with the profile kept in the user's
//! cache folder ([`profile`]) and a time limit (a conversion can hang). The documents are linked
//! into a temporary folder under unique names (two folders may hold files of the same name),
//! converted there and the PDFs renamed into place, so a failed conversion never leaves a
//! half-written PDF.

mod profile;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use url::Url;

use crate::error::Error;
use crate::messages::Run;
use profile::Profile;

/// Time LibreOffice is allowed per document, on top of the limit a caller gives for its start.
const PER_DOCUMENT: Duration = Duration::from_secs(5);

/// Why a conversion gave no PDFs.
enum Failure {
    /// LibreOffice failed or wrote no PDF: its profile may be broken, so a new one is tried.
    Office(Error),
    /// Interrupted, out of time, or the files could not be staged or moved: trying again would
    /// not help.
    Final(Error),
}

impl From<Failure> for Error {
    fn from(failure: Failure) -> Error {
        match failure {
            Failure::Office(e) | Failure::Final(e) => e,
        }
    }
}

/// Which PDF LibreOffice writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PdfKind {
    /// An ordinary PDF, for e-office systems and mail (`--pdf`).
    Plain,
    /// PDF/A-2b, for archiving (`--pdf-a`): every font embedded, marked as PDF/A-2b in its XMP
    /// metadata.
    Archive,
}

impl PdfKind {
    /// LibreOffice's `--convert-to` value: the format, and for PDF/A the Writer PDF export
    /// filter's `SelectPdfVersion` option (2 = PDF/A-2b) in its JSON form (LibreOffice 7.4+).
    fn convert_to(self) -> &'static str {
        match self {
            PdfKind::Plain => "pdf",
            PdfKind::Archive => {
                r#"pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}"#
            }
        }
    }
}

/// Finds the LibreOffice binary in this process's environment (see [`find_office_in`]).
pub(crate) fn find_office() -> Option<PathBuf> {
    find_office_in(|name| std::env::var_os(name), |path| path.is_file())
}

/// Finds the LibreOffice binary: the one `VANBAN_OFFICE` names if set (only that one), else
/// `soffice` or `libreoffice` on `PATH`, then the usual places: the Linux and macOS install
/// folders, then `LibreOffice\program\soffice.exe` under the Windows `ProgramFiles` folder (64-bit
/// LibreOffice) and under `ProgramFiles(x86)` (32-bit LibreOffice on 64-bit Windows).
/// `env` reads an environment variable and `is_file` tells whether a program is there, so the
/// order can be tested without the programs.
pub(crate) fn find_office_in(
    env: impl Fn(&str) -> Option<OsString>,
    is_file: impl Fn(&Path) -> bool,
) -> Option<PathBuf> {
    if let Some(named) = env("VANBAN_OFFICE") {
        return Some(PathBuf::from(named)).filter(|p| is_file(p));
    }
    let on_path = env("PATH").into_iter().flat_map(|paths| {
        std::env::split_paths(&paths)
            .flat_map(|dir| ["soffice", "libreoffice", "soffice.exe"].map(|name| dir.join(name)))
            .collect::<Vec<_>>()
    });
    let usual = [
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ]
    .map(PathBuf::from);
    let program_files = [
        ("ProgramFiles", "C:\\Program Files"),
        ("ProgramFiles(x86)", "C:\\Program Files (x86)"),
    ]
    .map(|(variable, default)| {
        env(variable)
            .map_or_else(|| PathBuf::from(default), PathBuf::from)
            .join("LibreOffice")
            .join("program")
            .join("soffice.exe")
    });
    on_path
        .chain(usual)
        .chain(program_files)
        .find(|p| is_file(p))
}

/// Converts every .docx into a PDF beside it; returns the PDFs written, in input order.
///
/// `limit` is the time LibreOffice may take to start; each document adds [`PER_DOCUMENT`].
/// A kept profile that a conversion may have left broken (LibreOffice failed, was stopped or
/// ran out of time) is made anew; when LibreOffice fails with a kept profile, the conversion is
/// tried once more with a new one.
///
/// Ctrl+C (or a termination request) during a conversion stops LibreOffice and removes the
/// temporary folders before vanban ends; outside a conversion it ends vanban at once.
pub(crate) fn convert(
    office: &Path,
    docx: &[PathBuf],
    kind: PdfKind,
    limit: Duration,
) -> Result<Vec<PathBuf>, Error> {
    if docx.is_empty() {
        return Ok(Vec::new());
    }
    interrupt::watch();
    let limit = limit + PER_DOCUMENT * u32::try_from(docx.len()).unwrap_or(u32::MAX);
    let profile = Profile::take()?;
    match convert_all(office, docx, kind, limit, &profile) {
        Ok(written) => Ok(written),
        Err(Failure::Office(_)) if profile.is_kept() => {
            profile.discard();
            convert_all(office, docx, kind, limit, &profile).map_err(|failure| {
                profile.discard();
                failure.into()
            })
        }
        Err(failure) => {
            profile.discard();
            Err(failure.into())
        }
    }
}

/// The deepest folder holding every file of `files`.
fn common_folder(files: &[PathBuf]) -> PathBuf {
    let parent = |file: &PathBuf| file.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut common = files.first().map(parent).unwrap_or_default();
    for file in files {
        while !file.starts_with(&common) {
            if !common.pop() {
                return PathBuf::from(".");
            }
        }
    }
    if common.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        common
    }
}

fn convert_all(
    office: &Path,
    files: &[PathBuf],
    kind: PdfKind,
    limit: Duration,
    profile: &Profile,
) -> Result<Vec<PathBuf>, Failure> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e: std::io::Error| Failure::Final(Error::output_io(&path, &e))
    };
    let folder = common_folder(files);
    let staging = tempfile::Builder::new()
        .prefix(".vanban-pdf-")
        .tempdir_in(&folder)
        .map_err(io(&folder))?;
    let (inputs, outputs) = (staging.path().join("in"), staging.path().join("out"));
    std::fs::create_dir(&inputs).map_err(io(&inputs))?;
    let mut staged = Vec::with_capacity(files.len());
    for (index, file) in files.iter().enumerate() {
        let link = inputs.join(format!("{index}.docx"));
        std::fs::hard_link(file, &link)
            .or_else(|_| std::fs::copy(file, &link).map(|_| ()))
            .map_err(io(file))?;
        staged.push(link);
    }
    let url = profile_url(profile.folder())
        .map_err(|message| Failure::Final(Error::about(profile.folder(), message)))?;
    let mut command = Command::new(office);
    command
        .arg(format!("-env:UserInstallation={url}"))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            kind.convert_to(),
        ])
        .arg("--outdir")
        .arg(&outputs)
        .args(&staged)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    // LibreOffice turns the profile URL into a file name in the locale's character set: under
    // the C locale a profile path with an accent ("Thư mục") cannot be made and it waits
    // forever. UTF-8 is what Linux file names are written in.
    #[cfg(all(unix, not(target_os = "macos")))]
    command.env_remove("LC_ALL").env("LC_CTYPE", "C.UTF-8");
    // Declared after the folders, so it is dropped first: LibreOffice is stopped before the
    // folders it writes into are removed, whichever way this function returns.
    let first = &files[0];
    let office = Office::start(&mut command, first).map_err(Failure::Final)?;
    office.wait(limit, first)?;
    let mut written = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let converted = outputs.join(format!("{index}.pdf"));
        if !converted.is_file() {
            let missing = Error::about(file, Run::NoPdfWritten).help(Run::OpenInOffice);
            return Err(Failure::Office(missing));
        }
        let target = file.with_extension("pdf");
        std::fs::rename(&converted, &target).map_err(io(&target))?;
        written.push(target);
    }
    Ok(written)
}

/// The `-env:UserInstallation=` value for a profile folder: a `file:` URL, percent-encoded, so
/// that a space or an accent in the temporary folder's path cannot make LibreOffice wait on a
/// profile it cannot open.
fn profile_url(folder: &Path) -> Result<String, Run> {
    let absolute = std::path::absolute(folder).map_err(|e| Run::ProfileNotAbsolute {
        cause: Box::new(Run::io(&e)),
    })?;
    Url::from_directory_path(&absolute)
        .map(String::from)
        .map_err(|()| Run::ProfileNotUrl)
}

/// A running LibreOffice and the processes it starts (soffice starts soffice.bin), stopped
/// together when dropped unless they have ended.
struct Office {
    child: Child,
    finished: bool,
}

impl Office {
    fn start(command: &mut Command, first: &Path) -> Result<Office, Error> {
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(command, 0);
        let child = command.spawn().map_err(|e| {
            let cause = Box::new(Run::io(&e));
            Error::about(first, Run::CannotStartOffice { cause }).help(Run::InstallOffice)
        })?;
        Ok(Office {
            child,
            finished: false,
        })
    }

    /// Waits for LibreOffice to end, at most `limit`, or until Ctrl+C.
    fn wait(mut self, limit: Duration, first: &Path) -> Result<(), Failure> {
        let failed = |message: Run| Error::about(first, message).help(Run::InstallOffice);
        let started = Instant::now();
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => {
                    self.finished = true;
                    if status.success() {
                        return Ok(());
                    }
                    let mut detail = String::new();
                    if let Some(mut stderr) = self.child.stderr.take() {
                        let _ = std::io::Read::read_to_string(&mut stderr, &mut detail);
                    }
                    return Err(Failure::Office(failed(Run::OfficeFailed {
                        status: status.to_string(),
                        detail: detail.trim().to_string(),
                    })));
                }
                Ok(None) if interrupt::requested() => {
                    return Err(Failure::Final(Error::about(first, Run::OfficeInterrupted)));
                }
                Ok(None) if started.elapsed() > limit => {
                    let seconds = limit.as_secs();
                    let late = Error::about(first, Run::OfficeTimedOut { seconds });
                    return Err(Failure::Final(late.help(Run::TryAgain)));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(50)),
                Err(e) => {
                    let cause = Box::new(Run::io(&e));
                    return Err(Failure::Final(failed(Run::CannotWaitForOffice { cause })));
                }
            }
        }
    }
}

impl Drop for Office {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        // The whole tree: killing soffice alone leaves soffice.bin writing into the profile.
        let id = self.child.id().to_string();
        #[cfg(unix)]
        let mut stop = Command::new("kill");
        #[cfg(unix)]
        stop.args(["-KILL", "--", &format!("-{id}")]);
        #[cfg(windows)]
        let mut stop = Command::new("taskkill");
        #[cfg(windows)]
        stop.args(["/F", "/T", "/PID", &id]);
        let stopped = stop
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !stopped {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// Ctrl+C and termination requests while PDFs are made: noted, so that the conversion in
/// progress stops LibreOffice and removes its temporary folders on its way out.
mod interrupt {
    use std::sync::atomic::{AtomicBool, Ordering};

    static REQUESTED: AtomicBool = AtomicBool::new(false);

    /// Installs the handler (once per process; a second call changes nothing).
    pub(super) fn watch() {
        let _ = ctrlc::set_handler(|| {
            if REQUESTED.swap(true, Ordering::SeqCst) {
                // A second Ctrl+C: the clerk does not want to wait for the clean-up.
                std::process::exit(130);
            }
        });
    }

    pub(super) fn requested() -> bool {
        REQUESTED.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_staging_folder_goes_where_every_document_lies_below() {
        let files = |paths: &[&str]| paths.iter().map(PathBuf::from).collect::<Vec<_>>();
        assert_eq!(
            common_folder(&files(&["out/a/k.docx", "out/a/b/c.docx", "out/d/e.docx"])),
            PathBuf::from("out")
        );
        assert_eq!(
            common_folder(&files(&["out/a/k.docx", "out/a/l.docx"])),
            PathBuf::from("out/a")
        );
        assert_eq!(
            common_folder(&files(&["k.docx", "l.docx"])),
            PathBuf::from(".")
        );
        assert_eq!(
            common_folder(&files(&["out/k.docx", "other/l.docx"])),
            PathBuf::from(".")
        );
    }

    #[test]
    fn profile_urls_are_percent_encoded_file_urls() {
        assert_eq!(
            profile_url(Path::new("/tmp/hồ sơ/p")).unwrap(),
            "file:///tmp/h%E1%BB%93%20s%C6%A1/p/"
        );
        assert_eq!(
            profile_url(Path::new("/tmp/a b#1%")).unwrap(),
            "file:///tmp/a%20b%231%25/"
        );
    }

    #[cfg(windows)]
    #[test]
    fn windows_profile_urls_carry_the_drive() {
        assert_eq!(
            profile_url(Path::new("C:\\Users\\Văn thư\\AppData\\Local\\Temp\\p")).unwrap(),
            "file:///C:/Users/V%C4%83n%20th%C6%B0/AppData/Local/Temp/p/"
        );
    }

    /// The programs of a fake machine and its environment.
    fn found(env: &[(&str, &str)], programs: &[&str]) -> Option<PathBuf> {
        let var = |name: &str| {
            env.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        };
        find_office_in(var, |p| programs.iter().any(|q| Path::new(q) == p))
    }

    #[test]
    fn vanban_office_wins_and_is_the_only_one_tried() {
        let programs = ["/opt/lo/soffice", "/usr/bin/soffice"];
        let env = [("VANBAN_OFFICE", "/opt/lo/soffice"), ("PATH", "/usr/bin")];
        assert_eq!(found(&env, &programs), Some("/opt/lo/soffice".into()));
        let env = [("VANBAN_OFFICE", "/nowhere/soffice"), ("PATH", "/usr/bin")];
        assert_eq!(found(&env, &programs), None);
    }

    #[test]
    fn path_comes_before_the_usual_places() {
        let programs = [
            "/home/v/bin/soffice",
            "/usr/lib/libreoffice/program/soffice",
        ];
        let env = [("PATH", "/home/v/bin")];
        assert_eq!(found(&env, &programs), Some("/home/v/bin/soffice".into()));
        assert_eq!(
            found(&[], &programs),
            Some("/usr/lib/libreoffice/program/soffice".into())
        );
    }

    #[test]
    fn both_program_files_folders_are_searched_64_bit_first() {
        let soffice = |folder: &str| {
            PathBuf::from(folder)
                .join("LibreOffice")
                .join("program")
                .join("soffice.exe")
        };
        let x64 = soffice("D:\\Apps");
        let x86 = soffice("D:\\Apps (x86)");
        let env = [
            ("ProgramFiles", "D:\\Apps"),
            ("ProgramFiles(x86)", "D:\\Apps (x86)"),
        ];
        let both = [x64.to_str().unwrap(), x86.to_str().unwrap()];
        assert_eq!(found(&env, &both), Some(x64.clone()));
        assert_eq!(found(&env, &both[1..]), Some(x86));
        // Without the variables, the default folders of drive C:.
        let default = soffice("C:\\Program Files (x86)");
        assert_eq!(
            found(&[], &[default.to_str().unwrap()]),
            Some(default.clone())
        );
        assert_eq!(found(&env, &[default.to_str().unwrap()]), None);
    }
}
