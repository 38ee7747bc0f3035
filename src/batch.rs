//! Rendering a batch of records: on every core (rayon), with a progress bar on a terminal
//! (indicatif), skipping records whose inputs and outputs are as the last render left them
//! (see `stamp`), and reporting in the order the records were found, whatever order the
//! threads finish in, so logs and tests are stable.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::error::{Error, Warning};
use crate::messages::{Run, Seconds};
use crate::output::{self, Job};
use crate::stamp::{self, Stamp, Stamps};
use crate::template::Templates;
use crate::{RenderOptions, confine, record};

/// How a batch runs.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Options {
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
pub(crate) enum Outcome {
    Written {
        files: Vec<PathBuf>,
        stamp: Stamp,
    },
    /// Skipped; its outputs, still as written, are listed.
    Unchanged {
        files: Vec<PathBuf>,
    },
    /// Not written because these outputs were changed by a person since vanban wrote them;
    /// they are left exactly as they are (only `--force` replaces them).
    Kept {
        files: Vec<PathBuf>,
    },
    /// Rendered in memory by `vanban check`; nothing written.
    Checked,
    Failed(Error),
}

/// One record's outcome with the warnings its render raised.
#[derive(Debug)]
pub(crate) struct Report {
    pub job: Job,
    pub outcome: Outcome,
    pub warnings: Vec<Warning>,
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Summary {
    pub checked: usize,
    pub written: usize,
    pub unchanged: usize,
    pub kept: usize,
    pub failed: usize,
    /// PDFs written, when they were asked for (`render --pdf`).
    pub pdfs: Option<usize>,
}

/// A record rendered in memory, before anything is written: its outputs (relative to the
/// output folder) and the digest of its inputs.
#[derive(Debug)]
struct Planned {
    inputs: String,
    named: Vec<PathBuf>,
    outputs: Vec<(PathBuf, Vec<u8>)>,
}

/// The first stage's result for one record.
#[derive(Debug)]
enum Stage {
    Render(Planned),
    /// Checked by `vanban check`: the outputs a render would write (relative), none made.
    Checked(Vec<PathBuf>),
    Done(Outcome),
}

/// Renders every job into `out` and returns one report per job, in job order.
///
/// Three steps, so that nothing is written for a record that must not be: every record is
/// rendered in memory; outputs of two records that would land on the same file (compared
/// case-insensitively, as Windows and macOS do) fail both records; then each record's outputs
/// are written, unless one of them was edited by hand since vanban wrote it.
pub(crate) fn run(
    jobs: &[Job],
    out: &Path,
    templates: &Templates,
    options: Options,
) -> Vec<Report> {
    let stamps = if options.check_only {
        Stamps::default()
    } else {
        output::remove_abandoned_temporaries(out);
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
    // One thread's work runs on this thread: a worker thread would cost its start and a
    // malloc arena of its own (a fifth of a one-record run's time, in page faults).
    let sequential = jobs.len() <= 1 || options.threads == Some(1);
    let work = || {
        let staged: Vec<(Stage, Vec<Warning>)> = map_all(jobs.iter(), sequential, |job| {
            let staged = stage_job(job, out, templates, &stamps, options);
            bar.inc(1);
            staged
        });
        let staged = refuse_collisions(jobs, out, staged);
        let written = stamps.written_digests();
        map_all(staged.into_iter(), sequential, |(stage, warnings)| {
            let outcome = match stage {
                // `check` looks for collisions like `render`, writing nothing.
                Stage::Checked(_) => Outcome::Checked,
                Stage::Render(planned) => write_outputs(out, planned, &written, options.force),
                Stage::Done(outcome) => outcome,
            };
            (outcome, warnings)
        })
    };
    let pool = (!sequential).then(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads.unwrap_or(0))
            .build()
    });
    let outcomes = match pool {
        Some(Ok(pool)) => pool.install(work),
        _ => work(),
    };
    bar.finish_and_clear();
    jobs.iter()
        .zip(outcomes)
        .map(|(job, (outcome, warnings))| Report {
            job: job.clone(),
            outcome,
            warnings,
        })
        .collect()
}

/// `f` over `items` in order: on this thread, or on the current rayon pool's threads.
fn map_all<I, T, U>(items: I, sequential: bool, f: impl Fn(T) -> U + Sync + Send) -> Vec<U>
where
    I: Iterator<Item = T> + Send,
    T: Send,
    U: Send,
{
    if sequential {
        items.map(f).collect()
    } else {
        let items: Vec<T> = items.collect();
        items.into_par_iter().map(f).collect()
    }
}

/// Saves the stamps of the records just written, keeping those of records not in the batch.
pub(crate) fn save_stamps(out: &Path, reports: &[Report]) -> Result<(), Error> {
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

pub(crate) fn summarise(reports: &[Report]) -> Summary {
    let mut summary = Summary::default();
    for report in reports {
        match report.outcome {
            Outcome::Written { .. } => summary.written += 1,
            Outcome::Unchanged { .. } => summary.unchanged += 1,
            Outcome::Kept { .. } => summary.kept += 1,
            Outcome::Checked => summary.checked += 1,
            Outcome::Failed(_) => summary.failed += 1,
        }
    }
    summary
}

/// "3 written, 1 unchanged, 0 failed in 0.12 s"; with --pdf "…, 0 failed, 4 PDFs written in …".
pub(crate) fn summary_line(summary: Summary, elapsed: Duration) -> Run {
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

/// The key two output paths collide under: Windows and macOS compare file names without case
/// (and macOS without regard to Unicode composition).
fn collision_key(relative: &Path) -> String {
    use unicode_normalization::UnicodeNormalization;
    relative
        .to_string_lossy()
        .replace('\\', "/")
        .nfc()
        .collect::<String>()
        .to_lowercase()
}

/// Fails both records of every pair whose outputs (appendix files included) would land on the
/// same file; nothing is written for them. Outputs of unchanged records count too, since they
/// stay where they are.
fn refuse_collisions(
    jobs: &[Job],
    out: &Path,
    mut staged: Vec<(Stage, Vec<Warning>)>,
) -> Vec<(Stage, Vec<Warning>)> {
    let mut owners: HashMap<String, (usize, PathBuf)> = HashMap::new();
    let mut clashes: Vec<(usize, usize, PathBuf, PathBuf)> = Vec::new();
    for (index, (stage, _)) in staged.iter().enumerate() {
        let outputs: Vec<PathBuf> = match stage {
            Stage::Render(planned) => planned.outputs.iter().map(|(r, _)| r.clone()).collect(),
            Stage::Checked(outputs) => outputs.clone(),
            Stage::Done(Outcome::Unchanged { files }) => files
                .iter()
                .map(|f| f.strip_prefix(out).unwrap_or(f).to_path_buf())
                .collect(),
            Stage::Done(_) => continue,
        };
        for relative in outputs {
            match owners.entry(collision_key(&relative)) {
                Entry::Occupied(first) if first.get().0 != index => {
                    let (owner, theirs) = first.get().clone();
                    clashes.push((owner, index, theirs, relative));
                }
                Entry::Occupied(_) => {}
                Entry::Vacant(slot) => {
                    slot.insert((index, relative));
                }
            }
        }
    }
    for (first, second, first_output, second_output) in clashes {
        for (this, mine, other, theirs) in [
            (first, &first_output, second, &second_output),
            (second, &second_output, first, &first_output),
        ] {
            if matches!(staged[this].0, Stage::Done(Outcome::Failed(_))) {
                continue;
            }
            let same = Run::SameFileTwice {
                output: out.join(mine),
                first: out.join(theirs),
                other: jobs[other].record.clone(),
            };
            let refused = Error::about(&jobs[this].record, same).help(Run::RenameOne);
            staged[this].0 = Stage::Done(Outcome::Failed(refused));
        }
    }
    staged
}

/// Loads and renders one record in memory, or finds it unchanged since its last render.
fn stage_job(
    job: &Job,
    out: &Path,
    templates: &Templates,
    stamps: &Stamps,
    options: Options,
) -> (Stage, Vec<Warning>) {
    let mut warnings = Vec::new();
    let stage = match try_stage(job, out, templates, stamps, options, &mut warnings) {
        Ok(stage) => stage,
        Err(e) => Stage::Done(Outcome::Failed(e)),
    };
    (stage, warnings)
}

fn try_stage(
    job: &Job,
    out: &Path,
    templates: &Templates,
    stamps: &Stamps,
    options: Options,
    warnings: &mut Vec<Warning>,
) -> Result<Stage, Error> {
    let bytes = confine::read_record(&job.record)?;
    let as_of = format!("{:?}", options.render.as_of);
    // The record's bytes go to the parser; the input digest takes their digest.
    let record_digest = stamp::digest(&bytes);
    let digest = |named: &[Vec<u8>]| {
        stamp::inputs(
            [
                templates.fingerprint().as_slice(),
                as_of.as_bytes(),
                record_digest.as_bytes(),
            ]
            .into_iter()
            .chain(named.iter().map(Vec::as_slice)),
        )
    };
    // Decided from raw bytes before parsing: the files the record named when it was last
    // written follow from its bytes, so the same bytes name the same files.
    if !options.force && !options.check_only {
        if let Some(named) = stamps.named(&job.relative) {
            let named: Vec<Vec<u8>> = named.map(read_named).collect();
            if stamps.is_current(out, &job.relative, &digest(&named)) {
                let files = stamps.outputs(&job.relative);
                return Ok(Stage::Done(Outcome::Unchanged {
                    files: files.iter().map(|f| out.join(f)).collect(),
                }));
            }
        }
    }
    let loaded = record::from_bytes(&job.record, bytes)?;
    // The records this one names (a report's plan, the document a Công văn sends) are inputs
    // too; they must lie inside the folder tree being rendered.
    let mut named_paths = Vec::new();
    for (reference, what) in [
        (&loaded.record.ke_hoach, record::Named::Plan),
        (&loaded.record.kem_theo, record::Named::Document),
    ] {
        let Some(reference) = reference else { continue };
        named_paths.push(record::reference(
            &loaded,
            reference,
            what,
            Some(&job.root),
        )?);
    }
    let output_path = |suffix: &str| {
        let relative = output::with_suffix(&job.relative, suffix);
        output::output_path(out, &relative).map_err(|_| {
            let leaves = Run::OutputLeaves {
                path: relative.clone(),
            };
            Error::about(&job.record, leaves).help(Run::PlainName)
        })?;
        Ok::<_, Error>(relative)
    };
    if options.check_only {
        let checked = crate::pipeline::check_loaded(loaded, templates, options.render)?;
        warnings.extend(checked.warnings);
        let outputs = checked
            .suffixes
            .iter()
            .map(|suffix| output_path(suffix))
            .collect::<Result<_, _>>()?;
        return Ok(Stage::Checked(outputs));
    }
    let named_bytes: Vec<Vec<u8>> = named_paths.iter().map(|p| read_named(p)).collect();
    let inputs = digest(&named_bytes);
    let rendered = crate::render_loaded(loaded, templates, options.render)?;
    warnings.extend(rendered.warnings);
    let mut outputs = Vec::new();
    for file in rendered.files {
        outputs.push((output_path(&file.suffix)?, file.bytes));
    }
    Ok(Stage::Render(Planned {
        inputs,
        named: named_paths,
        outputs,
    }))
}

/// The bytes of a record another names, as a render's input; one that cannot be read counts
/// as empty (its render then fails on it).
fn read_named(path: &Path) -> Vec<u8> {
    confine::read_record(path).unwrap_or_default()
}

/// Writes a record's outputs, unless one of them is a file a person changed since vanban
/// wrote it (its digest is not the one in the stamps): then none is written, and the edited
/// files are reported as kept. `force` replaces them.
fn write_outputs(
    out: &Path,
    planned: Planned,
    written: &HashMap<PathBuf, String>,
    force: bool,
) -> Outcome {
    let edited: Vec<PathBuf> = planned
        .outputs
        .iter()
        .filter(|(relative, bytes)| {
            !force && is_edited(&out.join(relative), written.get(relative), bytes)
        })
        .map(|(relative, _)| out.join(relative))
        .collect();
    if !edited.is_empty() {
        return Outcome::Kept { files: edited };
    }
    let mut files = Vec::new();
    let mut outputs = Vec::new();
    for (relative, bytes) in planned.outputs {
        let target = out.join(&relative);
        if let Err(e) = output::write_atomic(&target, &bytes) {
            return Outcome::Failed(e);
        }
        outputs.push((relative, stamp::digest(&bytes)));
        files.push(target);
    }
    Outcome::Written {
        files,
        stamp: Stamp {
            inputs: planned.inputs,
            named: planned.named,
            outputs,
        },
    }
}

/// Whether the file at `target` holds something vanban did not write there: neither the
/// bytes about to be written nor those its stamp records. A file with no stamp at all (the
/// stamps were deleted, or a person put it there) counts as edited: it is not vanban's to
/// replace.
fn is_edited(target: &Path, stamped: Option<&String>, bytes: &[u8]) -> bool {
    let Ok(current) = std::fs::read(target) else {
        return false;
    };
    if current == bytes {
        return false;
    }
    stamped.is_none_or(|digest| stamp::digest(&current) != *digest)
}
