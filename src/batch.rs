//! Rendering a batch of records: on every core (rayon), with a progress bar on a terminal
//! (indicatif), skipping records whose inputs and outputs are as the last render left them
//! (see `stamp`), and reporting in the order the records were found, whatever order the
//! threads finish in, so logs and tests are stable.

use std::path::{Path, PathBuf};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::error::{Error, Warning};
use crate::messages::{Run, Seconds};
use crate::output::{self, Job};
use crate::stamp::{self, Stamp, Stamps};
use crate::template::Templates;
use crate::{RenderOptions, record};

/// How a batch runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub render: RenderOptions,
    /// Render every record even when its stamp says it is unchanged.
    pub force: bool,
    /// No progress bar and no per-file lines; errors, warnings and the summary still print.
    pub quiet: bool,
    /// Worker threads; `None` uses every core.
    pub threads: Option<usize>,
    /// Render in memory and report, writing nothing (`vanban check`).
    pub check_only: bool,
}

/// What happened to one record.
#[derive(Debug)]
pub enum Outcome {
    Written {
        files: Vec<PathBuf>,
        stamp: Stamp,
    },
    /// Skipped; its outputs, still as written, are listed.
    Unchanged {
        files: Vec<PathBuf>,
    },
    /// Rendered in memory by `vanban check`; nothing written.
    Checked,
    Failed(Error),
}

/// One record's outcome with the warnings its render raised.
#[derive(Debug)]
pub struct Report {
    pub job: Job,
    pub outcome: Outcome,
    pub warnings: Vec<Warning>,
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub checked: usize,
    pub written: usize,
    pub unchanged: usize,
    pub failed: usize,
    /// PDFs written, when they were asked for (`render --pdf`).
    pub pdfs: Option<usize>,
}

/// Renders every job into `out` and returns one report per job, in job order.
pub fn run(jobs: &[Job], out: &Path, templates: &Templates, options: Options) -> Vec<Report> {
    let stamps = if options.check_only {
        Stamps::default()
    } else {
        Stamps::read(out)
    };
    let bar = if options.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::with_draw_target(Some(jobs.len() as u64), ProgressDrawTarget::stderr())
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let work = || {
        jobs.par_iter()
            .map(|job| {
                let report = render_job(job, out, templates, &stamps, options);
                bar.inc(1);
                report
            })
            .collect::<Vec<_>>()
    };
    let reports = match rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.unwrap_or(0))
        .build()
    {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    };
    bar.finish_and_clear();
    reports
}

/// Saves the stamps of the records just written, keeping those of records not in the batch.
pub fn save_stamps(out: &Path, reports: &[Report]) -> Result<(), Error> {
    let mut stamps = Stamps::read(out);
    let mut changed = false;
    for report in reports {
        if let Outcome::Written { stamp, .. } = &report.outcome {
            stamps.insert(report.job.relative.clone(), stamp.clone());
            changed = true;
        }
    }
    if changed { stamps.write(out) } else { Ok(()) }
}

pub fn summarise(reports: &[Report]) -> Summary {
    let mut summary = Summary::default();
    for report in reports {
        match report.outcome {
            Outcome::Written { .. } => summary.written += 1,
            Outcome::Unchanged { .. } => summary.unchanged += 1,
            Outcome::Checked => summary.checked += 1,
            Outcome::Failed(_) => summary.failed += 1,
        }
    }
    summary
}

/// "3 written, 1 unchanged, 0 failed in 0.12 s"; with --pdf "…, 0 failed, 4 PDFs written in …".
pub fn summary_line(summary: Summary, elapsed: Duration) -> Run {
    let seconds = Seconds(elapsed.as_secs_f64());
    match summary.pdfs {
        None => Run::Summary {
            written: summary.written,
            unchanged: summary.unchanged,
            failed: summary.failed,
            seconds,
        },
        Some(pdfs) => Run::SummaryWithPdfs {
            written: summary.written,
            unchanged: summary.unchanged,
            failed: summary.failed,
            pdfs,
            seconds,
        },
    }
}

/// Two records that would write the same output file (same name given from two folders).
pub fn collisions(jobs: &[Job]) -> Option<Error> {
    let mut seen: std::collections::BTreeMap<&Path, &Path> = Default::default();
    for job in jobs {
        if let Some(first) = seen.insert(&job.relative, &job.record) {
            let same = Run::SameOutput {
                output: job.relative.clone(),
                first: first.to_path_buf(),
            };
            return Some(Error::about(&job.record, same).help(Run::UseDifferentOutFolders));
        }
    }
    None
}

fn render_job(
    job: &Job,
    out: &Path,
    templates: &Templates,
    stamps: &Stamps,
    options: Options,
) -> Report {
    let mut warnings = Vec::new();
    let outcome = match try_render(job, out, templates, stamps, options, &mut warnings) {
        Ok(outcome) => outcome,
        Err(e) => Outcome::Failed(e),
    };
    Report {
        job: job.clone(),
        outcome,
        warnings,
    }
}

fn try_render(
    job: &Job,
    out: &Path,
    templates: &Templates,
    stamps: &Stamps,
    options: Options,
    warnings: &mut Vec<Warning>,
) -> Result<Outcome, Error> {
    let loaded = record::load(&job.record)?;
    // The records this one names (a report's plan, the document a Công văn sends) are inputs too.
    let folder = job.record.parent().unwrap_or(Path::new("."));
    let named: Vec<Vec<u8>> = [&loaded.record.ke_hoach, &loaded.record.kem_theo]
        .into_iter()
        .flatten()
        .map(|reference| std::fs::read(folder.join(reference.get_ref())).unwrap_or_default())
        .collect();
    let as_of = format!("{:?}", options.render.as_of);
    let inputs = stamp::inputs(
        [
            templates.fingerprint().as_slice(),
            as_of.as_bytes(),
            loaded.source.as_bytes(),
        ]
        .into_iter()
        .chain(named.iter().map(Vec::as_slice)),
    );
    if !options.force && !options.check_only && stamps.is_current(out, &job.relative, &inputs) {
        warnings.extend(loaded.warnings);
        let files = stamps.outputs(&job.relative);
        return Ok(Outcome::Unchanged {
            files: files.iter().map(|f| out.join(f)).collect(),
        });
    }
    let rendered = crate::render_loaded(loaded, templates, options.render)?;
    warnings.extend(rendered.warnings);
    if options.check_only {
        return Ok(Outcome::Checked);
    }
    let mut targets = Vec::new();
    for file in &rendered.files {
        let relative = output::with_suffix(&job.relative, &file.suffix);
        targets.push((output::output_path(out, &relative)?, relative, &file.bytes));
    }
    for (target, _, bytes) in &targets {
        output::write_atomic(target, bytes)?;
    }
    Ok(Outcome::Written {
        files: targets.iter().map(|(t, ..)| t.clone()).collect(),
        stamp: Stamp {
            inputs,
            outputs: targets
                .iter()
                .map(|(_, relative, bytes)| (relative.clone(), stamp::digest(bytes)))
                .collect(),
        },
    })
}
