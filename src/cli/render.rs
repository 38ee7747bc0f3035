//! `vanban render` and `vanban check`: a batch run, its report on the terminal or as JSON, and
//! the PDFs asked for with --pdf.

use std::path::{Path, PathBuf};

use super::{Format, fail};
use crate::error::Error;
use crate::messages::{self, Message, Run};
use crate::template::Templates;
use crate::{batch, output};

/// The records named on the command line (default plans/).
fn jobs_of(paths: &[PathBuf]) -> Result<Vec<output::Job>, Error> {
    let inputs = if paths.is_empty() {
        vec![PathBuf::from("plans")]
    } else {
        paths.to_vec()
    };
    output::discover(&inputs)
}

/// Worker threads allowed per core: a render is CPU-bound, so more only cost memory (12,483
/// threads for `-j 100000`).
const THREADS_PER_CORE: usize = 4;

/// The thread count asked for with -j, lowered to [`THREADS_PER_CORE`] × `cores`, with the
/// note to show when it was lowered.
fn cap_threads(asked: Option<usize>, cores: usize) -> (Option<usize>, Option<Run>) {
    let most = THREADS_PER_CORE * cores.max(1);
    match asked {
        Some(n) if n > most => (
            Some(most),
            Some(Run::ThreadsLowered {
                asked: n,
                most,
                per_core: THREADS_PER_CORE,
                cores,
            }),
        ),
        _ => (asked, None),
    }
}

pub(super) fn render(
    paths: &[PathBuf],
    out: &Path,
    templates: Option<&Path>,
    mut options: batch::Options,
    pdf: Option<crate::pdf::PdfKind>,
) -> i32 {
    let started = std::time::Instant::now();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let (threads, note) = cap_threads(options.threads, cores);
    options.threads = threads;
    if let Some(note) = note {
        let label = Run::LabelNote.text(messages::current());
        eprintln!("{label}: {}", Message::from(note));
    }
    let office = match pdf.map(|_| crate::pdf::find_office()) {
        Some(None) => {
            return fail(&Error::about(Path::new("--pdf"), Run::NoOffice).help(Run::InstallOffice));
        }
        Some(office) => office,
        None => None,
    };
    let (templates, jobs) = match Templates::load(templates).and_then(|t| Ok((t, jobs_of(paths)?)))
    {
        Ok(loaded) => loaded,
        Err(e) => return fail(&e),
    };
    let reports = batch::run(&jobs, out, &templates, options);
    let mut documents = Vec::new();
    for report in &reports {
        for warning in &report.warnings {
            eprintln!("{warning}\n");
        }
        match &report.outcome {
            batch::Outcome::Written { files, .. } => {
                for file in files {
                    if !options.quiet {
                        println!("{}", Message::from(Run::Wrote { path: file.clone() }));
                    }
                    documents.push(file.clone());
                }
            }
            batch::Outcome::Unchanged { files } => {
                documents.extend(files.iter().filter(|f| pdf_is_stale(f)).cloned());
            }
            batch::Outcome::Kept { files } => {
                for file in files {
                    eprintln!("{}\n", kept_message(file));
                }
            }
            batch::Outcome::Failed(e) => eprintln!("{e}\n"),
            batch::Outcome::Checked => {}
        }
    }
    let mut failed = batch::save_stamps(out, &reports).err();
    let mut pdfs_written = office.as_ref().map(|_| 0);
    if let (Some(office), Some(kind)) = (office.filter(|_| !documents.is_empty()), pdf) {
        match crate::pdf::convert(&office, &documents, kind, PDF_TIME_LIMIT) {
            Ok(pdfs) => {
                pdfs_written = Some(pdfs.len());
                for pdf in pdfs.iter().filter(|_| !options.quiet) {
                    println!("{}", Message::from(Run::Wrote { path: pdf.clone() }));
                }
            }
            Err(e) => failed = Some(e),
        }
    }
    let summary = batch::Summary {
        pdfs: pdfs_written,
        ..batch::summarise(&reports)
    };
    let line = batch::summary_line(summary, started.elapsed());
    println!("{}", Message::from(line));
    if summary.kept > 0 {
        let kept = Run::KeptSummary {
            count: summary.kept,
        };
        println!("{}", Message::from(kept));
    }
    if let Some(e) = failed {
        return fail(&e);
    }
    i32::from(summary.failed + summary.kept > 0)
}

/// An output kept because a person changed it since vanban wrote it.
fn kept_message(file: &Path) -> Error {
    Error::about(file, Run::KeptByHand).help(Run::CarryChanges)
}

/// Time allowed for LibreOffice to start; `pdf::convert` adds a few seconds per document.
const PDF_TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(300);

/// A .docx whose PDF is missing or older than it.
fn pdf_is_stale(docx: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(docx), modified(&docx.with_extension("pdf"))) {
        (Some(d), Some(p)) => p < d,
        _ => true,
    }
}

pub(super) fn check(paths: &[PathBuf], templates: Option<&Path>, format: Format) -> i32 {
    let (templates, jobs) = match Templates::load(templates).and_then(|t| Ok((t, jobs_of(paths)?)))
    {
        Ok(loaded) => loaded,
        Err(e) if format == Format::Json => {
            println!("{}", json_report(&[], Some(&e)));
            return 1;
        }
        Err(e) => return fail(&e),
    };
    let options = batch::Options {
        quiet: true,
        check_only: true,
        ..batch::Options::default()
    };
    let reports = batch::run(&jobs, Path::new("."), &templates, options);
    let summary = batch::summarise(&reports);
    if format == Format::Json {
        println!("{}", json_report(&reports, None));
    } else {
        for report in &reports {
            for warning in &report.warnings {
                eprintln!("{warning}\n");
            }
            if let batch::Outcome::Failed(e) = &report.outcome {
                eprintln!("{e}\n");
            }
        }
        let checked = Run::Checked {
            checked: summary.checked + summary.failed,
            failed: summary.failed,
        };
        println!("{}", Message::from(checked));
    }
    i32::from(summary.failed > 0)
}

/// `{"records": [{"record", "ok", "diagnostics": [...]}], "checked", "failed", "error"}`; a
/// problem before any record is read (templates, paths) is reported under "error".
fn json_report(reports: &[batch::Report], error: Option<&Error>) -> String {
    let records: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| {
            let mut diagnostics: Vec<_> = r.warnings.iter().map(|w| w.diagnostic()).collect();
            if let batch::Outcome::Failed(e) = &r.outcome {
                diagnostics.push(e.diagnostic());
            }
            serde_json::json!({
                "record": r.job.record.display().to_string(),
                "ok": !matches!(r.outcome, batch::Outcome::Failed(_)),
                "diagnostics": diagnostics,
            })
        })
        .collect();
    let failed = reports
        .iter()
        .filter(|r| matches!(r.outcome, batch::Outcome::Failed(_)))
        .count();
    serde_json::json!({
        "records": records,
        "checked": reports.len(),
        "failed": failed,
        "error": error.map(Error::diagnostic),
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_counts_beyond_four_per_core_are_lowered_with_a_note() {
        assert_eq!(cap_threads(None, 2), (None, None));
        assert_eq!(cap_threads(Some(8), 2), (Some(8), None));
        let (threads, note) = cap_threads(Some(100_000), 2);
        assert_eq!(threads, Some(8));
        assert_eq!(
            note.map(|n| n.text(messages::Lang::En)).as_deref(),
            Some("-j 100000 lowered to 8 (4 × the 2 cores of this machine)")
        );
    }
}
